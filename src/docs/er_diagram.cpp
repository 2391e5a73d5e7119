#include "docs/er_diagram.hpp"

#include <fmt/core.h>

#include "docs/page_paths.hpp"
#include "docs/schema_facts.hpp"

namespace flick::docs {
namespace {

// Mermaid's quoted entity names may not hold '"', '%' or '\'.
std::string entity(const std::string& schema, const std::string& name) {
  std::string text = display_name(schema, name);
  for (char& c : text) {
    if (c == '"' || c == '%' || c == '\\' || c == '\n' || c == '\r') c = '_';
  }
  return "\"" + text + "\"";
}

bool attribute_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("_-[]().,").find(c) != std::string_view::npos ||
         static_cast<unsigned char>(c) >= 0xC0;
}

// Mermaid attribute types and names are single words: "timestamp (3) with time zone" becomes
// "timestamp(3)_with_time_zone", "numeric(10, 2)" becomes "numeric(10,2)".
std::string attribute_word(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ') {
      bool before_paren = i + 1 < text.size() && text[i + 1] == '(';
      bool after_comma = !out.empty() && out.back() == ',';
      if (!before_paren && !after_comma) out += '_';
    } else {
      out += attribute_char(c) ? c : '_';
    }
  }
  bool starts_well =
      !out.empty() && ((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z') ||
                       out[0] == '_' || static_cast<unsigned char>(out[0]) >= 0xC0);
  return starts_well ? out : "_" + out;
}

std::string keys_of(const model::Table& table, const model::Column& column) {
  std::vector<std::string> keys;
  if (in_primary_key(table, column.name)) keys.push_back("PK");
  if (in_foreign_key(table, column.name)) keys.push_back("FK");
  if (has_single_column_unique(table, column.name)) keys.push_back("UK");
  std::string out;
  for (const std::string& key : keys) out += (out.empty() ? " " : ", ") + key;
  return out;
}

bool all_not_null(const model::Table& table, const std::vector<std::string>& columns) {
  for (const std::string& name : columns) {
    const model::Column* column = model::find_column(table, name);
    if (!column || !column->not_null) return false;
  }
  return true;
}

std::string relationship(const model::Table& child, const model::ForeignKey& foreign_key) {
  std::string parent_side = all_not_null(child, foreign_key.columns) ? "||" : "|o";
  std::string child_side = columns_are_unique(child, foreign_key.columns) ? "o|" : "o{";
  std::string label;
  for (const std::string& column : foreign_key.columns) {
    label += (label.empty() ? "" : ", ") + column;
  }
  for (char& c : label) {
    if (c == '"') c = '\'';
  }
  return fmt::format("  {} {}--{} {} : \"{}\"\n",
                     entity(foreign_key.ref_schema, foreign_key.ref_table), parent_side, child_side,
                     entity(child.schema, child.name), label);
}

}  // namespace

std::string er_diagram(const std::vector<const model::Table*>& tables) {
  std::string out = "erDiagram\n";
  for (const model::Table* table : tables) {
    if (table->columns.empty()) {
      out += fmt::format("  {}\n", entity(table->schema, table->name));
      continue;
    }
    out += fmt::format("  {} {{\n", entity(table->schema, table->name));
    for (const model::Column& column : table->columns) {
      out += fmt::format("    {} {}{}\n", attribute_word(column.type), attribute_word(column.name),
                         keys_of(*table, column));
    }
    out += "  }\n";
  }
  for (const model::Table* table : tables) {
    for (const model::ForeignKey& foreign_key : table->foreign_keys) {
      out += relationship(*table, foreign_key);
    }
  }
  return out;
}

}  // namespace flick::docs

#include "write_sql.hpp"

#include <fmt/format.h>

#include <fstream>
#include <stdexcept>
#include <string>

namespace flick::bench {
namespace {

std::string quoted_list(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& value : values) {
    if (!out.empty()) out += ", ";
    out += "'" + value + "'";
  }
  return out;
}

std::string enums_sql(const SynthSchema& schema) {
  std::string out = "-- Synthetic benchmark schema: enum types.\n";
  for (const auto& e : schema.enums) {
    out += fmt::format("CREATE TYPE {} AS ENUM ({});\n", e.name, quoted_list(e.values));
  }
  return out;
}

std::string table_sql(const SynthSchema& schema, const SynthTable& table) {
  const SynthEnum& state_enum = schema.enums[table.enum_index];
  std::string out = fmt::format("CREATE TABLE {} (\n", table.name);
  out += "  id serial PRIMARY KEY,\n";
  out += "  name varchar(100) NOT NULL,\n";
  out += fmt::format("  state {} NOT NULL DEFAULT '{}',\n", state_enum.name, state_enum.values[0]);
  out += "  amount numeric(12, 2),\n";
  out += "  is_active boolean NOT NULL DEFAULT true,\n";
  out += "  payload jsonb,\n";
  out += "  created_at timestamptz NOT NULL DEFAULT now(),\n";
  out += "  parent_id integer";
  if (!table.parent.empty()) {
    out += fmt::format(
        ",\n  CONSTRAINT {} FOREIGN KEY (parent_id) REFERENCES {} (id) ON DELETE CASCADE",
        foreign_key_name(table), table.parent);
  }
  out += "\n);\n";
  out += fmt::format("CREATE INDEX {} ON {} (name);\n", name_index_name(table), table.name);
  out += fmt::format("CREATE INDEX {} ON {} (state, created_at);\n\n", state_index_name(table),
                     table.name);
  return out;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

void write_sql(const SynthSchema& schema, const std::filesystem::path& dir,
               std::size_t tables_per_file) {
  std::filesystem::create_directories(dir);
  write_file(dir / "00_enums.sql", enums_sql(schema));
  for (std::size_t first = 0; first < schema.tables.size(); first += tables_per_file) {
    std::string text = "-- Synthetic benchmark schema: tables.\n";
    for (std::size_t i = first; i < schema.tables.size() && i < first + tables_per_file; ++i) {
      text += table_sql(schema, schema.tables[i]);
    }
    write_file(dir / fmt::format("tables_{:04}.sql", first + 1), text);
  }
}

}  // namespace flick::bench

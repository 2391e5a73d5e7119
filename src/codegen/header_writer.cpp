#include <fmt/core.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "codegen/codegen.hpp"
#include "codegen/type_map.hpp"
#include "flick/error.hpp"

namespace flick::codegen {

namespace {

// A C++ string literal holding `text`.
std::string cpp_literal(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte == 0x7f) {
      out += fmt::format("\\{:03o}", byte);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string quote_identifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string qualified_sql_name(const std::string& schema, const std::string& name) {
  return quote_identifier(schema) + "." + quote_identifier(name);
}

// Type and member names a schema object gets; non-public schemas prefix them.
std::string type_base(const std::string& schema, const std::string& name) {
  return cpp_type_name(schema, name);
}
std::string instance_name(const std::string& schema, const std::string& name) {
  return schema == model::kDefaultSchema ? snake_name(name)
                                         : snake_name(schema) + "_" + snake_name(name);
}

// Members of a generated table type that a column must not shadow.
const std::set<std::string> kReservedMembers = {
    "Row", "Insert", "sql_name", "columns", "select_list", "insert_values", "row_values"};

void claim(std::map<std::string, std::string>& taken, const std::string& cpp_name,
           const std::string& owner, const std::string& scope) {
  auto [it, inserted] = taken.emplace(cpp_name, owner);
  if (!inserted) {
    throw UserError(fmt::format("{}: {} and {} both become the C++ name {} (flick codegen)", scope,
                                it->second, owner, cpp_name));
  }
}

struct ColumnPlan {
  const model::Column* column;
  std::string member;
  std::string value_type;  // non-NULL value
  bool nullable;
  bool has_default;
  bool writable;  // not GENERATED, not an ALWAYS identity
};

bool is_serial(const std::string& type) {
  return type == "serial" || type == "bigserial" || type == "smallserial";
}

std::vector<ColumnPlan> plan_columns(const model::Catalog& catalog, const model::Table& table) {
  std::vector<ColumnPlan> plans;
  std::map<std::string, std::string> taken;
  std::string scope = table.schema + "." + table.name;
  std::vector<std::string> sql_names;
  for (const model::Column& column : table.columns) sql_names.push_back(column.name);
  std::vector<std::string> members = member_names(sql_names, kReservedMembers);
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const model::Column& column = table.columns[i];
    ColumnPlan plan;
    plan.column = &column;
    plan.member = members[i];
    claim(taken, plan.member, "column " + column.name, scope);
    plan.value_type = cpp_value_type(catalog, table, column);
    plan.nullable = !column.not_null && !column.primary_key;
    plan.has_default =
        column.default_expr.has_value() || column.identity.has_value() || is_serial(column.type);
    plan.writable = !column.generated.has_value() &&
                    !(column.identity && column.identity->kind == model::IdentityKind::kAlways);
    plans.push_back(std::move(plan));
  }
  if (table.primary_key) {
    for (ColumnPlan& plan : plans) {
      for (const std::string& key : table.primary_key->columns) {
        if (key == plan.column->name) plan.nullable = false;
      }
    }
  }
  return plans;
}

std::string optional_of(const std::string& type) { return "std::optional<" + type + ">"; }

// A composite type as the header writes it: a struct whose fields (every attribute, in order) are
// std::optional, since an attribute is always nullable.
struct CompositePlan {
  const model::CompositeType* type;
  std::string name;                      // the C++ struct
  std::vector<std::string> members;      // per attribute
  std::vector<std::string> value_types;  // per attribute, the non-NULL value
  std::string unmappable;                // why it is left out; "" when written
};

// Composite types in an order where each comes after the composite types its attributes use
// (catalog order otherwise), so every struct is complete where another one uses it.
std::vector<CompositePlan> plan_composites(const model::Catalog& catalog) {
  std::vector<const model::CompositeType*> ordered;
  std::set<const model::CompositeType*> placed;
  std::set<const model::CompositeType*> visiting;
  std::function<void(const model::CompositeType*)> place = [&](const model::CompositeType* type) {
    if (placed.count(type) > 0 || visiting.count(type) > 0) return;
    visiting.insert(type);
    for (const model::CompositeAttribute& attribute : type->attributes) {
      std::string used = attribute.type;
      while (used.ends_with("[]")) used.resize(used.size() - 2);
      // Through domains too: a domain over a composite type is that type to the client.
      for (int depth = 0; depth < 32; ++depth) {
        std::size_t dot = used.find('.');
        if (dot == std::string::npos) break;
        std::string schema = used.substr(0, dot);
        std::string name = used.substr(dot + 1);
        if (const model::CompositeType* inner = catalog.find_composite_type(schema, name)) {
          place(inner);
          break;
        }
        const model::Domain* domain = catalog.find_domain(schema, name);
        if (domain == nullptr) break;
        used = domain->base_type;
        while (used.ends_with("[]")) used.resize(used.size() - 2);
      }
    }
    visiting.erase(type);
    placed.insert(type);
    ordered.push_back(type);
  };
  for (const model::CompositeType& type : catalog.composite_types) place(&type);

  std::vector<CompositePlan> plans;
  for (const model::CompositeType* type : ordered) {
    CompositePlan plan;
    plan.type = type;
    plan.name = type_base(type->schema, type->name);
    std::map<std::string, std::string> taken;
    std::vector<std::string> sql_names;
    for (const auto& attribute : type->attributes) sql_names.push_back(attribute.name);
    plan.members = member_names(sql_names);
    for (std::size_t i = 0; i < type->attributes.size(); ++i) {
      const model::CompositeAttribute& attribute = type->attributes[i];
      claim(taken, plan.members[i], "attribute " + attribute.name,
            "composite type " + type->schema + "." + type->name);
      try {
        plan.value_types.push_back(cpp_value_type(catalog, *type, attribute));
      } catch (const UserError& error) {
        if (plan.unmappable.empty()) plan.unmappable = error.what();
      }
    }
    plans.push_back(std::move(plan));
  }
  return plans;
}

class Writer {
 public:
  Writer(const model::Catalog& catalog, const Options& options)
      : catalog_(catalog), options_(options) {}

  std::string run() {
    check_names();
    line("// Generated by `flick codegen` from {}. Do not edit; run flick codegen again.",
         options_.source);
    line("#pragma once");
    line("");
    for (const char* header : {"array", "cstdint", "optional", "string", "string_view", "vector"}) {
      line("#include <{}>", header);
    }
    line("");
    line("#include <flick/client.hpp>");
    if (!catalog_.enums.empty()) write_enums();
    if (!catalog_.composite_types.empty()) write_composites();
    if (!catalog_.tables.empty()) {
      open_namespace();
      line("");
      line("// Table descriptors, declared first: relation members name each other.");
      for (const model::Table& table : catalog_.tables) {
        line("struct {}Table;", type_base(table.schema, table.name));
      }
      for (const model::Table& table : catalog_.tables) write_table(table);
      close_namespace();
    }
    write_row_traits();
    return out_;
  }

 private:
  template <class... Args>
  void line(fmt::format_string<Args...> format, Args&&... args) {
    out_ += fmt::format(format, std::forward<Args>(args)...);
    out_ += '\n';
  }

  void open_namespace() {
    line("");
    line("namespace {} {{", options_.cpp_namespace);
  }
  void close_namespace() {
    line("");
    line("}}  // namespace {}", options_.cpp_namespace);
  }

  void check_names() {
    std::map<std::string, std::string> types;
    std::map<std::string, std::string> instances;
    for (const model::Enum& e : catalog_.enums) {
      claim(types, type_base(e.schema, e.name), "enum " + e.schema + "." + e.name, "codegen");
    }
    for (const model::CompositeType& type : catalog_.composite_types) {
      claim(types, type_base(type.schema, type.name),
            "composite type " + type.schema + "." + type.name, "codegen");
    }
    for (const model::Table& table : catalog_.tables) {
      std::string owner = "table " + table.schema + "." + table.name;
      for (const char* suffix : {"Row", "Insert", "Table"}) {
        claim(types, type_base(table.schema, table.name) + suffix, owner, "codegen");
      }
      claim(instances, instance_name(table.schema, table.name), owner, "codegen");
    }
  }

  void write_enums() {
    open_namespace();
    for (const model::Enum& e : catalog_.enums) {
      std::string name = type_base(e.schema, e.name);
      std::map<std::string, std::string> taken;
      std::vector<std::string> enumerators;
      std::vector<std::string> labels;
      for (const std::string& label : e.values) {
        enumerators.push_back(enumerator_name(label));
        claim(taken, enumerators.back(), "label '" + label + "'", "enum " + e.name);
        labels.push_back(cpp_literal(label));
      }
      line("");
      line("// enum {}", qualified_sql_name(e.schema, e.name));
      line("enum class {} {{", name);
      for (const std::string& enumerator : enumerators) line("  {},", enumerator);
      line("}};");
      line("inline constexpr std::array<std::string_view, {}> k{}Labels = {{", labels.size(), name);
      for (const std::string& label : labels) line("    {},", label);
      line("}};");
      line("inline std::string_view to_string({} value) {{", name);
      line("  return k{}Labels[static_cast<std::size_t>(value)];", name);
      line("}}");
      line("inline std::optional<{0}> {1}_from_string(std::string_view label) {{", name,
           instance_name(e.schema, e.name));
      line("  for (std::size_t i = 0; i < k{}Labels.size(); ++i) {{", name);
      line("    if (k{}Labels[i] == label) return static_cast<{}>(i);", name, name);
      line("  }}");
      line("  return std::nullopt;");
      line("}}");
    }
    close_namespace();
    line("");
    line("namespace flick::client {{");
    for (const model::Enum& e : catalog_.enums) {
      std::string name = "::" + options_.cpp_namespace + "::" + type_base(e.schema, e.name);
      std::string labels =
          "::" + options_.cpp_namespace + "::k" + type_base(e.schema, e.name) + "Labels";
      line("");
      line("template <>");
      line("struct EnumTraits<{}> : EnumLabels<{}, {}> {{", name, name, labels);
      line("  static constexpr std::string_view pg_name = {};",
           cpp_literal(qualified_sql_name(e.schema, e.name)));
      line("}};");
    }
    line("");
    line("}}  // namespace flick::client");
  }

  // Per composite type a struct, and a ValueTraits specialisation reading and writing its record
  // text (detail::split_record / write_array_element), so it works as a column type, a parameter,
  // an array element and an attribute of another composite type. One whose attributes do not
  // all map is left out with a comment saying why (a column using it is an error).
  void write_composites() {
    std::vector<CompositePlan> plans = plan_composites(catalog_);
    open_namespace();
    for (const CompositePlan& plan : plans) {
      const model::CompositeType& type = *plan.type;
      line("");
      if (!plan.unmappable.empty()) {
        line("// composite type {} is left out: {}", qualified_sql_name(type.schema, type.name),
             plan.unmappable);
        continue;
      }
      line("// composite type {}", qualified_sql_name(type.schema, type.name));
      line("struct {} {{", plan.name);
      for (std::size_t i = 0; i < plan.members.size(); ++i) {
        line("  {} {}{{}};", optional_of(plan.value_types[i]), plan.members[i]);
      }
      if (!plan.members.empty()) line("");
      line("  bool operator==(const {}&) const = default;", plan.name);
      line("}};");
    }
    close_namespace();
    line("");
    line("namespace flick::client {{");
    for (const CompositePlan& plan : plans) {
      if (!plan.unmappable.empty()) continue;
      std::string name = "::" + options_.cpp_namespace + "::" + plan.name;
      std::size_t count = plan.members.size();
      line("");
      line("template <>");
      line("struct ValueTraits<{}> {{", name);
      line("  static void write(const {}& value, std::string& out) {{", name);
      if (count > 0) {
        line("    auto field = [&out]<class T>(const std::optional<T>& member) {{");
        line("      if (!member) return;");
        line("      std::string text;");
        line("      ValueTraits<T>::write(*member, text);");
        line("      detail::write_array_element(text, out);");
        line("    }};");
      }
      line("    out += '(';");
      for (std::size_t i = 0; i < count; ++i) {
        if (i > 0) line("    out += ',';");
        line("    field(value.{});", plan.members[i]);
      }
      line("    out += ')';");
      line("  }}");
      line("  static {} read(std::string_view text) {{", name);
      if (count == 0) {
        line("    detail::split_record(text, 0);");
        line("    return {{}};");
      } else {
        line("    std::vector<std::optional<std::string>> fields = detail::split_record(text, {});",
             count);
        line("    auto field = []<class T>(const std::optional<std::string>& field_text,");
        line("                             std::optional<T>& member) {{");
        line("      if (field_text) member = ValueTraits<T>::read(*field_text);");
        line("    }};");
        line("    {} value;", name);
        for (std::size_t i = 0; i < count; ++i) {
          line("    field(fields[{}], value.{});", i, plan.members[i]);
        }
        line("    return value;");
      }
      line("  }}");
      line("}};");
    }
    line("");
    line("}}  // namespace flick::client");
  }

  void write_table(const model::Table& table) {
    std::vector<ColumnPlan> plans = plan_columns(catalog_, table);
    std::string base = type_base(table.schema, table.name);
    line("");
    line("// table {}", qualified_sql_name(table.schema, table.name));
    line("struct {}Row {{", base);
    for (const ColumnPlan& plan : plans) {
      line("  {} {}{{}};", plan.nullable ? optional_of(plan.value_type) : plan.value_type,
           plan.member);
    }
    line("");
    line("  bool operator==(const {}Row&) const = default;", base);
    line("}};");
    line("");
    line("// Unset optional fields take the column's DEFAULT (NULL when it has none).");
    line("struct {}Insert {{", base);
    for (const ColumnPlan& plan : plans) {
      if (!plan.writable) continue;
      bool optional = plan.nullable || plan.has_default;
      line("  {} {}{{}};", optional ? optional_of(plan.value_type) : plan.value_type, plan.member);
    }
    line("}};");
    line("");
    std::vector<std::string> quoted;
    std::string select_list;
    for (const ColumnPlan& plan : plans) {
      quoted.push_back(cpp_literal(quote_identifier(plan.column->name)));
      select_list += (select_list.empty() ? "" : ", ") + quote_identifier(plan.column->name);
    }
    line("struct {}Table {{", base);
    line("  using Row = {}Row;", base);
    line("  using Insert = {}Insert;", base);
    line("  static constexpr std::string_view sql_name = {};",
         cpp_literal(qualified_sql_name(table.schema, table.name)));
    line("  static constexpr std::array<std::string_view, {}> columns = {{", plans.size());
    for (const std::string& name : quoted) line("      {},", name);
    line("  }};");
    line("  static constexpr std::string_view select_list =");
    line("      {};", cpp_literal(select_list));
    line("");
    for (std::size_t i = 0; i < plans.size(); ++i) {
      const ColumnPlan& plan = plans[i];
      line("  flick::client::Column<{}Table, {}> {}{{{}}};", base,
           plan.nullable ? optional_of(plan.value_type) : plan.value_type, plan.member, quoted[i]);
    }
    write_relations(table, plans, base);
    line("");
    line("  static void insert_values(const Insert& row, flick::client::InsertValues& out) {{");
    for (std::size_t i = 0; i < plans.size(); ++i) {
      const ColumnPlan& plan = plans[i];
      if (!plan.writable) continue;
      bool optional = plan.nullable || plan.has_default;
      line("    out.{}({}, row.{});", optional ? "set_if" : "set", i, plan.member);
    }
    line("  }}");
    line("  static void row_values(const Row& row, flick::client::InsertValues& out) {{");
    for (std::size_t i = 0; i < plans.size(); ++i) {
      if (plans[i].writable) line("    out.set({}, row.{});", i, plans[i].member);
    }
    line("  }}");
    line("}};");
    line("inline constexpr {}Table {}{{}};", base, instance_name(table.schema, table.name));
  }

  const model::Table* find_table(const std::string& schema, const std::string& name) const {
    for (const model::Table& table : catalog_.tables) {
      if (table.schema == schema && table.name == name) return &table;
    }
    return nullptr;
  }

  // The referenced columns of `fk`: its own list, or the referenced table's primary key.
  static std::vector<std::string> referenced_columns(const model::ForeignKey& fk,
                                                     const model::Table& target) {
    if (!fk.ref_columns.empty()) return fk.ref_columns;
    if (target.primary_key) return target.primary_key->columns;
    return {};
  }

  // The stem of a relation name from the foreign key's columns: "postId" -> "post",
  // "parentCommentId" -> "parent_comment", "postedBy" -> "posted_by".
  static std::string relation_stem(const model::ForeignKey& fk) {
    if (fk.columns.size() != 1) return "";
    std::string stem = snake_name(fk.columns[0]);
    if (stem.size() > 3 && stem.ends_with("_id")) stem.resize(stem.size() - 3);
    return stem;
  }

  static std::string quoted_list(const std::vector<std::string>& columns) {
    std::string out;
    for (const std::string& column : columns) {
      out += (out.empty() ? "" : ", ") + cpp_literal(quote_identifier(column));
    }
    return out;
  }

  // One relation member per foreign key of `table` (One: the row it points at) and per foreign
  // key of another table pointing at it (Many: the rows that point at a row of `table`). Names:
  // the stem ("post", "posted_by_platform_user"), the other table ("comments", or
  // "comments_by_parent_comment" when that table has several such keys or is `table` itself); a
  // name a column (or an earlier relation) holds gets "_rows" / "_ref" appended until free.
  void write_relations(const model::Table& table, const std::vector<ColumnPlan>& plans,
                       const std::string& base) {
    std::set<std::string> taken = kReservedMembers;
    for (const ColumnPlan& plan : plans) taken.insert(plan.member);
    auto claim_free = [&](std::string name, const char* suffix) {
      while (taken.count(name) > 0) name += suffix;
      taken.insert(name);
      return name;
    };
    bool any = false;
    for (const model::ForeignKey& fk : table.foreign_keys) {
      const model::Table* target = find_table(fk.ref_schema, fk.ref_table);
      if (target == nullptr) continue;
      std::vector<std::string> remote = referenced_columns(fk, *target);
      if (remote.size() != fk.columns.size()) continue;
      bool optional = false;
      for (const std::string& column : fk.columns) {
        for (const ColumnPlan& plan : plans) {
          if (plan.column->name == column && plan.nullable) optional = true;
        }
      }
      std::string target_name = instance_name(target->schema, target->name);
      std::string stem = relation_stem(fk);
      std::string name = stem.empty()                        ? target_name
                         : snake_name(fk.columns[0]) == stem ? stem + "_" + target_name
                                                             : stem;
      if (!any) line("");
      any = true;
      line("  // {} -> {}", fk.name, qualified_sql_name(target->schema, target->name));
      line("  flick::client::One<{}Table, {}Table, {}, {}> {}{{{{{}}}, {{{}}}}};", base,
           type_base(target->schema, target->name), fk.columns.size(), optional ? "true" : "false",
           claim_free(name, "_ref"), quoted_list(fk.columns), quoted_list(remote));
    }
    for (const model::Table& other : catalog_.tables) {
      int keys_to_table = 0;
      for (const model::ForeignKey& fk : other.foreign_keys) {
        if (fk.ref_schema == table.schema && fk.ref_table == table.name) ++keys_to_table;
      }
      for (const model::ForeignKey& fk : other.foreign_keys) {
        if (fk.ref_schema != table.schema || fk.ref_table != table.name) continue;
        std::vector<std::string> local = referenced_columns(fk, table);
        if (local.size() != fk.columns.size()) continue;
        std::string name = instance_name(other.schema, other.name);
        bool self = &other == &table;
        if (keys_to_table > 1 || self) {
          std::string stem = relation_stem(fk);
          name += "_by_" + (stem.empty() ? snake_name(fk.name) : stem);
        }
        if (!any) line("");
        any = true;
        line("  // {} <- {} {}", qualified_sql_name(table.schema, table.name),
             qualified_sql_name(other.schema, other.name), fk.name);
        line("  flick::client::Many<{}Table, {}Table, {}> {}{{{{{}}}, {{{}}}}};", base,
             type_base(other.schema, other.name), fk.columns.size(), claim_free(name, "_rows"),
             quoted_list(local), quoted_list(fk.columns));
      }
    }
  }

  void write_row_traits() {
    if (catalog_.tables.empty()) return;
    line("");
    line("namespace flick::client {{");
    for (const model::Table& table : catalog_.tables) {
      std::vector<ColumnPlan> plans = plan_columns(catalog_, table);
      std::string row =
          "::" + options_.cpp_namespace + "::" + type_base(table.schema, table.name) + "Row";
      line("");
      line("template <>");
      line("struct RowTraits<{}> {{", row);
      line("  // The row from the columns starting at `first`, in declaration order.");
      line("  static {} read(const Row& row, int first = 0) {{", row);
      line("    return {{");
      for (std::size_t i = 0; i < plans.size(); ++i) {
        line("        row.get<decltype({}::{})>(first + {}),", row, plans[i].member, i);
      }
      line("    }};");
      line("  }}");
      line("}};");
      line("");
      line("// A row as record text (ROW(...) of its columns), for the relational query form.");
      line("template <>");
      line("struct ValueTraits<{}> {{", row);
      line("  static {} read(std::string_view text) {{", row);
      line("    std::vector<std::optional<std::string>> fields = detail::split_record(text, {});",
           plans.size());
      line("    return {{");
      for (std::size_t i = 0; i < plans.size(); ++i) {
        line("        detail::read_field<decltype({}::{})>(fields[{}]),", row, plans[i].member, i);
      }
      line("    }};");
      line("  }}");
      line("}};");
    }
    line("");
    line("}}  // namespace flick::client");
  }

  const model::Catalog& catalog_;
  const Options& options_;
  std::string out_;
};

}  // namespace

std::string generate_header(const model::Catalog& catalog, const Options& options) {
  return Writer(catalog, options).run();
}

}  // namespace flick::codegen

#include <fmt/core.h>

#include "lint/linter.hpp"

namespace flick::lint {
namespace {

std::string display_name(const std::string& schema, const std::string& name) {
  if (schema.empty() || schema == "public") return fmt::format("\"{}\"", name);
  return fmt::format("\"{}\".\"{}\"", schema, name);
}

}  // namespace

std::string relation_key(const PgQuery__RangeVar* relation) {
  std::string schema = sqlparse::is_set(relation->schemaname) ? relation->schemaname : "public";
  return schema + "." + relation->relname;
}

std::string relation_display(const PgQuery__RangeVar* relation) {
  return display_name(relation->schemaname, relation->relname);
}

std::string names_key(PgQuery__Node** names, std::size_t count) {
  std::string schema = count >= 2 ? sqlparse::string_value(names[count - 2]) : "public";
  return schema + "." + (count >= 1 ? sqlparse::string_value(names[count - 1]) : "");
}

std::string names_display(PgQuery__Node** names, std::size_t count) {
  std::string schema = count >= 2 ? sqlparse::string_value(names[count - 2]) : "";
  return display_name(schema, count >= 1 ? sqlparse::string_value(names[count - 1]) : "");
}

std::string type_base_name(const PgQuery__TypeName* type) {
  if (type == nullptr || type->n_names == 0) return "";
  const PgQuery__Node* last = type->names[type->n_names - 1];
  if (last->node_case != PG_QUERY__NODE__NODE_STRING) return "";
  return sqlparse::string_value(last);
}

bool is_existing_table(const FileState& state, const PgQuery__RangeVar* relation) {
  return relation != nullptr && state.created_tables.count(relation_key(relation)) == 0;
}

}  // namespace flick::lint

#include "emit/sql_text.hpp"

#include <fmt/format.h>

#include <string_view>

#include "sqlparse/sqlparse.hpp"

namespace flick::emit {
namespace {

// Types drizzle-kit writes bare; it quotes every other type name (a known drizzle quirk that
// is harmless for plain names such as "inet", and kept for byte-compatible output).
constexpr std::string_view kDrizzleNativeTypes[] = {
    "uuid",
    "smallint",
    "integer",
    "bigint",
    "boolean",
    "text",
    "varchar",
    "serial",
    "bigserial",
    "decimal",
    "numeric",
    "real",
    "json",
    "jsonb",
    "time",
    "timestamp",
    "date",
    "interval",
    "double precision",
    "char",
    "vector",
    "geometry",
};

bool drizzle_writes_bare(const std::string& base) {
  for (std::string_view native : kDrizzleNativeTypes) {
    if (base.compare(0, native.size(), native) == 0) return true;
  }
  return false;
}

// True for names that are still the same type when quoted: lower-case letters, digits and '_'.
// smallserial is a keyword-like alias, not a type, so it must stay bare.
bool safe_to_quote(const std::string& base) {
  if (base.empty() || base == "smallserial") return false;
  for (char c : base) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// Splits "mood[][]" into "mood" and "[][]".
std::pair<std::string, std::string> split_array(const std::string& type) {
  std::size_t bracket = type.find('[');
  if (bracket == std::string::npos) return {type, ""};
  return {type.substr(0, bracket), type.substr(bracket)};
}

}  // namespace

std::string quoted(const std::string& identifier) { return sqlparse::quote_identifier(identifier); }

std::string table_name(const diff::QualifiedName& name) {
  if (name.schema.empty() || name.schema == model::kDefaultSchema) return quoted(name.name);
  return quoted(name.schema) + "." + quoted(name.name);
}

std::string qualified_name(const diff::QualifiedName& name) {
  return quoted(name.schema.empty() ? std::string(model::kDefaultSchema) : name.schema) + "." +
         quoted(name.name);
}

std::string column_type(const std::string& type, const std::string& type_schema) {
  auto [base, array] = split_array(type);
  if (!type_schema.empty()) {
    std::string prefix = type_schema == model::kDefaultSchema ? "" : quoted(type_schema) + ".";
    return prefix + quoted(base) + array;
  }
  if (drizzle_writes_bare(base) || !safe_to_quote(base)) return type;
  return quoted(base) + array;
}

std::string cast_type(const std::string& type, const std::string& type_schema) {
  if (type_schema.empty()) return type;
  auto [base, array] = split_array(type);
  return quoted(type_schema) + "." + quoted(base) + array;
}

std::string identity_clause(const diff::QualifiedName& table, const model::Identity& identity) {
  const model::SequenceOptions& options = identity.options;
  std::string clause =
      fmt::format("GENERATED {} AS IDENTITY (sequence name {}",
                  identity.kind == model::IdentityKind::kAlways ? "ALWAYS" : "BY DEFAULT",
                  table_name({table.schema, identity.sequence_name}));
  if (!options.increment.empty()) clause += " INCREMENT BY " + options.increment;
  if (!options.min_value.empty()) clause += " MINVALUE " + options.min_value;
  if (!options.max_value.empty()) clause += " MAXVALUE " + options.max_value;
  if (!options.start_with.empty()) clause += " START WITH " + options.start_with;
  if (!options.cache.empty()) clause += " CACHE " + options.cache;
  if (options.cycle) clause += " CYCLE";
  return clause + ")";
}

std::string column_definition(const diff::QualifiedName& table, const model::Column& column,
                              bool inline_primary_key, bool in_create_table) {
  std::string text = quoted(column.name) + " " + column_type(column.type, column.type_schema);
  if (!column.collation.empty()) text += " COLLATE " + column.collation;
  if (inline_primary_key && column.primary_key) text += " PRIMARY KEY";
  if (column.default_expr) text += " DEFAULT " + *column.default_expr;
  if (column.generated) text += " GENERATED ALWAYS AS (" + *column.generated + ") STORED";
  // drizzle leaves NOT NULL out of CREATE TABLE for identity columns (identity implies it).
  if (column.not_null && !(in_create_table && column.identity)) text += " NOT NULL";
  if (column.identity) text += " " + identity_clause(table, *column.identity);
  return text;
}

std::string column_list(const std::vector<std::string>& columns) {
  std::string text;
  for (const std::string& column : columns) {
    if (!text.empty()) text += ",";
    text += quoted(column);
  }
  return text;
}

}  // namespace flick::emit

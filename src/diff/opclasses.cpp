#include "diff/opclasses.hpp"

#include <map>
#include <string_view>

namespace flick::diff {
namespace {

// The type's name without modifiers or array brackets, as pg_opclass names it: "varchar(255)"
// -> "text" (varchar keys use text's classes), "timestamp (3) with time zone" -> "timestamptz".
std::string opclass_type(std::string type, bool* is_array) {
  *is_array = type.size() > 2 && type.ends_with("[]");
  while (type.size() > 2 && type.ends_with("[]")) type.resize(type.size() - 2);
  bool with_zone = type.find("with time zone") != std::string::npos;
  std::size_t cut = type.find_first_of("( ");
  std::string base = type.substr(0, cut);
  static const std::map<std::string, std::string, std::less<>> kAliases = {
      {"smallint", "int2"},     {"smallserial", "int2"},  {"int2", "int2"},
      {"integer", "int4"},      {"int", "int4"},          {"int4", "int4"},
      {"serial", "int4"},       {"bigint", "int8"},       {"int8", "int8"},
      {"bigserial", "int8"},    {"text", "text"},         {"varchar", "text"},
      {"character", "bpchar"},  {"char", "bpchar"},       {"bpchar", "bpchar"},
      {"uuid", "uuid"},         {"boolean", "bool"},      {"bool", "bool"},
      {"numeric", "numeric"},   {"decimal", "numeric"},   {"real", "float4"},
      {"float4", "float4"},     {"double", "float8"},     {"float8", "float8"},
      {"date", "date"},         {"interval", "interval"}, {"bytea", "bytea"},
      {"inet", "inet"},         {"cidr", "inet"},         {"jsonb", "jsonb"},
      {"money", "money"},       {"macaddr", "macaddr"},   {"macaddr8", "macaddr8"},
      {"tsvector", "tsvector"}, {"oid", "oid"},           {"name", "name"},
      {"bit", "bit"},           {"varbit", "varbit"},     {"timestamptz", "timestamptz"},
      {"timetz", "timetz"},
  };
  if (base == "character" && type.find("varying") != std::string::npos) return "text";
  if (base == "bit" && type.find("varying") != std::string::npos) return "varbit";
  if (base == "timestamp") return with_zone ? "timestamptz" : "timestamp";
  if (base == "time") return with_zone ? "timetz" : "time";
  auto found = kAliases.find(base);
  return found == kAliases.end() ? "" : found->second;
}

}  // namespace

bool is_default_opclass(const std::string& method, const std::string& type, bool is_enum,
                        const std::string& opclass) {
  std::string_view name = opclass;
  if (name.starts_with("pg_catalog.")) name.remove_prefix(11);
  bool is_array = false;
  std::string base = is_enum ? "" : opclass_type(type, &is_array);
  if (is_array) {
    return (method == "btree" || method == "hash" || method == "gin") && name == "array_ops";
  }
  if (method == "btree" || method == "hash") {
    if (is_enum) return name == "enum_ops";
    if (base.empty() || (method == "hash" && (base == "bit" || base == "varbit"))) return false;
    if (method == "hash" && base == "money") return false;
    return name == base + "_ops";
  }
  if (method == "gin") return (base == "jsonb" || base == "tsvector") && name == base + "_ops";
  if (method == "gist") return base == "tsvector" && name == "tsvector_ops";
  if (method == "spgist") return (base == "text" || base == "inet") && name == base + "_ops";
  if (method == "brin") {
    if (base == "inet") return name == "inet_inclusion_ops";
    return !base.empty() && base != "bool" && base != "jsonb" && base != "money" &&
           base != "tsvector" && name == base + "_minmax_ops";
  }
  return false;
}

bool same_opclass(const std::string& a, const std::string& b, const std::string& method,
                  const model::Column* column, const model::Catalog& catalog) {
  if (a == b) return true;
  if (column == nullptr || (!a.empty() && !b.empty())) return false;
  std::string base = column->type.substr(0, column->type.find('['));
  std::string schema = column->type_schema.empty() ? model::kDefaultSchema : column->type_schema;
  bool is_enum =
      catalog.find_enum(schema, base) != nullptr && column->type.find('[') == std::string::npos;
  return is_default_opclass(method, column->type, is_enum, a.empty() ? b : a);
}

}  // namespace flick::diff

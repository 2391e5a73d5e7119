#include "diff/casts.hpp"

#include <set>
#include <string_view>
#include <utility>

namespace flick::diff {
namespace {

// Implicit ('i') and assignment ('a') casts between built-in base types, from PostgreSQL 15:
//   select format_type(castsource, null), format_type(casttarget, null) from pg_cast
//   where castcontext in ('i', 'a') ...   (binary-coercible and function casts alike)
const std::set<std::pair<std::string_view, std::string_view>>& assignment_casts() {
  static const std::set<std::pair<std::string_view, std::string_view>> casts = {
      {"\"char\"", "character"},
      {"\"char\"", "character varying"},
      {"\"char\"", "text"},
      {"bigint", "double precision"},
      {"bigint", "integer"},
      {"bigint", "money"},
      {"bigint", "numeric"},
      {"bigint", "oid"},
      {"bigint", "real"},
      {"bigint", "smallint"},
      {"bit", "bit varying"},
      {"bit varying", "bit"},
      {"boolean", "character"},
      {"boolean", "character varying"},
      {"boolean", "text"},
      {"box", "polygon"},
      {"character", "\"char\""},
      {"character", "character varying"},
      {"character", "name"},
      {"character", "text"},
      {"character varying", "\"char\""},
      {"character varying", "character"},
      {"character varying", "name"},
      {"character varying", "text"},
      {"cidr", "character"},
      {"cidr", "character varying"},
      {"cidr", "inet"},
      {"cidr", "text"},
      {"date", "timestamp with time zone"},
      {"date", "timestamp without time zone"},
      {"double precision", "bigint"},
      {"double precision", "integer"},
      {"double precision", "numeric"},
      {"double precision", "real"},
      {"double precision", "smallint"},
      {"inet", "character"},
      {"inet", "character varying"},
      {"inet", "cidr"},
      {"inet", "text"},
      {"integer", "bigint"},
      {"integer", "double precision"},
      {"integer", "money"},
      {"integer", "numeric"},
      {"integer", "oid"},
      {"integer", "real"},
      {"integer", "smallint"},
      {"interval", "time without time zone"},
      {"json", "jsonb"},
      {"jsonb", "json"},
      {"macaddr", "macaddr8"},
      {"macaddr8", "macaddr"},
      {"money", "numeric"},
      {"name", "character"},
      {"name", "character varying"},
      {"name", "text"},
      {"numeric", "bigint"},
      {"numeric", "double precision"},
      {"numeric", "integer"},
      {"numeric", "money"},
      {"numeric", "real"},
      {"numeric", "smallint"},
      {"oid", "bigint"},
      {"oid", "integer"},
      {"path", "polygon"},
      {"point", "box"},
      {"polygon", "path"},
      {"real", "bigint"},
      {"real", "double precision"},
      {"real", "integer"},
      {"real", "numeric"},
      {"real", "smallint"},
      {"smallint", "bigint"},
      {"smallint", "double precision"},
      {"smallint", "integer"},
      {"smallint", "numeric"},
      {"smallint", "oid"},
      {"smallint", "real"},
      {"text", "\"char\""},
      {"text", "character"},
      {"text", "character varying"},
      {"text", "name"},
      {"time with time zone", "time without time zone"},
      {"time without time zone", "interval"},
      {"time without time zone", "time with time zone"},
      {"timestamp with time zone", "date"},
      {"timestamp with time zone", "time with time zone"},
      {"timestamp with time zone", "time without time zone"},
      {"timestamp with time zone", "timestamp without time zone"},
      {"timestamp without time zone", "date"},
      {"timestamp without time zone", "time without time zone"},
      {"timestamp without time zone", "timestamp with time zone"},
      {"xml", "character"},
      {"xml", "character varying"},
      {"xml", "text"},
  };
  return casts;
}

bool is_array(const std::string& type) { return type.find('[') != std::string::npos; }

// "timestamp (3) with time zone[]" -> "timestamp with time zone", in PostgreSQL's format_type
// spelling, so drizzle's and PostgreSQL's names meet.
std::string base_type(const std::string& type) {
  std::string base;
  int depth = 0;
  for (char c : type) {
    if (c == '(' || c == '[') ++depth;
    if (depth == 0) base += c;
    if ((c == ')' || c == ']') && depth > 0) --depth;
  }
  std::string collapsed;
  for (char c : base) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += c;
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  static const std::pair<std::string_view, std::string_view> kAliases[] = {
      {"varchar", "character varying"},
      {"char", "character"},
      {"timestamp", "timestamp without time zone"},
      {"timestamptz", "timestamp with time zone"},
      {"time", "time without time zone"},
      {"timetz", "time with time zone"},
      {"int", "integer"},
      {"int4", "integer"},
      {"serial", "integer"},
      {"serial4", "integer"},
      {"int2", "smallint"},
      {"smallserial", "smallint"},
      {"serial2", "smallint"},
      {"int8", "bigint"},
      {"bigserial", "bigint"},
      {"serial8", "bigint"},
      {"decimal", "numeric"},
      {"float8", "double precision"},
      {"float4", "real"},
      {"bool", "boolean"},
      {"varbit", "bit varying"},
  };
  for (const auto& [alias, name] : kAliases) {
    if (collapsed == alias) return std::string(name);
  }
  if (collapsed.rfind("interval", 0) == 0) return "interval";
  return collapsed;
}

bool is_string_type(const std::string& base) {
  return base == "text" || base == "character varying" || base == "character";
}

}  // namespace

bool needs_using(const ColumnType& from, const ColumnType& to) {
  if (is_array(from.type) != is_array(to.type)) return true;
  std::string from_base = base_type(from.type);
  std::string to_base = base_type(to.type);
  if (from_base == to_base && from.type_schema == to.type_schema) return false;
  if (!to.type_schema.empty()) return true;   // nothing casts implicitly to a user type
  if (is_string_type(to_base)) return false;  // automatic I/O conversion, assignment context
  if (!from.type_schema.empty()) return true;
  return assignment_casts().count({from_base, to_base}) == 0;
}

}  // namespace flick::diff

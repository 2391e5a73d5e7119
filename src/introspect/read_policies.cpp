// Row-level security policies (pg_policy).

#include <fmt/format.h>

#include "introspect/reader_state.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::introspect {
namespace {

enum Column { kTable, kName, kPermissive, kCommand, kRoles, kUsing, kWithCheck };

std::string command_name(const std::string& code) {
  if (code == "r") return "SELECT";
  if (code == "a") return "INSERT";
  if (code == "w") return "UPDATE";
  if (code == "d") return "DELETE";
  return "ALL";
}

}  // namespace

std::string policies_sql() {
  return "SELECT p.polrelid, p.polname, p.polpermissive, p.polcmd, "
         "(SELECT json_agg(CASE WHEN r.oid = 0 THEN 'public' ELSE pg_get_userbyid(r.oid) END "
         "ORDER BY r.ord) FROM unnest(p.polroles) WITH ORDINALITY r(oid, ord)), "
         "pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid) "
         "FROM pg_policy p ORDER BY p.polrelid, p.oid";
}

void read_policies(ReaderState& state) {
  pg::Result result = state.query(policies_sql());
  for (int row = 0; row < result.rows(); ++row) {
    auto table_it = state.tables_by_oid.find(result.value(row, kTable));
    if (table_it == state.tables_by_oid.end()) continue;
    model::Table& table = state.catalog.tables[table_it->second.index];
    model::Policy policy;
    policy.name = result.value(row, kName);
    std::string context = fmt::format("policy {} on {}.{}", policy.name, table.schema, table.name);
    policy.as = result.value(row, kPermissive) == "t" ? "PERMISSIVE" : "RESTRICTIVE";
    policy.for_command = command_name(result.value(row, kCommand));
    policy.to = json_strings(result, row, kRoles);
    if (!result.is_null(row, kUsing)) {
      policy.using_expr = sqlparse::normalise_table_expression(result.value(row, kUsing),
                                                               table.schema, table.name, context);
    }
    if (!result.is_null(row, kWithCheck)) {
      policy.with_check = sqlparse::normalise_table_expression(result.value(row, kWithCheck),
                                                               table.schema, table.name, context);
    }
    table.policies.push_back(std::move(policy));
  }
}

}  // namespace flick::introspect

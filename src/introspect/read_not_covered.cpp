// Objects the model has no place for: ordered-set aggregates and window functions, triggers on
// views, rules. Listed, never silently dropped.

#include <fmt/format.h>

#include "introspect/reader_state.hpp"

namespace flick::introspect {

std::string not_covered_sql() {
  return fmt::format(
      "SELECT kind, schema, name, table_oid FROM ("
      "SELECT CASE p.prokind WHEN 'a' THEN 'ordered-set aggregate' ELSE 'window function' END "
      "AS kind, "
      "n.nspname AS schema, "
      "p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name, "
      "NULL::oid AS table_oid, p.oid AS oid FROM pg_proc p "
      "JOIN pg_namespace n ON n.oid = p.pronamespace "
      "WHERE (p.prokind = 'w' OR (p.prokind = 'a' AND EXISTS (SELECT 1 FROM pg_aggregate ag "
      "WHERE ag.aggfnoid = p.oid AND ag.aggkind <> 'n'))) AND {0} AND {1} "
      "UNION ALL SELECT 'trigger', n.nspname, c.relname || '.' || t.tgname, c.oid, t.oid "
      "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
      "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND {0} "
      "AND c.relkind NOT IN ('r', 'p') "
      "UNION ALL SELECT 'rule', n.nspname, c.relname || '.' || r.rulename, c.oid, r.oid "
      "FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class "
      "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE r.rulename <> '_RETURN' AND {0} "
      ") items ORDER BY kind, schema, name",
      user_schema_condition("n"), not_extension_member("pg_proc", "p.oid"));
}

void read_not_covered(ReaderState& state) {
  pg::Result result = state.query(not_covered_sql());
  for (int row = 0; row < result.rows(); ++row) {
    const std::string& schema = result.value(row, 1);
    if (state.schemas_in_scope.count(schema) == 0) continue;
    if (!result.is_null(row, 3) && state.tables_by_oid.count(result.value(row, 3)) == 0) {
      // on a table left out by the filters (or a view: triggers and rules on views count too)
      bool is_view = false;
      for (const model::View& view : state.catalog.views) {
        if (view.schema == schema && result.value(row, 2).rfind(view.name + ".", 0) == 0) {
          is_view = true;
        }
      }
      if (!is_view) continue;
    }
    state.not_covered_item(result.value(row, 0), schema + "." + result.value(row, 2));
  }
}

}  // namespace flick::introspect

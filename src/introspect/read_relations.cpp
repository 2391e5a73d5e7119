// Tables and views (pg_class), with RLS flags, comments and view definitions.

#include <fmt/format.h>

#include "introspect/reader_state.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::introspect {

std::map<std::string, std::string> storage_parameters(const std::vector<std::string>& options) {
  std::map<std::string, std::string> parameters;
  for (const std::string& option : options) {
    std::size_t equals = option.find('=');
    parameters[option.substr(0, equals)] =
        equals == std::string::npos ? "" : option.substr(equals + 1);
  }
  return parameters;
}

namespace {

enum Column {
  kOid,
  kSchema,
  kName,
  kKind,
  kRowSecurity,
  kForceRowSecurity,
  kIsPartition,
  kPersistence,
  kOptions,
  kComment,
  kInherits,
  kTyped,
  kViewDefinition,
  kPopulated,
  kPartitionKey,
  kParentSchema,
  kParentName,
  kPartitionBound,
  kParentSchemas,
  kParentNames,
};

bool is_bookkeeping(const Filters& filters, const std::string& schema, const std::string& name) {
  return schema == filters.bookkeeping_schema &&
         (name == filters.bookkeeping_table || name == "__flick_migrations");
}

void add_table(ReaderState& state, const pg::Result& result, int row,
               const std::string& qualified) {
  std::string kind = result.value(row, kKind);
  if (kind == "f") return state.not_covered_item("foreign table", qualified);
  model::Table table;
  table.schema = result.value(row, kSchema);
  table.name = result.value(row, kName);
  if (kind == "p") {
    table.partition_by =
        sqlparse::normalise_partition_key(result.value(row, kPartitionKey), qualified);
  }
  if (result.value(row, kIsPartition) == "t") {
    table.partition_of = model::PartitionOf{
        result.value(row, kParentSchema), result.value(row, kParentName),
        sqlparse::normalise_partition_bound(result.value(row, kPartitionBound), qualified)};
  }
  table.rls_enabled = result.value(row, kRowSecurity) == "t";
  table.comment = result.get(row, kComment);
  if (result.value(row, kForceRowSecurity) == "t") {
    state.not_covered_item("forced row level security", qualified);
  }
  table.unlogged = result.value(row, kPersistence) == "u";
  if (!result.is_null(row, kOptions)) {
    state.not_covered_item("table storage parameters", qualified);
  }
  if (result.value(row, kInherits) == "t") {
    std::vector<std::string> schemas = json_strings(result, row, kParentSchemas);
    std::vector<std::string> names = json_strings(result, row, kParentNames);
    for (std::size_t i = 0; i < schemas.size() && i < names.size(); ++i) {
      table.inherits.push_back({schemas[i], names[i]});
    }
  }
  if (result.value(row, kTyped) == "t") state.not_covered_item("typed table", qualified);
  state.tables_by_oid[result.value(row, kOid)].index = state.catalog.tables.size();
  state.catalog.tables.push_back(std::move(table));
}

void add_view(ReaderState& state, const pg::Result& result, int row, const std::string& qualified) {
  model::View view;
  view.schema = result.value(row, kSchema);
  view.name = result.value(row, kName);
  view.materialized = result.value(row, kKind) == "m";
  view.definition = sqlparse::normalise_query(result.value(row, kViewDefinition), qualified);
  view.with = storage_parameters(json_strings(result, row, kOptions));
  view.with_no_data = view.materialized && result.value(row, kPopulated) != "t";
  if (!result.is_null(row, kComment)) state.not_covered_item("comment on view", qualified);
  if (view.materialized)
    state.matviews_by_oid[result.value(row, kOid)] = state.catalog.views.size();
  state.catalog.views.push_back(std::move(view));
}

}  // namespace

void read_relations(ReaderState& state) {
  pg::Result result = state.connection.exec(fmt::format(
      "SELECT c.oid, n.nspname, c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity, "
      "c.relispartition, c.relpersistence, to_json(c.reloptions), "
      "ds.description, "  // joined (obj_description took half of this query's time)
      "EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid) AND NOT c.relispartition, "
      "c.reloftype <> 0, "
      "CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END, c.relispopulated, "
      "CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END, "
      "pn.nspname, pc.relname, pg_get_expr(c.relpartbound, c.oid), "
      "CASE WHEN NOT c.relispartition THEN (SELECT json_agg(hn.nspname ORDER BY h.inhseqno) "
      "FROM pg_inherits h JOIN pg_class hc ON hc.oid = h.inhparent "
      "JOIN pg_namespace hn ON hn.oid = hc.relnamespace WHERE h.inhrelid = c.oid) END, "
      "CASE WHEN NOT c.relispartition THEN (SELECT json_agg(hc.relname ORDER BY h.inhseqno) "
      "FROM pg_inherits h JOIN pg_class hc ON hc.oid = h.inhparent WHERE h.inhrelid = c.oid) END "
      "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
      "LEFT JOIN pg_inherits pi ON c.relispartition AND pi.inhrelid = c.oid "
      "LEFT JOIN pg_class pc ON pc.oid = pi.inhparent "
      "LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace "
      "{} "
      "WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm') AND {} AND {} ORDER BY c.oid",
      relation_comment_join("ds", "c.oid", "0"), user_schema_condition("n"),
      not_extension_member("pg_class", "c.oid")));
  for (int row = 0; row < result.rows(); ++row) {
    const std::string& schema = result.value(row, kSchema);
    const std::string& name = result.value(row, kName);
    if (state.schemas_in_scope.count(schema) == 0) continue;
    if (is_bookkeeping(state.filters, schema, name)) continue;
    std::string qualified = schema + "." + name;
    if (!passes_filter(state.filters.tables, name, qualified)) continue;
    std::string kind = result.value(row, kKind);
    if (kind == "v" || kind == "m") {
      add_view(state, result, row, qualified);
    } else {
      add_table(state, result, row, qualified);
    }
  }
}

}  // namespace flick::introspect

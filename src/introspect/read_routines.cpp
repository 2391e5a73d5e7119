// Extensions, domains, functions and procedures, triggers: each function and trigger read through
// PostgreSQL's own definition text (pg_get_functiondef / pg_get_triggerdef) and the DDL reader,
// so the database's objects and the schema files' compare in the same canonical form.

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "ddl/ddl.hpp"
#include "introspect/reader_state.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::introspect {

std::string extensions_sql() {
  return "SELECT e.extname, n.nspname FROM pg_extension e "
         "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' "
         "ORDER BY e.extname";
}

std::string domains_sql() {
  return fmt::format(
      "SELECT n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod), t.typnotnull, "
      "t.typdefault, CASE WHEN t.typcollation <> b.typcollation THEN co.collname END, "
      "(SELECT json_agg(json_build_array(c.conname, pg_get_expr(c.conbin, 0)) "
      "ORDER BY c.conname) FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c') "
      "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
      "JOIN pg_type b ON b.oid = t.typbasetype "
      "LEFT JOIN pg_collation co ON co.oid = t.typcollation "
      "WHERE t.typtype = 'd' AND {} AND {} ORDER BY 1, 2",
      user_schema_condition("n"), not_extension_member("pg_type", "t.oid"));
}

std::string composite_types_sql() {
  return fmt::format(
      "SELECT n.nspname, t.typname, (SELECT string_agg(quote_ident(a.attname) || ' ' || "
      "format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attcollation <> at.typcollation "
      "THEN ' COLLATE ' || quote_ident(cn.nspname) || '.' || quote_ident(co.collname) ELSE '' "
      "END, ', ' ORDER BY a.attnum) FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid "
      "LEFT JOIN pg_collation co ON co.oid = a.attcollation "
      "LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace "
      "WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) "
      "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
      "JOIN pg_class c ON c.oid = t.typrelid "
      "WHERE t.typtype = 'c' AND c.relkind = 'c' AND {} AND {} ORDER BY 1, 2",
      user_schema_condition("n"), not_extension_member("pg_type", "t.oid"));
}

std::string functions_sql() {
  return fmt::format(
      "SELECT n.nspname, p.proname, pg_get_functiondef(p.oid) FROM pg_proc p "
      "JOIN pg_namespace n ON n.oid = p.pronamespace "
      "WHERE p.prokind IN ('f', 'p') AND {} AND {} AND NOT EXISTS (SELECT 1 FROM pg_depend d "
      "WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'i') "
      "ORDER BY 1, 2, p.oid",
      user_schema_condition("n"), not_extension_member("pg_proc", "p.oid"));
}

std::string aggregates_sql() {
  auto function_of = [](const char* column) {
    return qualified_function_sql(std::string("a.") + column);
  };
  return fmt::format(
      "SELECT n.nspname, p.proname, 'CREATE OR REPLACE AGGREGATE ' || quote_ident(n.nspname) || "
      "'.' || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ') (' "
      "|| concat_ws(', ', 'SFUNC = ' || {0}, 'STYPE = ' || format_type(a.aggtranstype, NULL), "
      "CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END, "
      "CASE WHEN a.aggfinalfn::oid <> 0 THEN 'FINALFUNC = ' || {1} END, "
      "CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END, "
      "CASE a.aggfinalmodify WHEN 's' THEN 'FINALFUNC_MODIFY = SHAREABLE' "
      "WHEN 'w' THEN 'FINALFUNC_MODIFY = READ_WRITE' END, "
      "CASE WHEN a.aggcombinefn::oid <> 0 THEN 'COMBINEFUNC = ' || {2} END, "
      "CASE WHEN a.aggserialfn::oid <> 0 THEN 'SERIALFUNC = ' || {3} END, "
      "CASE WHEN a.aggdeserialfn::oid <> 0 THEN 'DESERIALFUNC = ' || {4} END, "
      "CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(a.agginitval) END, "
      "CASE WHEN a.aggmtransfn::oid <> 0 THEN 'MSFUNC = ' || {5} END, "
      "CASE WHEN a.aggminvtransfn::oid <> 0 THEN 'MINVFUNC = ' || {6} END, "
      "CASE WHEN a.aggmtranstype <> 0 THEN 'MSTYPE = ' || format_type(a.aggmtranstype, NULL) END, "
      "CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END, "
      "CASE WHEN a.aggmfinalfn::oid <> 0 THEN 'MFINALFUNC = ' || {7} END, "
      "CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END, "
      "CASE WHEN a.aggmtransfn::oid <> 0 THEN CASE a.aggmfinalmodify "
      "WHEN 's' THEN 'MFINALFUNC_MODIFY = SHAREABLE' "
      "WHEN 'w' THEN 'MFINALFUNC_MODIFY = READ_WRITE' END END, "
      "CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(a.aggminitval) "
      "END, "
      "CASE WHEN a.aggsortop <> 0 THEN 'SORTOP = ' || "
      "(SELECT o.oprname FROM pg_operator o WHERE o.oid = a.aggsortop) END, "
      "CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' "
      "END) || ')' "
      "FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid "
      "JOIN pg_namespace n ON n.oid = p.pronamespace "
      "WHERE a.aggkind = 'n' AND {8} AND {9} ORDER BY 1, 2, p.oid",
      function_of("aggtransfn"), function_of("aggfinalfn"), function_of("aggcombinefn"),
      function_of("aggserialfn"), function_of("aggdeserialfn"), function_of("aggmtransfn"),
      function_of("aggminvtransfn"), function_of("aggmfinalfn"), user_schema_condition("n"),
      not_extension_member("pg_proc", "p.oid"));
}

std::string triggers_sql() {
  return fmt::format(
      "SELECT c.oid, t.tgname, pg_get_triggerdef(t.oid), t.tgenabled FROM pg_trigger t "
      "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND {} ORDER BY c.oid, t.tgname",
      user_schema_condition("n"));
}

void read_routines(ReaderState& state) {
  pg::Result extensions = state.query(extensions_sql());
  for (int row = 0; row < extensions.rows(); ++row) {
    // The schema it lives in is the server's choice unless a schema file says otherwise.
    state.catalog.extensions.push_back({extensions.value(row, 0), "", ""});
  }

  // Domains: base type, default, NOT NULL, named CHECKs, a collation other than the base type's.
  pg::Result domains = state.query(domains_sql());
  for (int row = 0; row < domains.rows(); ++row) {
    if (state.schemas_in_scope.count(domains.value(row, 0)) == 0) continue;
    model::Domain domain;
    domain.schema = domains.value(row, 0);
    domain.name = domains.value(row, 1);
    sqlparse::TypeName base = sqlparse::canonical_type(domains.value(row, 2));
    domain.base_type =
        base.is_user_type && base.type_schema.empty()
            ? std::string(model::kDefaultSchema) + "." + base.type
            : (base.type_schema.empty() ? base.type : base.type_schema + "." + base.type);
    domain.not_null = domains.value(row, 3) == "t";
    if (!domains.is_null(row, 4)) {
      domain.default_expr =
          sqlparse::normalise_default(domains.value(row, 4), base.type, base.type_schema);
    }
    if (!domains.is_null(row, 5)) domain.collation = domains.value(row, 5);
    if (!domains.is_null(row, 6)) {
      for (const auto& item : nlohmann::json::parse(domains.value(row, 6))) {
        domain.checks.push_back({item[0].get<std::string>(),
                                 sqlparse::normalise_expression(item[1].get<std::string>())});
      }
    }
    state.catalog.domains.push_back(std::move(domain));
  }

  // Composite types (not a table's row type): attributes read back through the schema reader.
  pg::Result composites = state.query(composite_types_sql());
  for (int row = 0; row < composites.rows(); ++row) {
    if (state.schemas_in_scope.count(composites.value(row, 0)) == 0) continue;
    std::string sql = fmt::format(
        "CREATE TYPE {}.{} AS ({})", sqlparse::quote_identifier(composites.value(row, 0)),
        sqlparse::quote_identifier(composites.value(row, 1)), composites.value(row, 2));
    state.catalog.composite_types.push_back(ddl::read_composite_type(
        sql, fmt::format("composite type \"{}\".\"{}\" in the database", composites.value(row, 0),
                         composites.value(row, 1))));
  }

  // Plain functions and procedures (window functions are not modelled), not created by an
  // extension nor with a type (the constructors of a range and its multirange type).
  pg::Result functions = state.query(functions_sql());
  for (int row = 0; row < functions.rows(); ++row) {
    if (state.schemas_in_scope.count(functions.value(row, 0)) == 0) continue;
    std::string context = fmt::format("the definition of function \"{}\".\"{}\" in the database",
                                      functions.value(row, 0), functions.value(row, 1));
    state.catalog.functions.push_back(ddl::read_function(functions.value(row, 2), context));
  }

  // Aggregates (normal ones; ordered-set aggregates stay not covered), written back as the
  // CREATE OR REPLACE AGGREGATE statement a schema file would hold and read by the same reader.
  pg::Result aggregates = state.query(aggregates_sql());
  for (int row = 0; row < aggregates.rows(); ++row) {
    if (state.schemas_in_scope.count(aggregates.value(row, 0)) == 0) continue;
    std::string context = fmt::format("the definition of aggregate \"{}\".\"{}\" in the database",
                                      aggregates.value(row, 0), aggregates.value(row, 1));
    state.catalog.functions.push_back(ddl::read_aggregate(aggregates.value(row, 2), context));
  }
  pg::Result triggers = state.query(triggers_sql());
  for (int row = 0; row < triggers.rows(); ++row) {
    auto table = state.tables_by_oid.find(triggers.value(row, 0));
    if (table == state.tables_by_oid.end()) continue;  // on a view, or a table filtered out
    model::Table& owner = state.catalog.tables[table->second.index];
    std::string context = fmt::format("the definition of trigger \"{}\" on \"{}\".\"{}\"",
                                      triggers.value(row, 1), owner.schema, owner.name);
    owner.triggers.push_back(ddl::read_trigger(triggers.value(row, 2), context));
    owner.triggers.back().enabled =
        triggers.value(row, 3).empty() ? 'O' : triggers.value(row, 3)[0];
  }
}

}  // namespace flick::introspect

// Schemas, enums, collations and range types.

#include <fmt/format.h>

#include "ddl/ddl.hpp"
#include "introspect/reader_state.hpp"

namespace flick::introspect {

void read_schemas(ReaderState& state) {
  pg::Result result = state.connection.exec(
      fmt::format("SELECT n.nspname FROM pg_namespace n WHERE {} AND {} ORDER BY n.oid",
                  user_schema_condition("n"), not_extension_member("pg_namespace", "n.oid")));
  for (int row = 0; row < result.rows(); ++row) {
    const std::string& name = result.value(row, 0);
    if (!passes_filter(state.filters.schemas, name)) continue;
    state.schemas_in_scope.insert(name);
    if (name != model::kDefaultSchema) state.catalog.schemas.push_back(name);
  }
}

void read_enums(ReaderState& state) {
  pg::Result result = state.connection.exec(
      fmt::format("SELECT n.nspname, t.typname, "
                  "(SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e "
                  "WHERE e.enumtypid = t.oid) "
                  "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                  "WHERE t.typtype = 'e' AND {} AND {} ORDER BY t.oid",
                  user_schema_condition("n"), not_extension_member("pg_type", "t.oid")));
  for (int row = 0; row < result.rows(); ++row) {
    if (state.schemas_in_scope.count(result.value(row, 0)) == 0) continue;
    model::Enum enum_type;
    enum_type.schema = result.value(row, 0);
    enum_type.name = result.value(row, 1);
    enum_type.values = json_strings(result, row, 2);
    state.catalog.enums.push_back(std::move(enum_type));
  }
}

}  // namespace flick::introspect

namespace flick::introspect {

void read_collations(ReaderState& state) {
  // PostgreSQL 15 and 16 keep an ICU locale in colliculocale, 17 in colllocale.
  pg::Result result = state.connection.exec(
      fmt::format("SELECT n.nspname, c.collname, c.collprovider, c.collcollate, c.collctype, "
                  "coalesce(to_jsonb(c)->>'colllocale', to_jsonb(c)->>'colliculocale'), "
                  "c.collisdeterministic "
                  "FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace "
                  "WHERE {} AND {} ORDER BY 1, 2",
                  user_schema_condition("n"), not_extension_member("pg_collation", "c.oid")));
  for (int row = 0; row < result.rows(); ++row) {
    if (state.schemas_in_scope.count(result.value(row, 0)) == 0) continue;
    model::Collation collation;
    collation.schema = result.value(row, 0);
    collation.name = result.value(row, 1);
    std::string provider = result.value(row, 2);
    if (provider == "i") {
      collation.provider = "icu";
      collation.lc_collate = collation.lc_ctype = result.value(row, 5);
    } else if (provider == "c") {
      collation.lc_collate = result.value(row, 3);
      collation.lc_ctype = result.value(row, 4);
    } else {
      state.not_covered_item("collation of provider " + provider,
                             collation.schema + "." + collation.name);
      continue;
    }
    collation.deterministic = result.value(row, 6) == "t";
    state.catalog.collations.push_back(std::move(collation));
  }
}

void read_range_types(ReaderState& state) {
  auto qualified = [](const char* schema, const char* name) {
    return fmt::format("quote_ident({}) || '.' || quote_ident({})", schema, name);
  };
  auto function_of = [](const char* column) {
    return qualified_function_sql(std::string("r.") + column);
  };
  // Written back as the CREATE TYPE ... AS RANGE a schema file would hold, read by the same
  // reader; options at their defaults left out.
  pg::Result result = state.connection.exec(fmt::format(
      "SELECT n.nspname, t.typname, 'CREATE TYPE ' || {0} || ' AS RANGE (subtype = ' || "
      "format_type(r.rngsubtype, NULL) || concat("
      "(SELECT ', subtype_opclass = ' || {1} FROM pg_opclass oc JOIN pg_namespace ocn ON "
      "ocn.oid = oc.opcnamespace WHERE oc.oid = r.rngsubopc AND NOT oc.opcdefault), "
      "(SELECT ', collation = ' || {2} FROM pg_collation co JOIN pg_namespace cn ON cn.oid = "
      "co.collnamespace JOIN pg_type st ON st.oid = r.rngsubtype WHERE co.oid = r.rngcollation "
      "AND r.rngcollation <> st.typcollation), "
      "', canonical = ' || {3}, ', subtype_diff = ' || {4}, "
      "(SELECT ', multirange_type_name = ' || {5} FROM pg_type mt JOIN pg_namespace mn ON "
      "mn.oid = mt.typnamespace WHERE mt.oid = r.rngmultitypid)) || ')' "
      "FROM pg_range r JOIN pg_type t ON t.oid = r.rngtypid "
      "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE {6} AND {7} ORDER BY 1, 2",
      qualified("n.nspname", "t.typname"), qualified("ocn.nspname", "oc.opcname"),
      qualified("cn.nspname", "co.collname"), function_of("rngcanonical"),
      function_of("rngsubdiff"), qualified("mn.nspname", "mt.typname"), user_schema_condition("n"),
      not_extension_member("pg_type", "t.oid")));
  for (int row = 0; row < result.rows(); ++row) {
    if (state.schemas_in_scope.count(result.value(row, 0)) == 0) continue;
    state.catalog.range_types.push_back(ddl::read_range_type(
        result.value(row, 2), fmt::format("range type \"{}\".\"{}\" in the database",
                                          result.value(row, 0), result.value(row, 1))));
  }
}

}  // namespace flick::introspect

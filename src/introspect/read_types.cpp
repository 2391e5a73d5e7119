// Schemas and enums.

#include <fmt/format.h>

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

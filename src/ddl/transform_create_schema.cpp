#include <fmt/format.h>

#include <algorithm>

#include "ddl/builder.hpp"

namespace flick::ddl {

void transform_create_schema(PgQuery__CreateSchemaStmt& statement, const Source& source,
                             CatalogBuilder& builder) {
  if (statement.authrole != nullptr) {
    source.unsupported(statement.authrole->location,
                       "unsupported clause AUTHORIZATION in CREATE SCHEMA");
  }
  if (statement.n_schema_elts != 0) {
    source.unsupported(
        -1, "unsupported clause: statements inside CREATE SCHEMA (write them separately)");
  }
  std::string name = statement.schemaname;
  if (name.starts_with("pg_")) {
    source.fail(-1, fmt::format("unacceptable schema name \"{}\": the prefix \"pg_\" is "
                                "reserved for system schemas",
                                name));
  }
  std::vector<std::string>& schemas = builder.catalog().schemas;
  bool exists = name == model::kDefaultSchema ||
                std::find(schemas.begin(), schemas.end(), name) != schemas.end();
  if (exists && !statement.if_not_exists) {
    source.fail(-1, fmt::format("schema \"{}\" already exists", name));
  }
  if (!exists) schemas.push_back(name);
}

}  // namespace flick::ddl

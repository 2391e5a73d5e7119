#include <fmt/format.h>

#include <algorithm>

#include "ddl/builder.hpp"

namespace flick::ddl {

void transform_create_schema(PgQuery__CreateSchemaStmt& statement, const Source& source,
                             CatalogBuilder& builder) {
  if (statement.n_schema_elts != 0) {
    source.unsupported(
        -1, "unsupported clause: statements inside CREATE SCHEMA (write them separately)");
  }
  // CREATE SCHEMA AUTHORIZATION role names the schema after the role.
  std::string role = statement.authrole == nullptr ? "" : owner_role(*statement.authrole, source);
  std::string name = sqlparse::is_set(statement.schemaname) ? statement.schemaname : role;
  if (name.empty()) source.fail(-1, "CREATE SCHEMA AUTHORIZATION CURRENT_USER: name the schema");
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
  if (!exists) {
    schemas.push_back(name);
    if (!role.empty()) set_owner(builder.catalog(), {"schema", name, "", "", role});
  }
}

}  // namespace flick::ddl

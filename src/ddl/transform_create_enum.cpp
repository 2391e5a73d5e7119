#include <fmt/format.h>

#include "ddl/builder.hpp"

namespace flick::ddl {

void transform_create_enum(PgQuery__CreateEnumStmt& statement, const Source& source,
                           CatalogBuilder& builder) {
  QualifiedName name = qualified_name(statement.type_name, statement.n_type_name, -1, source);
  if (builder.catalog().find_enum(name.schema, name.name) != nullptr) {
    source.fail(-1, fmt::format("type \"{}\".\"{}\" already exists", name.schema, name.name));
  }
  builder.use_schema(name.schema, source.position(-1));
  model::Enum created;
  created.schema = name.schema;
  created.name = name.name;
  created.values = string_list(statement.vals, statement.n_vals);
  builder.catalog().enums.push_back(std::move(created));
}

}  // namespace flick::ddl

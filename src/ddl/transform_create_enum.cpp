#include <fmt/format.h>

#include "ddl/builder.hpp"

namespace flick::ddl {

void transform_create_enum(PgQuery__CreateEnumStmt& statement, const Source& source,
                           CatalogBuilder& builder) {
  QualifiedName name = qualified_name(statement.type_name, statement.n_type_name, -1, source);
  if (builder.catalog().find_enum(name.schema, name.name) != nullptr) {
    source.fail(-1, fmt::format("type \"{}\".\"{}\" already exists", name.schema, name.name));
  }
  refuse_type_name_clash(builder, name.schema, name.name, "enum", source, -1);
  builder.use_schema(name.schema, source.position(-1));
  model::Enum created;
  created.schema = name.schema;
  created.name = name.name;
  created.values = string_list(statement.vals, statement.n_vals);
  // What PostgreSQL refuses when the migration runs, refused here with the enum's name.
  constexpr std::size_t kMaxLabelBytes = 63;  // NAMEDATALEN - 1
  for (std::size_t i = 0; i < created.values.size(); ++i) {
    const std::string& label = created.values[i];
    if (label.size() > kMaxLabelBytes) {
      source.fail(-1, fmt::format("enum \"{}\".\"{}\": label \"{}…\" is {} bytes; PostgreSQL "
                                  "allows at most {}",
                                  name.schema, name.name, label.substr(0, 20), label.size(),
                                  kMaxLabelBytes));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (created.values[j] == label) {
        source.fail(-1, fmt::format("enum \"{}\".\"{}\": label \"{}\" is listed twice", name.schema,
                                    name.name, label));
      }
    }
  }
  builder.catalog().enums.push_back(std::move(created));
}

void refuse_type_name_clash(const CatalogBuilder& builder, const std::string& schema,
                            const std::string& name, const char* kind, const Source& source,
                            int location) {
  const model::Catalog& catalog = builder.catalog();
  const char* existing =
      catalog.find_enum(schema, name) != nullptr             ? "an enum"
      : catalog.find_domain(schema, name) != nullptr         ? "a domain"
      : catalog.find_composite_type(schema, name) != nullptr ? "a composite type"
      : catalog.find_range_type(schema, name) != nullptr     ? "a range type"
      : builder.find_table(schema, name) != nullptr ? "the row type of the table of that name"
      : catalog.find_view(schema, name) != nullptr  ? "the row type of the view of that name"
                                                    : nullptr;
  if (existing == nullptr) return;
  source.fail(location, fmt::format("{} \"{}\".\"{}\": type \"{}\" already exists ({})", kind,
                                    schema, name, name, existing));
}

}  // namespace flick::ddl

#include "codegen/type_map.hpp"

#include <fmt/core.h>

#include "codegen/codegen.hpp"
#include "flick/error.hpp"

namespace flick::codegen {

namespace {

bool starts_with_word(const std::string& type, const std::string& word) {
  return type == word || type.starts_with(word + "(") || type.starts_with(word + " ");
}

// The C++ type of a built-in scalar type; empty when unsupported.
std::string builtin_type(const std::string& type) {
  if (type == "text" || starts_with_word(type, "varchar") || starts_with_word(type, "char") ||
      type == "inet" || type == "cidr" || type == "macaddr" || type == "macaddr8" ||
      type == "citext" || type == "xml" || starts_with_word(type, "time") ||
      starts_with_word(type, "interval") || type == "money") {
    if (starts_with_word(type, "timestamp")) return "flick::client::Timestamp";
    return "std::string";
  }
  if (starts_with_word(type, "timestamp")) return "flick::client::Timestamp";
  if (type == "uuid") return "flick::client::Uuid";
  if (type == "boolean") return "bool";
  if (type == "smallint" || type == "smallserial") return "std::int16_t";
  if (type == "integer" || type == "serial") return "std::int32_t";
  if (type == "bigint" || type == "bigserial") return "std::int64_t";
  if (type == "real") return "float";
  if (type == "double precision") return "double";
  if (starts_with_word(type, "numeric")) return "flick::client::Numeric";
  if (type == "date") return "flick::client::Date";
  if (type == "json" || type == "jsonb") return "nlohmann::json";
  return "";
}

}  // namespace

std::string cpp_value_type(const model::Catalog& catalog, const model::Table& table,
                           const model::Column& column) {
  std::string type = column.type;
  int dimensions = 0;
  while (type.ends_with("[]")) {
    type.resize(type.size() - 2);
    ++dimensions;
  }
  auto unsupported = [&](const std::string& why) {
    return UserError(
        fmt::format("{}.{}.{}: {} (flick codegen)", table.schema, table.name, column.name, why));
  };
  if (dimensions > 1) throw unsupported("multi-dimensional arrays are not supported");
  std::string value;
  if (!column.type_schema.empty()) {
    const model::Enum* found = catalog.find_enum(column.type_schema, type);
    if (found == nullptr) {
      throw unsupported(
          fmt::format("type {}.{} is not an enum of the schema", column.type_schema, type));
    }
    value = found->schema == model::kDefaultSchema
                ? pascal_name(found->name)
                : pascal_name(found->schema) + pascal_name(found->name);
  } else {
    value = builtin_type(type);
    if (value.empty()) throw unsupported(fmt::format("type {} has no client mapping", type));
  }
  return dimensions == 1 ? "std::vector<" + value + ">" : value;
}

}  // namespace flick::codegen

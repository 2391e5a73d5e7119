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
  // Ranges and multiranges travel in their text form: "[1,10)", "{[2026-01-01,2026-02-01)}".
  for (const char* range : {"int4", "int8", "num", "ts", "tstz", "date"}) {
    if (type == std::string(range) + "range" || type == std::string(range) + "multirange") {
      return "std::string";
    }
  }
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
  std::string type_schema = column.type_schema;
  // A domain is its base type to the client (its CHECKs are the server's): follow domains over
  // domains down to a built-in type or an enum.
  for (int depth = 0; !type_schema.empty(); ++depth) {
    const model::Domain* domain = catalog.find_domain(type_schema, type);
    if (domain == nullptr || depth > 32) break;
    std::string base = domain->base_type;
    while (base.ends_with("[]")) {
      base.resize(base.size() - 2);
      ++dimensions;
    }
    std::size_t dot = base.find('.');
    if (dot != std::string::npos && catalog.find_enum(base.substr(0, dot), base.substr(dot + 1))) {
      type_schema = base.substr(0, dot);
      type = base.substr(dot + 1);
    } else if (dot != std::string::npos &&
               catalog.find_domain(base.substr(0, dot), base.substr(dot + 1))) {
      type_schema = base.substr(0, dot);
      type = base.substr(dot + 1);
    } else {
      type_schema.clear();
      // An extension's type in its schema ("public.citext") maps like the type itself.
      type = dot == std::string::npos || !builtin_type(base.substr(dot + 1)).empty()
                 ? base.substr(dot == std::string::npos ? 0 : dot + 1)
                 : base;
    }
  }
  if (dimensions > 1) throw unsupported("multi-dimensional arrays are not supported");
  if (!type_schema.empty()) {
    const model::Enum* found = catalog.find_enum(type_schema, type);
    if (found == nullptr) {
      throw unsupported(fmt::format("type {}.{} is neither an enum nor a domain of the schema",
                                    type_schema, type));
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

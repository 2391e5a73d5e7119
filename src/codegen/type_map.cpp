#include "codegen/type_map.hpp"

#include <fmt/core.h>

#include <functional>

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

// Splits a type spelled with its schema ("public.mood", "public.citext", "integer", no "[]") into
// the column form: the bare name and, for an enum, domain, composite, range or multirange type
// of the catalog, its schema ("" otherwise). An extension's type in its schema ("public.citext")
// maps like the type itself.
void split_qualified(const model::Catalog& catalog, std::string& type, std::string& type_schema) {
  type_schema.clear();
  std::size_t dot = type.find('.');
  if (dot == std::string::npos) return;
  std::string schema = type.substr(0, dot);
  std::string name = type.substr(dot + 1);
  if (catalog.has_user_type(schema, name)) {
    type_schema = schema;
    type = name;
  } else if (!builtin_type(name).empty()) {
    type = name;
  }
}

int strip_array(std::string& type) {
  int dimensions = 0;
  while (type.ends_with("[]")) {
    type.resize(type.size() - 2);
    ++dimensions;
  }
  return dimensions;
}

// `fail(why)` is the error naming the column or attribute being mapped.
using Fail = std::function<UserError(const std::string&)>;

std::string attribute_value_type(const model::Catalog& catalog,
                                 const model::CompositeAttribute& attribute, const Fail& fail,
                                 int depth);

std::string value_type(const model::Catalog& catalog, std::string type, std::string type_schema,
                       const Fail& fail, int depth) {
  int dimensions = strip_array(type);
  if (dimensions > 1) throw fail("multi-dimensional arrays are not supported");
  // A domain is its base type to the client (its CHECKs are the server's): follow domains over
  // domains down to a built-in type, an enum or a composite type.
  for (int steps = 0; !type_schema.empty(); ++steps) {
    const model::Domain* domain = catalog.find_domain(type_schema, type);
    if (domain == nullptr || steps > 32) break;
    type = domain->base_type;
    dimensions += strip_array(type);
    split_qualified(catalog, type, type_schema);
  }
  if (dimensions > 1) throw fail("multi-dimensional arrays are not supported");
  std::string value;
  if (!type_schema.empty()) {
    if (const model::Enum* found = catalog.find_enum(type_schema, type)) {
      value = cpp_type_name(found->schema, found->name);
    } else if (const model::CompositeType* composite =
                   catalog.find_composite_type(type_schema, type)) {
      // Its struct exists only when every attribute maps.
      if (depth > 32) throw fail("composite types nest too deeply");
      for (const model::CompositeAttribute& attribute : composite->attributes) {
        attribute_value_type(
            catalog, attribute,
            [&](const std::string& why) {
              return fail(fmt::format("composite type {}.{}, attribute {}: {}", composite->schema,
                                      composite->name, attribute.name, why));
            },
            depth + 1);
      }
      value = cpp_type_name(composite->schema, composite->name);
    } else if (catalog.find_range_type(type_schema, type) != nullptr ||
               catalog.find_multirange_type(type_schema, type) != nullptr) {
      value = "std::string";  // a range in its text form, as the built-in range types
    } else {
      throw fail(fmt::format("type {}.{} is not an enum, domain or composite type of the schema",
                             type_schema, type));
    }
  } else {
    value = builtin_type(type);
    if (value.empty()) throw fail(fmt::format("type {} has no client mapping", type));
  }
  return dimensions == 1 ? "std::vector<" + value + ">" : value;
}

std::string attribute_value_type(const model::Catalog& catalog,
                                 const model::CompositeAttribute& attribute, const Fail& fail,
                                 int depth) {
  std::string type = attribute.type;
  std::string type_schema;
  int dimensions = strip_array(type);
  split_qualified(catalog, type, type_schema);
  for (int i = 0; i < dimensions; ++i) type += "[]";
  return value_type(catalog, type, type_schema, fail, depth);
}

}  // namespace

std::string cpp_type_name(const std::string& schema, const std::string& name) {
  return schema == model::kDefaultSchema ? pascal_name(name)
                                         : pascal_name(schema) + pascal_name(name);
}

std::string cpp_value_type(const model::Catalog& catalog, const model::Table& table,
                           const model::Column& column) {
  return value_type(
      catalog, column.type, column.type_schema,
      [&](const std::string& why) {
        return UserError(fmt::format("{}.{}.{}: {} (flick codegen)", table.schema, table.name,
                                     column.name, why));
      },
      0);
}

std::string cpp_value_type(const model::Catalog& catalog, const model::CompositeType& type,
                           const model::CompositeAttribute& attribute) {
  return attribute_value_type(
      catalog, attribute,
      [&](const std::string& why) {
        return UserError(fmt::format("{}.{}.{}: {} (flick codegen)", type.schema, type.name,
                                     attribute.name, why));
      },
      0);
}

}  // namespace flick::codegen

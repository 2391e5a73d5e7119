#include "docs/schema_facts.hpp"

#include <algorithm>
#include <tuple>

#include "docs/page_paths.hpp"

namespace flick::docs {
namespace {

template <typename T>
bool by_schema_and_name(const T* a, const T* b) {
  return std::tie(a->schema, a->name) < std::tie(b->schema, b->name);
}

std::vector<std::string> sorted(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  return names;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::vector<const model::Table*> sorted_tables(const model::Catalog& catalog) {
  std::vector<const model::Table*> tables;
  for (const model::Table& table : catalog.tables) tables.push_back(&table);
  std::sort(tables.begin(), tables.end(), by_schema_and_name<model::Table>);
  return tables;
}

std::vector<const model::Enum*> sorted_enums(const model::Catalog& catalog) {
  std::vector<const model::Enum*> enums;
  for (const model::Enum& enum_type : catalog.enums) enums.push_back(&enum_type);
  std::sort(enums.begin(), enums.end(), by_schema_and_name<model::Enum>);
  return enums;
}

std::vector<const model::Domain*> sorted_domains(const model::Catalog& catalog) {
  std::vector<const model::Domain*> domains;
  for (const model::Domain& domain : catalog.domains) domains.push_back(&domain);
  std::sort(domains.begin(), domains.end(), by_schema_and_name<model::Domain>);
  return domains;
}

std::vector<const model::CompositeType*> sorted_composite_types(const model::Catalog& catalog) {
  std::vector<const model::CompositeType*> types;
  for (const model::CompositeType& type : catalog.composite_types) types.push_back(&type);
  std::sort(types.begin(), types.end(), by_schema_and_name<model::CompositeType>);
  return types;
}

std::vector<const model::Function*> sorted_functions(const model::Catalog& catalog) {
  std::vector<const model::Function*> functions;
  for (const model::Function& function : catalog.functions) functions.push_back(&function);
  std::sort(functions.begin(), functions.end(),
            [](const model::Function* a, const model::Function* b) {
              return std::tie(a->schema, a->name, a->arguments) <
                     std::tie(b->schema, b->name, b->arguments);
            });
  return functions;
}

std::vector<std::string> primary_key_columns(const model::Table& table) {
  if (table.primary_key) return table.primary_key->columns;
  std::vector<std::string> columns;
  for (const model::Column& column : table.columns) {
    if (column.primary_key) columns.push_back(column.name);
  }
  return columns;
}

std::string primary_key_name(const model::Table& table) {
  if (table.primary_key && !table.primary_key->name.empty()) return table.primary_key->name;
  return table.name + "_pkey";
}

bool columns_are_unique(const model::Table& table, const std::vector<std::string>& columns) {
  std::vector<std::string> wanted = sorted(columns);
  if (sorted(primary_key_columns(table)) == wanted) return true;
  for (const model::UniqueConstraint& unique : table.uniques) {
    if (sorted(unique.columns) == wanted) return true;
  }
  for (const model::Index& index : table.indexes) {
    if (!index.unique || index.where) continue;
    std::vector<std::string> index_columns;
    bool plain = true;
    for (const model::IndexElement& element : index.elements) {
      plain = plain && !element.is_expression;
      index_columns.push_back(element.expression);
    }
    if (plain && sorted(index_columns) == wanted) return true;
  }
  return false;
}

bool in_primary_key(const model::Table& table, const std::string& column) {
  return contains(primary_key_columns(table), column);
}

bool in_foreign_key(const model::Table& table, const std::string& column) {
  for (const model::ForeignKey& foreign_key : table.foreign_keys) {
    if (contains(foreign_key.columns, column)) return true;
  }
  return false;
}

bool has_single_column_unique(const model::Table& table, const std::string& column) {
  for (const model::UniqueConstraint& unique : table.uniques) {
    if (unique.columns == std::vector<std::string>{column}) return true;
  }
  return false;
}

std::vector<Reference> references_to(const model::Catalog& catalog, const std::string& schema,
                                     const std::string& name) {
  std::vector<Reference> references;
  for (const model::Table* table : sorted_tables(catalog)) {
    std::vector<const model::ForeignKey*> keys;
    for (const model::ForeignKey& foreign_key : table->foreign_keys) {
      if (foreign_key.ref_schema == schema && foreign_key.ref_table == name) {
        keys.push_back(&foreign_key);
      }
    }
    std::sort(keys.begin(), keys.end(), [](const model::ForeignKey* a, const model::ForeignKey* b) {
      return a->name < b->name;
    });
    for (const model::ForeignKey* key : keys) references.push_back({table, key});
  }
  return references;
}

namespace {

std::string without_array(std::string type) {
  while (type.ends_with("[]")) type.resize(type.size() - 2);
  return type;
}

// `type` spelled with its schema ("public.mood[]") is `schema`.`name` or an array of it.
bool qualified_type_is(const std::string& type, const std::string& schema,
                       const std::string& name) {
  return without_array(type) == schema + "." + name;
}

}  // namespace

bool column_uses_enum(const model::Column& column, const std::string& schema,
                      const std::string& name) {
  return column.type_schema == schema && without_array(column.type) == name;
}

std::vector<EnumUse> enum_uses(const model::Catalog& catalog, const model::Enum& enum_type) {
  return type_uses(catalog, enum_type.schema, enum_type.name).columns;
}

TypeUses type_uses(const model::Catalog& catalog, const std::string& schema,
                   const std::string& name) {
  TypeUses uses;
  for (const model::Table* table : sorted_tables(catalog)) {
    for (const model::Column& column : table->columns) {
      if (column_uses_enum(column, schema, name)) uses.columns.push_back({table, &column});
    }
  }
  for (const model::Domain* domain : sorted_domains(catalog)) {
    if (qualified_type_is(domain->base_type, schema, name)) uses.domains.push_back(domain);
  }
  for (const model::CompositeType* type : sorted_composite_types(catalog)) {
    for (const model::CompositeAttribute& attribute : type->attributes) {
      if (qualified_type_is(attribute.type, schema, name)) {
        uses.attributes.push_back({type, &attribute});
      }
    }
  }
  return uses;
}

std::string user_type_page(const model::Catalog& catalog, const std::string& schema,
                           const std::string& type) {
  if (schema.empty()) return "";
  std::string name = without_array(type);
  if (catalog.find_enum(schema, name)) return enum_page_path(schema, name);
  if (catalog.find_domain(schema, name) || catalog.find_composite_type(schema, name) ||
      catalog.find_range_type(schema, name)) {
    return type_page_path(schema, name);
  }
  if (const model::RangeType* range = catalog.find_multirange_type(schema, name)) {
    return type_page_path(range->schema, range->name);
  }
  return "";
}

std::string qualified_type_page(const model::Catalog& catalog, const std::string& type) {
  std::string bare = without_array(type);
  std::size_t dot = bare.find('.');
  if (dot == std::string::npos) return "";
  return user_type_page(catalog, bare.substr(0, dot), bare.substr(dot + 1));
}

}  // namespace flick::docs

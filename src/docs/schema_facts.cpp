#include "docs/schema_facts.hpp"

#include <algorithm>
#include <tuple>

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

bool column_uses_enum(const model::Column& column, const std::string& schema,
                      const std::string& name) {
  if (column.type_schema != schema) return false;
  std::string base = column.type;
  while (base.size() >= 2 && base.compare(base.size() - 2, 2, "[]") == 0) {
    base.resize(base.size() - 2);
  }
  return base == name;
}

std::vector<EnumUse> enum_uses(const model::Catalog& catalog, const model::Enum& enum_type) {
  std::vector<EnumUse> uses;
  for (const model::Table* table : sorted_tables(catalog)) {
    for (const model::Column& column : table->columns) {
      if (column_uses_enum(column, enum_type.schema, enum_type.name)) {
        uses.push_back({table, &column});
      }
    }
  }
  return uses;
}

}  // namespace flick::docs

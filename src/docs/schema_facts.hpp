#pragma once

// Questions about the model that several pages ask: sorted object lists, key columns, which
// foreign keys point at a table, which columns, domains and composite types use a type.

#include <string>
#include <vector>

#include "flick/model.hpp"

namespace flick::docs {

// Tables / enums sorted by (schema, name).
std::vector<const model::Table*> sorted_tables(const model::Catalog& catalog);
std::vector<const model::Enum*> sorted_enums(const model::Catalog& catalog);
std::vector<const model::Domain*> sorted_domains(const model::Catalog& catalog);
std::vector<const model::CompositeType*> sorted_composite_types(const model::Catalog& catalog);
// Functions, procedures and aggregates sorted by (schema, name, arguments).
std::vector<const model::Function*> sorted_functions(const model::Catalog& catalog);

// The primary key's columns: the composite/named key, else the columns flagged primary_key.
std::vector<std::string> primary_key_columns(const model::Table& table);

// The primary key's name as PostgreSQL names it ("<table>_pkey" when implicit).
std::string primary_key_name(const model::Table& table);

// True when `columns` (in any order) are exactly the primary key or a unique constraint or a
// plain unique index of `table`: at most one row per value.
bool columns_are_unique(const model::Table& table, const std::vector<std::string>& columns);

bool in_primary_key(const model::Table& table, const std::string& column);
bool in_foreign_key(const model::Table& table, const std::string& column);
bool has_single_column_unique(const model::Table& table, const std::string& column);

struct Reference {
  const model::Table* table;  // the referencing table
  const model::ForeignKey* foreign_key;
};

// Foreign keys of every table that point at `schema`.`name`, sorted by referencing table
// (schema, name) then constraint name.
std::vector<Reference> references_to(const model::Catalog& catalog, const std::string& schema,
                                     const std::string& name);

struct EnumUse {
  const model::Table* table;
  const model::Column* column;
};

// Columns whose type is the enum (or an array of it), sorted by table then column order.
std::vector<EnumUse> enum_uses(const model::Catalog& catalog, const model::Enum& enum_type);

// True when the column's type is the enum `schema`.`name` or an array of it.
bool column_uses_enum(const model::Column& column, const std::string& schema,
                      const std::string& name);

struct AttributeUse {
  const model::CompositeType* type;
  const model::CompositeAttribute* attribute;
};

// What uses the user type `schema`.`name` (an enum, domain or composite type) or an array of it.
struct TypeUses {
  std::vector<EnumUse> columns;               // sorted by table then column order
  std::vector<const model::Domain*> domains;  // domains over it, sorted by (schema, name)
  std::vector<AttributeUse> attributes;       // sorted by type then attribute order
};
TypeUses type_uses(const model::Catalog& catalog, const std::string& schema,
                   const std::string& name);

// The page of a user type of the catalog: `schema` and `type` as a column holds them (type may end
// in "[]"); the enum's page, or the domain's, composite or range type's (a multirange type's is its
// range type's); "" when it is none of them.
std::string user_type_page(const model::Catalog& catalog, const std::string& schema,
                           const std::string& type);

// The same for a type spelled with its schema ("public.mood[]"), as domains and composite
// attributes hold it; "" for a built-in or extension type.
std::string qualified_type_page(const model::Catalog& catalog, const std::string& type);

}  // namespace flick::docs

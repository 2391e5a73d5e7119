#pragma once

// Pieces of CREATE TABLE that ALTER TABLE shares: columns, table constraints, identity.

#include <string>
#include <vector>

#include "ddl/builder.hpp"

namespace flick::ddl {

// A constraint met while reading a table, applied once every column is known: CHECK,
// PRIMARY KEY, UNIQUE, FOREIGN KEY. `column` is set for a constraint written on a column.
struct PendingConstraint {
  PgQuery__Constraint* constraint;
  std::string column;
};

// Turns a column definition into a model column. Constraints on other columns' behalf
// (CHECK, PRIMARY KEY, UNIQUE, REFERENCES) are appended to `pending`.
// A column definition's COLLATE as SQL, quoted, without pg_catalog (`COLLATE pg_catalog."C"`
// as pg_dump writes it and `COLLATE "C"` are both `"C"`); "" without one, or for "default".
std::string column_collation(const PgQuery__ColumnDef& definition);

model::Column transform_column(PgQuery__ColumnDef& definition, const QualifiedName& table,
                               std::vector<PendingConstraint>* pending, const Source& source,
                               CatalogBuilder& builder);

// GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY [(options)] on `column` of `table`.
void apply_identity(model::Column& column, const PgQuery__Constraint& constraint,
                    const QualifiedName& table, const Source& source, CatalogBuilder& builder);

// Adds a PRIMARY KEY, UNIQUE, FOREIGN KEY or CHECK constraint to `table`; any other kind is a
// UserError. `column` names the column for a constraint written on one, else it is empty.
void add_constraint(model::Table& table, PgQuery__Constraint& constraint, const std::string& column,
                    const Source& source, CatalogBuilder& builder);

// Reserves the constraint's explicit name, if it has one, so implicit names avoid it.
void claim_constraint_name(const model::Table& table, const PgQuery__Constraint& constraint,
                           CatalogBuilder& builder);
// As claim_constraint_name, for a schema file: a UserError at the constraint when PostgreSQL
// would refuse its name as taken (the parser keeps a name's first 63 bytes): the table already
// has a constraint so named, or, for PRIMARY KEY / UNIQUE / EXCLUDE, a relation of the schema
// (the constraint's index) already has it.
void claim_new_constraint_name(const model::Table& table, const PgQuery__Constraint& constraint,
                               const Source& source, CatalogBuilder& builder);

// "PRIMARY KEY", "EXCLUDE", ... for messages.
std::string constraint_kind(const PgQuery__Constraint& constraint);

}  // namespace flick::ddl

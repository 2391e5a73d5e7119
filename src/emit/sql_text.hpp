#pragma once

// Spelling of names, types and column definitions shared by the statement writers.

#include <string>

#include "diff/changes.hpp"
#include "flick/model.hpp"

namespace flick::emit {

std::string quoted(const std::string& identifier);
// "name" for objects in public, "schema"."name" otherwise (drizzle's spelling of tables).
std::string table_name(const diff::QualifiedName& name);
// Always "schema"."name" (types, sequences, views, foreign-key targets).
std::string qualified_name(const diff::QualifiedName& name);
// A column type as drizzle writes it in CREATE TABLE / ADD COLUMN: built-in types bare, user
// types quoted ("mood", "app"."mood"), array suffixes kept outside the quotes.
std::string column_type(const std::string& type, const std::string& type_schema);
// A column type always schema-qualified when it is a user type, for SET DATA TYPE and casts.
std::string cast_type(const std::string& type, const std::string& type_schema);
// "GENERATED ... AS IDENTITY (sequence name ... )" with every option.
std::string identity_clause(const diff::QualifiedName& table, const model::Identity& identity);
// `"name" type PRIMARY KEY DEFAULT ... GENERATED ... NOT NULL ...` as drizzle orders them.
std::string column_definition(const diff::QualifiedName& table, const model::Column& column,
                              bool inline_primary_key, bool in_create_table);
// "a","b" (drizzle writes no space after the comma).
std::string column_list(const std::vector<std::string>& columns);

}  // namespace flick::emit

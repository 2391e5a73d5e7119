#pragma once

// Schema SQL files (CREATE TABLE, CREATE TYPE ... AS ENUM, CREATE INDEX, ...) -> model::Catalog.
// Statements the model cannot represent are a flick::UserError naming file:line:col and the
// statement kind or clause; nothing is dropped silently. Unqualified names mean schema "public".

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "flick/model.hpp"

namespace flick::ddl {

// Reads every file, in the given order, into one catalog; then resolves references (column enum
// types, foreign keys that name no columns) and applies model::normalise. Throws
// flick::UserError on unreadable files, syntax errors and unsupported or inconsistent DDL; the
// first error in file order, as if the files were read one after the other (a second thread
// reads and parses the next files while one is interpreted).
model::Catalog read_schema_files(const std::vector<std::filesystem::path>& files);

// The same for one SQL text; `file_name` is used in error messages.
model::Catalog read_schema_sql(std::string_view sql, const std::string& file_name);

// One CREATE FUNCTION / PROCEDURE or CREATE TRIGGER statement (PostgreSQL's pg_get_functiondef /
// pg_get_triggerdef text, or a schema file's), read into the model with the same canonical form
// the schema reader gives it. Throws flick::UserError naming `context` when it is not one such
// statement.
model::Function read_function(std::string_view sql, const std::string& context);
// One CREATE [OR REPLACE] AGGREGATE statement (what introspection builds from pg_aggregate).
model::Function read_aggregate(std::string_view sql, const std::string& context);
model::Trigger read_trigger(std::string_view sql, const std::string& context);
model::CompositeType read_composite_type(std::string_view sql, const std::string& context);
// One CREATE TYPE ... AS RANGE statement (what introspection builds from pg_range).
model::RangeType read_range_type(std::string_view sql, const std::string& context);

}  // namespace flick::ddl

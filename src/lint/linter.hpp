#pragma once

// Internals of lint_sql: what the rules know about the file so far, and where they report.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sqlparse/parse_tree.hpp"

namespace flick::lint {

// What earlier statements of the same file did. Tables and indexes created (also inside DO
// blocks, and followed through renames and drops) come from the interpreter's effects
// (ddl::Replayer), not from the rules.
struct FileState {
  std::set<std::string> created_tables;   // "schema.table": not "existing" for the rules
  std::set<std::string> created_indexes;  // "schema.index"
  bool in_transaction = false;            // between an explicit BEGIN and COMMIT/ROLLBACK
  bool lock_timeout_set = false;
  bool lock_timeout_reported = false;
  // Enum values added by ALTER TYPE ... ADD VALUE: (type display name, value).
  std::vector<std::pair<std::string, std::string>> added_enum_values;
};

// A problem one statement has, before severities and ignore comments apply.
struct RawFinding {
  std::string rule;
  std::string message;
};

// The statement being linted and where its findings go.
struct StatementLint {
  FileState& state;
  std::vector<RawFinding>& findings;

  void report(std::string_view rule, std::string message) {
    findings.push_back({std::string(rule), std::move(message)});
  }
};

// "schema.table" (schema defaults to public).
std::string relation_key(const PgQuery__RangeVar* relation);
// "users" or "auth.users", quoted, for messages.
std::string relation_display(const PgQuery__RangeVar* relation);
// Name lists (DROP objects, type names): "schema.name" and its display.
std::string names_key(PgQuery__Node** names, std::size_t count);
std::string names_display(PgQuery__Node** names, std::size_t count);
// The last name of a type ("int4", "varchar", "timestamp", "serial").
std::string type_base_name(const PgQuery__TypeName* type);

bool is_existing_table(const FileState& state, const PgQuery__RangeVar* relation);

void lint_alter_table(const PgQuery__AlterTableStmt& alter, StatementLint& lint);
void lint_create_table(const PgQuery__CreateStmt& create, StatementLint& lint);
void lint_index(const PgQuery__IndexStmt& index, StatementLint& lint);
void lint_drop(const PgQuery__DropStmt& drop, StatementLint& lint);
void lint_rename(const PgQuery__RenameStmt& rename, StatementLint& lint);

// Column type rules (int-primary-key, varchar-length, timestamp-without-time-zone) for a column
// defined in CREATE TABLE or ADD COLUMN; `table` is for messages.
void lint_column_type(const PgQuery__ColumnDef& column, const std::string& table, bool primary_key,
                      StatementLint& lint);
void lint_type_change(const PgQuery__TypeName& type, const std::string& column,
                      const std::string& table, StatementLint& lint);

// identifier-too-long over the raw text of one statement.
void lint_identifier_lengths(std::string_view statement_text, StatementLint& lint);

// The rules a "-- flick-lint-ignore: a, b" comment on the lines right above `offset` silences.
// Throws flick::UserError "<file>:<line>:1: ..." for an unknown rule name.
std::set<std::string> ignored_rules(const std::string& text, std::size_t offset,
                                    const std::string& file);

}  // namespace flick::lint

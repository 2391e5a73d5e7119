#pragma once

// The replayer's statement handlers and the catalog edits they share.

#include <string>
#include <vector>

#include "ddl/builder.hpp"
#include "ddl/replay.hpp"

namespace flick::ddl {

struct ReplayState {
  CatalogBuilder& builder;
  bool replace_existing = false;
  // Inside drizzle's `DO $$ BEGIN ... EXCEPTION WHEN duplicate_object THEN null; END $$`: an
  // object that already exists is not an error.
  bool duplicates_ignored = false;
  bool recreated = false;
  bool skipped = false;
  // The replayer's search_path (its first schema); SET search_path changes it.
  std::string* search_path = nullptr;
  // Temporary tables the file created: gone when it ends.
  std::vector<QualifiedName>* temporary_tables = nullptr;
  // Temporary tables made by CREATE TEMP TABLE ... AS, by name (the model cannot hold them).
  std::set<std::string>* temporary_names = nullptr;
  // Effects of statements inside DO blocks, and what of them is not understood.
  std::vector<Effect> block_effects{};
  std::string not_understood{};
};

// The effects `node` has (see Effect), unqualified names taken to be in `default_schema`.
std::vector<Effect> statement_effects(const Node* node, const std::string& default_schema);

// Functions, procedures, triggers, extensions, domains, composite and range types: followed by
// key in CatalogBuilder::other_objects.
// ALTER DOMAIN: default, NOT NULL, ADD / DROP CONSTRAINT of a domain the model holds.
void replay_alter_domain(PgQuery__AlterDomainStmt& statement, const Source& source,
                         ReplayState& state);
void replay_create_other(Node* statement, const Source& source, ReplayState& state);
// DROP of those kinds (and of a non-enum type); false when `statement` drops another kind.
bool replay_drop_other(Node* statement, const Source& source, ReplayState& state);
// ALTER FUNCTION / PROCEDURE / TRIGGER / DOMAIN / TYPE (not an enum) ... RENAME TO.
void replay_rename_other(PgQuery__RenameStmt& statement, const Source& source, ReplayState& state);

void replay_statement(Node* statement, const Source& source, ReplayState& state);
void replay_alter_table(PgQuery__AlterTableStmt& statement, const Source& source,
                        ReplayState& state);
void replay_drop(PgQuery__DropStmt& statement, const Source& source, ReplayState& state);
void replay_rename(PgQuery__RenameStmt& statement, const Source& source, ReplayState& state);
void replay_set_schema(PgQuery__AlterObjectSchemaStmt& statement, const Source& source,
                       ReplayState& state);
void replay_alter_enum(PgQuery__AlterEnumStmt& statement, const Source& source, ReplayState& state);
void replay_alter_sequence(PgQuery__AlterSeqStmt& statement, const Source& source,
                           ReplayState& state);
void replay_alter_policy(PgQuery__AlterPolicyStmt& statement, const Source& source,
                         ReplayState& state);

// The name PostgreSQL gives the table's primary key; empty when it has none.
std::string primary_key_name(const model::Table& table);
bool has_constraint(const model::Table& table, const std::string& name);
// Removes the named constraint; false when the table has none by that name.
bool remove_constraint(model::Table& table, const std::string& name, CatalogBuilder& builder);

// Removes a table with its indexes and constraints, and the foreign keys of other tables that
// reference it (DROP TABLE ... CASCADE). Returns the removed table.
model::Table remove_table(CatalogBuilder& builder, const std::string& schema,
                          const std::string& name);

// The index named `name` in `schema` (index names are unique per schema), and the list it is in
// (its table's, or its materialized view's).
model::Index* find_index(CatalogBuilder& builder, const std::string& schema,
                         const std::string& name, std::vector<model::Index>** owner);

}  // namespace flick::ddl

#pragma once

// Turns a change set into PostgreSQL statements in drizzle-kit's SQL style: identifiers always
// double-quoted, public tables unqualified in CREATE/ALTER TABLE, user types, sequences and
// foreign-key targets schema-qualified.

#include <string>
#include <vector>

#include "diff/diff.hpp"

namespace flick::emit {

// Statements in execution order, each ending in ';' (a CREATE TABLE, CREATE/DROP/ALTER SCHEMA
// and ALTER TABLE ... SET SCHEMA end in ";\n", as drizzle writes them). Join them with
// "--> statement-breakpoint\n" to get a migration file.
std::vector<std::string> sql_statements(const diff::ChangeSet& changes);

// A role as a schema file declares it: `CREATE ROLE "app" WITH NOLOGIN ...;` then one
// `GRANT "parent" TO "app";` per membership. (A migration creates it in a DO block that also
// accepts a role the cluster already has: sql_statements of diff::CreateRole.)
std::vector<std::string> create_role_statements(const model::Role& role);

}  // namespace flick::emit

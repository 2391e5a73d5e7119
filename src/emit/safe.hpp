#pragma once

// generate --safe: the lock-friendly forms of changes to tables that already exist.

#include <string>
#include <vector>

#include "diff/diff.hpp"

namespace flick::emit {

struct SafeStatements {
  // The first migration: FOREIGN KEY / CHECK added NOT VALID then validated, SET NOT NULL through
  // a validated CHECK, everything else as sql_statements writes it.
  std::vector<std::string> statements;
  // A second migration, run outside a transaction: CREATE [UNIQUE] INDEX CONCURRENTLY and DROP
  // INDEX CONCURRENTLY on existing tables, and UNIQUE constraints attached to their concurrently
  // built index (ADD CONSTRAINT ... UNIQUE USING INDEX). Empty when there are none.
  std::vector<std::string> concurrent;
};

// Like sql_statements(changes), with the lock-friendly forms for tables that exist in `from`.
SafeStatements safe_sql_statements(const diff::ChangeSet& changes, const model::Catalog& from);

// The schema after the first migration of safe_sql_statements: `to` without the indexes and
// unique constraints the second migration creates, with the indexes it drops.
model::Catalog before_concurrent_changes(const diff::ChangeSet& changes, const model::Catalog& from,
                                         const model::Catalog& to);

}  // namespace flick::emit

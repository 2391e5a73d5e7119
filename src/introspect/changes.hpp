#pragma once

// What push and drift say about a change set: each change in words, and which changes would
// destroy or reject data already in the live database (asking the database where data decides).

#include <string>
#include <vector>

#include "diff/diff.hpp"
#include "pg/pg.hpp"

namespace flick::introspect {

// One line describing what `change` does, e.g. `add column "nickname" to "public"."users"`.
std::string describe(const diff::Change& change);

// The changes of `changes` that lose data or fail on the data present, one sentence each:
// drops (tables, columns, sequences, materialized views), narrowing type changes, enum rebuilds,
// NOT NULL on a column holding NULLs or on a new column of a non-empty table, and unique
// constraints or indexes over duplicated values. `live` is the database's catalog (the `from`
// of the diff). Queries the database (in its open transaction, if any) for the last three.
std::vector<std::string> data_risks(pg::Connection& connection, const model::Catalog& live,
                                    const diff::ChangeSet& changes);

}  // namespace flick::introspect

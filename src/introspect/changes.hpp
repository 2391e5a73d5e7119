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

// What differs between `database` and `schema` (the `from` and `to` of the diff that gave
// `changes`), one line per difference, said from both sides: `column "age" of "users" is integer
// in the database, bigint in the schema`, `enum "mood" has 'meh' in the database that the schema
// lacks`. An object dropped and created again under the same name (a constraint, an index, a
// view, a policy) is one line with both definitions.
std::vector<std::string> differences(const diff::ChangeSet& changes, const model::Catalog& database,
                                     const model::Catalog& schema);

// The changes of `changes` that lose data or fail on the data present, one sentence each:
// drops (tables, columns, sequences, materialized views), narrowing type changes, enum rebuilds,
// NOT NULL on a column holding NULLs or on a new column of a non-empty table, and unique
// constraints or indexes over duplicated values. `live` is the database's catalog (the `from`
// of the diff). Queries the database (in its open transaction, if any) for the last three.
std::vector<std::string> data_risks(pg::Connection& connection, const model::Catalog& live,
                                    const diff::ChangeSet& changes);

}  // namespace flick::introspect

#pragma once

// A live PostgreSQL database -> model::Catalog, read with one bulk catalog query per object kind
// (never one query per table). Values come out in the canonical text the DDL reader produces
// (drizzle type spelling, expressions through sqlparse's normalisation), so a database built
// from schema files reads back to a catalog that diff::diff finds equal to those files.
// What the model cannot represent is reported as NotCovered items, never dropped silently.

#include <future>
#include <string>
#include <vector>

#include "flick/model.hpp"
#include "pg/pg.hpp"

namespace flick::introspect {

// drizzle's schemaFilter / tablesFilter: glob patterns (`*`, `?`, `[...]`); a leading `!`
// excludes. An object is kept when it matches some inclusion pattern (or there is none) and no
// exclusion pattern. A table pattern containing a dot is matched against "schema.table".
struct Filters {
  std::vector<std::string> schemas;  // empty: every schema that is not PostgreSQL's own
  std::vector<std::string> tables;   // empty: every table and view
  // Bookkeeping tables left out (the migrators' own): drizzle's table and "__flick_migrations"
  // beside it, in `bookkeeping_schema`. That schema is left out too when nothing else is in it.
  std::string bookkeeping_schema = "drizzle";
  std::string bookkeeping_table = "__drizzle_migrations";
  // Read roles, grants and default privileges too ([privileges] manage = true).
  bool privileges = false;
};

// True when `name` passes `patterns` (see Filters).
bool passes_filter(const std::vector<std::string>& patterns, const std::string& name,
                   const std::string& qualified_name = "");

// Something in the database the model cannot represent, e.g. {"trigger", "public.users.audit"}.
struct NotCovered {
  std::string kind;  // "function", "trigger", "domain", "partitioned table", ...
  std::string name;  // schema-qualified where that applies

  bool operator==(const NotCovered&) const = default;
};

// Reads the database's schema. Runs inside the connection's open transaction when there is one
// (for push: introspect and apply under one snapshot), else in its own read-only transaction;
// search_path is set to "public" for the duration (server-printed expressions then match files
// that leave public unqualified) and restored. Appends what the model cannot represent to
// `not_covered` when given. Throws pg::PgError.
//
// With `second` (a connection to the same database, opened by the caller beside `connection` so
// that the two backends start together), when it runs in its own transaction: the second
// connection, in the first one's snapshot (pg_export_snapshot / SET TRANSACTION SNAPSHOT), runs
// the costliest queries - columns, indexes, constraints, sequences - whichever connection gets to
// one first, while the first reads the rest; the server then works on two cores. The result is
// the same. When the second connection failed to open or its reads fail, the first connection
// runs them. `second` is closed before this returns; an invalid future means no second
// connection.
model::Catalog read_catalog(pg::Connection& connection, const Filters& filters,
                            std::vector<NotCovered>* not_covered = nullptr,
                            std::future<pg::Connection> second = {});

// The server prints what it stores in its own style: view queries with qualified columns,
// expressions with the casts it added (`'x'` -> `'x'::text`, `lower(email)` on a varchar ->
// `lower(email::text)`), policy roles resolved (`current_user` -> its name). No text
// normalisation undoes that. For every view, check, default, generated column, index expression
// or predicate and policy of `live` whose text differs from the same object in `wanted`, asks the
// server to store `wanted`'s text too (a temporary view, or a temporary copy of the live table,
// rolled back) and print it; when both print the same, `live` takes `wanted`'s text.
// Runs in the connection's transaction (or its own, rolled back). Throws pg::PgError only on
// connection failures.
void align(pg::Connection& connection, model::Catalog& live, const model::Catalog& wanted);

}  // namespace flick::introspect

#pragma once

// A migration file cut into the statements the migrator runs one by one, each with what an error
// message needs (its number, first line, line in the file) and whether PostgreSQL refuses to run
// it inside a transaction block.

#include <string>
#include <string_view>
#include <vector>

#include "ddl/statement_traits.hpp"

namespace flick::migrate {

struct PlannedStatement {
  std::string text;
  int number = 1;  // 1-based position in the file
  int line = 1;    // line of its first keyword in the file
  // CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VACUUM, CREATE/DROP DATABASE, ...
  bool outside_transaction = false;
  // Transaction control the file itself carries. The migrator runs each migration in a
  // transaction of its own, so it does not send these: a BEGIN is already in effect, a COMMIT
  // at the end is its own, and a COMMIT (or ROLLBACK) followed by more statements ends the
  // migrator's transaction there, as the file asks, and starts another for the rest.
  // Decided by ddl::statement_traits; kOther (SAVEPOINT, RELEASE, ...) is sent as written and
  // planned as kNone.
  using Control = ddl::TransactionControl;
  Control control = Control::kNone;
  // The breakpoint chunk the PostgreSQL 15 grammar cannot read, sent as written (see
  // plan_statements' `newer_grammar`); `text` is the whole chunk.
  bool unparsed = false;

  // The statement's first line, for messages.
  std::string first_line() const;
};

// Parses `sql` the way drizzle-orm runs it (each `--> statement-breakpoint` chunk on its own, so a
// chunk without its final ';' is accepted) with the PostgreSQL 15 grammar. Throws
// flick::UserError "<file>:<line>:<col>: ..." on a syntax error, unless `newer_grammar` (the
// server is newer than 15 and may accept syntax 15 does not know): then the chunk becomes one
// statement marked `unparsed`, sent as drizzle-orm sends it.
std::vector<PlannedStatement> plan_statements(std::string_view sql, const std::string& file_name,
                                              bool newer_grammar = false);

// `statement` with every schema qualifier naming `from` (`"public".x`, `public.x`; also inside
// dollar-quoted bodies such as DO blocks) written as the quoted `to`, for a folder applied to a
// tenant's schema. String literals, comments and other names are left as they are; `from` not
// followed by '.' (CREATE SCHEMA public, ON SCHEMA public) too.
std::string move_schema(std::string_view statement, const std::string& from, const std::string& to);

}  // namespace flick::migrate

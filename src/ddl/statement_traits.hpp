#pragma once

// What kind of statement a parsed statement is, as far as running it goes: the one place that
// decides which statements are data statements, which carry transaction control and which
// PostgreSQL refuses inside a transaction block. The replayer, lint and migrate's planning all
// ask here.

// libpg_query's node type (sqlparse/parse_tree.hpp has its definition).
typedef struct PgQuery__Node PgQuery__Node;

namespace flick::ddl {

enum class TransactionControl {
  kNone,
  kBegin,     // BEGIN, START TRANSACTION
  kCommit,    // COMMIT, END
  kRollback,  // ROLLBACK, ABORT
  kOther,     // SAVEPOINT, RELEASE, ROLLBACK TO, PREPARE TRANSACTION, COMMIT PREPARED, ...
};

struct StatementTraits {
  // INSERT, UPDATE, DELETE, MERGE, COPY, TRUNCATE, SELECT, CALL: rows, not the schema.
  bool data = false;
  // CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VACUUM, CREATE/DROP DATABASE,
  // tablespaces, ALTER SYSTEM, subscriptions: PostgreSQL refuses them in a transaction block.
  bool outside_transaction = false;
  TransactionControl control = TransactionControl::kNone;
};

// `statement`: a parsed statement (sqlparse::ParsedSql::statement(i).stmt).
StatementTraits statement_traits(const PgQuery__Node& statement);

}  // namespace flick::ddl

// CREATE INDEX: CONCURRENTLY on existing tables, and never inside an explicit transaction.

#include <fmt/core.h>

#include "lint/linter.hpp"

namespace flick::lint {

void lint_index(const PgQuery__IndexStmt& index, StatementLint& lint) {
  std::string table = relation_display(index.relation);
  std::string name = sqlparse::is_set(index.idxname) ? fmt::format(" \"{}\"", index.idxname) : "";
  if (index.concurrent && lint.state.in_transaction) {
    lint.report(
        "concurrently-in-transaction",
        fmt::format("CREATE INDEX CONCURRENTLY{} ON {} inside BEGIN ... COMMIT", name, table));
  }
  if (!index.concurrent && is_existing_table(lint.state, index.relation)) {
    lint.report("index-without-concurrently",
                fmt::format("CREATE {}INDEX{} ON {} without CONCURRENTLY",
                            index.unique ? "UNIQUE " : "", name, table));
  }
}

}  // namespace flick::lint

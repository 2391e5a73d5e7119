#include "migrate/statements.hpp"

#include <fmt/core.h>

#include "flick/error.hpp"
#include "sqlparse/parse_tree.hpp"

namespace flick::migrate {
namespace {

bool forbidden_in_transaction(const PgQuery__Node* node) {
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      return node->index_stmt->concurrent;
    case PG_QUERY__NODE__NODE_DROP_STMT:
      return node->drop_stmt->concurrent;
    case PG_QUERY__NODE__NODE_REINDEX_STMT:
      for (std::size_t i = 0; i < node->reindex_stmt->n_params; ++i) {
        const PgQuery__Node* param = node->reindex_stmt->params[i];
        if (param->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
            std::string_view(param->def_elem->defname) == "concurrently") {
          return true;
        }
      }
      return false;
    case PG_QUERY__NODE__NODE_VACUUM_STMT:
    case PG_QUERY__NODE__NODE_CREATEDB_STMT:
    case PG_QUERY__NODE__NODE_DROPDB_STMT:
    case PG_QUERY__NODE__NODE_CREATE_TABLE_SPACE_STMT:
    case PG_QUERY__NODE__NODE_DROP_TABLE_SPACE_STMT:
    case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT:
    case PG_QUERY__NODE__NODE_CREATE_SUBSCRIPTION_STMT:
    case PG_QUERY__NODE__NODE_DROP_SUBSCRIPTION_STMT:
      return true;
    default:
      return false;
  }
}

PlannedStatement::Control transaction_control(const PgQuery__Node* node) {
  if (node->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT) {
    return PlannedStatement::Control::kNone;
  }
  switch (node->transaction_stmt->kind) {
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
      return PlannedStatement::Control::kBegin;
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
      return PlannedStatement::Control::kCommit;
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
      return PlannedStatement::Control::kRollback;
    default:  // SAVEPOINT, RELEASE, ROLLBACK TO, PREPARE TRANSACTION...: sent as written
      return PlannedStatement::Control::kNone;
  }
}

}  // namespace

std::string PlannedStatement::first_line() const { return text.substr(0, text.find('\n')); }

std::vector<PlannedStatement> plan_statements(std::string_view sql, const std::string& file_name,
                                              bool newer_grammar) {
  std::vector<PlannedStatement> statements;
  for (const auto& [chunk_begin, chunk_end] : sqlparse::breakpoint_chunks(sql)) {
    std::string_view chunk = sql.substr(chunk_begin, chunk_end - chunk_begin);
    sqlparse::SyntaxError error;
    std::unique_ptr<sqlparse::ParsedSql> parsed = sqlparse::try_parse_sql(chunk, file_name, &error);
    if (parsed == nullptr) {
      error.offset += chunk_begin;
      if (!newer_grammar) throw UserError(sqlparse::describe(error, sql, file_name));
      PlannedStatement statement;
      statement.text = std::string(chunk);
      statement.number = static_cast<int>(statements.size()) + 1;
      std::size_t first = chunk.find_first_not_of(" \t\r\n");
      statement.line =
          sqlparse::location_of(sql, chunk_begin + (first == std::string_view::npos ? 0 : first))
              .line;
      statement.unparsed = true;
      statements.push_back(std::move(statement));
      continue;
    }
    for (std::size_t i = 0; i < parsed->size(); ++i) {
      const PgQuery__RawStmt& raw = parsed->statement(i);
      std::size_t begin = parsed->statement_offset(i);
      std::size_t end = parsed->statement_end(i);
      PlannedStatement statement;
      statement.text = std::string(chunk.substr(begin, end - begin));
      statement.number = static_cast<int>(statements.size()) + 1;
      statement.line = sqlparse::location_of(sql, chunk_begin + begin).line;
      statement.outside_transaction = forbidden_in_transaction(raw.stmt);
      statement.control = transaction_control(raw.stmt);
      statements.push_back(std::move(statement));
    }
  }
  return statements;
}

}  // namespace flick::migrate

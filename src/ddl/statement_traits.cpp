#include "ddl/statement_traits.hpp"

#include <string_view>

#include "sqlparse/parse_tree.hpp"

namespace flick::ddl {
namespace {

bool data_statement(const PgQuery__Node& node) {
  switch (node.node_case) {
    case PG_QUERY__NODE__NODE_INSERT_STMT:
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
    case PG_QUERY__NODE__NODE_DELETE_STMT:
    case PG_QUERY__NODE__NODE_MERGE_STMT:
    case PG_QUERY__NODE__NODE_SELECT_STMT:
    case PG_QUERY__NODE__NODE_COPY_STMT:
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
    case PG_QUERY__NODE__NODE_CALL_STMT:
      return true;
    default:
      return false;
  }
}

bool forbidden_in_transaction(const PgQuery__Node& node) {
  switch (node.node_case) {
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      return node.index_stmt->concurrent;
    case PG_QUERY__NODE__NODE_DROP_STMT:
      return node.drop_stmt->concurrent;
    case PG_QUERY__NODE__NODE_REINDEX_STMT:
      for (std::size_t i = 0; i < node.reindex_stmt->n_params; ++i) {
        const PgQuery__Node* param = node.reindex_stmt->params[i];
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

TransactionControl transaction_control(const PgQuery__Node& node) {
  if (node.node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT) return TransactionControl::kNone;
  switch (node.transaction_stmt->kind) {
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
      return TransactionControl::kBegin;
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
      return TransactionControl::kCommit;
    case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
      return TransactionControl::kRollback;
    default:
      return TransactionControl::kOther;
  }
}

}  // namespace

StatementTraits statement_traits(const PgQuery__Node& statement) {
  StatementTraits traits;
  traits.data = data_statement(statement);
  traits.outside_transaction = forbidden_in_transaction(statement);
  traits.control = transaction_control(statement);
  return traits;
}

}  // namespace flick::ddl

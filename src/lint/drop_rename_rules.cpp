// DROP TABLE / SCHEMA / INDEX and RENAME of tables and columns.

#include <fmt/core.h>

#include "lint/linter.hpp"

namespace flick::lint {
namespace {

// The qualified key and display name of one DROP object (a name list or a single String).
std::pair<std::string, std::string> drop_object(const PgQuery__Node* object) {
  if (object->node_case == PG_QUERY__NODE__NODE_LIST) {
    return {names_key(object->list->items, object->list->n_items),
            names_display(object->list->items, object->list->n_items)};
  }
  if (object->node_case == PG_QUERY__NODE__NODE_STRING) {
    std::string name = sqlparse::string_value(object);
    return {name, fmt::format("\"{}\"", name)};
  }
  return {"", ""};
}

}  // namespace

void lint_drop(const PgQuery__DropStmt& drop, StatementLint& lint) {
  for (std::size_t i = 0; i < drop.n_objects; ++i) {
    auto [key, display] = drop_object(drop.objects[i]);
    if (key.empty()) continue;
    switch (drop.remove_type) {
      case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        if (lint.state.created_tables.count(key) == 0) {
          lint.report("dropping-table", fmt::format("DROP TABLE {}", display));
        }
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
        lint.report(
            "dropping-schema",
            fmt::format("DROP SCHEMA {}{}", display,
                        drop.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE ? " CASCADE" : ""));
        break;
      case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
        if (drop.concurrent && lint.state.in_transaction) {
          lint.report("concurrently-in-transaction",
                      fmt::format("DROP INDEX CONCURRENTLY {} inside BEGIN ... COMMIT", display));
        }
        if (!drop.concurrent && lint.state.created_indexes.count(key) == 0) {
          lint.report("drop-index-without-concurrently",
                      fmt::format("DROP INDEX {} without CONCURRENTLY", display));
        }
        break;
      default:
        break;
    }
  }
}

void lint_rename(const PgQuery__RenameStmt& rename, StatementLint& lint) {
  if (rename.relation == nullptr || !is_existing_table(lint.state, rename.relation)) return;
  std::string table = relation_display(rename.relation);
  if (rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) {
    lint.report("renaming-table",
                fmt::format("ALTER TABLE {} RENAME TO \"{}\"", table, rename.newname));
  } else if (rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN &&
             rename.relation_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) {
    lint.report("renaming-column", fmt::format("ALTER TABLE {} RENAME COLUMN \"{}\" TO \"{}\"",
                                               table, rename.subname, rename.newname));
  }
}

}  // namespace flick::lint

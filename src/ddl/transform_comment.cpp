#include <fmt/format.h>

#include "ddl/builder.hpp"

namespace flick::ddl {

void transform_comment(PgQuery__CommentStmt& statement, const Source& source,
                       CatalogBuilder& builder) {
  // An extension's comment comes with the extension (pg_dump repeats it). Comments on schemas
  // and routines are not held by the model (docs/schema-files.md): pg_dump files carry them.
  if (statement.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION ||
      statement.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA ||
      statement.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION ||
      statement.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE ||
      statement.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE) {
    return;
  }
  bool on_table = statement.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE;
  bool on_column = statement.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN;
  if ((!on_table && !on_column) || statement.object == nullptr ||
      statement.object->node_case != PG_QUERY__NODE__NODE_LIST) {
    source.unsupported(-1, "unsupported statement COMMENT (only COMMENT ON TABLE / COLUMN)");
  }
  const PgQuery__List& object = *statement.object->list;
  // PostgreSQL treats an empty comment as removing it.
  std::optional<std::string> comment;
  if (sqlparse::is_set(statement.comment)) comment = statement.comment;
  std::size_t table_parts = object.n_items - (on_column ? 1 : 0);
  if (table_parts < 1 || table_parts > 2) {
    source.fail(-1, "COMMENT ON names an object with too few or too many parts");
  }
  model::Table& table =
      builder.table(qualified_name(object.items, table_parts, -1, source), -1, source);
  if (on_table) {
    table.comment = comment;
    return;
  }
  std::string column_name = sqlparse::string_value(object.items[object.n_items - 1]);
  for (model::Column& column : table.columns) {
    if (column.name == column_name) {
      column.comment = comment;
      return;
    }
  }
  source.fail(-1, fmt::format("table \"{}\" has no column \"{}\"", table.name, column_name));
}

}  // namespace flick::ddl

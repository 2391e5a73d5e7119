// COMMENT ON: tables and columns keep theirs in the model's table; schemas, views, sequences,
// types and routines in Catalog::comments.

#include <fmt/format.h>

#include <algorithm>

#include "ddl/builder.hpp"

namespace flick::ddl {
namespace {

// The Comment (without its text) COMMENT ON's object is, checked to exist.
model::Comment commented_object(const PgQuery__CommentStmt& statement, const Source& source,
                                const model::Catalog& catalog) {
  switch (statement.objtype) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
      std::string schema = sqlparse::string_value(statement.object);
      if (!catalog.has_schema(schema)) {
        source.fail(-1, fmt::format("schema \"{}\" is not defined", schema));
      }
      return {"schema", schema, "", "", ""};
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: {
      bool materialized = statement.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW;
      QualifiedName name = object_name(statement.object, source);
      const model::View* view = catalog.find_view(name.schema, name.name);
      if (view == nullptr || view->materialized != materialized) {
        source.fail(-1, fmt::format("{}view \"{}\".\"{}\" is not defined",
                                    materialized ? "materialized " : "", name.schema, name.name));
      }
      return {materialized ? "materialized view" : "view", name.schema, name.name, "", ""};
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
      QualifiedName name = object_name(statement.object, source);
      if (catalog.find_sequence(name.schema, name.name) == nullptr) {
        // Perhaps the sequence of a serial or identity column, which the model does not hold
        // as a sequence of its own.
        source.unsupported(-1,
                           fmt::format("unsupported statement COMMENT ON SEQUENCE \"{}\".\"{}\" "
                                       "(Flick keeps comments on sequences created by CREATE "
                                       "SEQUENCE)",
                                       name.schema, name.name));
      }
      return {"sequence", name.schema, name.name, "", ""};
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
      QualifiedName name = object_name(statement.object, source);
      if (!catalog.has_user_type(name.schema, name.name)) {
        source.fail(-1, fmt::format("type \"{}\".\"{}\" is not defined", name.schema, name.name));
      }
      return {"type", name.schema, name.name, "", ""};
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION: {
      QualifiedName name = object_name(statement.object, source);
      if (catalog.find_collation(name.schema, name.name) == nullptr) {
        source.fail(-1,
                    fmt::format("collation \"{}\".\"{}\" is not defined", name.schema, name.name));
      }
      return {"collation", name.schema, name.name, "", ""};
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE: {
      if (statement.object->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) {
        source.fail(-1, "COMMENT ON a routine names it without its arguments");
      }
      const model::Function& routine =
          resolve_routine(catalog, *statement.object->object_with_args, source);
      return {"routine", routine.schema, routine.name, routine.arguments, ""};
    }
    default:
      source.unsupported(-1,
                         "unsupported statement COMMENT (on tables, columns, schemas, views, "
                         "sequences, types, domains, collations and routines)");
  }
}

bool same_object(const model::Comment& a, const model::Comment& b) {
  return a.object_kind == b.object_kind && a.schema == b.schema && a.name == b.name &&
         a.arguments == b.arguments;
}

void set_comment(model::Catalog& catalog, model::Comment comment) {
  auto it = std::find_if(catalog.comments.begin(), catalog.comments.end(),
                         [&](const model::Comment& c) { return same_object(c, comment); });
  if (it != catalog.comments.end()) catalog.comments.erase(it);
  if (comment.text.empty()) return;  // PostgreSQL treats an empty comment as removing it
  if (comment.object_kind == "schema" && comment.schema == model::kDefaultSchema &&
      comment.text == model::Comment::kPublicSchemaDefault) {
    return;
  }
  auto at = std::lower_bound(catalog.comments.begin(), catalog.comments.end(), comment);
  catalog.comments.insert(at, std::move(comment));
}

}  // namespace

void transform_comment(PgQuery__CommentStmt& statement, const Source& source,
                       CatalogBuilder& builder) {
  // An extension's comment comes with the extension (pg_dump repeats it).
  if (statement.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION) return;
  // PostgreSQL treats an empty comment as removing it.
  std::optional<std::string> comment;
  if (sqlparse::is_set(statement.comment)) comment = statement.comment;
  bool on_table = statement.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE;
  bool on_column = statement.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN;
  if (statement.object == nullptr) source.fail(-1, "COMMENT ON names no object");
  if (!on_table && !on_column) {
    model::Comment entry = commented_object(statement, source, builder.catalog());
    entry.text = comment.value_or("");
    set_comment(builder.catalog(), std::move(entry));
    return;
  }
  if (statement.object->node_case != PG_QUERY__NODE__NODE_LIST) {
    source.fail(-1, "COMMENT ON names an object Flick cannot read");
  }
  const PgQuery__List& object = *statement.object->list;
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

void prune_comments(model::Catalog& catalog) {
  std::erase_if(catalog.comments, [&](const model::Comment& comment) {
    return !catalog.has_commented_object(comment);
  });
}

void rename_in_comments(model::Catalog& catalog, const PgQuery__RenameStmt& statement,
                        const Source& source) {
  if (catalog.comments.empty() || !sqlparse::is_set(statement.newname)) return;
  std::string new_name = statement.newname;
  auto rename = [&](std::initializer_list<const char*> kinds, const QualifiedName& old) {
    for (model::Comment& comment : catalog.comments) {
      bool kind = std::any_of(kinds.begin(), kinds.end(),
                              [&](const char* k) { return comment.object_kind == k; });
      if (kind && comment.schema == old.schema && comment.name == old.name) {
        comment.name = new_name;
      }
    }
  };
  switch (statement.rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:  // ALTER TABLE also renames views and sequences
      if (statement.relation == nullptr) return;
      rename({"view", "materialized view", "sequence"}, qualified_name(statement.relation, source));
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
      if (statement.object == nullptr || statement.object->node_case != PG_QUERY__NODE__NODE_LIST) {
        return;
      }
      rename({"type"}, qualified_name(statement.object->list->items,
                                      statement.object->list->n_items, -1, source));
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
      if (statement.object == nullptr ||
          statement.object->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) {
        return;
      }
      const model::Function& routine =
          resolve_routine(catalog, *statement.object->object_with_args, source);
      for (model::Comment& comment : catalog.comments) {
        if (comment.object_kind == "routine" && comment.schema == routine.schema &&
            comment.name == routine.name && comment.arguments == routine.arguments) {
          comment.name = new_name;
        }
      }
      break;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
      if (!sqlparse::is_set(statement.subname)) return;
      for (model::Comment& comment : catalog.comments) {
        if (comment.schema == statement.subname) comment.schema = new_name;
      }
      break;
    default:
      return;
  }
  std::sort(catalog.comments.begin(), catalog.comments.end());
}

}  // namespace flick::ddl

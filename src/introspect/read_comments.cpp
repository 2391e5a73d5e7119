// Comments on schemas, views, materialized views, sequences, types, collations and routines of the
// catalog read so far (tables' and columns' comments are read with them); a comment on an index or
// on a serial / identity column's sequence is listed as not covered.

#include <fmt/format.h>

#include <algorithm>

#include "introspect/reader_state.hpp"

namespace flick::introspect {

std::string comments_sql() {
  return fmt::format(
      R"(SELECT 'schema', n.nspname, '', NULL::json, d.description
  FROM pg_description d JOIN pg_namespace n ON n.oid = d.objoid
 WHERE d.classoid = 'pg_namespace'::regclass AND {user_schema}
UNION ALL
SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                     WHEN 'S' THEN 'sequence' ELSE 'index' END,
       n.nspname, c.relname, NULL::json, d.description
  FROM pg_description d JOIN pg_class c ON c.oid = d.objoid
  JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE d.classoid = 'pg_class'::regclass AND d.objsubid = 0 AND c.relkind IN ('v', 'm', 'S', 'i', 'I')
   AND {user_schema}
UNION ALL
SELECT 'type', n.nspname, t.typname, NULL::json, d.description
  FROM pg_description d JOIN pg_type t ON t.oid = d.objoid
  JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE d.classoid = 'pg_type'::regclass AND t.typtype IN ('e', 'd', 'c', 'r') AND {user_schema}
UNION ALL
SELECT 'collation', n.nspname, co.collname, NULL::json, d.description
  FROM pg_description d JOIN pg_collation co ON co.oid = d.objoid
  JOIN pg_namespace n ON n.oid = co.collnamespace
 WHERE d.classoid = 'pg_collation'::regclass AND {user_schema}
UNION ALL
SELECT 'routine', n.nspname, p.proname,
       (SELECT json_agg(format_type(a.t, NULL) ORDER BY a.o)
          FROM unnest(p.proargtypes) WITH ORDINALITY a(t, o)),
       d.description
  FROM pg_description d JOIN pg_proc p ON p.oid = d.objoid
  JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE d.classoid = 'pg_proc'::regclass AND {user_schema}
ORDER BY 1, 2, 3)",
      fmt::arg("user_schema", user_schema_condition("n")));
}

void read_comments(ReaderState& state) {
  pg::Result rows = state.query(comments_sql());
  const model::Catalog& catalog = state.catalog;
  for (int row = 0; row < rows.rows(); ++row) {
    model::Comment comment{rows.value(row, 0), rows.value(row, 1), rows.value(row, 2), "",
                           rows.value(row, 4)};
    if (state.schemas_in_scope.count(comment.schema) == 0 || comment.text.empty()) continue;
    if (comment.object_kind == "schema" && comment.schema == model::kDefaultSchema &&
        comment.text == model::Comment::kPublicSchemaDefault) {
      continue;
    }
    // Only objects of the catalog: not an extension's, not a serial column's sequence.
    const std::string& kind = comment.object_kind;
    if (kind == "schema") comment.name.clear();
    if (kind == "routine") {
      const model::Function* routine =
          find_routine(catalog, comment.schema, comment.name, json_strings(rows, row, 3));
      if (routine != nullptr) comment.arguments = routine->arguments;
    }
    bool known = catalog.has_commented_object(comment);
    if (known) {
      state.catalog.comments.push_back(std::move(comment));
    } else if (kind == "index" || kind == "sequence") {
      // The model holds no comment on an index or on a serial / identity column's sequence.
      state.not_covered_item("comment on " + kind, comment.schema + "." + comment.name);
    }
  }
  std::sort(state.catalog.comments.begin(), state.catalog.comments.end());
}

}  // namespace flick::introspect

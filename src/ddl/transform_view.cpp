#include <fmt/format.h>

#include <algorithm>

#include "ddl/builder.hpp"
#include "ddl/options.hpp"

namespace flick::ddl {
namespace {

using sqlparse::is_set;

// Adds the view, or replaces it for CREATE OR REPLACE.
void define_view(model::View view, bool replace, int location, const Source& source,
                 CatalogBuilder& builder) {
  std::vector<model::View>& views = builder.catalog().views;
  auto existing = std::find_if(views.begin(), views.end(), [&](const model::View& other) {
    return other.schema == view.schema && other.name == view.name;
  });
  if (existing != views.end()) {
    if (!replace || existing->materialized != view.materialized) {
      source.fail(location,
                  fmt::format("view \"{}\".\"{}\" is already defined", view.schema, view.name));
    }
    *existing = std::move(view);
    return;
  }
  if (!builder.claim_relation_name(view.schema, view.name)) {
    source.fail(location,
                fmt::format("relation \"{}\".\"{}\" is already defined", view.schema, view.name));
  }
  builder.use_schema(view.schema, source.position(location));
  views.push_back(std::move(view));
}

}  // namespace

void transform_view(PgQuery__ViewStmt& statement, const Source& source, CatalogBuilder& builder) {
  int location = statement.view->location;
  if (std::string(statement.view->relpersistence) != "p") {
    source.unsupported(location, "unsupported clause TEMPORARY in CREATE VIEW");
  }
  if (statement.n_aliases != 0) {
    source.unsupported(location, "unsupported clause: column names after the view name");
  }
  if (statement.with_check_option != PG_QUERY__VIEW_CHECK_OPTION__NO_CHECK_OPTION &&
      statement.with_check_option != PG_QUERY__VIEW_CHECK_OPTION__VIEW_CHECK_OPTION_UNDEFINED) {
    source.unsupported(location, "unsupported clause WITH CHECK OPTION");
  }
  QualifiedName name = qualified_name(statement.view, source);
  model::View view;
  view.schema = name.schema;
  view.name = name.name;
  view.definition = sqlparse::deparse_query_node(statement.query);
  view.with = read_storage_parameters(statement.options, statement.n_options, source);
  define_view(std::move(view), statement.replace, location, source, builder);
}

void transform_materialized_view(PgQuery__CreateTableAsStmt& statement, const Source& source,
                                 CatalogBuilder& builder) {
  const PgQuery__IntoClause& into = *statement.into;
  int location = into.rel->location;
  if (into.n_col_names != 0) {
    source.unsupported(location, "unsupported clause: column names after the view name");
  }
  if (is_set(into.access_method)) source.unsupported(location, "unsupported clause USING");
  if (is_set(into.table_space_name)) source.unsupported(location, "unsupported clause TABLESPACE");
  QualifiedName name = qualified_name(into.rel, source);
  if (statement.if_not_exists && builder.catalog().find_view(name.schema, name.name) != nullptr) {
    return;
  }
  model::View view;
  view.schema = name.schema;
  view.name = name.name;
  view.materialized = true;
  view.definition = sqlparse::deparse_query_node(statement.query);
  view.with = read_storage_parameters(into.options, into.n_options, source);
  view.with_no_data = into.skip_data;
  define_view(std::move(view), false, location, source, builder);
}

}  // namespace flick::ddl

#include <fmt/format.h>

#include "introspect/introspect.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::introspect {
namespace {

// How the server prints `query` as a view's definition; nullopt when it cannot create the view
// (a table it reads is missing or different): then the definitions differ.
std::optional<std::string> server_definition(pg::Connection& connection, const std::string& query,
                                             const std::string& context) {
  connection.exec("SAVEPOINT flick_align_view");
  try {
    connection.exec("CREATE TEMPORARY VIEW flick_align_view AS " + query);
    std::string printed =
        connection.exec("SELECT pg_get_viewdef('pg_temp.flick_align_view'::regclass)").value(0, 0);
    connection.exec("ROLLBACK TO SAVEPOINT flick_align_view");
    return sqlparse::normalise_query(printed, context);
  } catch (const pg::PgError& error) {
    if (error.sqlstate().rfind("08", 0) == 0) throw;  // the connection itself failed
    connection.exec("ROLLBACK TO SAVEPOINT flick_align_view");
    return std::nullopt;
  }
}

void align_views(pg::Connection& connection, model::Catalog& live, const model::Catalog& wanted) {
  for (model::View& view : live.views) {
    const model::View* target = wanted.find_view(view.schema, view.name);
    if (target == nullptr || target->definition == view.definition) continue;
    std::string context = fmt::format("view {}.{}", view.schema, view.name);
    std::optional<std::string> printed = server_definition(connection, target->definition, context);
    if (printed && *printed == view.definition) view.definition = target->definition;
  }
}

}  // namespace

// In align_expressions.cpp.
void align_table_expressions(pg::Connection& connection, model::Catalog& live,
                             const model::Catalog& wanted);

void align(pg::Connection& connection, model::Catalog& live, const model::Catalog& wanted) {
  if (live == wanted) return;
  bool own = !connection.in_transaction();
  if (own) connection.exec("BEGIN");
  std::string old_path = connection.exec("SHOW search_path").value(0, 0);
  connection.exec("SET LOCAL search_path TO public");
  align_views(connection, live, wanted);
  align_table_expressions(connection, live, wanted);
  if (own) {
    connection.exec("ROLLBACK");
  } else {
    connection.exec_params("SELECT set_config('search_path', $1, true)", {old_path});
  }
}

}  // namespace flick::introspect

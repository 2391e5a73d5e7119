#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "introspect/introspect.hpp"
#include "introspect/reader_state.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::introspect {
namespace {

// How the server prints `query` as a view's definition; nullopt when it cannot create the view
// (a table it reads is missing or different): then the definitions differ.
std::optional<std::string> server_definition(pg::Connection& connection, const std::string& query,
                                             const std::string& context) {
  pg::Savepoint savepoint(connection, "flick_align_view");
  try {
    connection.exec("CREATE TEMPORARY VIEW flick_align_view AS " + query);
    std::string printed =
        connection.exec("SELECT pg_get_viewdef('pg_temp.flick_align_view'::regclass)").value(0, 0);
    savepoint.rollback();
    return sqlparse::normalise_query(printed, context);
  } catch (const pg::PgError& error) {
    if (error.sqlstate().rfind("08", 0) == 0) throw;  // the connection itself failed
    savepoint.rollback();
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

// How the server prints the CHECKs of `domain` (created as a temporary domain), by name;
// nullopt when it cannot create it.
std::optional<std::vector<model::CheckConstraint>> server_domain_checks(
    pg::Connection& connection, const model::Domain& domain) {
  std::string base = domain.base_type;
  std::size_t dot = base.find('.');
  if (dot != std::string::npos && base.find('(') > dot) {
    base = sqlparse::quote_identifier(base.substr(0, dot)) + "." +
           sqlparse::quote_identifier(base.substr(dot + 1));
  }
  std::string sql = "CREATE DOMAIN pg_temp.flick_align_domain AS " + base;
  for (const model::CheckConstraint& check : domain.checks) {
    sql += " CONSTRAINT " + sqlparse::quote_identifier(check.name) + " CHECK (" + check.expression +
           ")";
  }
  pg::Savepoint savepoint(connection, "flick_align_domain");
  try {
    connection.exec(sql);
    pg::Result printed = connection.exec(
        "SELECT c.conname, pg_get_expr(c.conbin, 0) FROM pg_constraint c "
        "WHERE c.contypid = 'pg_temp.flick_align_domain'::regtype ORDER BY c.conname");
    std::vector<model::CheckConstraint> checks;
    for (int row = 0; row < printed.rows(); ++row) {
      checks.push_back(
          {printed.value(row, 0), sqlparse::normalise_expression(printed.value(row, 1))});
    }
    savepoint.rollback();
    return checks;
  } catch (const pg::PgError& error) {
    if (error.sqlstate().rfind("08", 0) == 0) throw;
    savepoint.rollback();
    return std::nullopt;
  }
}

// A domain CHECK PostgreSQL prints differently ('x'::text for 'x') is the schema's own.
void align_domains(pg::Connection& connection, model::Catalog& live, const model::Catalog& wanted) {
  for (model::Domain& domain : live.domains) {
    const model::Domain* target = wanted.find_domain(domain.schema, domain.name);
    if (target == nullptr || target->checks == domain.checks) continue;
    std::optional<std::vector<model::CheckConstraint>> printed =
        server_domain_checks(connection, *target);
    if (printed && *printed == domain.checks) domain.checks = target->checks;
  }
}

}  // namespace

// In align_expressions.cpp.
void align_table_expressions(pg::Connection& connection, model::Catalog& live,
                             const model::Catalog& wanted);
void align_partition_bounds(pg::Connection& connection, model::Catalog& live,
                            const model::Catalog& wanted);

namespace {

// Whether `catalog` holds the object an owner entry is for.
bool holds(const model::Catalog& catalog, const model::Owner& owner) {
  const std::string& kind = owner.object_kind;
  if (kind == "schema") return catalog.has_schema(owner.schema);
  if (kind == "table") {
    return catalog.find_table(owner.schema, owner.name) != nullptr ||
           catalog.find_view(owner.schema, owner.name) != nullptr;
  }
  if (kind == "sequence") return catalog.find_sequence(owner.schema, owner.name) != nullptr;
  if (kind == "routine") {
    return catalog.find_function(owner.schema, owner.name, owner.arguments) != nullptr;
  }
  return catalog.has_user_type(owner.schema, owner.name);
}

// The database read has no owner entries for what the role reading owns (what it creates is its
// own; an entry for each would be noise). An entry of `wanted` naming that role is what the
// database has, then.
void align_owners(pg::Connection& connection, model::Catalog& live, const model::Catalog& wanted) {
  if (wanted.owners.empty()) return;
  std::string me = connection.exec("SELECT current_user").value(0, 0);
  bool added = false;
  for (const model::Owner& owner : wanted.owners) {
    if (owner.role != me || !holds(live, owner)) continue;
    bool listed = std::any_of(live.owners.begin(), live.owners.end(), [&](const model::Owner& o) {
      return std::tie(o.object_kind, o.schema, o.name, o.arguments) ==
             std::tie(owner.object_kind, owner.schema, owner.name, owner.arguments);
    });
    if (!listed) {
      live.owners.push_back(owner);
      added = true;
    }
  }
  if (added) std::sort(live.owners.begin(), live.owners.end());
}

}  // namespace

void align(pg::Connection& connection, model::Catalog& live, const model::Catalog& wanted) {
  if (live == wanted) return;
  align_owners(connection, live, wanted);
  // Roles are the cluster's: the database read names only those it uses; the ones `wanted`
  // creates are read too, when they exist.
  std::vector<std::string> roles;
  for (const model::Role& role : wanted.roles) {
    if (std::none_of(live.roles.begin(), live.roles.end(),
                     [&](const model::Role& other) { return other.name == role.name; })) {
      roles.push_back(role.name);
    }
  }
  if (!roles.empty()) {
    read_roles(connection, live, roles);
    std::sort(live.roles.begin(), live.roles.end(),
              [](const model::Role& a, const model::Role& b) { return a.name < b.name; });
  }
  // Everything created to see how the server prints things is rolled back: in a transaction of
  // its own, or (inside the caller's) by putting search_path back; the temporary objects go with
  // their savepoints.
  bool own = !connection.in_transaction();
  pg::Transaction transaction = pg::Transaction::not_begun(connection);
  if (own) transaction.begin();
  std::string old_path = connection.exec("SHOW search_path").value(0, 0);
  connection.exec("SET LOCAL search_path TO public");
  align_views(connection, live, wanted);
  align_domains(connection, live, wanted);
  align_table_expressions(connection, live, wanted);
  align_partition_bounds(connection, live, wanted);
  if (own) {
    transaction.rollback();
  } else {
    connection.exec_params("SELECT set_config('search_path', $1, true)", {old_path});
  }
}

}  // namespace flick::introspect

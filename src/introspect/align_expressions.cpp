// The server adds casts and parentheses when it stores an expression (`'x'` -> `'x'::text`,
// `lower(email)` on a varchar -> `lower(email::text)`), which no text normalisation undoes.
// For each table expression of the live catalog that differs from the wanted one, the wanted
// text is stored on a temporary copy of the live table and printed back; when both print the
// same, the live catalog takes the wanted text.

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include "introspect/introspect.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::introspect {
namespace {

using sqlparse::quote_identifier;

// Runs `statement` then `query` (its single value) under a savepoint; nullopt when either fails
// with anything but a connection error.
std::optional<std::string> try_print(pg::Connection& connection, const std::string& statement,
                                     const std::string& query) {
  pg::Savepoint savepoint(connection, "flick_align_item");
  try {
    connection.exec(statement);
    pg::Result result = connection.exec(query);
    std::optional<std::string> printed;
    if (result.rows() == 1) printed = result.get(0, 0);
    savepoint.rollback();
    return printed;
  } catch (const pg::PgError& error) {
    if (error.sqlstate().rfind("08", 0) == 0) throw;
    savepoint.rollback();
    return std::nullopt;
  }
}

std::string role_list(const std::vector<std::string>& roles) {
  std::string text;
  for (const std::string& role : roles) {
    bool keyword = role == "public" || role == "current_user" || role == "session_user" ||
                   role == "current_role";
    text += (text.empty() ? "" : ", ") + (keyword ? role : quote_identifier(role));
  }
  return text;
}

std::string type_text(const model::Column& column) {
  if (column.type_schema.empty()) return column.type;
  return quote_identifier(column.type_schema) + "." + column.type;
}

class TableAligner {
 public:
  TableAligner(pg::Connection& connection, model::Table& live, const model::Table& wanted)
      : connection_(connection),
        live_(live),
        wanted_(wanted),
        copy_("pg_temp." + quote_identifier(live.name)) {}

  TableAligner(const TableAligner&) = delete;
  TableAligner& operator=(const TableAligner&) = delete;

  void run() {
    for (auto& check : live_.checks) align_check(check);
    for (auto& column : live_.columns) align_column(column);
    for (auto& index : live_.indexes) align_index(index);
    for (auto& policy : live_.policies) align_policy(policy);
  }

 private:
  // Creates the temporary copy on first use (under a savepoint the destructor rolls back to).
  bool ready() {
    if (!created_) {
      created_ = true;
      savepoint_.emplace(connection_, "flick_align_table");
      try {
        // Named like the live table, so that an expression naming its table (a policy's
        // subquery comparing with "t"."id") reads the copy.
        connection_.exec(fmt::format("CREATE TEMPORARY TABLE {} (LIKE {}.{})",
                                     quote_identifier(live_.name), quote_identifier(live_.schema),
                                     quote_identifier(live_.name)));
        copy_ok_ = true;
      } catch (const pg::PgError& error) {
        if (error.sqlstate().rfind("08", 0) == 0) throw;
        savepoint_->rollback();
      }
    }
    return copy_ok_;
  }

  std::string expression(const std::string& printed) {
    return sqlparse::normalise_table_expression(printed, "pg_temp", live_.name);
  }

  // True when the server prints `wanted_text` (stored by `statement`, read by `query`) as
  // `live_text`.
  bool prints_as(const std::string& statement, const std::string& query,
                 const std::string& live_text) {
    if (!ready()) return false;
    std::optional<std::string> printed = try_print(connection_, statement, query);
    return printed && expression(*printed) == live_text;
  }

  void align_check(model::CheckConstraint& check) {
    auto it = std::find_if(wanted_.checks.begin(), wanted_.checks.end(),
                           [&](const auto& c) { return c.name == check.name; });
    if (it == wanted_.checks.end() || it->expression == check.expression) return;
    if (prints_as(fmt::format("ALTER TABLE {} ADD CONSTRAINT flick_check CHECK ({})", copy_,
                              it->expression),
                  fmt::format("SELECT pg_get_expr(conbin, conrelid) FROM pg_constraint WHERE "
                              "conrelid = '{}'::regclass AND conname = 'flick_check'",
                              copy_),
                  check.expression)) {
      check.expression = it->expression;
    }
  }

  void align_column(model::Column& column) {
    const model::Column* target = model::find_column(wanted_, column.name);
    if (target == nullptr) return;
    if (column.generated && target->generated && *column.generated != *target->generated &&
        prints_as(fmt::format("ALTER TABLE {} ADD COLUMN flick_generated {} GENERATED ALWAYS AS "
                              "({}) STORED",
                              copy_, type_text(column), *target->generated),
                  fmt::format("SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN "
                              "pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
                              "WHERE d.adrelid = '{}'::regclass AND a.attname = "
                              "'flick_generated'",
                              copy_),
                  *column.generated)) {
      column.generated = target->generated;
    }
    if (column.default_expr && target->default_expr &&
        *column.default_expr != *target->default_expr && ready()) {
      std::optional<std::string> printed =
          try_print(connection_,
                    fmt::format("ALTER TABLE {} ALTER COLUMN {} SET DEFAULT {}", copy_,
                                quote_identifier(column.name), *target->default_expr),
                    fmt::format("SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN "
                                "pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
                                "WHERE d.adrelid = '{}'::regclass AND a.attname = {}",
                                copy_, sqlparse::quote_literal(column.name)));
      if (printed && sqlparse::normalise_default(*printed, column.type, column.type_schema) ==
                         *column.default_expr) {
        column.default_expr = target->default_expr;
      }
    }
  }

  void align_index(model::Index& index) {
    auto it = std::find_if(wanted_.indexes.begin(), wanted_.indexes.end(),
                           [&](const auto& i) { return i.name == index.name; });
    if (it == wanted_.indexes.end() || it->elements.size() != index.elements.size()) return;
    std::string first_column =
        live_.columns.empty() ? "" : quote_identifier(live_.columns.front().name);
    for (std::size_t k = 0; k < index.elements.size(); ++k) {
      model::IndexElement& element = index.elements[k];
      const model::IndexElement& target = it->elements[k];
      if (!element.is_expression || !target.is_expression ||
          element.expression == target.expression) {
        continue;
      }
      if (prints_as(fmt::format("CREATE INDEX flick_index ON {} USING {} (({}))", copy_,
                                index.method, target.expression),
                    "SELECT pg_get_indexdef('pg_temp.flick_index'::regclass, 1, true)",
                    element.expression)) {
        element.expression = target.expression;
      }
    }
    if (index.where && it->where && *index.where != *it->where && !first_column.empty() &&
        prints_as(fmt::format("CREATE INDEX flick_index ON {} ({}) WHERE {}", copy_, first_column,
                              *it->where),
                  "SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = "
                  "'pg_temp.flick_index'::regclass",
                  *index.where)) {
      index.where = it->where;
    }
  }

  void align_policy(model::Policy& policy) {
    auto it = std::find_if(wanted_.policies.begin(), wanted_.policies.end(),
                           [&](const auto& p) { return p.name == policy.name; });
    if (it == wanted_.policies.end() || *it == policy || it->as != policy.as ||
        it->for_command != policy.for_command || !ready()) {
      return;
    }
    std::string statement = fmt::format("CREATE POLICY flick_policy ON {} AS {} FOR {} TO {}",
                                        copy_, it->as, it->for_command, role_list(it->to));
    if (it->using_expr) statement += fmt::format(" USING ({})", *it->using_expr);
    if (it->with_check) statement += fmt::format(" WITH CHECK ({})", *it->with_check);
    std::optional<std::string> printed = try_print(
        connection_, statement,
        fmt::format("SELECT json_build_array((SELECT json_agg(CASE WHEN r.oid = 0 THEN 'public' "
                    "ELSE pg_get_userbyid(r.oid) END ORDER BY r.ord) FROM unnest(p.polroles) "
                    "WITH ORDINALITY r(oid, ord)), pg_get_expr(p.polqual, p.polrelid), "
                    "pg_get_expr(p.polwithcheck, p.polrelid))::text FROM pg_policy p "
                    "WHERE p.polrelid = '{}'::regclass AND p.polname = 'flick_policy'",
                    copy_));
    if (!printed) return;
    nlohmann::json stored = nlohmann::json::parse(*printed);
    std::vector<std::string> roles;
    for (const auto& role : stored[0]) roles.push_back(role.get<std::string>());
    auto expression_of = [&](const nlohmann::json& value) -> std::optional<std::string> {
      if (value.is_null()) return std::nullopt;
      return expression(value.get<std::string>());
    };
    if (roles == policy.to && expression_of(stored[1]) == policy.using_expr &&
        expression_of(stored[2]) == policy.with_check) {
      policy = *it;
    }
  }

  pg::Connection& connection_;
  model::Table& live_;
  const model::Table& wanted_;
  std::string copy_;  // the temporary copy, "pg_temp.<table>"
  bool created_ = false;
  bool copy_ok_ = false;
  // Taken before the copy is made; rolled back (dropping the copy) when the aligner goes.
  std::optional<pg::Savepoint> savepoint_;
};

}  // namespace

// Declared in align.cpp.
// A partition bound as written ('2026-01-01') and as the server prints it for the partition key's
// type ('2026-01-01 00:00:00+00'): the wanted bound is given to a temporary partition of a
// temporary copy of the parent and printed back.
void align_partition_bounds(pg::Connection& connection, model::Catalog& live,
                            const model::Catalog& wanted) {
  for (model::Table& table : live.tables) {
    const model::Table* target = wanted.find_table(table.schema, table.name);
    if (target == nullptr || !table.partition_of || !target->partition_of) continue;
    model::PartitionOf& now = *table.partition_of;
    const model::PartitionOf& want = *target->partition_of;
    if (now.schema != want.schema || now.name != want.name || now.bound == want.bound) continue;
    const model::Table* parent = live.find_table(now.schema, now.name);
    if (parent == nullptr || parent->partition_by.empty()) continue;
    std::string statement = fmt::format(
        "CREATE TEMP TABLE flick_align_parent (LIKE {}.{}) PARTITION BY {}; "
        "CREATE TEMP TABLE flick_align_partition PARTITION OF pg_temp.flick_align_parent {}",
        quote_identifier(parent->schema), quote_identifier(parent->name), parent->partition_by,
        want.bound);
    std::optional<std::string> printed =
        try_print(connection, statement,
                  "SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE oid = "
                  "'pg_temp.flick_align_partition'::regclass");
    if (printed && sqlparse::normalise_partition_bound(*printed) == now.bound) {
      now.bound = want.bound;
    }
  }
}

void align_table_expressions(pg::Connection& connection, model::Catalog& live,
                             const model::Catalog& wanted) {
  for (model::Table& table : live.tables) {
    const model::Table* target = wanted.find_table(table.schema, table.name);
    if (target == nullptr || *target == table) continue;
    TableAligner aligner(connection, table, *target);
    aligner.run();
  }
}

}  // namespace flick::introspect

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <regex>

#include "diff/data_loss.hpp"
#include "introspect/changes.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::introspect {
namespace {

using sqlparse::quote_identifier;

std::string table_sql(const diff::QualifiedName& table) {
  return quote_identifier(table.schema) + "." + quote_identifier(table.name);
}
std::string name(const diff::QualifiedName& table) {
  return fmt::format("\"{}\".\"{}\"", table.schema, table.name);
}

bool query_true(pg::Connection& connection, const std::string& sql) {
  return connection.exec(sql).value(0, 0) == "t";
}

// The length / precision in "varchar(20)", "numeric(10, 2)"; -1 without one.
int first_modifier(const std::string& type) {
  std::smatch match;
  static const std::regex modifier(R"(\((\d+))");
  return std::regex_search(type, match, modifier) ? std::stoi(match[1]) : -1;
}
std::string base_type(const std::string& type) { return type.substr(0, type.find('(')); }

// True when values of `from` may not fit `to`.
bool narrows(const std::string& from, const std::string& to) {
  static const std::vector<std::string> integers = {"smallint", "integer", "bigint"};
  auto rank = [&](const std::string& type) {
    auto it = std::find(integers.begin(), integers.end(), type);
    return it == integers.end() ? -1 : static_cast<int>(it - integers.begin());
  };
  if (rank(from) >= 0 && rank(to) >= 0) return rank(to) < rank(from);
  if (base_type(from) == base_type(to)) {
    int old_size = first_modifier(from), new_size = first_modifier(to);
    return new_size >= 0 && (old_size < 0 || new_size < old_size);
  }
  if ((from == "text" || base_type(from) == "varchar") && base_type(to) == "varchar") {
    return first_modifier(to) >= 0;
  }
  return false;
}

class RiskFinder {
 public:
  RiskFinder(pg::Connection& connection, const model::Catalog& live,
             std::vector<std::string>& risks)
      : connection_(connection), live_(live), risks_(risks) {}

  void operator()(const diff::AlterColumnType& change) {
    if (change.needs_using) return static_loss(change);
    const model::Column* column = live_column(change.table, change.column);
    if (column != nullptr && narrows(column->type, change.type)) {
      risks_.push_back(fmt::format("narrows column \"{}\" of {} from {} to {}: values may not fit",
                                   change.column, name(change.table), column->type, change.type));
    }
  }
  void operator()(const diff::SetNotNull& change) {
    if (change.backfill || !live_table(change.table)) return;
    if (query_true(connection_,
                   fmt::format("SELECT EXISTS (SELECT 1 FROM {} WHERE {} IS NULL)",
                               table_sql(change.table), quote_identifier(change.column)))) {
      risks_.push_back(fmt::format("sets NOT NULL on \"{}\" of {}, which holds NULLs",
                                   change.column, name(change.table)));
    }
  }
  void operator()(const diff::AddColumn& change) {
    const model::Column& column = change.column;
    if (!column.not_null || column.default_expr || column.identity || column.generated ||
        column.type.find("serial") != std::string::npos || !live_table(change.table)) {
      return;
    }
    if (query_true(connection_,
                   fmt::format("SELECT EXISTS (SELECT 1 FROM {})", table_sql(change.table)))) {
      risks_.push_back(
          fmt::format("adds NOT NULL column \"{}\" without a default to {}, "
                      "which has rows",
                      column.name, name(change.table)));
    }
  }
  void operator()(const diff::AddUnique& change) {
    check_duplicates(change.table, change.unique.columns, change.unique.nulls_not_distinct, {},
                     fmt::format("unique constraint \"{}\"", change.unique.name));
  }
  void operator()(const diff::AddPrimaryKey& change) {
    check_duplicates(change.table, change.columns, true, {},
                     fmt::format("primary key \"{}\"", change.name));
  }
  void operator()(const diff::CreateIndex& change) {
    if (!change.index.unique) return;
    std::vector<std::string> keys;
    for (const auto& element : change.index.elements) {
      keys.push_back(element.is_expression ? "(" + element.expression + ")"
                                           : quote_identifier(element.expression));
    }
    check_duplicates(change.table, keys, change.index.nulls_not_distinct, change.index.where,
                     fmt::format("unique index \"{}\"", change.index.name), /*quoted=*/true);
  }
  // Each value the database has and the target lacks, with the rows that hold it: what makes the
  // rebuild fail, in the words of what differs.
  void operator()(const diff::RebuildEnum& change) {
    const model::Enum* current = live_.find_enum(change.enum_type.schema, change.enum_type.name);
    if (current == nullptr) return static_loss(change);
    const auto& wanted = change.enum_type.values;
    for (const std::string& value : current->values) {
      if (std::find(wanted.begin(), wanted.end(), value) != wanted.end()) continue;
      long rows = 0;
      for (const diff::EnumDependent& dependent : change.dependents) {
        std::string column = quote_identifier(dependent.column);
        std::string test =
            dependent.is_array
                ? fmt::format("{} = ANY ({}::text[])", sqlparse::quote_literal(value), column)
                : fmt::format("{}::text = {}", column, sqlparse::quote_literal(value));
        rows += std::stol(connection_
                              .exec(fmt::format("SELECT count(*) FROM {} WHERE {}",
                                                table_sql(dependent.table), test))
                              .value(0, 0));
      }
      risks_.push_back(fmt::format(
          "enum \"{}\".\"{}\" has value '{}' in the database that the target lacks ({})",
          change.enum_type.schema, change.enum_type.name, value,
          rows == 0 ? "no row uses it"
                    : fmt::format("{} row{} use it", rows, rows == 1 ? "" : "s")));
    }
  }
  template <typename Change>
  void operator()(const Change& change) {
    static_loss(change);
  }

 private:
  template <typename Change>
  void static_loss(const Change& change) {
    diff::ChangeSet one;
    one.changes.push_back(change);
    for (std::string& sentence : diff::data_loss(one)) risks_.push_back(std::move(sentence));
  }

  const model::Table* live_table(const diff::QualifiedName& table) const {
    return live_.find_table(table.schema, table.name);
  }
  const model::Column* live_column(const diff::QualifiedName& table,
                                   const std::string& column) const {
    const model::Table* found = live_table(table);
    return found == nullptr ? nullptr : model::find_column(*found, column);
  }

  void check_duplicates(const diff::QualifiedName& table, const std::vector<std::string>& keys,
                        bool nulls_not_distinct, const std::optional<std::string>& where,
                        const std::string& what, bool quoted = false) {
    const model::Table* found = live_table(table);
    if (found == nullptr) return;
    std::string list, conditions;
    for (const std::string& key : keys) {
      if (!quoted && model::find_column(*found, key) == nullptr) return;  // a new column
      std::string sql = quoted ? key : quote_identifier(key);
      list += (list.empty() ? "" : ", ") + sql;
      if (!nulls_not_distinct) conditions += fmt::format(" AND {} IS NOT NULL", sql);
    }
    if (where) conditions += fmt::format(" AND ({})", *where);
    // In push's transaction a failed query must not end it: a savepoint keeps it usable.
    // drift has no transaction open, and needs none.
    std::optional<pg::Savepoint> savepoint;
    if (connection_.in_transaction()) savepoint.emplace(connection_, "flick_duplicates");
    try {
      bool duplicated = query_true(
          connection_, fmt::format("SELECT EXISTS (SELECT 1 FROM {} WHERE true{} GROUP BY {} "
                                   "HAVING count(*) > 1)",
                                   table_sql(table), conditions, list));
      if (savepoint) savepoint->release();
      if (duplicated) {
        risks_.push_back(
            fmt::format("adds {} on {}, which holds duplicated values", what, name(table)));
      }
    } catch (const pg::PgError& error) {  // an expression over columns added by this push
      if (error.sqlstate().rfind("08", 0) == 0) throw;
      if (savepoint) savepoint->rollback();
    }
  }

  pg::Connection& connection_;
  const model::Catalog& live_;
  std::vector<std::string>& risks_;
};

}  // namespace

std::vector<std::string> data_risks(pg::Connection& connection, const model::Catalog& live,
                                    const diff::ChangeSet& changes) {
  std::vector<std::string> risks;
  RiskFinder finder(connection, live, risks);
  for (const diff::Change& change : changes.changes) std::visit(finder, change);
  return risks;
}

}  // namespace flick::introspect

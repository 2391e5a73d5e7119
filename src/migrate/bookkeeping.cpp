#include "migrate/bookkeeping.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "sqlparse/sqlparse.hpp"

namespace flick::migrate {

namespace {
constexpr const char* kFlickTable = "__flick_migrations";
}

Bookkeeping::Bookkeeping(pg::Connection& connection, std::string schema, std::string table)
    : connection_(connection), schema_(std::move(schema)), table_(std::move(table)) {}

std::string Bookkeeping::qualified_table() const {
  return sqlparse::quote_identifier(schema_) + "." + sqlparse::quote_identifier(table_);
}

std::string Bookkeeping::qualified_flick_table() const {
  return sqlparse::quote_identifier(schema_) + "." + sqlparse::quote_identifier(kFlickTable);
}

void Bookkeeping::ensure() {
  if (exists() &&
      connection_.exec_params("SELECT to_regclass($1) IS NOT NULL", {qualified_flick_table()})
              .value(0, 0) == "t") {
    return;
  }
  connection_.exec(fmt::format(
      "CREATE SCHEMA IF NOT EXISTS {0};\n"
      "CREATE TABLE IF NOT EXISTS {1} (id SERIAL PRIMARY KEY, hash text NOT NULL, "
      "created_at bigint);\n"
      "CREATE TABLE IF NOT EXISTS {2} (migration_id integer PRIMARY KEY REFERENCES {1} (id) "
      "ON DELETE CASCADE, tag text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), "
      "duration_ms bigint NOT NULL, statements integer NOT NULL);\n"
      "COMMENT ON TABLE {2} IS 'flick bookkeeping, format 1';",
      sqlparse::quote_identifier(schema_), qualified_table(), qualified_flick_table()));
}

bool Bookkeeping::exists() {
  return connection_.exec_params("SELECT to_regclass($1) IS NOT NULL", {qualified_table()})
             .value(0, 0) == "t";
}

std::vector<AppliedRow> Bookkeeping::rows(RowDetail detail) {
  std::vector<AppliedRow> rows;
  pg::Result tables =
      connection_.exec_params("SELECT to_regclass($1) IS NOT NULL, to_regclass($2) IS NOT NULL",
                              {qualified_table(), qualified_flick_table()});
  bool has_drizzle = tables.value(0, 0) == "t";
  bool has_flick = tables.value(0, 1) == "t";
  complete_ = has_drizzle && has_flick;
  if (!has_drizzle) return rows;
  std::string sql =
      has_flick && detail == RowDetail::kAll
          ? fmt::format(
                "SELECT m.id, m.hash, m.created_at, f.tag, "
                "to_char(f.applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
                "f.duration_ms FROM {} m LEFT JOIN {} f ON f.migration_id = m.id",
                qualified_table(), qualified_flick_table())
          : fmt::format("SELECT id, hash, created_at, NULL, NULL, NULL FROM {}", qualified_table());
  pg::Result result = connection_.exec(sql);
  rows.reserve(static_cast<std::size_t>(result.rows()));
  for (int i = 0; i < result.rows(); ++i) {
    AppliedRow row;
    row.id = std::stoi(result.value(i, 0));
    row.hash = result.value(i, 1);
    row.created_at = result.is_null(i, 2) ? 0 : std::stoll(result.value(i, 2));
    row.tag = result.get(i, 3);
    row.applied_at = result.get(i, 4);
    if (!result.is_null(i, 5)) row.duration_ms = std::stoll(result.value(i, 5));
    rows.push_back(std::move(row));
  }
  // Ordered here rather than by the server: in the backend's first query, ORDER BY costs about a
  // millisecond of planning (the primary key's index and sort support looked up cold).
  std::sort(rows.begin(), rows.end(),
            [](const AppliedRow& a, const AppliedRow& b) { return a.id < b.id; });
  return rows;
}

void Bookkeeping::record(const store::JournalEntry& entry, const std::string& hash,
                         std::int64_t duration_ms, int statements) {
  connection_.exec_params(
      fmt::format("WITH m AS (INSERT INTO {} (hash, created_at) VALUES ($1, $2) RETURNING id) "
                  "INSERT INTO {} (migration_id, tag, duration_ms, statements) "
                  "SELECT id, $3, $4, $5 FROM m",
                  qualified_table(), qualified_flick_table()),
      {hash, std::to_string(entry.when), entry.tag, std::to_string(duration_ms),
       std::to_string(statements)});
}

std::string Bookkeeping::record_statement(const store::JournalEntry& entry, const std::string& hash,
                                          int statements) const {
  return fmt::format(
      "WITH m AS (INSERT INTO {} (hash, created_at) VALUES ({}, {}) RETURNING id) "
      "INSERT INTO {} (migration_id, tag, duration_ms, statements) "
      "SELECT id, {}, (extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint, {} FROM m",
      qualified_table(), connection_.quote_literal(hash), entry.when, qualified_flick_table(),
      connection_.quote_literal(entry.tag), statements);
}

void Bookkeeping::update_hash(const AppliedRow& row, const std::string& hash) {
  connection_.exec_params(fmt::format("UPDATE {} SET hash = $1 WHERE id = $2", qualified_table()),
                          {hash, std::to_string(row.id)});
}

void Bookkeeping::remove(const AppliedRow& row) {
  connection_.exec_params(fmt::format("DELETE FROM {} WHERE id = $1", qualified_table()),
                          {std::to_string(row.id)});
}

}  // namespace flick::migrate

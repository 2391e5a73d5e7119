#include "pg/libpq.hpp"

#include <cstdlib>
#include <utility>

namespace flick::pg::libpq {

namespace {

std::string field(const PGresult* result, int code) {
  const char* text = PQresultErrorField(result, code);
  return text == nullptr ? std::string() : std::string(text);
}

}  // namespace

std::string trim_trailing_newlines(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

PGconn* connect(const std::string& url_or_conninfo, std::chrono::seconds timeout,
                const std::string& application_name) {
  std::string seconds = std::to_string(timeout.count());
  const char* keywords[] = {"dbname", "connect_timeout", "fallback_application_name", nullptr};
  const char* values[] = {url_or_conninfo.c_str(), seconds.c_str(), application_name.c_str(),
                          nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (conn != nullptr && PQstatus(conn) == CONNECTION_OK) return conn;
  ErrorFields fields;
  fields.sqlstate = "08001";
  fields.severity = "FATAL";
  std::string reason =
      conn == nullptr ? "out of memory" : trim_trailing_newlines(PQerrorMessage(conn));
  PQfinish(conn);
  // libpq's reason may quote the URL it could not parse: passwords go.
  fields.message_primary = redact_secret_of(
      "could not connect to " + redact_url(url_or_conninfo) + ": " + reason, url_or_conninfo);
  throw PgError(std::move(fields));
}

ErrorFields error_fields(PGconn* conn, const PGresult* result, std::string_view query) {
  ErrorFields fields;
  fields.query = std::string(query);
  if (result == nullptr || PQresultErrorField(result, PG_DIAG_SQLSTATE) == nullptr) {
    fields.sqlstate = PQstatus(conn) == CONNECTION_BAD ? "08006" : "08000";
    fields.severity = "FATAL";
    if (result != nullptr)
      fields.message_primary = trim_trailing_newlines(PQresultErrorMessage(result));
    if (fields.message_primary.empty()) {
      fields.message_primary = trim_trailing_newlines(PQerrorMessage(conn));
    }
    if (fields.message_primary.empty()) fields.message_primary = "connection failure";
    return fields;
  }
  fields.sqlstate = field(result, PG_DIAG_SQLSTATE);
  fields.severity = field(result, PG_DIAG_SEVERITY_NONLOCALIZED);
  fields.message_primary = field(result, PG_DIAG_MESSAGE_PRIMARY);
  if (fields.message_primary.empty()) {
    fields.message_primary = trim_trailing_newlines(PQresultErrorMessage(result));
  }
  if (fields.message_primary.empty()) {
    fields.message_primary = trim_trailing_newlines(PQerrorMessage(conn));
  }
  fields.detail = field(result, PG_DIAG_MESSAGE_DETAIL);
  fields.hint = field(result, PG_DIAG_MESSAGE_HINT);
  std::string position = field(result, PG_DIAG_STATEMENT_POSITION);
  fields.position = position.empty() ? 0 : std::atoi(position.c_str());
  fields.schema = field(result, PG_DIAG_SCHEMA_NAME);
  fields.table = field(result, PG_DIAG_TABLE_NAME);
  fields.column = field(result, PG_DIAG_COLUMN_NAME);
  fields.constraint = field(result, PG_DIAG_CONSTRAINT_NAME);
  return fields;
}

bool succeeded(const PGresult* result) {
  if (result == nullptr) return false;
  switch (PQresultStatus(result)) {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_EMPTY_QUERY:
      return true;
    default:
      return false;
  }
}

}  // namespace flick::pg::libpq

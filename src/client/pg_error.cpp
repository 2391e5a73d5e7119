#include "client/pg_error.hpp"

#include <cstdlib>
#include <string>

namespace flick::client::internal {

namespace {

std::string field(const PGresult* result, int code) {
  const char* text = PQresultErrorField(result, code);
  return text == nullptr ? std::string() : std::string(text);
}

std::string trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

Error error_from_result(PGconn* conn, const PGresult* result, std::string_view query) {
  ErrorInfo info;
  info.query = std::string(query);
  if (result == nullptr || PQresultErrorField(result, PG_DIAG_SQLSTATE) == nullptr) {
    info.sqlstate = PQstatus(conn) == CONNECTION_BAD ? "08006" : "08000";
    info.severity = "FATAL";
    info.message = trim(result != nullptr ? PQresultErrorMessage(result) : "");
    if (info.message.empty()) info.message = trim(PQerrorMessage(conn));
    if (info.message.empty()) info.message = "connection failure";
    return Error(std::move(info));
  }
  info.sqlstate = field(result, PG_DIAG_SQLSTATE);
  info.severity = field(result, PG_DIAG_SEVERITY_NONLOCALIZED);
  info.message = field(result, PG_DIAG_MESSAGE_PRIMARY);
  if (info.message.empty()) info.message = trim(PQresultErrorMessage(result));
  info.detail = field(result, PG_DIAG_MESSAGE_DETAIL);
  info.hint = field(result, PG_DIAG_MESSAGE_HINT);
  info.schema = field(result, PG_DIAG_SCHEMA_NAME);
  info.table = field(result, PG_DIAG_TABLE_NAME);
  info.column = field(result, PG_DIAG_COLUMN_NAME);
  info.constraint = field(result, PG_DIAG_CONSTRAINT_NAME);
  return Error(std::move(info));
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

}  // namespace flick::client::internal

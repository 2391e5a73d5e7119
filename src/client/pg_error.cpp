#include "client/pg_error.hpp"

#include <string>

namespace flick::client::internal {

Error to_client_error(const pg::ErrorFields& fields) {
  ErrorInfo info;
  info.sqlstate = fields.sqlstate;
  info.severity = fields.severity;
  info.message = fields.message_primary;
  info.detail = fields.detail;
  info.hint = fields.hint;
  info.schema = fields.schema;
  info.table = fields.table;
  info.column = fields.column;
  info.constraint = fields.constraint;
  info.query = fields.query;
  return Error(std::move(info));
}

Error error_from_result(PGconn* conn, const PGresult* result, std::string_view query) {
  return to_client_error(pg::libpq::error_fields(conn, result, query));
}

}  // namespace flick::client::internal

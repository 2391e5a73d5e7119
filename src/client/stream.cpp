// Connection::stream: a statement's rows handed over one at a time (libpq's single-row mode).

#include <libpq-fe.h>

#include <exception>
#include <optional>
#include <string>

#include "client/connection_impl.hpp"

namespace flick::client {

using internal::error_from_result;
using internal::ParamPointers;
using internal::ResultGuard;
using internal::succeeded;

long Connection::stream(std::string_view sql, const Params& params, const RowHandler& on_row) {
  PGconn* conn = impl_->conn;
  std::string text(sql);
  ParamPointers values(params);
  if (PQsendQueryParams(conn, text.c_str(), values.count(), nullptr, values.data(), nullptr,
                        nullptr, 0) == 0) {
    throw error_from_result(conn, nullptr, sql);
  }
  if (PQsetSingleRowMode(conn) == 0) {
    // Only fails right after a failed send; read what there is and report it.
    std::optional<Error> error = impl_->drain(sql);
    throw error ? *error : error_from_result(conn, nullptr, sql);
  }
  long rows = 0;
  std::optional<Error> error;
  std::exception_ptr handler_error;
  while (PGresult* raw = PQgetResult(conn)) {
    ExecStatusType status = PQresultStatus(raw);
    if (status == PGRES_SINGLE_TUPLE) {
      Result result(raw, sql);
      if (handler_error) continue;  // discarding the rest after the handler threw
      try {
        on_row(result[0]);
        ++rows;
      } catch (...) {
        handler_error = std::current_exception();
      }
      continue;
    }
    if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) {
      PQclear(raw);
      if (!error) error = impl_->drain(sql);  // not a query: end the COPY it started
      break;
    }
    // The final, row-less result of a query (or the result of a command), or the failure.
    ResultGuard guard{raw};
    if (!succeeded(raw) && !error) error = error_from_result(conn, raw, sql);
  }
  if (handler_error) std::rethrow_exception(handler_error);
  if (error) throw *error;
  if (PQstatus(conn) == CONNECTION_BAD) throw error_from_result(conn, nullptr, sql);
  return rows;
}

}  // namespace flick::client

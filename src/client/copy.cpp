// COPY ... FROM STDIN and COPY ... TO STDOUT (Connection::copy_in, copy_out, CopyWriter).

#include <libpq-fe.h>

#include <cstdlib>
#include <exception>
#include <optional>
#include <string>

#include "client/connection_impl.hpp"

namespace flick::client {

using internal::error_from_result;
using internal::ResultGuard;
using internal::succeeded;

namespace {

PGconn* pg(void* conn) { return static_cast<PGconn*>(conn); }

}  // namespace

void Connection::Impl::start_copy(std::string_view copy_sql, ExecStatusType expected) {
  std::string text(copy_sql);
  if (PQsendQuery(conn, text.c_str()) == 0) {
    throw error_from_result(conn, nullptr, copy_sql);
  }
  PGresult* raw = PQgetResult(conn);
  if (raw != nullptr && PQresultStatus(raw) == expected) {
    PQclear(raw);
    return;
  }
  std::optional<Error> error;
  bool other_copy = false;  // a COPY the other way: ending it fails it, which is not the news
  if (raw != nullptr) {
    ExecStatusType status = PQresultStatus(raw);
    other_copy = status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH;
    if (!other_copy && !succeeded(raw)) error = error_from_result(conn, raw, copy_sql);
    PQclear(raw);
  }
  std::optional<Error> rest = drain(copy_sql);  // also ends a COPY in the other direction
  if (!error && (!other_copy || PQstatus(conn) == CONNECTION_BAD)) error = rest;
  if (!error) {
    ErrorInfo info;
    info.sqlstate = "08P01";
    info.severity = "ERROR";
    info.message = expected == PGRES_COPY_IN ? "the statement is not a COPY ... FROM STDIN"
                                             : "the statement is not a COPY ... TO STDOUT";
    info.query = std::string(copy_sql);
    error = Error(std::move(info));
  }
  throw *error;
}

long Connection::Impl::finish_copy(std::string_view copy_sql) {
  PGresult* last = nullptr;
  std::optional<Error> error = drain(copy_sql, &last);
  ResultGuard guard{last};
  if (error) throw *error;
  const char* tuples = last != nullptr ? PQcmdTuples(last) : nullptr;
  return tuples != nullptr && *tuples != '\0' ? std::atol(tuples) : 0;
}

void CopyWriter::escape_from(std::size_t start) {
  std::size_t special = buffer_.find_first_of("\\\t\n\r", start);
  if (special == std::string::npos) return;  // the usual case: nothing to escape
  scratch_.assign(buffer_, special, std::string::npos);
  buffer_.resize(special);
  for (char c : scratch_) {
    switch (c) {
      case '\\':
        buffer_ += "\\\\";
        break;
      case '\t':
        buffer_ += "\\t";
        break;
      case '\n':
        buffer_ += "\\n";
        break;
      case '\r':
        buffer_ += "\\r";
        break;
      default:
        buffer_.push_back(c);
    }
  }
}

void CopyWriter::send() {
  if (buffer_.empty()) return;
  // Blocking mode: returns once libpq has queued the data (sending what does not fit).
  if (PQputCopyData(pg(conn_), buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
    send_failed_ = true;
    throw error_from_result(pg(conn_), nullptr, query_);
  }
  buffer_.clear();
}

long Connection::copy_in(std::string_view copy_sql, const CopyProducer& produce) {
  PGconn* conn = impl_->conn;
  impl_->start_copy(copy_sql, PGRES_COPY_IN);
  CopyWriter writer(conn, copy_sql);
  try {
    produce(writer);
    writer.send();
  } catch (...) {
    // CopyFail: the server rolls the COPY back. When sending failed, the server's (or the
    // connection's) error says why; otherwise the producer's own exception is the one to rethrow.
    PQputCopyEnd(conn, "COPY aborted by the client");
    std::optional<Error> error = impl_->drain(copy_sql);
    if (writer.send_failed_ && error) throw *error;
    throw;
  }
  if (PQputCopyEnd(conn, nullptr) != 1) {
    std::optional<Error> error = impl_->drain(copy_sql);
    throw error ? *error : error_from_result(conn, nullptr, copy_sql);
  }
  return impl_->finish_copy(copy_sql);
}

long Connection::copy_out(std::string_view copy_sql, const CopyLineHandler& on_line) {
  PGconn* conn = impl_->conn;
  impl_->start_copy(copy_sql, PGRES_COPY_OUT);
  long rows = 0;
  std::exception_ptr handler_error;
  char* data = nullptr;
  int length = 0;
  while ((length = PQgetCopyData(conn, &data, 0)) > 0) {
    std::string_view line(data, static_cast<std::size_t>(length));
    if (!handler_error) {
      if (line.ends_with('\n')) line.remove_suffix(1);
      try {
        on_line(line);
        ++rows;
      } catch (...) {
        handler_error = std::current_exception();  // read and discard the rest first
      }
    }
    PQfreemem(data);
  }
  if (length == -2) {
    std::optional<Error> error = impl_->drain(copy_sql);
    throw error ? *error : error_from_result(conn, nullptr, copy_sql);
  }
  if (handler_error) {
    impl_->drain(copy_sql);
    std::rethrow_exception(handler_error);
  }
  impl_->finish_copy(copy_sql);
  return rows;
}

}  // namespace flick::client

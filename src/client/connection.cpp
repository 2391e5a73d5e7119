#include <fmt/core.h>
#include <libpq-fe.h>
#include <poll.h>

#include <exception>
#include <string>
#include <utility>

#include "client/connection_impl.hpp"
#include "pg/pg.hpp"

namespace flick::client {

using internal::error_from_result;
using internal::ParamPointers;
using internal::ResultGuard;
using internal::succeeded;

namespace {

void ignore_notice(void*, const PGresult*) {}

// Outstanding pipelined statements before the sender waits for results: enough to keep the
// server busy, bounded so neither side buffers the whole batch.
constexpr std::size_t kPipelineWindow = 512;

}  // namespace

void Connection::Impl::connect() {
  PGconn* fresh = nullptr;
  try {
    fresh = pg::libpq::connect(options.url, options.connect_timeout, options.application_name);
  } catch (const pg::PgError& error) {
    throw internal::to_client_error(error.fields());
  }
  PQfinish(conn);
  conn = fresh;
  prepared.clear();
  prepared_use.clear();
  PQsetNoticeReceiver(conn, &ignore_notice, nullptr);
  PGresult* raw = PQexec(conn, "SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'");
  ResultGuard guard{raw};
  if (!succeeded(raw)) throw error_from_result(conn, raw, "SET DateStyle, TimeZone");
}

void Connection::Impl::wait_socket(bool want_write, std::string_view query) {
  pollfd fd{PQsocket(conn), static_cast<short>(POLLIN | (want_write ? POLLOUT : 0)), 0};
  if (poll(&fd, 1, -1) < 0 && errno != EINTR) fail_batch(query);
}

std::optional<Error> Connection::Impl::drain(std::string_view query, PGresult** last) {
  std::optional<Error> first_error;
  while (PGresult* raw = PQgetResult(conn)) {
    ResultGuard guard{raw};
    switch (PQresultStatus(raw)) {
      case PGRES_COPY_IN:
      case PGRES_COPY_BOTH:
        // Not ours to feed: end it (the server rolls the COPY back and reports this reason).
        if (PQputCopyEnd(conn, "flick: COPY FROM STDIN not expected here") < 0) {
          if (!first_error) first_error = error_from_result(conn, nullptr, query);
          return first_error;
        }
        continue;
      case PGRES_COPY_OUT: {
        char* data = nullptr;
        int length = 0;
        while ((length = PQgetCopyData(conn, &data, 0)) > 0) PQfreemem(data);
        if (length == -2) {
          if (!first_error) first_error = error_from_result(conn, nullptr, query);
          return first_error;
        }
        continue;
      }
      default:
        break;
    }
    if (!succeeded(raw)) {
      if (!first_error) first_error = error_from_result(conn, raw, query);
    } else if (last != nullptr) {
      PQclear(*last);
      *last = raw;
      guard.result = nullptr;
    }
  }
  if (!first_error && PQstatus(conn) == CONNECTION_BAD) {
    first_error = error_from_result(conn, nullptr, query);
  }
  return first_error;
}

Connection::Connection(ConnectionOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->connect();
}

Connection::~Connection() = default;
Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;

Result Connection::execute(std::string_view sql, const Params& params) {
  std::string text(sql);
  ParamPointers values(params);
  PGresult* raw = PQexecParams(impl_->conn, text.c_str(), values.count(), nullptr, values.data(),
                               nullptr, nullptr, 0);
  if (!succeeded(raw)) {
    ResultGuard guard{raw};
    throw error_from_result(impl_->conn, raw, sql);
  }
  return Result(raw, sql);
}

void Connection::execute_script(std::string_view sql) {
  std::string text(sql);
  if (PQsendQuery(impl_->conn, text.c_str()) == 0)
    throw error_from_result(impl_->conn, nullptr, sql);
  std::optional<Error> first_error;
  while (PGresult* raw = PQgetResult(impl_->conn)) {
    ResultGuard guard{raw};
    if (!succeeded(raw) && !first_error) first_error = error_from_result(impl_->conn, raw, sql);
  }
  if (first_error) throw *first_error;
  if (PQstatus(impl_->conn) == CONNECTION_BAD) throw error_from_result(impl_->conn, nullptr, sql);
}

void Connection::execute_batch(const Batch& batch, const ResultHandler& on_result) {
  PGconn* conn = impl_->conn;
  const std::vector<Batch::Item>& items = batch.items();
  if (items.empty()) return;
  std::size_t received = 0;
  std::string_view batch_name = "pipelined batch";
  if (PQenterPipelineMode(conn) == 0 || PQsetnonblocking(conn, 1) != 0) {
    impl_->fail_batch(batch_name);
  }
  std::optional<Error> first_error;
  std::exception_ptr handler_error;
  std::size_t sent = 0;
  bool synced = false;
  bool awaiting_separator = false;  // libpq ends each statement's results with a null
  bool done = false;
  try {
    while (!done) {
      bool sent_more = false;
      while (sent < items.size() && sent - received < kPipelineWindow) {
        const Batch::Item& item = items[sent];
        ParamPointers values(item.params);
        if (PQsendQueryParams(conn, batch.sql_texts()[item.sql].c_str(), values.count(), nullptr,
                              values.data(), nullptr, nullptr, 0) == 0) {
          impl_->fail_batch(batch.sql_texts()[item.sql]);
        }
        ++sent;
        sent_more = true;
      }
      if (sent == items.size() && !synced) {
        if (PQpipelineSync(conn) == 0) impl_->fail_batch(batch_name);
        synced = true;
      } else if (sent_more) {
        // The server buffers output until a Sync or Flush; ask for what is ready.
        if (PQsendFlushRequest(conn) == 0) impl_->fail_batch(batch_name);
      }
      int pending = PQflush(conn);
      if (pending < 0) impl_->fail_batch(batch_name);
      if (PQisBusy(conn)) {
        impl_->wait_socket(pending == 1, batch_name);
        if (PQconsumeInput(conn) == 0) impl_->fail_batch(batch_name);
      }
      while (!PQisBusy(conn)) {
        PGresult* raw = PQgetResult(conn);
        if (raw == nullptr) {
          if (!awaiting_separator) break;
          awaiting_separator = false;
          continue;
        }
        ExecStatusType status = PQresultStatus(raw);
        if (status == PGRES_PIPELINE_SYNC) {
          PQclear(raw);
          done = true;
          break;
        }
        std::string_view sql = batch.sql_texts()[items[received].sql];
        if (succeeded(raw)) {
          Result result(raw, sql);
          if (!first_error && !handler_error) {
            try {
              on_result(received, result);
            } catch (...) {
              handler_error = std::current_exception();  // drain the pipeline first
            }
          }
        } else {
          ResultGuard guard{raw};
          if (!first_error && status != PGRES_PIPELINE_ABORTED) {
            Error error = error_from_result(conn, raw, sql);
            ErrorInfo info = error.info();
            info.message = fmt::format("batch statement {} of {}: {}", received + 1, items.size(),
                                       info.message);
            first_error = Error(std::move(info));
          }
        }
        ++received;
        awaiting_separator = true;
      }
      if (PQstatus(conn) == CONNECTION_BAD) impl_->fail_batch(batch_name);
    }
  } catch (...) {
    // A lost connection mid-batch: leave it broken for the pool to drop.
    PQsetnonblocking(conn, 0);
    throw;
  }
  PQexitPipelineMode(conn);
  PQsetnonblocking(conn, 0);
  if (first_error) throw *first_error;
  if (handler_error) std::rethrow_exception(handler_error);
}

bool Connection::healthy() {
  PGconn* conn = impl_->conn;
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) return false;
  pollfd fd{PQsocket(conn), POLLIN, 0};
  int ready = poll(&fd, 1, 0);
  if (ready == 0) return true;  // nothing arrived while idle: the normal case
  // Data or EOF on an idle connection: a shutdown notice, a terminated backend, or a NOTIFY.
  if (PQconsumeInput(conn) == 0 || PQstatus(conn) != CONNECTION_OK) return false;
  PGresult* raw = PQexec(conn, "");
  ResultGuard guard{raw};
  return succeeded(raw) && PQstatus(conn) == CONNECTION_OK;
}

void Connection::reconnect() { impl_->connect(); }

bool Connection::in_transaction() const { return PQtransactionStatus(impl_->conn) != PQTRANS_IDLE; }

std::size_t Connection::prepared_count() const { return impl_->prepared.size(); }

bool Connection::broken() const { return PQstatus(impl_->conn) != CONNECTION_OK; }

int Connection::server_version() const { return PQserverVersion(impl_->conn); }

int Connection::backend_pid() const { return PQbackendPID(impl_->conn); }

pg_conn* Connection::native_handle() const { return impl_->conn; }

}  // namespace flick::client

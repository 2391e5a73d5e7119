#include <libpq-fe.h>

#include <cstdlib>
#include <string>
#include <utility>

#include "pg/libpq.hpp"
#include "pg/pg.hpp"
#include "pg/result_data.hpp"

namespace flick::pg {

namespace {

using libpq::succeeded;
using libpq::trim_trailing_newlines;

std::string field(const PGresult* result, int code) {
  const char* text = PQresultErrorField(result, code);
  return text == nullptr ? std::string() : std::string(text);
}

PgError error_from_result(PGconn* conn, const PGresult* result, std::string_view query) {
  return PgError(libpq::error_fields(conn, result, query));
}

struct ResultGuard {
  PGresult* result;
  ~ResultGuard() { PQclear(result); }
};

}  // namespace

struct Connection::Impl {
  PGconn* conn = nullptr;
  std::vector<std::string> notices;

  ~Impl() { PQfinish(conn); }

  static void receive_notice(void* self, const PGresult* result) {
    std::string severity = field(result, PG_DIAG_SEVERITY);
    std::string message = field(result, PG_DIAG_MESSAGE_PRIMARY);
    static_cast<Impl*>(self)->notices.push_back(severity.empty() ? message
                                                                 : severity + ": " + message);
  }

  Result take(PGresult* raw) {
    ResultGuard guard{raw};
    Result result;
    Result::Data& data = *result.data_;
    int columns = PQnfields(raw);
    data.rows = PQntuples(raw);
    for (int c = 0; c < columns; ++c) data.column_names.emplace_back(PQfname(raw, c));
    data.values.reserve(static_cast<std::size_t>(data.rows) * static_cast<std::size_t>(columns));
    data.nulls.reserve(data.values.capacity());
    for (int r = 0; r < data.rows; ++r) {
      for (int c = 0; c < columns; ++c) {
        bool null = PQgetisnull(raw, r, c) != 0;
        data.nulls.push_back(null);
        data.values.emplace_back(null ? "" : PQgetvalue(raw, r, c));
      }
    }
    const char* tuples = PQcmdTuples(raw);
    data.affected_rows = tuples != nullptr && *tuples != '\0' ? std::atol(tuples) : 0;
    const char* tag = PQcmdStatus(raw);
    data.command_tag = tag == nullptr ? "" : tag;
    return result;
  }
};

Connection::Connection(const std::string& url_or_conninfo, const ConnectOptions& options)
    : impl_(std::make_unique<Impl>()) {
  impl_->conn = libpq::connect(url_or_conninfo, options.timeout, options.application_name);
  PQsetNoticeReceiver(impl_->conn, &Impl::receive_notice, impl_.get());
}

Connection::~Connection() = default;
Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;

Result Connection::exec(std::string_view sql) {
  std::string text(sql);
  PGresult* raw = PQexec(impl_->conn, text.c_str());
  if (!succeeded(raw)) {
    ResultGuard guard{raw};
    throw error_from_result(impl_->conn, raw, sql);
  }
  return impl_->take(raw);
}

std::vector<Result> Connection::exec_all(std::string_view sql) {
  ScriptRun run = run_script(sql);
  if (run.error) throw *run.error;
  return std::move(run.results);
}

Connection::ScriptRun Connection::run_script(std::string_view sql) {
  std::string text(sql);
  if (PQsendQuery(impl_->conn, text.c_str()) == 0) {
    throw error_from_result(impl_->conn, nullptr, sql);
  }
  ScriptRun run;
  while (PGresult* raw = PQgetResult(impl_->conn)) {
    ExecStatusType status = PQresultStatus(raw);
    if (status == PGRES_COPY_IN || status == PGRES_COPY_BOTH || status == PGRES_COPY_OUT) {
      // COPY FROM STDIN has no data here: ended, the server rolls it back and reports this
      // reason as its error. COPY TO STDOUT's rows are read and dropped. Then its own result.
      PQclear(raw);
      if (status == PGRES_COPY_OUT) {
        char* data = nullptr;
        while (PQgetCopyData(impl_->conn, &data, 0) > 0) PQfreemem(data);
      } else if (PQputCopyEnd(impl_->conn, "COPY FROM STDIN is not supported in a migration") < 0) {
        if (!run.error) run.error = error_from_result(impl_->conn, nullptr, sql);
        break;
      }
      continue;
    }
    if (succeeded(raw)) {
      if (!run.error)
        run.results.push_back(impl_->take(raw));
      else
        PQclear(raw);
    } else {
      ResultGuard guard{raw};
      if (!run.error) run.error = error_from_result(impl_->conn, raw, sql);
    }
  }
  return run;
}

Result Connection::exec_params(std::string_view sql,
                               const std::vector<std::optional<std::string>>& params) {
  std::string text(sql);
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param ? param->c_str() : nullptr);
  PGresult* raw = PQexecParams(impl_->conn, text.c_str(), static_cast<int>(values.size()), nullptr,
                               values.data(), nullptr, nullptr, 0);
  if (!succeeded(raw)) {
    ResultGuard guard{raw};
    throw error_from_result(impl_->conn, raw, sql);
  }
  return impl_->take(raw);
}

std::vector<std::string> Connection::take_notices() { return std::exchange(impl_->notices, {}); }

int Connection::server_version() const { return PQserverVersion(impl_->conn); }

bool Connection::in_transaction() const {
  PGTransactionStatusType status = PQtransactionStatus(impl_->conn);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

std::string Connection::quote_identifier(std::string_view name) const {
  char* quoted = PQescapeIdentifier(impl_->conn, name.data(), name.size());
  if (quoted == nullptr) throw error_from_result(impl_->conn, nullptr, "");
  std::string out(quoted);
  PQfreemem(quoted);
  return out;
}

std::string Connection::quote_literal(std::string_view value) const {
  char* quoted = PQescapeLiteral(impl_->conn, value.data(), value.size());
  if (quoted == nullptr) throw error_from_result(impl_->conn, nullptr, "");
  std::string out(quoted);
  PQfreemem(quoted);
  return out;
}

}  // namespace flick::pg

namespace flick::pg {

std::string connection_string_error(const std::string& url_or_conninfo) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url_or_conninfo.c_str(), &error);
  if (options != nullptr) {
    PQconninfoFree(options);
    return "";
  }
  std::string message = error != nullptr ? trim_trailing_newlines(error) : "out of memory";
  if (error != nullptr) PQfreemem(error);
  return redact_secret_of(message, url_or_conninfo);
}

}  // namespace flick::pg

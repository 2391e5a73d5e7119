// Connection::execute_prepared: server-side prepared statements, cached per session.

#include <fmt/core.h>
#include <libpq-fe.h>

#include <string>

#include "client/connection_impl.hpp"

namespace flick::client {

using internal::error_from_result;
using internal::ParamPointers;
using internal::ResultGuard;
using internal::succeeded;

namespace {

// invalid_sql_statement_name: the session has no prepared statement of that name.
constexpr std::string_view kNoSuchStatement = "26000";

}  // namespace

const std::string& Connection::Impl::statement_for(std::string_view sql) {
  auto found = prepared.find(sql);
  if (found != prepared.end()) return found->second;
  std::string name = fmt::format("flick_s{}", ++statements_named);
  std::string text(sql);
  PGresult* raw = PQprepare(conn, name.c_str(), text.c_str(), 0, nullptr);
  ResultGuard guard{raw};
  if (!succeeded(raw)) throw error_from_result(conn, raw, sql);
  return prepared.emplace(std::move(text), std::move(name)).first->second;
}

Result Connection::execute_prepared(std::string_view sql, const Params& params) {
  ParamPointers values(params);
  for (bool retried = false;; retried = true) {
    const std::string& name = impl_->statement_for(sql);
    PGresult* raw = PQexecPrepared(impl_->conn, name.c_str(), values.count(), values.data(),
                                   nullptr, nullptr, 0);
    if (succeeded(raw)) return Result(raw, sql);
    ResultGuard guard{raw};
    Error error = error_from_result(impl_->conn, raw, sql);
    if (error.sqlstate() == kNoSuchStatement) {
      // Deallocated behind our back (DISCARD ALL, DEALLOCATE): prepare it again. Inside a
      // transaction block the failure already aborted the transaction, so only forget it.
      impl_->prepared.erase(impl_->prepared.find(sql));
      if (!retried && PQtransactionStatus(impl_->conn) == PQTRANS_IDLE) continue;
    }
    throw error;
  }
}

}  // namespace flick::client

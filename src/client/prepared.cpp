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
// feature_not_supported, raised for a prepared SELECT * (or RETURNING *) whose table gained or
// lost a column since it was prepared, e.g. by a migration deployed while the app runs.
constexpr std::string_view kFeatureNotSupported = "0A000";
constexpr std::string_view kResultTypeChanged = "cached plan must not change result type";

// The server function that raises it names it whatever the server's language; the message is
// the fallback for a server that does not send the function.
bool result_type_changed(const PGresult* raw, const Error& error) {
  const char* routine = PQresultErrorField(raw, PG_DIAG_SOURCE_FUNCTION);
  if (routine != nullptr) return std::string_view(routine) == "RevalidateCachedQuery";
  return error.info().message.find(kResultTypeChanged) != std::string::npos;
}

}  // namespace

const std::string& Connection::Impl::statement_for(std::string_view sql) {
  auto found = prepared.find(sql);
  if (found != prepared.end()) {
    prepared_use.splice(prepared_use.begin(), prepared_use, found->second.use);
    return found->second.name;
  }
  if (options.prepared_statements > 0 && prepared.size() >= options.prepared_statements) {
    // DEALLOCATE runs inside a transaction block too; a failure (an aborted transaction) leaves
    // the server's copy behind, under a name never used again.
    auto oldest = prepared.find(*prepared_use.back());
    std::string deallocate = "DEALLOCATE " + oldest->second.name;
    PQclear(PQexec(conn, deallocate.c_str()));
    prepared_use.pop_back();
    prepared.erase(oldest);
  }
  std::string name = fmt::format("flick_s{}", ++statements_named);
  std::string text(sql);
  PGresult* raw = PQprepare(conn, name.c_str(), text.c_str(), 0, nullptr);
  ResultGuard guard{raw};
  if (!succeeded(raw)) throw error_from_result(conn, raw, sql);
  auto added = prepared.emplace(std::move(text), PreparedStatement{std::move(name), {}}).first;
  prepared_use.push_front(&added->first);
  added->second.use = prepared_use.begin();
  return added->second.name;
}

void Connection::Impl::forget_prepared(std::string_view sql) {
  auto found = prepared.find(sql);
  if (found == prepared.end()) return;
  prepared_use.erase(found->second.use);
  prepared.erase(found);
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
    bool idle = PQtransactionStatus(impl_->conn) == PQTRANS_IDLE;
    if (error.sqlstate() == kNoSuchStatement) {
      // Deallocated behind our back (DISCARD ALL, DEALLOCATE): prepare it again. Inside a
      // transaction block the failure already aborted the transaction, so only forget it.
      impl_->forget_prepared(sql);
      if (!retried && idle) continue;
    } else if (error.sqlstate() == kFeatureNotSupported && result_type_changed(raw, error)) {
      // The statement's result columns changed under it: prepared again under a new name (the
      // old one is deallocated when the session can still run statements) and run once more
      // outside a transaction block; inside one the transaction is aborted, so only forgotten.
      std::string old_name = name;
      impl_->forget_prepared(sql);
      if (idle) {
        std::string deallocate = "DEALLOCATE " + old_name;
        PQclear(PQexec(impl_->conn, deallocate.c_str()));
        if (!retried) continue;
      }
    }
    throw error;
  }
}

}  // namespace flick::client

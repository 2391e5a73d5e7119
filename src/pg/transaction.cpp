#include <string>

#include "pg/pg.hpp"

namespace flick::pg {

Transaction::Transaction(Connection& connection, std::string_view mode) : connection_(&connection) {
  begin(mode);
}

Transaction Transaction::not_begun(Connection& connection) {
  return Transaction(connection, false);
}

Transaction::Transaction(Transaction&& other) noexcept
    : connection_(other.connection_), open_(other.open_) {
  other.open_ = false;
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    connection_->exec("ROLLBACK");
  } catch (...) {  // the connection is gone, and its transaction with it
  }
}

void Transaction::begin(std::string_view mode) {
  std::string sql = "BEGIN";
  if (!mode.empty()) sql += " " + std::string(mode);
  connection_->exec(sql);
  open_ = true;
}

void Transaction::commit() {
  open_ = false;
  connection_->exec("COMMIT");
}

void Transaction::rollback() {
  open_ = false;
  connection_->exec("ROLLBACK");
}

Savepoint::Savepoint(Connection& connection, std::string name)
    : connection_(connection), name_(std::move(name)) {
  connection_.exec("SAVEPOINT " + name_);
}

Savepoint::~Savepoint() {
  if (done_) return;
  try {
    rollback();
  } catch (...) {  // the transaction is gone: nothing to go back to
  }
}

void Savepoint::release() {
  done_ = true;
  connection_.exec("RELEASE SAVEPOINT " + name_);
}

void Savepoint::rollback() {
  done_ = true;
  connection_.exec("ROLLBACK TO SAVEPOINT " + name_);
  connection_.exec("RELEASE SAVEPOINT " + name_);
}

}  // namespace flick::pg

#include <fmt/core.h>

#include "flick/client.hpp"

namespace flick::client {

Pool::Pool(PoolOptions options) : options_(std::move(options)) {
  if (options_.size < 1) throw std::invalid_argument("Pool size must be at least 1");
}

Pool::~Pool() = default;

Pool::Lease::Lease(Pool* pool, std::unique_ptr<Connection> connection)
    : pool_(pool), connection_(std::move(connection)) {}

Pool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), connection_(std::move(other.connection_)) {}

Pool::Lease::~Lease() {
  if (connection_) pool_->release(std::move(connection_));
}

Pool::Lease Pool::acquire() {
  std::unique_lock lock(mutex_);
  auto deadline = std::chrono::steady_clock::now() + options_.acquire_timeout;
  bool available = returned_.wait_until(lock, deadline,
                                        [this] { return !idle_.empty() || open_ < options_.size; });
  if (!available) {
    ErrorInfo info;
    info.sqlstate = "08004";
    info.severity = "ERROR";
    info.message = fmt::format("no pooled connection became free within {} ms (all {} in use)",
                               options_.acquire_timeout.count(), options_.size);
    throw PoolTimeout(std::move(info));
  }
  std::unique_ptr<Connection> connection;
  if (!idle_.empty()) {
    connection = std::move(idle_.back());
    idle_.pop_back();
  }
  ++open_;
  lock.unlock();
  try {
    if (!connection) {
      ConnectionOptions connection_options;
      connection_options.url = options_.url;
      connection_options.connect_timeout = options_.connect_timeout;
      connection_options.application_name = options_.application_name;
      connection_options.prepared_statements = options_.prepared_statements;
      connection = std::make_unique<Connection>(std::move(connection_options));
    } else if (!connection->healthy()) {
      connection->reconnect();
    }
  } catch (...) {
    lock.lock();
    --open_;
    lock.unlock();
    returned_.notify_one();
    throw;
  }
  return Lease(this, std::move(connection));
}

void Pool::release(std::unique_ptr<Connection> connection) {
  // A connection left inside a transaction (or broken) is not lent again.
  if (connection->broken() || connection->in_transaction()) connection.reset();
  {
    std::lock_guard lock(mutex_);
    --open_;
    if (connection) idle_.push_back(std::move(connection));
  }
  returned_.notify_one();
}

int Pool::open_connections() const {
  std::lock_guard lock(mutex_);
  return open_ + static_cast<int>(idle_.size());
}

Result Pool::execute(std::string_view sql, const Params& params) {
  Lease lease = acquire();
  return lease->execute(sql, params);
}

void Pool::execute_batch(const Batch& batch, const ResultHandler& on_result) {
  Lease lease = acquire();
  lease->execute_batch(batch, on_result);
}

Result Pool::execute_prepared(std::string_view sql, const Params& params) {
  Lease lease = acquire();
  return lease->execute_prepared(sql, params);
}

long Pool::stream(std::string_view sql, const Params& params,
                  const Connection::RowHandler& on_row) {
  Lease lease = acquire();
  return lease->stream(sql, params, on_row);
}

long Pool::copy_in(std::string_view copy_sql, const Connection::CopyProducer& produce) {
  Lease lease = acquire();
  return lease->copy_in(copy_sql, produce);
}

long Pool::copy_out(std::string_view copy_sql, const Connection::CopyLineHandler& on_line) {
  Lease lease = acquire();
  return lease->copy_out(copy_sql, on_line);
}

}  // namespace flick::client

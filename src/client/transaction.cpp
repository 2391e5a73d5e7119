#include <fmt/core.h>

#include <random>
#include <thread>

#include "flick/client.hpp"

namespace flick::client::detail {

std::string begin_statement(const TransactionOptions& options) {
  std::string sql = "BEGIN";
  switch (options.isolation) {
    case Isolation::kDefault:
      break;
    case Isolation::kReadCommitted:
      sql += " ISOLATION LEVEL READ COMMITTED";
      break;
    case Isolation::kRepeatableRead:
      sql += " ISOLATION LEVEL REPEATABLE READ";
      break;
    case Isolation::kSerializable:
      sql += " ISOLATION LEVEL SERIALIZABLE";
      break;
  }
  if (options.read_only) sql += " READ ONLY";
  return sql;
}

void rollback_quietly(Connection& connection, const std::string& savepoint) noexcept {
  try {
    if (connection.broken()) return;
    if (savepoint.empty()) {
      connection.execute_script("ROLLBACK");
    } else {
      connection.execute_script("ROLLBACK TO SAVEPOINT " + savepoint + "; RELEASE SAVEPOINT " +
                                savepoint);
    }
  } catch (...) {
    // The original error is the one worth reporting.
  }
}

void sleep_before_retry(const TransactionOptions& options, int attempt) {
  thread_local std::minstd_rand random(std::random_device{}());
  auto base = options.retry_delay * (1 << std::min(attempt, 10));
  std::uniform_int_distribution<long long> jitter(0, base.count());
  std::this_thread::sleep_for(base + std::chrono::milliseconds(jitter(random)));
}

std::string savepoint_name(int depth) { return fmt::format("flick_savepoint_{}", depth); }

}  // namespace flick::client::detail

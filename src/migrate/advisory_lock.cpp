#include "migrate/advisory_lock.hpp"

#include <fmt/core.h>

#include <thread>

#include "flick/error.hpp"

namespace flick::migrate {

std::int64_t advisory_lock_key(const std::string& name) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : name) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return static_cast<std::int64_t>(hash);
}

AdvisoryLock::AdvisoryLock(pg::Connection& connection, const std::string& name,
                           std::chrono::milliseconds wait)
    : connection_(connection), key_(advisory_lock_key(name)) {
  auto deadline = std::chrono::steady_clock::now() + wait;
  auto pause = std::chrono::milliseconds(5);
  for (;;) {
    if (connection_.exec_params("SELECT pg_try_advisory_lock($1::bigint)", {std::to_string(key_)})
            .value(0, 0) == "t") {
      return;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      throw LockTimeout(fmt::format(
          "another migrate run holds the migration lock ({}) after waiting {} ms; raise "
          "--lock-timeout or find the other run in pg_locks (objid = {})",
          name, wait.count(), static_cast<std::uint32_t>(key_)));
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(100));
  }
}

AdvisoryLock::~AdvisoryLock() {
  try {
    connection_.exec_params("SELECT pg_advisory_unlock($1::bigint)", {std::to_string(key_)});
  } catch (...) {
    // The connection is gone; the server released the session lock with it.
  }
}

}  // namespace flick::migrate

#pragma once

// A session-level advisory lock held for a whole migrate run, so concurrent runs against one
// database apply each migration exactly once: the others wait, then find nothing to do.

#include <chrono>
#include <cstdint>
#include <string>

#include "flick/error.hpp"
#include "pg/pg.hpp"

namespace flick::migrate {

// Another session still held the lock after the wait (a flick::UserError: exit 2 in the CLI;
// fleet runs report it per target).
class LockTimeout : public UserError {
 public:
  using UserError::UserError;
};

class AdvisoryLock {
 public:
  // Waits up to `wait` for the lock keyed by `name`. Throws LockTimeout when it is still held by
  // another session after that.
  AdvisoryLock(pg::Connection& connection, const std::string& name, std::chrono::milliseconds wait);
  ~AdvisoryLock();
  AdvisoryLock(const AdvisoryLock&) = delete;
  AdvisoryLock& operator=(const AdvisoryLock&) = delete;

  std::int64_t key() const { return key_; }

 private:
  pg::Connection& connection_;
  std::int64_t key_;
};

// A stable 64-bit key for a lock name (FNV-1a).
std::int64_t advisory_lock_key(const std::string& name);

}  // namespace flick::migrate

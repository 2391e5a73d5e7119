#pragma once

// Catalog queries that either of read_catalog's two connections may run, whichever gets to one
// first: the reading thread on the first connection, a helper thread on a second connection in
// the same snapshot. The helper takes them in the order given (the costliest first); the reading
// thread asks for them in its readers' order, runs one itself when nobody has taken it, and while
// it waits for one the helper is running, runs the next one nobody has taken. Both connections
// then stay busy whatever the database's shape, and no result waits on a connection that is
// already busy.

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <string>
#include <vector>

#include "pg/pg.hpp"

namespace flick::introspect {

class SharedQueries {
 public:
  // `sqls`: the queries, by the order the helper should take them in; each text distinct.
  explicit SharedQueries(std::vector<std::string> sqls);
  SharedQueries(const SharedQueries&) = delete;
  SharedQueries& operator=(const SharedQueries&) = delete;

  // Whether `sql` is one of the queries.
  bool contains(const std::string& sql) const;

  // For the reading thread: the result of `sql` (one of the queries, asked for once). Runs it on
  // `connection` when nobody has taken it, or when the helper's run of it failed (the helper's
  // connection is a speed-up, never a dependency); while the helper runs it, runs the next query
  // nobody has taken on `connection` and keeps that one's result. Throws what running on
  // `connection` throws.
  pg::Result take(const std::string& sql, pg::Connection& connection);

  // For the helper: runs queries nobody has taken on `connection`, in order, until none is left
  // or close() was called. A failed query is left for the reading thread to run; after a
  // failure the helper stops (its transaction is aborted).
  void help(pg::Connection& connection);

  // Nobody takes a query any more: the helper stops after the one it runs. Call before the
  // first connection's transaction ends.
  void close();

 private:
  enum class State { kOpen, kRunning, kDone, kTaken, kFailed };
  struct Query {
    std::string sql;
    State state = State::kOpen;
    bool by_helper = false;
    pg::Result result;
  };

  // Runs query `index` (taken by this thread, lock released meanwhile) on `connection` and
  // records its result; rethrows for the reading thread, records a failure for the helper.
  void run(std::size_t index, pg::Connection& connection, bool helper,
           std::unique_lock<std::mutex>& lock);
  // The first query nobody has taken, or size() when none is left.
  std::size_t next_open() const;

  std::vector<Query> queries_;
  bool closed_ = false;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
};

}  // namespace flick::introspect

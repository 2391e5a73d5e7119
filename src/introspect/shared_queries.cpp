#include "introspect/shared_queries.hpp"

#include <stdexcept>
#include <utility>

namespace flick::introspect {

SharedQueries::SharedQueries(std::vector<std::string> sqls) {
  queries_.reserve(sqls.size());
  for (std::string& sql : sqls) {
    queries_.emplace_back();
    queries_.back().sql = std::move(sql);
  }
}

bool SharedQueries::contains(const std::string& sql) const {
  for (const Query& query : queries_) {
    if (query.sql == sql) return true;
  }
  return false;
}

std::size_t SharedQueries::next_open() const {
  for (std::size_t i = 0; i < queries_.size(); ++i) {
    if (queries_[i].state == State::kOpen) return i;
  }
  return queries_.size();
}

void SharedQueries::run(std::size_t index, pg::Connection& connection, bool helper,
                        std::unique_lock<std::mutex>& lock) {
  queries_[index].state = State::kRunning;
  queries_[index].by_helper = helper;
  std::string sql = queries_[index].sql;
  lock.unlock();
  pg::Result result;
  bool failed = false;
  try {
    result = connection.exec(sql);
  } catch (...) {
    if (!helper) {
      lock.lock();
      queries_[index].state = State::kFailed;
      changed_.notify_all();
      throw;
    }
    failed = true;
  }
  lock.lock();
  queries_[index].state = failed ? State::kFailed : State::kDone;
  queries_[index].result = std::move(result);
  changed_.notify_all();
}

pg::Result SharedQueries::take(const std::string& sql, pg::Connection& connection) {
  std::unique_lock<std::mutex> lock(mutex_);
  std::size_t index = 0;
  while (index < queries_.size() && queries_[index].sql != sql) ++index;
  if (index == queries_.size()) throw std::logic_error("not a shared query: " + sql);
  while (true) {
    Query& query = queries_[index];
    if (query.state == State::kOpen) {
      run(index, connection, /*helper=*/false, lock);
    } else if (query.state == State::kFailed && query.by_helper) {
      query.by_helper = false;
      run(index, connection, /*helper=*/false, lock);
    } else if (query.state == State::kFailed || query.state == State::kTaken) {
      throw std::logic_error("a shared query asked for twice: " + sql);
    } else if (query.state == State::kDone) {
      query.state = State::kTaken;
      return std::move(query.result);
    } else if (std::size_t other = next_open(); other < queries_.size()) {
      run(other, connection, /*helper=*/false, lock);  // the helper runs this one meanwhile
    } else {
      changed_.wait(lock);
    }
  }
}

void SharedQueries::help(pg::Connection& connection) {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!closed_) {
    std::size_t index = next_open();
    if (index == queries_.size()) return;
    run(index, connection, /*helper=*/true, lock);
    if (queries_[index].state == State::kFailed) return;
  }
}

void SharedQueries::close() {
  std::lock_guard<std::mutex> lock(mutex_);
  closed_ = true;
}

}  // namespace flick::introspect

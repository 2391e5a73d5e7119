#pragma once

// Flick's runtime client: a connection pool over libpq, parameterised statements only (values
// travel as $n parameters, never inside the SQL text), typed rows, pipelined batches, and
// run_transaction (the seed's runTransaction(cb, tx?) helper, with savepoints and retries).
//
//   client::Pool db({.url = url, .size = 8});
//   auto rows = db.query_as<std::tuple<Uuid, std::string>>(
//       "SELECT id, name FROM colleges WHERE \"emailDomain\" = $1", domain);
//   db.run_transaction([&](client::Transaction& tx) { tx.query("UPDATE ...", id); });
//
// Sessions are set to DateStyle ISO and TimeZone UTC on connect (the text the converters read).

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "flick/client/error.hpp"
#include "flick/client/result.hpp"
#include "flick/client/types.hpp"

// libpq's connection type (PGconn), declared as <libpq-fe.h> does.
struct pg_conn;

namespace flick::client {

// Statement parameters in text form. NULL for std::nullopt / an empty std::optional.
class Params {
 public:
  Params() = default;
  template <class... Args>
  explicit Params(const Args&... args) {
    offsets_.reserve(sizeof...(Args));
    (add(args), ...);
  }

  template <class T>
  void add(const T& value) {
    using V = std::decay_t<T>;
    if constexpr (std::is_same_v<V, std::nullopt_t>) {
      add_null();
    } else if constexpr (IsOptional<V>::value) {
      if (value) {
        add(*value);
      } else {
        add_null();
      }
    } else if constexpr (std::is_array_v<T>) {
      begin_value();
      ValueTraits<const char*>::write(value, buffer_);
      end_value();
    } else {
      begin_value();
      ValueTraits<V>::write(value, buffer_);
      end_value();
    }
  }
  void add_null() { offsets_.push_back(-1); }
  // Appends every value of `other`, after this one's.
  void append(const Params& other) {
    int shift = static_cast<int>(buffer_.size());
    buffer_ += other.buffer_;
    for (int offset : other.offsets_) offsets_.push_back(offset < 0 ? -1 : offset + shift);
  }

  int size() const { return static_cast<int>(offsets_.size()); }
  // Each value is NUL-terminated text starting at its offset in buffer(); -1 marks NULL.
  const std::string& buffer() const { return buffer_; }
  const std::vector<int>& offsets() const { return offsets_; }

 private:
  void begin_value() { offsets_.push_back(static_cast<int>(buffer_.size())); }
  void end_value() { buffer_.push_back('\0'); }

  std::string buffer_;
  std::vector<int> offsets_;
};

// Statements sent together in pipeline mode (one network round trip for all of them). The
// batch runs as one implicit transaction (all or nothing) unless it runs inside a Transaction.
class Batch {
 public:
  template <class... Args>
  Batch& add(std::string_view sql, const Args&... args) {
    if (sql_texts_.empty() || sql_texts_.back() != sql) sql_texts_.emplace_back(sql);
    items_.push_back(Item{static_cast<std::uint32_t>(sql_texts_.size() - 1), Params(args...)});
    return *this;
  }
  std::size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  void clear() {
    sql_texts_.clear();
    items_.clear();
  }

  struct Item {
    std::uint32_t sql;  // index into sql_texts()
    Params params;
  };
  const std::vector<std::string>& sql_texts() const { return sql_texts_; }
  const std::vector<Item>& items() const { return items_; }

 private:
  std::vector<std::string> sql_texts_;
  std::vector<Item> items_;
};

template <class Table>
class SelectQuery;
template <class Table>
class InsertQuery;
class WithClause;
// A set of tables, for the query builder's compile-time checks (flick/client/expr.hpp).
template <class... Ts>
struct Tables;
// From: the tables the statement's expressions may use (Table, and those from() / using_() add).
template <class Table, class From = Tables<Table>>
class UpdateQuery;
template <class Table, class From = Tables<Table>>
class DeleteQuery;

// Anything statements can run on: a Connection, a Transaction, or a Pool (which lends a
// connection for each call). The query builder (flick/client/query.hpp) runs on an Executor.
class Executor {
 public:
  virtual ~Executor() = default;

  // Runs one statement with $1..$n parameters. Throws Error.
  virtual Result execute(std::string_view sql, const Params& params) = 0;
  // Called with each statement's position in the batch and its Result, in order, as results
  // arrive; the Result is released when the handler returns (move it out to keep it).
  using ResultHandler = std::function<void(std::size_t index, Result& result)>;
  // Runs every statement of `batch` in pipeline mode, streaming the results to `on_result`
  // (nothing is held beyond the pipeline window). On the first failing statement the rest are
  // skipped and its Error is thrown, with the statement's batch position in the message.
  virtual void execute_batch(const Batch& batch, const ResultHandler& on_result) = 0;
  // The same, returning one Result per statement in order.
  std::vector<Result> execute_batch(const Batch& batch) {
    std::vector<Result> results;
    results.reserve(batch.size());
    execute_batch(batch,
                  [&](std::size_t, Result& result) { results.push_back(std::move(result)); });
    return results;
  }

  // Runs `sql` as a server-side prepared statement: parsed and planned once per connection,
  // then executed with each call's parameters. A Connection prepares it on first use and keeps
  // it (see Connection::prepared_count); a Transaction runs it on its connection, a Pool on the
  // connection it lends. An executor without statements of its own runs it as execute(). Throws
  // Error.
  virtual Result execute_prepared(std::string_view sql, const Params& params) {
    return execute(sql, params);
  }

  // NOTIFY `channel` with `payload` (SELECT pg_notify($1, $2)): delivered to every session
  // LISTENing on exactly that channel name (see Listener) when the transaction commits.
  void notify(std::string_view channel, std::string_view payload = {}) {
    execute("SELECT pg_notify($1, $2)", Params(channel, payload));
  }

  template <class... Args>
  Result query(std::string_view sql, const Args&... args) {
    return execute(sql, Params(args...));
  }
  // Every row as T (a RowTraits struct, a std::tuple, or one value type).
  template <class T, class... Args>
  std::vector<T> query_as(std::string_view sql, const Args&... args) {
    return execute(sql, Params(args...)).template as<T>();
  }
  // The first row as T, or std::nullopt when there is none.
  template <class T, class... Args>
  std::optional<T> query_first(std::string_view sql, const Args&... args) {
    Result result = execute(sql, Params(args...));
    if (result.empty()) return std::nullopt;
    return result[0].template as<T>();
  }
  // The first column of the only row. Throws Error when the statement returns no row.
  template <class T, class... Args>
  T query_value(std::string_view sql, const Args&... args) {
    return execute(sql, Params(args...)).front().template get<T>(0);
  }

  // The query builder (flick/client/query.hpp; included at the end of this header).
  // select(table): whole rows of one table. select(expressions...): a projection, read as a
  // std::tuple; its from() / joins follow (flick/client/select.hpp).
  template <class... Items>
  auto select(const Items&... items);
  template <class... Items>
  auto select_distinct(const Items&... items);
  // WITH common table expressions (client::cte), then select(...).
  template <class... Ctes>
  WithClause with(const Ctes&... ctes);
  // The relational form: rows of `table` with the rows its foreign keys relate (with()).
  template <class Table>
  requires requires { typename Table::Row; }
  auto query(const Table& table);
  template <class Table>
  InsertQuery<Table> insert(const Table& table);
  template <class Table>
  UpdateQuery<Table> update(const Table& table);
  template <class Table>
  DeleteQuery<Table> delete_from(const Table& table);
};

struct ConnectionOptions {
  // "postgresql://user:pass@host:port/db?..." or "host=... dbname=...".
  std::string url;
  std::chrono::seconds connect_timeout{10};
  std::string application_name = "flick";
  // How many execute_prepared statements the session keeps prepared; beyond it the least
  // recently used one is deallocated. 0: no limit.
  std::size_t prepared_statements = 512;
};

// The rows of a COPY ... FROM STDIN in text format, built from typed values and sent to the
// server in chunks of about 64 KiB as they fill (nothing else is held). Connection::copy_in makes
// one for its `produce` callback; it is valid only during that call.
class CopyWriter {
 public:
  CopyWriter(const CopyWriter&) = delete;
  CopyWriter& operator=(const CopyWriter&) = delete;

  // Writes one row, a value per column of the COPY's column list, in order: each in its
  // ValueTraits text form (the same as a parameter's), \N for std::nullopt or an empty
  // std::optional, with backslash, tab, newline and carriage return escaped as COPY's text
  // format requires. Throws Error when the connection fails while sending.
  template <class... Ts>
  void row(const Ts&... values) {
    int index = 0;
    (column(values, index++ == 0), ...);
    buffer_.push_back('\n');
    ++rows_;
    if (buffer_.size() >= kChunkBytes) send();
  }
  // Writes one row from fields already in their text form (std::nullopt: NULL), escaped as
  // row() escapes them.
  void row_texts(const std::vector<std::optional<std::string_view>>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) buffer_.push_back('\t');
      if (!fields[i]) {
        buffer_ += "\\N";
        continue;
      }
      std::size_t start = buffer_.size();
      buffer_ += *fields[i];
      escape_from(start);
    }
    buffer_.push_back('\n');
    ++rows_;
    if (buffer_.size() >= kChunkBytes) send();
  }
  // Rows written so far.
  long rows() const { return rows_; }

 private:
  friend class Connection;
  static constexpr std::size_t kChunkBytes = 64 * 1024;

  // `conn` is the libpq connection (void* keeps libpq out of this header).
  CopyWriter(void* conn, std::string_view query) : conn_(conn), query_(query) {}

  template <class T>
  void column(const T& value, bool first) {
    if (!first) buffer_.push_back('\t');
    field(value);
  }
  template <class T>
  void field(const T& value) {
    using V = std::decay_t<T>;
    if constexpr (std::is_same_v<V, std::nullopt_t>) {
      buffer_ += "\\N";
    } else if constexpr (IsOptional<V>::value) {
      if (value) {
        field(*value);
      } else {
        buffer_ += "\\N";
      }
    } else {
      std::size_t start = buffer_.size();
      if constexpr (std::is_array_v<T>) {
        ValueTraits<const char*>::write(value, buffer_);
      } else {
        ValueTraits<V>::write(value, buffer_);
      }
      escape_from(start);
    }
  }
  // Escapes the text appended to buffer_ from `start` on.
  void escape_from(std::size_t start);
  // Sends buffer_ (PQputCopyData) and empties it.
  void send();

  void* conn_;
  std::string_view query_;
  std::string buffer_;
  std::string scratch_;
  long rows_ = 0;
  bool send_failed_ = false;
};

// One libpq connection. Not thread-safe; move-only.
class Connection : public Executor {
 public:
  // Connects; throws Error (SQLSTATE 08001) whose message never contains the password.
  explicit Connection(ConnectionOptions options);
  ~Connection() override;
  Connection(Connection&&) noexcept;
  Connection& operator=(Connection&&) noexcept;

  Result execute(std::string_view sql, const Params& params) override;
  void execute_batch(const Batch& batch, const ResultHandler& on_result) override;
  using Executor::execute_batch;

  // Prepares `sql` on this connection the first time it is run here (named flick_s1, flick_s2,
  // ... in order) and executes the prepared statement. The statements are forgotten when the
  // connection is opened again (reconnect()); a statement the server no longer has (SQLSTATE
  // 26000, e.g. after DISCARD ALL or DEALLOCATE) is prepared again and run once more, except
  // inside a transaction block, where the 26000 error is thrown (the transaction is already
  // aborted) and the next call prepares it again.
  Result execute_prepared(std::string_view sql, const Params& params) override;
  // Statements prepared by execute_prepared on the current session.
  std::size_t prepared_count() const;

  using RowHandler = std::function<void(const Row& row)>;
  // Runs one statement and hands its rows to `on_row` one at a time as they arrive (libpq's
  // single-row mode): only one row is held at a time. The Row is valid during the call only.
  // Returns the number of rows. A failure after some rows were handed over (e.g. division by
  // zero at row 5000) throws Error; when on_row throws, the remaining rows are read and
  // discarded and its exception is rethrown. Either way the connection stays usable.
  long stream(std::string_view sql, const Params& params, const RowHandler& on_row);

  using CopyProducer = std::function<void(CopyWriter& writer)>;
  // Runs `copy_sql`, a "COPY table [(columns)] FROM STDIN" in text format (the default), and
  // loads the rows `produce` writes (CopyWriter::row) in one COPY. Returns the rows copied (the
  // server's count). When the server rejects the data (a malformed value, a constraint) nothing
  // is loaded and Error is thrown with the server's message; when `produce` throws, the COPY is
  // aborted and its exception rethrown; a statement that does not start a COPY FROM STDIN
  // throws Error (08P01). The connection stays usable in each case.
  long copy_in(std::string_view copy_sql, const CopyProducer& produce);
  using CopyLineHandler = std::function<void(std::string_view line)>;
  // Runs `copy_sql`, a "COPY table|(query) TO STDOUT [...]", and hands each row the server sends
  // to `on_line` as it arrives, without its trailing newline (in the text format: tab-separated,
  // \N for NULL, escaped as CopyWriter writes it). Returns the number of rows. Errors as for
  // copy_in; when on_line throws, the rest is read and discarded and its exception rethrown.
  long copy_out(std::string_view copy_sql, const CopyLineHandler& on_line);

  // Runs parameterless SQL (may hold several statements; DDL, BEGIN, SET ...) with the simple
  // query protocol. Throws Error.
  void execute_script(std::string_view sql);

  // Cheap liveness check without a round trip: reads anything the server sent while the
  // connection was idle (a shutdown notice, EOF). False when the connection is unusable.
  bool healthy();
  // Closes and opens the connection again with the same options. Throws Error (08001).
  void reconnect();
  // True inside a transaction block (also a failed one).
  bool in_transaction() const;
  bool broken() const;
  int server_version() const;
  // The server process id (pg_backend_pid()), for tests and diagnostics.
  int backend_pid() const;
  // libpq's handle of this connection (PGconn* from <libpq-fe.h>), for a libpq call the client
  // does not wrap. Owned by the Connection: do not PQfinish it, and leave it idle (not inside a
  // transaction or query) when done. Valid until the Connection reconnects or is destroyed.
  pg_conn* native_handle() const;

 private:
  friend class Listener;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A notification a Listener received.
struct Notification {
  std::string channel;
  std::string payload;
  int backend_pid = 0;  // the notifying session's server process
};

// LISTEN on a dedicated connection of its own (a pooled connection would miss notifications
// while lent to someone else). Not thread-safe; move-only.
//
//   client::Listener listener({.url = url});
//   listener.listen("jobs");
//   while (auto note = listener.wait(std::chrono::seconds(30))) handle(note->payload);
class Listener {
 public:
  // Connects; throws Error (08001) as Connection does.
  explicit Listener(ConnectionOptions options);

  // LISTEN / UNLISTEN `channel`, an exact channel name (quoted as an identifier, so case and any
  // characters are kept, as pg_notify and Executor::notify name channels). Throws Error.
  void listen(std::string_view channel);
  void unlisten(std::string_view channel);
  void unlisten_all();
  // The channels listened on, in the order listen() was first called.
  const std::vector<std::string>& channels() const { return channels_; }

  // The next notification: one already received, or one arriving within `timeout` (0 checks
  // without waiting). std::nullopt when none arrives in time. Throws Error when the connection
  // is lost (is_connection_lost(); call reconnect()).
  std::optional<Notification> wait(std::chrono::milliseconds timeout);

  // Opens the connection again and LISTENs on channels() again. Notifications sent while the
  // connection was down are lost.
  void reconnect();
  // The listening connection, e.g. to run statements on it.
  Connection& connection() { return connection_; }

 private:
  void run_listen(std::string_view command, std::string_view channel);

  Connection connection_;
  std::vector<std::string> channels_;
};

enum class Isolation { kDefault, kReadCommitted, kRepeatableRead, kSerializable };

struct TransactionOptions {
  // With a parent: run fn inside SAVEPOINT; when fn throws, roll back to the savepoint (the outer
  // transaction stays usable) and rethrow. Without a parent this option changes nothing.
  bool savepoint = false;
  // Without a parent: re-run the whole transaction up to `retries` more times when it fails with
  // 40001 (serialization failure) or 40P01 (deadlock). With a parent, retrying is the parent's
  // owner's job and this is ignored.
  int retries = 0;
  // Base delay before a retry; doubled each attempt, plus jitter.
  std::chrono::milliseconds retry_delay{2};
  Isolation isolation = Isolation::kDefault;  // new transactions only
  bool read_only = false;                     // new transactions only
};

// A transaction (or savepoint) in progress on a connection. Statements run on it through the
// Executor methods. Only run_transaction makes them.
class Transaction : public Executor {
 public:
  Transaction(Connection& connection, int depth) : connection_(&connection), depth_(depth) {}

  Result execute(std::string_view sql, const Params& params) override {
    return connection_->execute(sql, params);
  }
  void execute_batch(const Batch& batch, const ResultHandler& on_result) override {
    connection_->execute_batch(batch, on_result);
  }
  using Executor::execute_batch;
  Result execute_prepared(std::string_view sql, const Params& params) override {
    return connection_->execute_prepared(sql, params);
  }
  // Connection::stream, copy_in and copy_out on the transaction's connection.
  long stream(std::string_view sql, const Params& params, const Connection::RowHandler& on_row) {
    return connection_->stream(sql, params, on_row);
  }
  long copy_in(std::string_view copy_sql, const Connection::CopyProducer& produce) {
    return connection_->copy_in(copy_sql, produce);
  }
  long copy_out(std::string_view copy_sql, const Connection::CopyLineHandler& on_line) {
    return connection_->copy_out(copy_sql, on_line);
  }
  Connection& connection() { return *connection_; }
  // 0 for the transaction itself, n for the n-th nested savepoint.
  int depth() const { return depth_; }

 private:
  Connection* connection_;
  int depth_;
};

struct PoolOptions {
  std::string url;
  int size = 10;
  // How long acquire() waits for a free connection before throwing PoolTimeout.
  std::chrono::milliseconds acquire_timeout{5000};
  std::chrono::seconds connect_timeout{10};
  std::string application_name = "flick";
  // Each connection's ConnectionOptions::prepared_statements.
  std::size_t prepared_statements = 512;
};

// A fixed-size, thread-safe pool. Connections are opened on demand, checked on every acquire
// (a connection the server closed, e.g. after a restart, is reopened) and dropped when returned
// broken or still inside a transaction. Leases must not outlive the pool.
class Pool : public Executor {
 public:
  explicit Pool(PoolOptions options);
  ~Pool() override;
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_.get(); }

   private:
    friend class Pool;
    Lease(Pool* pool, std::unique_ptr<Connection> connection);
    Pool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  // A connection for the caller's exclusive use until the Lease ends. Waits up to
  // acquire_timeout for one to be free (then throws PoolTimeout); throws Error (08001) when a
  // new connection cannot be opened.
  Lease acquire();

  Result execute(std::string_view sql, const Params& params) override;
  void execute_batch(const Batch& batch, const ResultHandler& on_result) override;
  using Executor::execute_batch;
  // On a lent connection, which keeps its prepared statements when it returns to the pool.
  Result execute_prepared(std::string_view sql, const Params& params) override;
  // Connection::stream, copy_in and copy_out on a connection lent for the call.
  long stream(std::string_view sql, const Params& params, const Connection::RowHandler& on_row);
  long copy_in(std::string_view copy_sql, const Connection::CopyProducer& produce);
  long copy_out(std::string_view copy_sql, const Connection::CopyLineHandler& on_line);

  // See client::run_transaction below.
  template <class Fn>
  auto run_transaction(Fn&& fn, Transaction* parent = nullptr,
                       const TransactionOptions& options = {});

  const PoolOptions& options() const { return options_; }
  // Connections currently open (idle or lent).
  int open_connections() const;

 private:
  void release(std::unique_ptr<Connection> connection);

  PoolOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;
};

namespace detail {
std::string begin_statement(const TransactionOptions& options);
// ROLLBACK (or ROLLBACK TO + RELEASE of `savepoint`), ignoring errors: used while another
// error is already propagating.
void rollback_quietly(Connection& connection, const std::string& savepoint = {}) noexcept;
void sleep_before_retry(const TransactionOptions& options, int attempt);
std::string savepoint_name(int depth);

template <class Fn>
auto in_savepoint(Transaction& parent, Fn& fn) {
  Connection& connection = parent.connection();
  std::string name = savepoint_name(parent.depth() + 1);
  connection.execute_script("SAVEPOINT " + name);
  Transaction nested(connection, parent.depth() + 1);
  try {
    if constexpr (std::is_void_v<std::invoke_result_t<Fn&, Transaction&>>) {
      fn(nested);
      connection.execute_script("RELEASE SAVEPOINT " + name);
    } else {
      auto value = fn(nested);
      connection.execute_script("RELEASE SAVEPOINT " + name);
      return value;
    }
  } catch (...) {
    rollback_quietly(connection, name);
    throw;
  }
}

template <class Fn>
auto in_new_transaction(Connection& connection, Fn& fn, const TransactionOptions& options) {
  connection.execute_script(begin_statement(options));
  Transaction tx(connection, 0);
  try {
    if constexpr (std::is_void_v<std::invoke_result_t<Fn&, Transaction&>>) {
      fn(tx);
      connection.execute_script("COMMIT");
    } else {
      auto value = fn(tx);
      connection.execute_script("COMMIT");
      return value;
    }
  } catch (...) {
    rollback_quietly(connection);
    throw;
  }
}

// Runs `attempt()` and re-runs it on a retryable Error, up to options.retries more times.
template <class Attempt>
auto with_retries(const TransactionOptions& options, Attempt&& attempt) {
  for (int tries = 0;; ++tries) {
    try {
      return attempt();
    } catch (const Error& error) {
      if (!error.is_retryable() || tries >= options.retries) throw;
    }
    sleep_before_retry(options, tries);
  }
}
}  // namespace detail

// The seed's runTransaction(cb, tx?). With a parent, fn runs on it (no new BEGIN), inside a
// SAVEPOINT when options.savepoint. Without one, BEGIN (with the isolation level), fn, COMMIT;
// when fn throws (or COMMIT fails) the transaction is rolled back and the error rethrown, after
// up to options.retries re-runs for 40001/40P01. Returns what fn returns.
template <class Fn>
auto run_transaction(Connection& connection, Fn&& fn, Transaction* parent = nullptr,
                     const TransactionOptions& options = {}) {
  if (parent != nullptr) {
    if (options.savepoint) return detail::in_savepoint(*parent, fn);
    return fn(*parent);
  }
  return detail::with_retries(options,
                              [&] { return detail::in_new_transaction(connection, fn, options); });
}

// The same, taking a connection from the pool for each attempt.
template <class Fn>
auto run_transaction(Pool& pool, Fn&& fn, Transaction* parent = nullptr,
                     const TransactionOptions& options = {}) {
  if (parent != nullptr) {
    if (options.savepoint) return detail::in_savepoint(*parent, fn);
    return fn(*parent);
  }
  return detail::with_retries(options, [&] {
    Pool::Lease lease = pool.acquire();
    return detail::in_new_transaction(*lease, fn, options);
  });
}

template <class Fn>
auto Pool::run_transaction(Fn&& fn, Transaction* parent, const TransactionOptions& options) {
  return client::run_transaction(*this, std::forward<Fn>(fn), parent, options);
}

}  // namespace flick::client

#include "flick/client/query.hpp"

#pragma once

// The only user of libpq. Connections, results and errors; no libpq types appear here.

#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace flick::pg {

// Everything the server said about a failed statement (or libpq about a failed connection).
struct ErrorFields {
  std::string sqlstate;         // e.g. "23505"; "08001" when the connection could not be made
  std::string severity;         // "ERROR", "FATAL", ...
  std::string message_primary;  // the one-line message
  std::string detail;
  std::string hint;
  int position = 0;  // 1-based character position in `query`; 0 when not given
  std::string schema;
  std::string table;
  std::string column;
  std::string constraint;
  std::string query;  // the statement text that failed; empty for connection errors
};

// A failed connection attempt or statement. what() is "<message_primary> (SQLSTATE xxxxx)" plus
// the detail and hint lines when present.
class PgError : public std::runtime_error {
 public:
  explicit PgError(ErrorFields fields);

  const ErrorFields& fields() const { return fields_; }
  const std::string& sqlstate() const { return fields_.sqlstate; }
  const std::string& message_primary() const { return fields_.message_primary; }
  const std::string& detail() const { return fields_.detail; }
  const std::string& hint() const { return fields_.hint; }
  int position() const { return fields_.position; }
  const std::string& constraint() const { return fields_.constraint; }
  const std::string& table() const { return fields_.table; }
  const std::string& query() const { return fields_.query; }

 private:
  ErrorFields fields_;
};

// True when `sqlstate` says the database cannot be used as configured, rather than that a
// statement failed: class 08 (connection), 28 (authorization), 53 (insufficient resources),
// 3D000 (no such database), 57P0x (server shutting down). The CLI exits 3 for these.
bool is_environment_sqlstate(std::string_view sqlstate);

// The outcome of one successful statement: rows of text values (or NULLs).
class Result {
 public:
  Result();
  ~Result();
  Result(Result&&) noexcept;
  Result& operator=(Result&&) noexcept;

  int rows() const;
  int columns() const;
  const std::string& column_name(int column) const;
  // Index of the named column; throws std::out_of_range when there is none.
  int column_index(std::string_view name) const;
  bool is_null(int row, int column) const;
  // The text value; "" for NULL (use is_null or get to tell them apart).
  const std::string& value(int row, int column) const;
  std::optional<std::string> get(int row, int column) const;
  // Rows inserted/updated/deleted (or selected) as reported by the server; 0 for other commands.
  long affected_rows() const;
  // The command tag, e.g. "INSERT 0 3", "CREATE TABLE".
  const std::string& command_tag() const;

 private:
  friend class Connection;
  struct Data;
  std::unique_ptr<Data> data_;
};

struct ConnectOptions {
  std::chrono::seconds timeout{10};
  // Sent as application_name; shows in pg_stat_activity.
  std::string application_name = "flick";
};

// One libpq connection. Not thread-safe; move-only.
class Connection {
 public:
  // Connects using a URL ("postgresql://user@host:port/db?...") or a conninfo string
  // ("host=... dbname=..."). Throws PgError (SQLSTATE 08001 when libpq gives none); the message
  // never contains the password.
  explicit Connection(const std::string& url_or_conninfo, const ConnectOptions& options = {});
  ~Connection();
  Connection(Connection&&) noexcept;
  Connection& operator=(Connection&&) noexcept;

  // Runs `sql` with the simple query protocol. It may hold several statements separated by ';'
  // (PostgreSQL runs them in one implicit transaction unless they contain BEGIN/COMMIT); the
  // result of the last one is returned. Throws PgError on the first failing statement.
  Result exec(std::string_view sql);

  // Runs each statement of a multi-statement text and returns every result, in order.
  std::vector<Result> exec_all(std::string_view sql);

  // What run_script did: the results of the statements that ran, in order, and the first error;
  // the statement that failed is then number results.size() (0-based) of the text, and the
  // server skipped the rest of it. The error's position and query are the whole text's.
  struct ScriptRun {
    std::vector<Result> results;
    std::optional<PgError> error;
  };
  // Runs a multi-statement text in one round trip (the simple query protocol) without throwing
  // for a statement's error.
  ScriptRun run_script(std::string_view sql);

  // Runs ONE statement with $1..$n parameters given as text (std::nullopt is NULL); the server
  // infers their types. Throws PgError.
  Result exec_params(std::string_view sql, const std::vector<std::optional<std::string>>& params);

  // Server notices (e.g. "relation ... already exists, skipping") since the last call.
  std::vector<std::string> take_notices();

  // e.g. 150004 for 15.4.
  int server_version() const;
  // True when the last statement left an open transaction block (or a failed one).
  bool in_transaction() const;

  std::string quote_identifier(std::string_view name) const;
  std::string quote_literal(std::string_view value) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Loads libpq and the libraries it needs (about twenty: OpenSSL, GnuTLS, Kerberos, ...) now,
// instead of on the first connection; a program that is about to connect calls it on a second
// thread while it starts. Thread-safe: a connection made meanwhile waits for the load in progress.
// Throws EnvironmentError, as the first connection would, when libpq.so.5 cannot be loaded; a load
// that failed is tried again by the next call or connection.
void load_libpq();

// Why libpq cannot read `url_or_conninfo` as a URL or conninfo string (an unbalanced "[" in a
// host, an unknown parameter, a bad percent-escape), passwords redacted; "" when it can. Nothing
// is connected.
std::string connection_string_error(const std::string& url_or_conninfo);

// A transaction block on a connection, ended on every path out of its scope: rolled back when
// destroyed while still open (errors of that rollback are ignored: the connection may be gone).
// Every caller that needs a transaction uses this instead of sending BEGIN / COMMIT itself.
//
//   pg::Transaction tx(connection);  // BEGIN
//   connection.exec("...");
//   tx.commit();                     // COMMIT; without it, ROLLBACK at the end of the scope
class Transaction {
 public:
  // Opens the block now: BEGIN, then `mode` when given (e.g. "ISOLATION LEVEL REPEATABLE READ
  // READ ONLY"). Throws PgError.
  explicit Transaction(Connection& connection, std::string_view mode = {});
  // A guard that is not open yet: begin() opens it (it may be opened and ended several times).
  static Transaction not_begun(Connection& connection);
  ~Transaction();
  Transaction(Transaction&& other) noexcept;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;

  void begin(std::string_view mode = {});
  // COMMIT. The block is over afterwards even when COMMIT throws (PostgreSQL ended it: a
  // deferred constraint failed, or the connection broke).
  void commit();
  // ROLLBACK. Throws PgError; the block is over afterwards either way.
  void rollback();
  bool open() const { return open_; }

 private:
  Transaction(Connection& connection, bool open) : connection_(&connection), open_(open) {}
  Connection* connection_;
  bool open_ = false;
};

// A savepoint inside the current transaction, rolled back to when destroyed unless released.
// For statements that are allowed to fail without aborting the surrounding transaction.
class Savepoint {
 public:
  // SAVEPOINT `name` (an identifier, written as is).
  Savepoint(Connection& connection, std::string name);
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;

  // RELEASE SAVEPOINT: what ran since it stays.
  void release();
  // ROLLBACK TO SAVEPOINT and RELEASE: what ran since it is undone, the transaction goes on.
  void rollback();

 private:
  Connection& connection_;
  std::string name_;
  bool done_ = false;
};

// Returns `url` with any password replaced by "***": in the userinfo of a URL
// ("postgres://u:secret@h/db"), in a `password=` URL query parameter, and in a conninfo string
// ("password=secret host=h"). Everything else is kept as is.
std::string redact_url(std::string_view url);

// `text` (any message: an error from libpq, from the command-line parser, from Flick) with the
// password of every URL in it ("<any scheme>://user:secret@...", quoted or not) and of every
// conninfo `password=` replaced by "***". Every printer of errors passes its text through this.
std::string redact_text(std::string_view text);

// redact_text(text), and every occurrence of the password written in `url_or_conninfo` (however
// the text quotes it, e.g. libpq's "invalid percent-encoded token: \"secret%zz\"") masked too.
std::string redact_secret_of(std::string_view text, std::string_view url_or_conninfo);

}  // namespace flick::pg

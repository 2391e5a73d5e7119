#pragma once

// The client's error type. Messages carry the statement text but never parameter values.

#include <stdexcept>
#include <string>

namespace flick::client {

// What the server (or libpq) reported about a failed statement or connection.
struct ErrorInfo {
  std::string sqlstate;  // e.g. "23505"; "08006" for a lost connection, "08001" connect failure
  std::string severity;  // "ERROR", "FATAL", ...
  std::string message;   // the primary message
  // The server's DETAIL line. It may quote values (e.g. "Key (email)=(a@b.c) already exists."),
  // so it is kept out of what(); log it only where values may appear.
  std::string detail;
  std::string hint;
  std::string schema;
  std::string table;
  std::string column;
  std::string constraint;
  std::string query;  // the statement text (with $n placeholders); empty for connection errors
};

// A failed statement, connection, or conversion. what() is
// "<message> (SQLSTATE xxxxx) [table t] [constraint c] in: <query>".
class Error : public std::runtime_error {
 public:
  explicit Error(ErrorInfo info);

  const ErrorInfo& info() const { return info_; }
  const std::string& sqlstate() const { return info_.sqlstate; }
  const std::string& constraint() const { return info_.constraint; }
  const std::string& table() const { return info_.table; }
  const std::string& column() const { return info_.column; }
  const std::string& query() const { return info_.query; }
  const std::string& detail() const { return info_.detail; }

  // 40001 serialization_failure or 40P01 deadlock_detected: re-running the transaction may work.
  bool is_retryable() const { return info_.sqlstate == "40001" || info_.sqlstate == "40P01"; }
  // Class 08 (connection exception) or 57P0x (server shutting down / terminated the session).
  bool is_connection_lost() const;

 private:
  ErrorInfo info_;
};

// Pool::acquire waited its acquire_timeout and every connection stayed in use.
class PoolTimeout : public Error {
 public:
  using Error::Error;
};

// A value could not be read as the requested C++ type (NULL into a non-optional, a malformed
// text, an unknown enum label). sqlstate() is "22000" (data_exception).
class ConversionError : public Error {
 public:
  using Error::Error;
};

// Throws ConversionError with `message` (which must not contain the value itself).
[[noreturn]] void throw_conversion_error(std::string message);

}  // namespace flick::client

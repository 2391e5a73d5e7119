#pragma once

// Internal to flick_client: Connection's state, shared by the files that implement its parts
// (connection.cpp, prepared.cpp, stream.cpp, copy.cpp, listener.cpp).

#include <libpq-fe.h>

#include <cstddef>
#include <functional>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "client/pg_error.hpp"
#include "flick/client.hpp"

namespace flick::client {

namespace internal {

struct ResultGuard {
  PGresult* result;
  ~ResultGuard() { PQclear(result); }
};

// Parameter pointers for libpq: into the Params buffer, nullptr for NULL.
class ParamPointers {
 public:
  explicit ParamPointers(const Params& params) {
    const std::vector<int>& offsets = params.offsets();
    pointers_.reserve(offsets.size());
    for (int offset : offsets) {
      pointers_.push_back(offset < 0 ? nullptr : params.buffer().data() + offset);
    }
  }
  int count() const { return static_cast<int>(pointers_.size()); }
  const char* const* data() const { return pointers_.data(); }

 private:
  std::vector<const char*> pointers_;
};

// Hashes std::string keys and std::string_view lookups alike.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

}  // namespace internal

struct Connection::Impl {
  ConnectionOptions options;
  PGconn* conn = nullptr;
  // execute_prepared's statements on this session: SQL text -> statement name and its place in
  // `prepared_use` (most recently used first; it points at the map's keys, which stay put).
  struct PreparedStatement {
    std::string name;
    std::list<const std::string*>::iterator use;
  };
  std::unordered_map<std::string, PreparedStatement, internal::StringHash, std::equal_to<>>
      prepared;
  std::list<const std::string*> prepared_use;
  long statements_named = 0;

  ~Impl() { PQfinish(conn); }

  // Opens (or opens again) the session; forgets the prepared statements.
  void connect();

  [[noreturn]] void fail_batch(std::string_view query) {
    throw internal::error_from_result(conn, nullptr, query);
  }

  // Waits until the socket is readable (or writable, when `want_write`).
  void wait_socket(bool want_write, std::string_view query);

  // Reads every remaining result of the statement in progress (ending a COPY the statement
  // started), so the connection is ready for the next one. Returns the first error among them
  // (or the connection's, when it broke); the last successful result goes to `*last` if given.
  std::optional<Error> drain(std::string_view query, PGresult** last = nullptr);

  // prepared.cpp: the name of `sql`'s prepared statement, preparing it first when needed (and
  // deallocating the least recently used one when options.prepared_statements are held).
  const std::string& statement_for(std::string_view sql);
  // prepared.cpp: forgets `sql`'s statement (the server's copy is left as it is).
  void forget_prepared(std::string_view sql);

  // copy.cpp: runs `copy_sql` and checks that it started a COPY in the `expected` direction.
  // Otherwise reads the rest of what it did and throws: the server's error, or 08P01 for a
  // statement that is not such a COPY (which has run by then).
  void start_copy(std::string_view copy_sql, ExecStatusType expected);
  // copy.cpp: the rows the finished COPY reports, after reading its results; throws its error.
  long finish_copy(std::string_view copy_sql);
};

}  // namespace flick::client

#pragma once

// The libpq-level pieces of flick_pg, for the one other module that speaks libpq's protocol
// itself (flick_client: pipelines, prepared statements). Opening a connection and reading what
// the server said about a failure happen here only; pg::Connection is built on the same.

#include <libpq-fe.h>

#include <chrono>
#include <string>
#include <string_view>

#include "pg/pg.hpp"

namespace flick::pg::libpq {

// Opens a connection from a URL or conninfo string with a connect timeout and a fallback
// application_name. Throws PgError (SQLSTATE 08001) whose message names the target with its
// password redacted. The caller owns the handle (PQfinish).
PGconn* connect(const std::string& url_or_conninfo, std::chrono::seconds timeout,
                const std::string& application_name);

// What the server said about the failed `result` of `query`. A failure without a SQLSTATE (no
// result, a broken connection) is a connection failure: 08006 when the connection is gone, else
// 08000, severity FATAL, with libpq's message.
ErrorFields error_fields(PGconn* conn, const PGresult* result, std::string_view query);

// True for PGRES_COMMAND_OK, PGRES_TUPLES_OK and PGRES_EMPTY_QUERY.
bool succeeded(const PGresult* result);

// `text` without trailing newlines and spaces (libpq's messages end with "\n").
std::string trim_trailing_newlines(std::string text);

}  // namespace flick::pg::libpq

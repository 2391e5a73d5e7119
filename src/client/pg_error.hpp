#pragma once

// Internal to flick_client: libpq failures -> client::Error, through flick_pg's one reading of
// the server's error fields (pg/libpq.hpp).

#include <libpq-fe.h>

#include <string_view>

#include "flick/client/error.hpp"
#include "pg/libpq.hpp"

namespace flick::client::internal {

// The client's error for pg's fields (the same SQLSTATE, message, detail, table, constraint...).
Error to_client_error(const pg::ErrorFields& fields);

// The error `result` carries (or, when it is null, the connection's last error).
Error error_from_result(PGconn* conn, const PGresult* result, std::string_view query);

using pg::libpq::succeeded;

}  // namespace flick::client::internal

#pragma once

// Internal to flick_client: libpq failures -> client::Error.

#include <libpq-fe.h>

#include <string_view>

#include "flick/client/error.hpp"

namespace flick::client::internal {

// The error `result` carries (or, when it is null, the connection's last error).
Error error_from_result(PGconn* conn, const PGresult* result, std::string_view query);

// True for PGRES_COMMAND_OK, PGRES_TUPLES_OK and PGRES_EMPTY_QUERY.
bool succeeded(const PGresult* result);

}  // namespace flick::client::internal

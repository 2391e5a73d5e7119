#pragma once

// What a URL or conninfo string names, read by libpq's own parser (PQconninfoParse): for names
// and messages that must not show the rest (user, password, parameters). Nothing is connected.

#include <optional>
#include <string>

namespace flick::pg {

struct ConnectionTarget {
  std::string host;  // as written: a name, an address, a socket directory, or "h1,h2"; "" = none
  std::string port;
  std::string dbname;
};

// The host, port and database `url_or_conninfo` names (URL query parameters such as ?host=
// included, libpq's defaults not applied); std::nullopt when libpq cannot read it (see
// connection_string_error for why).
std::optional<ConnectionTarget> connection_target(const std::string& url_or_conninfo);

}  // namespace flick::pg

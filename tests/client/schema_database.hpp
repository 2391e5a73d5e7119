#pragma once

#include <string>

namespace flick::testing {

// A new database `name` on the test cluster with the Flick example schema
// (examples/flick/schema/*.sql, in file order) applied; returns its URL.
std::string flick_schema_database(const std::string& name);

}  // namespace flick::testing

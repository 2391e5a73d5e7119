#pragma once

// Databases for the auth/seed tests: fresh, on the shared test cluster, with the Flick example
// schema (examples/flick) applied by the flick binary's `migrate`.

#include <filesystem>
#include <string>

namespace flick::testing {

// examples/flick in the source tree.
std::filesystem::path flick_example_dir();

// A new database `name` ([a-z0-9_]+) with every migration of examples/flick/drizzle applied;
// returns its URL. Fails the current test (gtest ASSERT semantics via exception) when migrate
// fails.
std::string flick_app_database(const std::string& name);

}  // namespace flick::testing

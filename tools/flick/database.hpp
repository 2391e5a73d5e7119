#pragma once

// The database a command works on: the configured URL, or else the embedded cluster under
// <config dir>/.flick/pg, started on demand.

#include <chrono>
#include <string>

#include "toolkit/project_state.hpp"

namespace flick::cli {

// The project's embedded cluster and database URL (the toolkit's, for commands that hold a
// loaded store::Config).
using toolkit::database_url;
using toolkit::embedded_cluster;

// Parses "250ms", "5s", "2min", or a bare number of milliseconds. Throws UserError naming `flag`.
std::chrono::milliseconds parse_duration(const std::string& text, const std::string& flag);

}  // namespace flick::cli

#pragma once

// The database a command works on: the configured URL, or else the embedded cluster under
// <config dir>/.flick/pg, started on demand.

#include <chrono>
#include <string>

#include "localdb/localdb.hpp"
#include "store/config.hpp"

namespace flick::cli {

// The embedded cluster of a project.
localdb::LocalCluster embedded_cluster(const store::Config& config);

// The configured URL; when none is configured, the embedded cluster's (started if needed).
std::string database_url(const store::Config& config);

// Parses "250ms", "5s", "2min", or a bare number of milliseconds. Throws UserError naming `flag`.
std::chrono::milliseconds parse_duration(const std::string& text, const std::string& flag);

}  // namespace flick::cli

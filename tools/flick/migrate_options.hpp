#pragma once

// The options shared by the commands that read or write the bookkeeping table (migrate, status,
// mark-applied, baseline, down): the database, and the table's name from the configuration.

#include <CLI/CLI.hpp>
#include <string>

#include "migrate/migrator.hpp"
#include "project_options.hpp"

namespace flick::cli {

struct DatabaseOptions {
  ProjectOptions project;
  std::string lock_timeout = "60s";  // how long to wait for another migrate run
  std::string ddl_lock_timeout;      // PostgreSQL lock_timeout for the statements
  std::string statement_timeout;     // PostgreSQL statement_timeout
};

void add_database_options(CLI::App& command, DatabaseOptions& options, bool with_timeouts);

// Bookkeeping table, lock wait and timeouts from the configuration and flags.
migrate::MigrateOptions migrate_options(const store::Config& config,
                                        const DatabaseOptions& options);

}  // namespace flick::cli

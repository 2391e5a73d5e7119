#include "migrate_options.hpp"

#include "database.hpp"

namespace flick::cli {

void add_database_options(CLI::App& command, DatabaseOptions& options, bool with_timeouts) {
  add_project_options(command, options.project, /*with_url=*/true);
  if (!with_timeouts) return;
  command.add_option("--lock-timeout", options.lock_timeout,
                     "how long to wait for a concurrent migrate run (default 60s)");
  command.add_option("--ddl-lock-timeout", options.ddl_lock_timeout,
                     "PostgreSQL lock_timeout for each statement, e.g. 5s");
  command.add_option("--statement-timeout", options.statement_timeout,
                     "PostgreSQL statement_timeout, e.g. 10min");
}

migrate::MigrateOptions migrate_options(const store::Config& config,
                                        const DatabaseOptions& options) {
  migrate::MigrateOptions result;
  result.schema = config.migrations.schema;
  result.table = config.migrations.table;
  result.strict = config.strict;
  result.lock_wait = parse_duration(options.lock_timeout, "--lock-timeout");
  std::string lock_timeout =
      options.ddl_lock_timeout.empty() ? config.migrations.lock_timeout : options.ddl_lock_timeout;
  std::string statement_timeout = options.statement_timeout.empty()
                                      ? config.migrations.statement_timeout
                                      : options.statement_timeout;
  if (!lock_timeout.empty()) {
    parse_duration(lock_timeout, "lock timeout");
    result.lock_timeout = lock_timeout;
  }
  if (!statement_timeout.empty()) {
    parse_duration(statement_timeout, "statement timeout");
    result.statement_timeout = statement_timeout;
  }
  return result;
}

}  // namespace flick::cli

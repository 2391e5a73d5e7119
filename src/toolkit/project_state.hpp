#pragma once

// Internal to the toolkit and the CLI built on it: what a toolkit::Project holds, and the
// project's database.

#include <string>

#include "diff/diff.hpp"
#include "flick/toolkit.hpp"
#include "introspect/introspect.hpp"
#include "localdb/localdb.hpp"
#include "migrate/migrator.hpp"
#include "pg/pg.hpp"
#include "store/config.hpp"

namespace flick::toolkit {

struct Project::State {
  store::Config config;
};

// The configuration `options` select (flick.toml with the given values over it). With
// `resolve_schema`, the schema globs are expanded now (an unmatched glob is an error now).
// Throws flick::UserError on bad input.
store::Config load_config(const ProjectOptions& options, bool resolve_schema);

// The diff options for --rename / --drop answers and a hints file, with `ask` for what remains
// (may be empty). Throws flick::UserError for a malformed answer.
diff::Options rename_options(const std::vector<std::string>& renames,
                             const std::vector<std::string>& drops, const std::string& hints_file,
                             const AskRename& ask);

// The bookkeeping table, strictness and statement timeouts of the project's [migrations].
migrate::MigrateOptions bookkeeping_options(const store::Config& config);

// The migrator's options for `options` on a project of `config` (bookkeeping, strictness,
// timeouts; the flags' values over the file's).
migrate::MigrateOptions run_options(const store::Config& config, const MigrateOptions& options);

// The migrator's result and status as the toolkit reports them.
MigrateReport to_report(migrate::MigrateResult result);
StatusReport to_report(const migrate::FolderStatus& status);

// A pending migration as the toolkit reports it.
PlannedMigration planned(const migrate::PendingMigration& migration);

// What drift compares a database with: the last snapshot or the schema files, read once.
struct DriftExpected {
  model::Catalog catalog;
  std::string source;
  bool from_snapshot = false;
  bool objects_recorded = false;  // the snapshot has its objects file
};

// Throws flick::UserError when there is no snapshot (or no schema file) to compare with.
DriftExpected drift_expected(const Project& project, bool against_schema);

// drift on an open connection, against `expected` (consumed: the comparison adjusts it).
DriftReport drift_on(const store::Config& config, DriftExpected expected,
                     pg::Connection& connection);

// A project around an already loaded configuration (the CLI's flags applied).
Project project_from_config(store::Config config);

// What of the database the project compares: its schema and table filters, its bookkeeping left
// out, privileges when it manages them.
introspect::Filters database_filters(const store::Config& config);

// `catalog` as the project compares it: without roles, grants and default privileges unless it
// manages them. Returns `catalog`.
model::Catalog& as_compared(const store::Config& config, model::Catalog& catalog);

// The configuration a project was loaded from.
const store::Config& config_of(const Project& project);

// The configuration's schema files (resolved now when load_config did not). Throws
// flick::UserError "no schema files: ..." when there are none: the one place that says so.
std::vector<std::filesystem::path> schema_files_of(const store::Config& config);

// The database a command connects to: `url`, else the project's.
std::string database_target(const Project& project, const std::string& url);

// Opens the database: `url`, else the project's. A server that cannot be reached (or refuses the
// login) throws flick::EnvironmentError "database unreachable: ..." with the password redacted.
pg::Connection connect_database(const Project& project, const std::string& url);

// The project's embedded cluster: <config dir>/.flick/pg (as root, in /var/tmp when the postgres
// user cannot reach the project directory; .flick/pg is then a link to it).
localdb::LocalCluster embedded_cluster(const store::Config& config);

// The configured URL; when none is configured, the embedded cluster's (started if needed).
// Throws flick::UserError for a URL with a misspelt scheme or a drizzle config naming a URL
// variable that is not set.
std::string database_url(const store::Config& config);

}  // namespace flick::toolkit

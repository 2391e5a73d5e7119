// flick migrate: applies the folder's pending migrations.

#include <fmt/core.h>
#include <unistd.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "diagnostics/diagnostics.hpp"
#include "fleet_options.hpp"
#include "fleet_progress.hpp"
#include "flick/error.hpp"
#include "flick/fleet.hpp"
#include "migrate_options.hpp"
#include "toolkit/project_state.hpp"

namespace flick::cli {
namespace {

struct MigrateCommandOptions {
  DatabaseOptions database;
  std::string tx = "each";
  bool strict = false;
  bool accept_edited = false;
  bool dry_run = false;
  std::string to;
  bool json = false;
  FleetFlags fleet;
};

toolkit::Transactions parse_tx(const std::string& text) {
  if (text == "each") return toolkit::Transactions::kPerMigration;
  if (text == "all") return toolkit::Transactions::kAll;
  if (text == "none") return toolkit::Transactions::kNone;
  throw UserError("--tx " + text + ": expected each, all or none");
}

// `rolled_back`: migrations that ran before the failing one in the same transaction (--tx all).
void print_failure(const toolkit::MigrationFailure& failure, int rolled_back) {
  fmt::print(stderr, "{}", diagnostics::format_text(toolkit::to_diagnostic(failure)));
  if (failure.committed_statements > 0) {
    fmt::print(stderr,
               "  statements 1-{} were committed and stay applied; the migration is not "
               "recorded\n",
               failure.committed_statements);
  } else {
    fmt::print(stderr, "  nothing of {} was kept\n", failure.file);
  }
  if (rolled_back > 0) {
    fmt::print(stderr,
               "  --tx all: the {} migration{} that ran before it {} rolled back with it; none is "
               "applied\n",
               rolled_back, rolled_back == 1 ? "" : "s", rolled_back == 1 ? "was" : "were");
  }
}

nlohmann::ordered_json result_json(const toolkit::MigrateReport& result, bool dry_run) {
  nlohmann::ordered_json out;
  out["dryRun"] = dry_run;
  out["planned"] = nlohmann::ordered_json::array();
  for (const toolkit::PlannedMigration& migration : result.planned) {
    out["planned"].push_back({{"tag", migration.tag},
                              {"statements", migration.statements.size()},
                              {"outOfOrder", migration.out_of_order}});
  }
  out["applied"] = result.applied;
  out["warnings"] = result.warnings;
  if (result.failure) {
    const toolkit::MigrationFailure& failure = *result.failure;
    out["failure"] = {{"file", failure.file},
                      {"statement", failure.statement.number},
                      {"line", failure.statement.line},
                      {"firstLine", failure.statement.first_line},
                      {"sqlstate", failure.sqlstate},
                      {"message", failure.message},
                      {"detail", failure.detail},
                      {"hint", failure.hint},
                      {"advice", failure.advice},
                      {"diagnostic", diagnostics::to_json(toolkit::to_diagnostic(failure))}};
  }
  return out;
}

// migrate --fleet: the folder on every target; exit 0 all converged, 1 some did not, 3 only
// unreachable ones.
int run_fleet_migrate(store::Config config, toolkit::FleetMigrateOptions fleet, bool json) {
  FleetProgress::Mode mode = json                    ? FleetProgress::Mode::kJson
                             : isatty(STDOUT_FILENO) ? FleetProgress::Mode::kTerminal
                                                     : FleetProgress::Mode::kLines;
  auto progress = std::make_shared<FleetProgress>(mode);
  fleet.on_targets = [progress](const std::vector<toolkit::FleetTarget>& targets) {
    progress->targets(targets.size());
  };
  fleet.on_target_start = [progress](const toolkit::FleetTarget&) { progress->started(); };
  fleet.on_migration_applied = [progress](const toolkit::FleetTarget&,
                                          const toolkit::PlannedMigration&,
                                          std::int64_t) { progress->migration_applied(); };
  fleet.on_target_done = [progress](const toolkit::FleetMigrateResult& result) {
    progress->done(result);
  };
  toolkit::FleetMigrateReport report =
      toolkit::fleet_migrate(toolkit::project_from_config(std::move(config)), fleet);
  progress->finish(report);
  return report.exit_code();
}

int run_migrate(const MigrateCommandOptions& options) {
  toolkit::FleetOptions fleet_flags = fleet_options(options.fleet);
  store::Config config = load_project(options.database.project, /*resolve_schema=*/false);
  // The flags' and the file's durations, checked (bad ones are input errors before anything).
  migrate::MigrateOptions durations = migrate_options(config, options.database);
  toolkit::MigrateOptions migrate;
  migrate.transactions = parse_tx(options.tx);
  migrate.strict = options.strict;
  migrate.accept_edited = options.accept_edited;
  migrate.dry_run = options.dry_run;
  if (!options.to.empty()) migrate.to_tag = options.to;
  migrate.lock_wait = durations.lock_wait;
  migrate.lock_timeout = durations.lock_timeout.value_or("");
  migrate.statement_timeout = durations.statement_timeout.value_or("");
  if (options.fleet.fleet) {
    return run_fleet_migrate(std::move(config), {.fleet = fleet_flags, .migrate = migrate},
                             options.json);
  }

  bool progress = !options.json && isatty(STDOUT_FILENO);
  // Under --tx all nothing is applied until the last migration commits: a migration that ran is
  // "ran", not "done", and a later failure rolls it back.
  bool one_transaction = migrate.transactions == toolkit::Transactions::kAll;
  auto ran = std::make_shared<int>(0);
  migrate.on_warning = [](const std::string& warning) {
    fmt::print(stderr, "warning: {}\n", warning);
  };
  if (!options.json) {
    migrate.on_start = [progress](const toolkit::PlannedMigration& migration) {
      fmt::print("applying {} ({} statement{}){}", migration.tag, migration.statements.size(),
                 migration.statements.size() == 1 ? "" : "s", progress ? " ..." : "");
      std::fflush(stdout);
    };
    migrate.on_applied = [progress, one_transaction, ran](const toolkit::PlannedMigration&,
                                                          std::int64_t ms) {
      ++*ran;
      fmt::print("{} {} in {} ms\n", progress ? "" : ":",
                 one_transaction ? "ran (commits with the last)" : "done", ms);
    };
  }
  toolkit::MigrateReport result =
      toolkit::migrate(toolkit::project_from_config(std::move(config)), migrate);
  if (options.json) {
    fmt::print("{}\n", result_json(result, options.dry_run).dump(2));
  } else if (options.dry_run) {
    for (const toolkit::PlannedMigration& migration : result.planned) {
      fmt::print("would apply {} ({} statements)\n", migration.tag, migration.statements.size());
      for (const toolkit::PlannedStatement& statement : migration.statements) {
        fmt::print("  {:>3}  line {:<4} {}{}\n", statement.number, statement.line,
                   statement.first_line,
                   statement.outside_transaction ? "   [outside a transaction]" : "");
      }
    }
    if (result.planned.empty()) fmt::print("nothing to apply\n");
  } else if (result.failure) {
    fmt::print("\n");
  } else if (result.applied.empty()) {
    fmt::print("nothing to apply: the database is up to date\n");
  } else {
    fmt::print("{} migration{} applied\n", result.applied.size(),
               result.applied.size() == 1 ? "" : "s");
  }
  if (result.failure) {
    if (!options.json) print_failure(*result.failure, one_transaction ? *ran : 0);
    return 1;
  }
  return 0;
}

}  // namespace

void setup_migrate(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<MigrateCommandOptions>();
  CLI::App* command = app.add_subcommand("migrate", "apply the folder's pending migrations");
  add_database_options(*command, options->database, /*with_timeouts=*/true);
  command->add_option("--tx", options->tx,
                      "each (a transaction per migration, default), all (one), none");
  command->add_flag("--strict", options->strict,
                    "refuse a pending migration older than one already applied");
  command->add_flag("--accept-edited", options->accept_edited,
                    "record the new hash of an edited applied migration instead of refusing");
  command->add_flag("--dry-run", options->dry_run, "print what would run, run nothing");
  command->add_option("--to", options->to, "stop after this migration tag");
  command->add_flag("--json", options->json,
                    "print the result as JSON (with --fleet: one object per line)");
  add_fleet_options(*command, options->fleet, /*with_failure_policy=*/true);
  command->callback([options, &status] { status.code = run_migrate(*options); });
}

}  // namespace flick::cli

// flick migrate: applies the folder's pending migrations.

#include <fmt/core.h>
#include <unistd.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "database.hpp"
#include "flick/error.hpp"
#include "migrate_options.hpp"

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
};

migrate::TransactionMode parse_tx(const std::string& text) {
  if (text == "each") return migrate::TransactionMode::kPerMigration;
  if (text == "all") return migrate::TransactionMode::kAll;
  if (text == "none") return migrate::TransactionMode::kNone;
  throw UserError("--tx " + text + ": expected each, all or none");
}

// `rolled_back`: migrations that ran before the failing one in the same transaction (--tx all).
void print_failure(const migrate::MigrationFailure& failure, int rolled_back) {
  const pg::ErrorFields& error = failure.error;
  fmt::print(stderr, "error: {} failed at statement {} (line {}):\n    {}\n", failure.file,
             failure.statement.number, failure.statement.line, failure.statement.first_line());
  fmt::print(stderr, "  {}:  {} (SQLSTATE {})\n", error.severity.empty() ? "ERROR" : error.severity,
             error.message_primary, error.sqlstate);
  if (!error.detail.empty()) fmt::print(stderr, "  DETAIL:  {}\n", error.detail);
  if (!error.hint.empty()) fmt::print(stderr, "  HINT:  {}\n", error.hint);
  if (!failure.advice.empty()) fmt::print(stderr, "  flick: {}\n", failure.advice);
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

nlohmann::ordered_json result_json(const migrate::MigrateResult& result, bool dry_run) {
  nlohmann::ordered_json out;
  out["dryRun"] = dry_run;
  out["planned"] = nlohmann::ordered_json::array();
  for (const auto& migration : result.planned) {
    out["planned"].push_back({{"tag", migration.status.entry.tag},
                              {"statements", migration.statements.size()},
                              {"outOfOrder", migration.status.out_of_order}});
  }
  out["applied"] = result.applied;
  out["warnings"] = result.warnings;
  if (result.failure) {
    const auto& failure = *result.failure;
    out["failure"] = {{"file", failure.file},
                      {"statement", failure.statement.number},
                      {"line", failure.statement.line},
                      {"firstLine", failure.statement.first_line()},
                      {"sqlstate", failure.error.sqlstate},
                      {"message", failure.error.message_primary},
                      {"detail", failure.error.detail},
                      {"hint", failure.error.hint},
                      {"advice", failure.advice}};
  }
  return out;
}

int run_migrate(const MigrateCommandOptions& options) {
  store::Config config = load_project(options.database.project, /*resolve_schema=*/false);
  migrate::MigrateOptions migrate = migrate_options(config, options.database);
  migrate.transactions = parse_tx(options.tx);
  migrate.strict = migrate.strict || options.strict;
  migrate.accept_edited = options.accept_edited;
  migrate.dry_run = options.dry_run;
  if (!options.to.empty()) migrate.to_tag = options.to;

  store::MigrationFolder folder(config.out);
  pg::Connection connection(database_url(config));
  bool progress = !options.json && isatty(STDOUT_FILENO);
  // Under --tx all nothing is applied until the last migration commits: a migration that ran is
  // "ran", not "done", and a later failure rolls it back.
  bool one_transaction = migrate.transactions == migrate::TransactionMode::kAll;
  auto ran = std::make_shared<int>(0);
  migrate::MigrateObserver observer;
  observer.on_warning = [](const std::string& warning) {
    fmt::print(stderr, "warning: {}\n", warning);
  };
  if (!options.json) {
    observer.on_start = [progress](const migrate::PendingMigration& migration) {
      fmt::print("applying {} ({} statement{}){}", migration.status.entry.tag,
                 migration.statements.size(), migration.statements.size() == 1 ? "" : "s",
                 progress ? " ..." : "");
      std::fflush(stdout);
    };
    observer.on_applied = [progress, one_transaction, ran](const migrate::PendingMigration&,
                                                           std::int64_t ms) {
      ++*ran;
      fmt::print("{} {} in {} ms\n", progress ? "" : ":",
                 one_transaction ? "ran (commits with the last)" : "done", ms);
    };
  }
  migrate::MigrateResult result = migrate::run_migrations(connection, folder, migrate, observer);
  if (options.json) {
    fmt::print("{}\n", result_json(result, options.dry_run).dump(2));
  } else if (options.dry_run) {
    for (const auto& migration : result.planned) {
      fmt::print("would apply {} ({} statements)\n", migration.status.entry.tag,
                 migration.statements.size());
      for (const auto& statement : migration.statements) {
        fmt::print("  {:>3}  line {:<4} {}{}\n", statement.number, statement.line,
                   statement.first_line(),
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
  command->add_flag("--json", options->json, "print the result as JSON");
  command->callback([options, &status] { status.code = run_migrate(*options); });
}

}  // namespace flick::cli

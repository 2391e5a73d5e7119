// flick push: diffs the live database against the schema files and applies the difference in
// one transaction (development). Changes that lose data or fail on the data present need
// confirmation: --force accepts them, --strict asks before any change; without a terminal
// they are refused.

#include <fmt/core.h>
#include <unistd.h>

#include <iostream>
#include <memory>

#include "commands.hpp"
#include "migrate_options.hpp"
#include "rename_options.hpp"
#include "toolkit/project_state.hpp"

namespace flick::cli {
namespace {

struct PushCommandOptions {
  DatabaseOptions database;
  bool force = false;
  bool strict = false;
  bool verbose = false;
  std::vector<std::string> renames;
  std::vector<std::string> drops;
  std::string hints_file;
};

bool confirm(const std::string& question) {
  fmt::print(stderr, "{} [y/N] ", question);
  std::string line;
  if (!std::getline(std::cin, line)) return false;
  return line == "y" || line == "Y" || line == "yes";
}

// Prints the plan and decides whether it may run (asking on a terminal when it must).
bool accept_plan(const toolkit::PushPlan& plan, bool strict, bool force) {
  fmt::print("What differs:\n");
  for (const std::string& difference : plan.differences) fmt::print("  - {}\n", difference);
  fmt::print("Changes to apply:\n");
  for (const std::string& change : plan.changes) fmt::print("  {}\n", change);
  if (!plan.risks.empty()) {
    fmt::print(stderr, "These changes lose data or fail on the data present:\n");
    for (const auto& risk : plan.risks) fmt::print(stderr, "  - {}\n", risk);
  }
  bool must_ask = strict || (!plan.risks.empty() && !force);
  if (!must_ask) return true;
  if (!isatty(STDIN_FILENO)) {
    fmt::print(stderr, "refusing to push without a terminal to confirm{}\n",
               strict ? " (--strict)" : "; pass --force to accept");
    return false;
  }
  return confirm("Apply these changes?");
}

int run_push(const PushCommandOptions& options) {
  store::Config config = load_project(options.database.project);
  bool strict = options.strict || config.strict;
  bool verbose = options.verbose || config.verbose;
  toolkit::PushOptions push;
  push.renames = options.renames;
  push.drops = options.drops;
  push.hints_file = options.hints_file;
  if (isatty(STDIN_FILENO)) push.ask = ask_on_terminal;
  push.confirm = [&](const toolkit::PushPlan& plan) {
    return accept_plan(plan, strict, options.force);
  };
  if (verbose) push.on_statement = [](const std::string& sql) { fmt::print("{}\n", sql); };
  toolkit::PushReport report = toolkit::push(toolkit::project_from_config(std::move(config)), push);
  switch (report.outcome) {
    case toolkit::PushOutcome::kNoChanges:
      fmt::print("No schema changes: the database matches the schema files\n");
      return 0;
    case toolkit::PushOutcome::kRefused:
      return 1;
    case toolkit::PushOutcome::kApplied:
      break;
  }
  std::size_t count = report.plan.statements.size();
  fmt::print("Changes applied: {} statement{}\n", count, count == 1 ? "" : "s");
  return 0;
}

}  // namespace

void setup_push(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<PushCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "push", "apply the difference between the schema files and the database directly");
  add_database_options(*command, options->database, /*with_timeouts=*/false);
  command->add_flag("--force", options->force, "accept changes that lose data");
  command->add_flag("--strict", options->strict, "ask before applying any change");
  command->add_flag("--verbose", options->verbose, "print the SQL statements");
  command->add_option("--rename", options->renames,
                      "KIND:OLD=NEW, e.g. table:notes=memos, column:accounts.created=created_at");
  command->add_option("--drop", options->drops, "KIND:NAME: confirms that an object is dropped");
  command->add_option("--hints", options->hints_file,
                      "file of 'rename KIND:OLD=NEW' / 'drop KIND:NAME' lines");
  command->callback([options, &status] { status.code = run_push(*options); });
}

}  // namespace flick::cli

// flick down [--to TAG]: undoes applied migrations with SQL computed from the schemas the
// folder's SQL builds before and after each (check::plan_undo), shown first and run only with
// --yes.

#include <fmt/core.h>

#include <memory>

#include "commands.hpp"
#include "migrate_options.hpp"
#include "toolkit/project_state.hpp"

namespace flick::cli {
namespace {

struct DownOptions {
  DatabaseOptions database;
  std::string to;
  bool yes = false;
  bool force = false;
};

int run_down(const DownOptions& options) {
  toolkit::Project project =
      toolkit::project_from_config(load_project(options.database.project, false));
  toolkit::DownReport report = toolkit::down(
      project, {.to_tag = options.to,
                .run = options.yes,
                .accept_data_loss = options.force,
                .on_plan =
                    [](const std::vector<toolkit::UndoStep>& steps) {
                      for (const toolkit::UndoStep& step : steps) {
                        fmt::print("-- undo {}\n", step.tag);
                        for (const std::string& note : step.notes) {
                          fmt::print("-- note: {}\n", note);
                        }
                        for (const std::string& statement : step.statements) {
                          fmt::print("{}\n", statement);
                        }
                      }
                    },
                .on_undone = [](const std::string& tag) { fmt::print("undone {}\n", tag); }});
  if (report.outcome == toolkit::DownOutcome::kNothingToUndo) {
    fmt::print("nothing to undo\n");
    return 0;
  }
  switch (report.outcome) {
    case toolkit::DownOutcome::kRefusedIncomplete:
      fmt::print(stderr, "refused: the SQL above would not undo everything (nothing was run):\n");
      for (const toolkit::UndoStep& step : report.steps) {
        for (const std::string& reason : step.not_undone) fmt::print(stderr, "  - {}\n", reason);
      }
      return 2;
    case toolkit::DownOutcome::kRefusedDataLoss:
      fmt::print(stderr, "refused: undoing loses data (pass --force to accept):\n");
      for (const toolkit::UndoStep& step : report.steps) {
        for (const std::string& loss : step.data_loss) {
          fmt::print(stderr, "  - {}: {}\n", step.tag, loss);
        }
      }
      return 1;
    case toolkit::DownOutcome::kPlanned:
      fmt::print("nothing was run: pass --yes to run the SQL above\n");
      return 0;
    default:
      return 0;
  }
}

}  // namespace

void setup_down(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<DownOptions>();
  CLI::App* command = app.add_subcommand(
      "down", "undo the last applied migration (or all after --to), computed from the SQL files");
  add_database_options(*command, options->database, /*with_timeouts=*/false);
  command->add_option("--to", options->to, "undo every migration applied after this tag");
  command->add_flag("--yes", options->yes, "run the SQL (default: only print it)");
  command->add_flag("--force", options->force, "run even when undoing loses data");
  command->callback([options, &status] { status.code = run_down(*options); });
}

}  // namespace flick::cli

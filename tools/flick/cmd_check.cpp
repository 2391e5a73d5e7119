// flick check: verifies a migration folder; exit 1 on errors, 0 with warnings only.

#include <fmt/core.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "diagnostics/diagnostics.hpp"
#include "fleet_options.hpp"
#include "flick/error.hpp"
#include "flick/fleet.hpp"
#include "project_options.hpp"
#include "store/folder.hpp"
#include "toolkit/project_state.hpp"

namespace flick::cli {
namespace {

struct CheckOptions {
  ProjectOptions project;
  bool json = false;
  bool fix = false;
  bool replay = false;
  bool dry_run = false;
  FleetFlags fleet;
};

void print_json(const std::vector<Diagnostic>& report) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const Diagnostic& finding : report) findings.push_back(diagnostics::to_json(finding));
  nlohmann::ordered_json out = {{"errors", diagnostics::count(report, Severity::kError)},
                                {"warnings", diagnostics::count(report, Severity::kWarning)},
                                {"findings", findings}};
  fmt::print("{}\n", out.dump(2));
}

void print_text(const store::MigrationFolder& folder, const std::vector<Diagnostic>& report) {
  int errors = diagnostics::count(report, Severity::kError);
  int warnings = diagnostics::count(report, Severity::kWarning);
  for (const Diagnostic& finding : report) fmt::print("{}", diagnostics::format_text(finding));
  fmt::print("{}: {} migration{}, {} error{}, {} warning{}\n", folder.out().string(),
             folder.journal().entries.size(), folder.journal().entries.size() == 1 ? "" : "s",
             errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
}

int run_check(const CheckOptions& options) {
  toolkit::FleetOptions fleet_flags = fleet_options(options.fleet);
  toolkit::Project project =
      toolkit::project_from_config(load_project(options.project, /*resolve_schema=*/true));
  if (options.fix) {
    std::vector<std::string> changes = toolkit::fix(project, options.dry_run);
    for (const std::string& change : changes) {
      fmt::print("{}{}\n", options.dry_run ? "would fix: " : "fixed: ", change);
    }
    if (changes.empty()) fmt::print("nothing to fix\n");
    if (options.dry_run && !changes.empty()) fmt::print("dry run: nothing was written\n");
  }
  toolkit::CheckReport report = toolkit::check(project, {.replay = options.replay});
  // --fleet: what every target's bookkeeping says about the folder, after the folder's findings.
  bool unreachable = false;
  if (options.fleet.fleet) {
    toolkit::FleetStatusReport fleet = toolkit::fleet_status(project, fleet_flags);
    unreachable = fleet.any_unreachable();
    for (Diagnostic& finding : toolkit::fleet_findings(fleet)) {
      report.findings.push_back(std::move(finding));
    }
  }
  if (options.json) {
    print_json(report.findings);
  } else {
    print_text(store::MigrationFolder(project.migrations_folder()), report.findings);
  }
  // Unreachable targets alone are the environment's problem (3); any other error is a finding.
  std::size_t errors = diagnostics::count(report.findings, Severity::kError);
  std::size_t unreachable_errors = 0;
  for (const Diagnostic& finding : report.findings) {
    unreachable_errors += finding.rule == "fleet-unreachable";
  }
  if (errors > unreachable_errors) return 1;
  return unreachable ? 3 : 0;
}

}  // namespace

void setup_check(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand("check", "verify a migration folder");
  add_project_options(*command, options->project, true);
  command->add_flag("--json", options->json, "print the findings as JSON");
  command->add_flag("--fix", options->fix,
                    "repair what is mechanical (snapshots, `when` order, branch collisions, "
                    "re-created objects) and print every change");
  command->add_flag(
      "--replay", options->replay,
      "compare every snapshot (not only the last) with the replayed SQL, and apply the "
      "folder to a scratch database (the configured URL's server, else the "
      "embedded PostgreSQL) comparing each snapshot with it");
  command->add_flag("--dry-run", options->dry_run, "with --fix: print the changes, write nothing");
  add_fleet_options(*command, options->fleet, /*with_failure_policy=*/false);
  command->callback([options, &status] { status.code = run_check(*options); });
}

}  // namespace flick::cli

// flick check: verifies a migration folder; exit 1 on errors, 0 with warnings only.

#include <fmt/core.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "check/check.hpp"
#include "check/fix.hpp"
#include "commands.hpp"
#include "database.hpp"
#include "ddl/ddl.hpp"
#include "diagnostics/diagnostics.hpp"
#include "flick/error.hpp"
#include "project_options.hpp"

namespace flick::cli {
namespace {

struct CheckOptions {
  ProjectOptions project;
  bool json = false;
  bool fix = false;
  bool replay = false;
  bool dry_run = false;
};

void print_json(const check::Report& report) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const check::Finding& finding : report.findings) {
    findings.push_back(diagnostics::to_json(finding));
  }
  nlohmann::ordered_json out = {
      {"errors", report.errors()}, {"warnings", report.warnings()}, {"findings", findings}};
  fmt::print("{}\n", out.dump(2));
}

void print_text(const store::MigrationFolder& folder, const check::Report& report) {
  for (const check::Finding& finding : report.findings) {
    fmt::print("{}", diagnostics::format_text(finding));
  }
  fmt::print("{}: {} migration{}, {} error{}, {} warning{}\n", folder.out().string(),
             folder.journal().entries.size(), folder.journal().entries.size() == 1 ? "" : "s",
             report.errors(), report.errors() == 1 ? "" : "s", report.warnings(),
             report.warnings() == 1 ? "" : "s");
}

int run_check(const CheckOptions& options) {
  store::Config config = load_project(options.project, /*resolve_schema=*/true);
  if (!std::filesystem::is_directory(config.out)) {
    throw UserError(
        fmt::format("migration folder {} does not exist (pass --out or set `out` in "
                    "flick.toml)",
                    config.out.string()));
  }
  if (options.fix) {
    check::FixResult fixed = check::fix_folder(config.out, options.dry_run);
    for (const std::string& change : fixed.changes) {
      fmt::print("{}{}\n", options.dry_run ? "would fix: " : "fixed: ", change);
    }
    if (fixed.changes.empty()) fmt::print("nothing to fix\n");
    if (options.dry_run && !fixed.changes.empty()) fmt::print("dry run: nothing was written\n");
  }
  store::MigrationFolder folder(config.out);
  std::optional<model::Catalog> schema;
  if (!config.schema_files.empty()) schema = ddl::read_schema_files(config.schema_files);
  check::Report report = check::check_folder(folder, schema ? &*schema : nullptr, options.replay,
                                             config.migrations.search_path);
  if (options.replay) check::check_live_replay(folder, database_url(config), report);
  if (options.json) {
    print_json(report);
  } else {
    print_text(folder, report);
  }
  return report.errors() > 0 ? 1 : 0;
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
  command->callback([options, &status] { status.code = run_check(*options); });
}

}  // namespace flick::cli

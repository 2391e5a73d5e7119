// flick check: verifies a migration folder; exit 1 on errors, 0 with warnings only.

#include <fmt/core.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "check/check.hpp"
#include "commands.hpp"
#include "ddl/ddl.hpp"
#include "flick/error.hpp"
#include "project_options.hpp"

namespace flick::cli {
namespace {

struct CheckOptions {
  ProjectOptions project;
  bool json = false;
};

void print_json(const check::Report& report) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const check::Finding& finding : report.findings) {
    findings.push_back(
        {{"severity", finding.severity == check::Severity::kError ? "error" : "warning"},
         {"rule", finding.rule},
         {"file", finding.file},
         {"line", finding.line},
         {"message", finding.message}});
  }
  nlohmann::ordered_json out = {
      {"errors", report.errors()}, {"warnings", report.warnings()}, {"findings", findings}};
  fmt::print("{}\n", out.dump(2));
}

void print_text(const store::MigrationFolder& folder, const check::Report& report) {
  for (const check::Finding& finding : report.findings) {
    // Messages that do not start with their file (e.g. "unlisted-sql") would not say which file.
    bool names_file = finding.file.empty() || finding.message.rfind(finding.file, 0) == 0;
    fmt::print("{} [{}] {}{}\n", finding.severity == check::Severity::kError ? "error" : "warning",
               finding.rule, names_file ? "" : finding.file + ": ", finding.message);
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
  store::MigrationFolder folder(config.out);
  std::optional<model::Catalog> schema;
  if (!config.schema_files.empty()) schema = ddl::read_schema_files(config.schema_files);
  check::Report report = check::check_folder(folder, schema ? &*schema : nullptr);
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
  add_project_options(*command, options->project, false);
  command->add_flag("--json", options->json, "print the findings as JSON");
  command->callback([options, &status] { status.code = run_check(*options); });
}

}  // namespace flick::cli

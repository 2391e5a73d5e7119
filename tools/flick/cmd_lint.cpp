// flick lint: finds migration statements that hurt a production database; exit 1 when a finding
// has error severity, 0 otherwise.

#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.hpp"
#include "diagnostics/diagnostics.hpp"
#include "flick/error.hpp"
#include "lint/lint.hpp"
#include "project_options.hpp"
#include "toolkit/project_state.hpp"

namespace flick::cli {
namespace {

struct LintOptions {
  ProjectOptions project;
  std::vector<std::string> files;
  bool json = false;
  bool list_rules = false;
};

struct LintRun {
  toolkit::LintReport report;
  std::string scope;  // the folder, or "" for files named on the command line
};

int count(const LintRun& run, Severity severity) {
  return diagnostics::count(run.report.findings, severity);
}

std::string plural(int n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

void print_text(const LintRun& run) {
  for (const Diagnostic& finding : run.report.findings) {
    fmt::print("{}", diagnostics::format_text(finding));
  }
  fmt::print("{}{}, {}, {}\n", run.scope.empty() ? "" : run.scope + ": ",
             plural(run.report.files, "file"), plural(count(run, Severity::kError), "error"),
             plural(count(run, Severity::kWarning), "warning"));
}

void print_json(const LintRun& run) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const Diagnostic& finding : run.report.findings) {
    findings.push_back(diagnostics::to_json(finding));
  }
  nlohmann::ordered_json out = {{"files", run.report.files},
                                {"errors", count(run, Severity::kError)},
                                {"warnings", count(run, Severity::kWarning)},
                                {"findings", findings}};
  fmt::print("{}\n", out.dump(2));
}

void print_rules(const lint::Settings& settings) {
  for (const lint::Rule& rule : lint::all_rules()) {
    fmt::print("{:<40} {}\n", rule.name, lint::severity_name(settings.severity_of(rule.name)));
  }
}

int run_lint(const LintOptions& options) {
  store::Config config = load_project(options.project, /*resolve_schema=*/false);
  std::string context =
      config.config_path.empty() ? std::string("flick.toml") : config.config_path.string();
  lint::Settings settings = lint::Settings::from_config(config.lint_rules, context);
  if (options.list_rules) {
    print_rules(settings);
    return 0;
  }
  LintRun run;
  run.report = toolkit::lint(toolkit::project_from_config(config), options.files);
  if (options.files.empty()) run.scope = config.out.string();
  if (options.json) {
    print_json(run);
  } else {
    print_text(run);
  }
  return count(run, Severity::kError) > 0 ? 1 : 0;
}

}  // namespace

void setup_lint(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<LintOptions>();
  CLI::App* command = app.add_subcommand(
      "lint", "find migration statements that lock, rewrite or lose data in production");
  command->add_option("files", options->files,
                      "SQL files to lint (default: every migration of the folder, in journal "
                      "order)");
  add_config_flag(*command, options->project);
  command->add_option("--out", options->project.out, "migration folder");
  command->add_flag("--json", options->json, "print the findings as JSON");
  command->add_flag("--rules", options->list_rules, "list the rules and their severities");
  command->callback([options, &status] { status.code = run_lint(*options); });
}

}  // namespace flick::cli

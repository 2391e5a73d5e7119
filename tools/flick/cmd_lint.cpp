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
#include "files/input_file.hpp"
#include "flick/error.hpp"
#include "lint/lint.hpp"
#include "project_options.hpp"
#include "store/folder.hpp"

namespace flick::cli {
namespace {

struct LintOptions {
  ProjectOptions project;
  std::vector<std::string> files;
  bool json = false;
  bool list_rules = false;
};

std::string read_sql(const std::filesystem::path& path) { return files::read_input_file(path); }

struct LintRun {
  std::vector<lint::Finding> findings;
  int files = 0;
  std::string scope;  // the folder, or "" for files named on the command line
};

LintRun lint_folder(const store::Config& config, const lint::Settings& settings) {
  if (!std::filesystem::is_directory(config.out)) {
    throw UserError(fmt::format(
        "migration folder {} does not exist (pass --out, SQL files, or set `out` in flick.toml)",
        config.out.string()));
  }
  store::MigrationFolder folder(config.out);
  LintRun run;
  run.scope = config.out.string();
  for (const store::JournalEntry& entry : folder.journal().entries) {
    std::filesystem::path path = folder.sql_path(entry);
    if (!std::filesystem::exists(path)) {
      throw UserError(fmt::format("{}: journal entry {} has no SQL file {} (flick check says more)",
                                  folder.journal_path().string(), entry.tag, path.string()));
    }
    std::vector<lint::Finding> found =
        lint::lint_sql(read_sql(path), path.filename().string(), settings);
    run.findings.insert(run.findings.end(), found.begin(), found.end());
    ++run.files;
  }
  return run;
}

LintRun lint_files(const std::vector<std::string>& files, const lint::Settings& settings) {
  LintRun run;
  for (const std::string& file : files) {
    if (!std::filesystem::is_regular_file(file)) {
      throw UserError(fmt::format("{}: no such file", file));
    }
    std::vector<lint::Finding> found = lint::lint_sql(read_sql(file), file, settings);
    run.findings.insert(run.findings.end(), found.begin(), found.end());
    ++run.files;
  }
  return run;
}

int count(const LintRun& run, Severity severity) {
  return diagnostics::count(run.findings, severity);
}

std::string plural(int n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

void print_text(const LintRun& run) {
  for (const lint::Finding& finding : run.findings) {
    fmt::print("{}", diagnostics::format_text(finding));
  }
  fmt::print("{}{}, {}, {}\n", run.scope.empty() ? "" : run.scope + ": ", plural(run.files, "file"),
             plural(count(run, Severity::kError), "error"),
             plural(count(run, Severity::kWarning), "warning"));
}

void print_json(const LintRun& run) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const lint::Finding& finding : run.findings) {
    findings.push_back(diagnostics::to_json(finding));
  }
  nlohmann::ordered_json out = {{"files", run.files},
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
  LintRun run =
      options.files.empty() ? lint_folder(config, settings) : lint_files(options.files, settings);
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

// toolkit::check, toolkit::fix and toolkit::lint: what is wrong with a migration folder.

#include "check/check.hpp"

#include <fmt/core.h>

#include "check/fix.hpp"
#include "files/input_file.hpp"
#include "lint/lint.hpp"
#include "toolkit/project_state.hpp"

namespace flick::toolkit {

namespace {

void require_folder(const store::Config& config, std::string_view ways) {
  if (!std::filesystem::is_directory(config.out)) {
    throw UserError(
        fmt::format("migration folder {} does not exist (pass {} or set `out` in "
                    "flick.toml)",
                    config.out.string(), ways));
  }
}

}  // namespace

bool CheckReport::ok() const {
  for (const Finding& finding : findings) {
    if (finding.severity == Severity::kError) return false;
  }
  return true;
}

CheckReport check(const Project& project, const CheckOptions& options) {
  const store::Config& config = config_of(project);
  require_folder(config, "--out");
  store::MigrationFolder folder(config.out);
  std::optional<model::Catalog> schema;
  if (!config.schema.empty()) schema = project.read_schema();
  check::Report report = check::check_folder(folder, schema ? &*schema : nullptr, options.replay,
                                             config.migrations.search_path, config.schema_filter);
  if (options.replay) {
    check::check_live_replay(folder, options.url.empty() ? project.database_url() : options.url,
                             report);
  }
  CheckReport result;
  result.findings = std::move(report.findings);
  return result;
}

std::vector<std::string> fix(const Project& project, bool dry_run) {
  const store::Config& config = config_of(project);
  require_folder(config, "--out");
  return check::fix_folder(config.out, dry_run, config.schema_filter).changes;
}

LintReport lint(const Project& project, const std::vector<std::string>& files) {
  const store::Config& config = config_of(project);
  std::string context =
      config.config_path.empty() ? std::string("flick.toml") : config.config_path.string();
  lint::Settings settings = lint::Settings::from_config(config.lint_rules, context);
  LintReport report;
  auto lint_file = [&](const std::filesystem::path& path, const std::string& name) {
    std::vector<Diagnostic> found = lint::lint_sql(files::read_input_file(path), name, settings);
    report.findings.insert(report.findings.end(), found.begin(), found.end());
    ++report.files;
  };
  if (!files.empty()) {
    for (const std::string& file : files) {
      if (!std::filesystem::is_regular_file(file)) {
        throw UserError(fmt::format("{}: no such file", file));
      }
      lint_file(file, file);
    }
    return report;
  }
  require_folder(config, "--out, SQL files,");
  store::MigrationFolder folder(config.out);
  for (const store::JournalEntry& entry : folder.journal().entries) {
    std::filesystem::path path = folder.sql_path(entry);
    if (!std::filesystem::exists(path)) {
      throw UserError(fmt::format("{}: journal entry {} has no SQL file {} (flick check says more)",
                                  folder.journal_path().string(), entry.tag, path.string()));
    }
    lint_file(path, path.filename().string());
  }
  return report;
}

}  // namespace flick::toolkit

// toolkit::check: flick check without a database.

#include "check/check.hpp"

#include <fmt/core.h>

#include "toolkit/project_state.hpp"

namespace flick::toolkit {

bool CheckReport::ok() const {
  for (const Finding& finding : findings) {
    if (finding.severity == Severity::kError) return false;
  }
  return true;
}

CheckReport check(const Project& project) {
  const store::Config& config = config_of(project);
  if (!std::filesystem::is_directory(config.out)) {
    throw UserError(
        fmt::format("migration folder {} does not exist (pass --out or set `out` in flick.toml)",
                    config.out.string()));
  }
  store::MigrationFolder folder(config.out);
  std::optional<model::Catalog> schema;
  if (!config.schema.empty()) schema = project.read_schema();
  check::Report report =
      check::check_folder(folder, schema ? &*schema : nullptr,
                          /*every_snapshot=*/false, config.migrations.search_path);
  CheckReport result;
  result.findings = std::move(report.findings);
  return result;
}

}  // namespace flick::toolkit

// The schema files against the last snapshot: a difference means `generate` would write a
// migration that nobody has generated and reviewed yet.

#include <fmt/core.h>

#include "check/check.hpp"
#include "diff/diff.hpp"
#include "flick/error.hpp"

namespace flick::check {

void check_schema_matches(const store::MigrationFolder& folder, const model::Catalog& schema,
                          Report& report) {
  std::optional<store::Snapshot> latest;
  try {
    latest = folder.latest_snapshot();
  } catch (const UserError&) {
    return;  // a missing or copied last snapshot is reported by the structure and chain checks
  }
  model::Catalog from = latest ? latest->catalog : model::Catalog{};
  model::normalise(from);
  diff::ChangeSet changes;
  try {
    changes = diff::diff(from, schema, diff::Options{});
  } catch (const UserError& ambiguity) {
    report.findings.push_back({Severity::kError, "schema-ahead", "", 0,
                               fmt::format("the schema files differ from the last snapshot and "
                                           "generate needs rename hints: {}",
                                           ambiguity.what())});
    return;
  }
  if (changes.empty()) return;
  report.findings.push_back(
      {Severity::kError, "schema-ahead", "", 0,
       fmt::format("the schema files differ from the last snapshot ({} change{}): run `flick "
                   "generate` and commit the migration",
                   changes.changes.size(), changes.changes.size() == 1 ? "" : "s")});
}

}  // namespace flick::check

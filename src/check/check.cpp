#include "check/check.hpp"

#include <algorithm>

namespace flick::check {

RuleGuidance rule_guidance(std::string_view rule) {
  struct Entry {
    std::string_view rule;
    RuleGuidance guidance;
  };
  static constexpr Entry kGuidance[] = {
      {"missing-journal", {"refuses the folder: it cannot find meta/_journal.json", false}},
      {"missing-sql", {"fails: it reads every file the journal lists", false}},
      {"unlisted-sql", {"never runs the file", false}},
      {"missing-snapshot",
       {"runs the SQL (it reads no snapshot); drizzle-kit generate diffs "
        "against an older snapshot",
        true}},
      {"journal-idx", {"ignores idx and runs the entries in journal order", true}},
      {"journal-order", {"skips the entry on every database where a newer one is applied", true}},
      {"snapshot-collision",
       {"runs both migrations; drizzle-kit generate follows one branch", true}},
      {"snapshot-duplicate-id",
       {"reads the copy as the last schema: drizzle-kit generate writes the last migration's "
        "changes again",
        true}},
      {"syntax",
       {"sends the statement; the server refuses it and the whole run is rolled back", false}},
      {"recreated-object", {"fails with \"already exists\" and rolls back the whole run", true}},
      {"drop-before-create", {"fails with \"does not exist\" and rolls back the whole run", false}},
      {"alter-before-create",
       {"fails with \"does not exist\" and rolls back the whole run", false}},
      {"replay", {"fails at that statement and rolls back the whole run", false}},
  };
  for (const Entry& entry : kGuidance) {
    if (entry.rule == rule) return entry.guidance;
  }
  return {};
}

void explain(std::vector<Finding>& findings) {
  for (Finding& finding : findings) {
    RuleGuidance guidance = rule_guidance(finding.rule);
    if (finding.why.empty() && !guidance.drizzle_orm.empty()) {
      finding.why = "drizzle-orm's migrator " + std::string(guidance.drizzle_orm);
    }
    if (finding.fix.empty() && guidance.fixable) finding.fix = "flick check --fix";
  }
}

int Report::errors() const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [](const Finding& f) {
    return f.severity == Severity::kError;
  }));
}

int Report::warnings() const { return static_cast<int>(findings.size()) - errors(); }

Report check_folder(const store::MigrationFolder& folder, const model::Catalog* schema,
                    bool every_snapshot, const std::string& search_path) {
  Report report;
  check_structure(folder, report);
  check_snapshot_chain(folder, report);
  check_journal_order(folder, report);
  check_history(folder, every_snapshot, report, search_path);
  if (schema != nullptr) check_schema_matches(folder, *schema, report);
  explain(report.findings);
  return report;
}

}  // namespace flick::check

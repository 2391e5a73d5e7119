#include "check/check.hpp"

#include <algorithm>
#include <future>
#include <optional>

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

bool Report::has_error_for(const std::string& file) const {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& finding) {
    return finding.severity == Severity::kError && finding.file == file;
  });
}

Report check_folder(const store::MigrationFolder& folder, const model::Catalog* schema,
                    bool every_snapshot, const std::string& search_path,
                    const std::vector<std::string>& schema_filter) {
  Report report;
  check_structure(folder, report);
  // The snapshot chain reads every snapshot whole, most of its cost, on threads of its own while
  // the history is replayed; the history waits for it only before it compares a snapshot. The
  // findings keep the order of the checks.
  std::future<Report> reading_chain = std::async(std::launch::async, [&folder] {
    Report chain;
    check_snapshot_chain(folder, chain);
    return chain;
  });
  std::optional<Report> chain;
  auto chain_report = [&]() -> const Report& {
    if (!chain) chain = reading_chain.get();
    return *chain;
  };
  Report later;
  check_journal_order(folder, later);
  check_history(
      folder, every_snapshot, later, search_path,
      [&](const std::string& file) {
        return report.has_error_for(file) || chain_report().has_error_for(file);
      },
      schema_filter);
  for (const Report* part : std::initializer_list<const Report*>{&chain_report(), &later}) {
    report.findings.insert(report.findings.end(), part->findings.begin(), part->findings.end());
  }
  if (schema != nullptr) check_schema_matches(folder, *schema, report);
  explain(report.findings);
  return report;
}

}  // namespace flick::check

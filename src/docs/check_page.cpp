// check.md: the open `flick check` findings of the migration folder.

#include <fmt/core.h>

#include "docs/markdown.hpp"
#include "docs/page_paths.hpp"
#include "docs/pages.hpp"

namespace flick::docs {

Page check_page(const Context& context) {
  std::string path(kCheckPage);
  std::string out = "# Check\n\n";
  std::string index = link("Index", relative_link(path, kIndexPage));
  if (!context.check) {
    out += index + " · there is no migration folder to check.\n";
    return Page{path, "Check", out, {}};
  }
  const check::Report& report = *context.check;
  out += fmt::format("{} · `flick check` on {}{}: {}, {}.\n\n", index,
                     code(context.sources.folder_name),
                     context.sources.schema_from_files ? " against the schema files" : "",
                     count_of(report.errors(), "error", "errors"),
                     count_of(report.warnings(), "warning", "warnings"));
  if (report.findings.empty()) return Page{path, "Check", out + "No open findings.\n", {}};
  MarkdownTable rows({"Severity", "Rule", "File", "Line", "Finding"});
  for (const check::Finding& finding : report.findings) {
    rows.add_row({finding.severity == check::Severity::kError ? "error" : "warning",
                  code(finding.rule), finding.file.empty() ? "" : code(finding.file),
                  finding.line > 0 ? std::to_string(finding.line) : "",
                  escape_text(finding.message)});
  }
  return Page{path, "Check", out + rows.str(), {}};
}

}  // namespace flick::docs

// migrations.md: each journal entry with its date, what it changed in words and its lint
// findings.

#include <fmt/core.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "diagnostics/diagnostics.hpp"
#include "docs/change_words.hpp"
#include "docs/markdown.hpp"
#include "docs/migration_history.hpp"
#include "docs/page_paths.hpp"
#include "docs/pages.hpp"
#include "flick/error.hpp"

namespace flick::docs {
namespace {

// The journal's `when` (milliseconds since the epoch) as "2024-05-01 12:00:00 UTC".
std::string utc_date(std::int64_t when_ms) {
  std::time_t seconds = static_cast<std::time_t>(when_ms / 1000);
  std::tm parts{};
  if (!gmtime_r(&seconds, &parts)) return fmt::format("{} ms", when_ms);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC", parts.tm_year + 1900,
                     parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec);
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string upper_first(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

// `text` ending in exactly one full stop.
std::string sentence(std::string text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
  return text + ".";
}

std::string changes_section(const MigrationChanges& changes) {
  std::string out = "### Changes\n\n";
  if (changes.changes.empty() && changes.other_objects.empty() && changes.not_followed.empty()) {
    out += changes.data_statements > 0 ? "No schema change: a data migration.\n\n"
                                       : "No schema change.\n\n";
    return out;
  }
  for (const std::string& change : changes.changes) out += "- " + change + "\n";
  for (const std::string& object : changes.other_objects) {
    out += "- " + escape_text(sentence(upper_first(object))) + "\n";
  }
  if (changes.data_statements > 0) {
    out += fmt::format("- {} that change rows, not the schema.\n",
                       count_of(changes.data_statements, "data statement", "data statements"));
  }
  out += "\n";
  if (!changes.not_followed.empty()) {
    out += "Not followed (the changes above may be incomplete):\n\n";
    for (const std::string& problem : changes.not_followed) {
      out += "- " + escape_text(problem) + "\n";
    }
    out += "\n";
  }
  return out;
}

std::string lint_section(const store::MigrationFolder& folder, const store::JournalEntry& entry,
                         const lint::Settings& settings) {
  std::string out = "### Lint\n\n";
  std::filesystem::path path = folder.sql_path(entry);
  std::optional<std::string> sql = read_file(path);
  if (!sql) return out + fmt::format("Not linted: {} is missing.\n\n", code(entry.tag + ".sql"));
  std::vector<lint::Finding> findings;
  try {
    findings = lint::lint_sql(*sql, path.filename().string(), settings);
  } catch (const UserError& error) {
    return out + "Not linted: " + escape_text(error.what()) + "\n\n";
  }
  if (findings.empty()) return out + "No findings.\n\n";
  for (const lint::Finding& finding : findings) {
    out +=
        fmt::format("- **{}** {} (line {}): {} Safer: {}\n",
                    diagnostics::severity_name(finding.severity), code(finding.rule), finding.line,
                    escape_text(sentence(finding.message)), escape_text(sentence(finding.fix)));
  }
  return out + "\n";
}

}  // namespace

Page migrations_page(const Context& context) {
  std::string path(kMigrationsPage);
  std::string out = "# Migrations\n\n";
  const store::MigrationFolder* folder = context.sources.folder;
  std::vector<SearchTerm> terms;
  if (!folder) {
    out += fmt::format("{} · there is no migration folder yet.\n",
                       link("Index", relative_link(path, kIndexPage)));
    return Page{path, "Migrations", out, terms};
  }
  const std::vector<store::JournalEntry>& entries = folder->journal().entries;
  out += fmt::format(
      "{} · {} in {}, oldest first.\n\n", link("Index", relative_link(path, kIndexPage)),
      count_of(entries.size(), "migration", "migrations"), code(context.sources.folder_name));
  std::vector<MigrationChanges> changes = migration_changes(*folder, context.sources.search_path);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const store::JournalEntry& entry = entries[i];
    terms.push_back({"migration", entry.tag});
    out += fmt::format("## {}\n\n", escape_text(entry.tag));
    out +=
        fmt::format("Generated {} · file {}\n\n", utc_date(entry.when), code(entry.tag + ".sql"));
    out += changes_section(changes[i]);
    out += lint_section(*folder, entry, context.sources.lint_settings);
  }
  return Page{path, "Migrations", out, terms};
}

}  // namespace flick::docs

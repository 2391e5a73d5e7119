#include "check/fix_sql.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <string_view>

#include "diff/diff.hpp"
#include "emit/emit.hpp"
#include "flick/error.hpp"
#include "store/folder.hpp"

namespace flick::check {
namespace {

struct Edit {
  std::size_t statement;                 // index into the statements
  std::vector<std::string> replacement;  // empty: remove the statement
};

std::string first_line(const std::string& sql, const ddl::ReplayedStatement& statement) {
  std::string text = sql.substr(statement.begin, statement.end - statement.begin);
  std::size_t newline = text.find('\n');
  if (newline != std::string::npos) text = text.substr(0, newline) + " ...";
  return text;
}

std::string join(const std::vector<std::string>& statements, bool breakpoints) {
  std::string text;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    if (i > 0) text += breakpoints ? "--> statement-breakpoint\n" : "\n";
    text += statements[i];
  }
  return text;
}

std::string apply_edits(const std::string& sql, const std::vector<ddl::ReplayedStatement>& spans,
                        const std::vector<Edit>& edits, bool breakpoints) {
  std::string text = sql;
  for (auto edit = edits.rbegin(); edit != edits.rend(); ++edit) {
    const ddl::ReplayedStatement& span = spans[edit->statement];
    std::size_t end = span.end < text.size() && text[span.end] == ';' ? span.end + 1 : span.end;
    if (!edit->replacement.empty()) {
      text.replace(span.begin, end - span.begin, join(edit->replacement, breakpoints));
      continue;
    }
    std::size_t begin = span.begin;
    if (edit->statement + 1 < spans.size()) {
      end = spans[edit->statement + 1].begin;  // the breakpoint after it goes too
    } else if (edit->statement > 0) {
      const ddl::ReplayedStatement& before = spans[edit->statement - 1];
      begin = before.end < text.size() && text[before.end] == ';' ? before.end + 1 : before.end;
    }
    text.erase(begin, end - begin);
  }
  // Removing the last statements leaves the breakpoint that preceded them.
  std::size_t last = text.find_last_not_of(" \t\r\n");
  std::string_view marker = store::kStatementBreakpoint;
  if (last != std::string::npos && last + 1 >= marker.size() &&
      text.compare(last + 1 - marker.size(), marker.size(), marker) == 0) {
    text.erase(last + 1 - marker.size());
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
    if (!sql.empty() && sql.back() == '\n') text += '\n';
  }
  return text;
}

}  // namespace

SqlRepair repair_recreations(ddl::Replayer& replayer, const std::string& sql,
                             const std::string& file, bool breakpoints) {
  SqlRepair repair;
  ddl::Replayer trial = replayer;
  try {
    trial.apply(sql, file);
    replayer = trial;
    return repair;
  } catch (const UserError&) {
    // Some statement fails: look for re-created objects below.
  }
  ddl::Replayer replacing = replayer;
  replacing.set_existing(ddl::Replayer::Existing::kReplace);
  std::vector<ddl::ReplayedStatement> spans;
  std::vector<Edit> edits;
  model::Catalog before = replacing.catalog();
  try {
    replacing.apply(sql, file, [&](const ddl::ReplayedStatement& statement) {
      spans.push_back(statement);
      model::Catalog after = replacing.catalog();
      if (statement.recreated) {
        diff::ChangeSet changes = diff::diff(before, after, diff::Options{});
        Edit edit{statement.index, emit::sql_statements(changes)};
        if (edit.replacement.empty()) {
          repair.changes.push_back(fmt::format(
              "{}:{}: removed `{}`: what it creates already exists, identically, when it runs",
              file, statement.line, first_line(sql, statement)));
        } else {
          repair.changes.push_back(fmt::format(
              "{}:{}: replaced `{}` (it re-creates an existing object) with:\n{}", file,
              statement.line, first_line(sql, statement), join(edit.replacement, breakpoints)));
        }
        edits.push_back(std::move(edit));
      }
      before = std::move(after);
    });
  } catch (const UserError& error) {
    throw UserError(fmt::format("{} cannot be repaired mechanically: {}", file, error.what()));
  }
  if (edits.empty()) {
    // Fails for another reason; replaying it again reports that reason.
    trial = replayer;
    try {
      trial.apply(sql, file);
    } catch (const UserError& error) {
      throw UserError(fmt::format("{} cannot be repaired mechanically: {}", file, error.what()));
    }
  }
  repair.sql = apply_edits(sql, spans, edits, breakpoints);
  repair.changed = true;
  trial = replayer;
  try {
    trial.apply(repair.sql, file);
  } catch (const UserError& error) {
    throw UserError(
        fmt::format("{} still fails after removing what it re-creates: {}", file, error.what()));
  }
  replayer = trial;
  return repair;
}

}  // namespace flick::check

// How a snapshot differs from the schema the SQL builds, in generate's words.

#include <fmt/core.h>

#include <algorithm>

#include "check/check.hpp"
#include "diff/diff.hpp"
#include "emit/emit.hpp"
#include "flick/error.hpp"

namespace flick::check {
std::string describe_differences(const ChangesDescription& changes) {
  std::string text;
  for (std::size_t i = 0; i < changes.statements.size() && i < 3; ++i) {
    std::string statement = changes.statements[i];
    std::replace(statement.begin(), statement.end(), '\n', ' ');
    while (!statement.empty() && statement.back() == ' ') statement.pop_back();
    if (statement.size() > 160) statement = statement.substr(0, 157) + "...";
    text += "\n    " + statement;
  }
  if (changes.statements.size() > 3) {
    text += fmt::format("\n    ... and {} more", changes.statements.size() - 3);
  }
  return text;
}

ChangesDescription snapshot_differences(const model::Catalog& replayed,
                                        const model::Catalog& snapshot) {
  ChangesDescription description;
  model::Catalog normalised = snapshot;
  model::normalise(normalised);
  try {
    diff::ChangeSet changes = diff::diff(replayed, normalised, diff::Options{});
    description.count = changes.changes.size();
    if (!changes.empty()) description.statements = emit::sql_statements(changes);
  } catch (const UserError& ambiguity) {
    description.count = 1;
    description.statements.push_back(ambiguity.what());
  }
  return description;
}

}  // namespace flick::check

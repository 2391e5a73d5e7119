#pragma once

// Helpers for feeding SQL text to the linter.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "lint/lint.hpp"

namespace flick::lint::testing {

// "rule@line" for every finding, in order.
inline std::vector<std::string> findings_of(std::string_view sql, const Settings& settings = {}) {
  std::vector<std::string> out;
  for (const Finding& finding : lint_sql(sql, "m.sql", settings)) {
    out.push_back(finding.rule + "@" + std::to_string(finding.line));
  }
  return out;
}

inline bool fires(std::string_view sql, std::string_view rule) {
  for (const Finding& finding : lint_sql(sql, "m.sql", Settings())) {
    if (finding.rule == rule) return true;
  }
  return false;
}

}  // namespace flick::lint::testing

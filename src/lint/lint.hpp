#pragma once

// flick lint: finds migration statements that hurt a production database (long locks, table
// rewrites, data loss, breaking renames) and says what to write instead. Works on SQL text alone;
// no database is needed.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "flick/diagnostic.hpp"

namespace flick::lint {

enum class Severity { kError, kWarning, kOff };

// "error", "warning" or "off".
std::string_view severity_name(Severity severity);

struct Rule {
  std::string_view name;   // e.g. "setting-not-null"
  Severity severity;       // the default
  std::string_view why;    // what it does to a production database
  std::string_view safer;  // what to write instead
};

// Every rule, in documentation order.
const std::vector<Rule>& all_rules();

// The rule called `name`, or nullptr.
const Rule* find_rule(std::string_view name);

// Severities chosen by the project ([lint] rules in flick.toml) over the rule defaults.
class Settings {
 public:
  Settings() = default;

  // `rules` maps rule names to "error" | "warning" | "off". Throws flick::UserError naming
  // `context` for an unknown rule or severity.
  static Settings from_config(const std::map<std::string, std::string>& rules,
                              const std::string& context);

  Severity severity_of(std::string_view rule) const;

 private:
  std::map<std::string, Severity, std::less<>> overrides_;
};

// A finding is a flick::Diagnostic: rule, severity (the project's, never off), file, line, the
// statement's problem naming the objects (message), the rule's production impact (why) and its
// safer form (fix).
using Finding = flick::Diagnostic;

// Lints one migration file's text (`file` names it in findings and errors). Findings are in
// statement order; rules set to off and rules silenced by a "-- flick-lint-ignore: rule, ..."
// comment on the line(s) right above a statement are left out. Throws flick::UserError
// "<file>:<line>:<col>: ..." on a syntax error or an ignore comment naming an unknown rule.
std::vector<Finding> lint_sql(std::string_view sql, const std::string& file,
                              const Settings& settings);

}  // namespace flick::lint

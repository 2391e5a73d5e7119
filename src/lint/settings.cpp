#include <fmt/core.h>

#include <stdexcept>

#include "flick/error.hpp"
#include "lint/lint.hpp"

namespace flick::lint {

Settings Settings::from_config(const std::map<std::string, std::string>& rules,
                               const std::string& context) {
  Settings settings;
  for (const auto& [name, severity] : rules) {
    if (find_rule(name) == nullptr) {
      throw UserError(
          fmt::format("{}: [lint] rules: unknown rule \"{}\" (flick lint --rules "
                      "lists them; see docs/lint.md)",
                      context, name));
    }
    if (severity == "error") {
      settings.overrides_[name] = Severity::kError;
    } else if (severity == "warning") {
      settings.overrides_[name] = Severity::kWarning;
    } else if (severity == "off") {
      settings.overrides_[name] = Severity::kOff;
    } else {
      throw UserError(fmt::format(
          "{}: [lint] rules: {}: \"{}\" is not a severity (expected error, warning or off)",
          context, name, severity));
    }
  }
  return settings;
}

Severity Settings::severity_of(std::string_view rule) const {
  auto found = overrides_.find(rule);
  if (found != overrides_.end()) return found->second;
  const Rule* known = find_rule(rule);
  if (known == nullptr) throw std::logic_error("lint: no rule named " + std::string(rule));
  return known->severity;
}

}  // namespace flick::lint

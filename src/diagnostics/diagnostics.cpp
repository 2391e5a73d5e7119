#include "diagnostics/diagnostics.hpp"

#include <fmt/core.h>

namespace flick::diagnostics {

std::string_view severity_name(Severity severity) {
  return severity == Severity::kError ? "error" : "warning";
}

std::string format_text(const Diagnostic& diagnostic) {
  std::string location;
  bool message_names_file =
      diagnostic.file.empty() || diagnostic.message.rfind(diagnostic.file, 0) == 0;
  if (!message_names_file) {
    location = diagnostic.file;
    if (diagnostic.line > 0) location += fmt::format(":{}", diagnostic.line);
    if (diagnostic.line > 0 && diagnostic.column > 0) {
      location += fmt::format(":{}", diagnostic.column);
    }
    location += ": ";
  }
  std::string text = fmt::format("{} [{}] {}{}\n", severity_name(diagnostic.severity),
                                 diagnostic.rule, location, diagnostic.message);
  if (!diagnostic.why.empty()) text += fmt::format("  why: {}\n", diagnostic.why);
  if (!diagnostic.fix.empty()) text += fmt::format("  fix: {}\n", diagnostic.fix);
  return text;
}

nlohmann::ordered_json to_json(const Diagnostic& diagnostic) {
  nlohmann::ordered_json out = {{"severity", severity_name(diagnostic.severity)},
                                {"rule", diagnostic.rule},
                                {"file", diagnostic.file},
                                {"line", diagnostic.line}};
  if (diagnostic.column > 0) out["column"] = diagnostic.column;
  if (!diagnostic.object.empty()) out["object"] = diagnostic.object;
  out["message"] = diagnostic.message;
  if (!diagnostic.why.empty()) out["why"] = diagnostic.why;
  if (!diagnostic.fix.empty()) out["fix"] = diagnostic.fix;
  return out;
}

int count(const std::vector<Diagnostic>& diagnostics, Severity severity) {
  int total = 0;
  for (const Diagnostic& diagnostic : diagnostics) total += diagnostic.severity == severity;
  return total;
}

}  // namespace flick::diagnostics

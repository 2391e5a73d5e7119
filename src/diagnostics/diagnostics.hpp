#pragma once

// The printers of flick::Diagnostic (include/flick/diagnostic.hpp): every command that reports
// diagnostics prints them through these, so check, lint and the toolkit's callers read alike.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "flick/diagnostic.hpp"

namespace flick::diagnostics {

// "error" or "warning".
std::string_view severity_name(Severity severity);

// "<severity> [<rule>] <file>:<line>:<column>: <message>", then "  why: ..." and "  fix: ..."
// lines when present; the location is left out when the message already starts with the file
// (or there is none), the line and column when 0. Ends with a newline.
std::string format_text(const Diagnostic& diagnostic);

// {"severity", "rule", "file", "line", "column", "object", "message", "why", "fix"}; column,
// object, why and fix only when present.
nlohmann::ordered_json to_json(const Diagnostic& diagnostic);

// The number of diagnostics of `severity`.
int count(const std::vector<Diagnostic>& diagnostics, Severity severity);

}  // namespace flick::diagnostics

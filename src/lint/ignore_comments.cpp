// "-- flick-lint-ignore: rule-a, rule-b" on the comment lines right above a statement.

#include <fmt/core.h>

#include "flick/error.hpp"
#include "lint/lint.hpp"
#include "lint/linter.hpp"

namespace flick::lint {
namespace {

constexpr std::string_view kDirective = "flick-lint-ignore:";

std::string_view trim(std::string_view text) {
  std::size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  std::size_t end = text.find_last_not_of(" \t\r");
  return text.substr(begin, end - begin + 1);
}

int line_number(const std::string& text, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

}  // namespace

std::set<std::string> ignored_rules(const std::string& text, std::size_t offset,
                                    const std::string& file) {
  std::set<std::string> rules;
  std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  // Walk up the lines above the statement's first line while they are `--` comments.
  while (line_start != std::string::npos && line_start > 0) {
    std::size_t previous_end = line_start;  // the '\n' ending the previous line
    std::size_t previous_start = text.rfind('\n', previous_end - 1);
    std::size_t begin = previous_start == std::string::npos ? 0 : previous_start + 1;
    std::string_view line = trim(std::string_view(text).substr(begin, previous_end - begin));
    if (line.rfind("--", 0) != 0 || line.rfind("-->", 0) == 0) break;
    std::string_view comment = trim(line.substr(2));
    if (comment.rfind(kDirective, 0) == 0) {
      std::string_view list = comment.substr(kDirective.size());
      while (!list.empty()) {
        std::size_t comma = list.find(',');
        std::string name(trim(list.substr(0, comma)));
        if (!name.empty()) {
          if (find_rule(name) == nullptr) {
            throw UserError(fmt::format("{}:{}:1: flick-lint-ignore names an unknown rule \"{}\"",
                                        file, line_number(text, begin), name));
          }
          rules.insert(name);
        }
        if (comma == std::string_view::npos) break;
        list = list.substr(comma + 1);
      }
    }
    line_start = previous_start;
  }
  return rules;
}

}  // namespace flick::lint

#include "database.hpp"

#include <fmt/core.h>

#include "flick/error.hpp"

namespace flick::cli {

std::chrono::milliseconds parse_duration(const std::string& text, const std::string& flag) {
  std::size_t end = 0;
  long long value = -1;
  try {
    value = std::stoll(text, &end);
  } catch (const std::exception&) {
  }
  std::string unit = value < 0 ? "?" : text.substr(end);
  long long factor = unit.empty() || unit == "ms" ? 1
                     : unit == "s"                ? 1000
                     : unit == "min"              ? 60000
                                                  : -1;
  if (factor < 0) {
    throw UserError(
        fmt::format("{} {}: expected a duration such as 500ms, 5s or 2min", flag, text));
  }
  return std::chrono::milliseconds(value * factor);
}

}  // namespace flick::cli

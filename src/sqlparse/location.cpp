#include <fmt/format.h>

#include "sqlparse/sqlparse.hpp"

namespace flick::sqlparse {

Location location_of(std::string_view text, std::size_t offset) {
  Location location;
  if (offset > text.size()) offset = text.size();
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++location.line;
      location.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++location.column;  // count characters, not UTF-8 continuation bytes
    }
  }
  return location;
}

std::string describe(const SyntaxError& error, std::string_view text,
                     const std::string& file_name) {
  Location at = location_of(text, error.offset);
  return fmt::format("{}:{}:{}: {}", file_name, at.line, at.column, error.message);
}

}  // namespace flick::sqlparse

#include <fmt/format.h>

#include <algorithm>

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

LineIndex::LineIndex(std::string_view text) : size_(text.size()) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

int LineIndex::line_of(std::size_t offset) const {
  offset = std::min(offset, size_);
  return static_cast<int>(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) -
                          line_starts_.begin());
}

Location LineIndex::location_of(std::string_view text, std::size_t offset) const {
  offset = std::min(offset, std::min(size_, text.size()));
  int line = line_of(offset);
  std::size_t start = line_starts_[static_cast<std::size_t>(line - 1)];
  Location location = sqlparse::location_of(text.substr(start), offset - start);
  location.line = line;
  return location;
}

std::string describe(const SyntaxError& error, std::string_view text,
                     const std::string& file_name) {
  Location at = location_of(text, error.offset);
  return fmt::format("{}:{}:{}: {}", file_name, at.line, at.column, error.message);
}

}  // namespace flick::sqlparse

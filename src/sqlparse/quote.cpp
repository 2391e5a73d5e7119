#include "sqlparse/sqlparse.hpp"

namespace flick::sqlparse {
namespace {

std::string quoted(std::string_view text, char quote) {
  std::string result;
  result.reserve(text.size() + 2);
  result += quote;
  for (char c : text) {
    if (c == quote) result += quote;
    result += c;
  }
  result += quote;
  return result;
}

}  // namespace

std::string quote_identifier(std::string_view identifier) { return quoted(identifier, '"'); }

std::string quote_literal(std::string_view value) { return quoted(value, '\''); }

}  // namespace flick::sqlparse

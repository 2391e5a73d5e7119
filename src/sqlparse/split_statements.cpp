#include <cctype>

#include "sqlparse/parse_tree.hpp"

namespace flick::sqlparse {
namespace {

// Skips whitespace and comments so a statement's offset names its first keyword.
std::size_t skip_blank(std::string_view text, std::size_t at, std::size_t end) {
  while (at < end) {
    if (std::isspace(static_cast<unsigned char>(text[at]))) {
      ++at;
    } else if (text.compare(at, 2, "--") == 0) {
      while (at < end && text[at] != '\n') ++at;
    } else if (text.compare(at, 2, "/*") == 0) {
      std::size_t close = text.find("*/", at + 2);
      at = close == std::string_view::npos || close + 2 > end ? end : close + 2;
    } else {
      break;
    }
  }
  return at;
}

}  // namespace

std::vector<Statement> split_statements(std::string_view sql, const std::string& file_name) {
  ParsedSql parsed = parse_sql(sql, file_name);
  std::vector<Statement> statements;
  statements.reserve(parsed.size());
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    const PgQuery__RawStmt& raw = parsed.statement(i);
    std::size_t begin = static_cast<std::size_t>(raw.stmt_location);
    std::size_t end = raw.stmt_len == 0 ? sql.size() : begin + raw.stmt_len;
    begin = skip_blank(sql, begin, end);
    while (end > begin && std::isspace(static_cast<unsigned char>(sql[end - 1]))) --end;
    statements.push_back({std::string(sql.substr(begin, end - begin)), begin, node_kind(raw.stmt)});
  }
  return statements;
}

}  // namespace flick::sqlparse

#include <cctype>

#include "sqlparse/parse_tree.hpp"

namespace flick::sqlparse {

std::vector<Statement> split_statements(std::string_view sql, const std::string& file_name) {
  ParsedSql parsed = parse_sql(sql, file_name);
  std::vector<Statement> statements;
  statements.reserve(parsed.size());
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    const PgQuery__RawStmt& raw = parsed.statement(i);
    std::size_t begin = parsed.statement_offset(i);
    std::size_t end = parsed.statement_end(i);
    while (end > begin && std::isspace(static_cast<unsigned char>(sql[end - 1]))) --end;
    statements.push_back({std::string(sql.substr(begin, end - begin)), begin, node_kind(raw.stmt)});
  }
  return statements;
}

}  // namespace flick::sqlparse

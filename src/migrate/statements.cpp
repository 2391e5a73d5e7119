#include "migrate/statements.hpp"

#include <fmt/core.h>

#include "ddl/statement_traits.hpp"
#include "flick/error.hpp"
#include "sqlparse/parse_tree.hpp"

namespace flick::migrate {

std::string PlannedStatement::first_line() const { return text.substr(0, text.find('\n')); }

std::vector<PlannedStatement> plan_statements(std::string_view sql, const std::string& file_name,
                                              bool newer_grammar) {
  std::vector<PlannedStatement> statements;
  sqlparse::LineIndex lines(sql);
  for (const auto& [chunk_begin, chunk_end] : sqlparse::breakpoint_chunks(sql)) {
    std::string_view chunk = sql.substr(chunk_begin, chunk_end - chunk_begin);
    sqlparse::SyntaxError error;
    std::unique_ptr<sqlparse::ParsedSql> parsed = sqlparse::try_parse_sql(chunk, file_name, &error);
    if (parsed == nullptr) {
      error.offset += chunk_begin;
      if (!newer_grammar) throw UserError(sqlparse::describe(error, sql, file_name));
      PlannedStatement statement;
      statement.text = std::string(chunk);
      statement.number = static_cast<int>(statements.size()) + 1;
      std::size_t first = chunk.find_first_not_of(" \t\r\n");
      statement.line = lines.line_of(chunk_begin + (first == std::string_view::npos ? 0 : first));
      statement.unparsed = true;
      statements.push_back(std::move(statement));
      continue;
    }
    for (std::size_t i = 0; i < parsed->size(); ++i) {
      const PgQuery__RawStmt& raw = parsed->statement(i);
      std::size_t begin = parsed->statement_offset(i);
      std::size_t end = parsed->statement_end(i);
      PlannedStatement statement;
      statement.text = std::string(chunk.substr(begin, end - begin));
      statement.number = static_cast<int>(statements.size()) + 1;
      statement.line = lines.line_of(chunk_begin + begin);
      ddl::StatementTraits traits = ddl::statement_traits(*raw.stmt);
      statement.outside_transaction = traits.outside_transaction;
      // SAVEPOINT, RELEASE, ROLLBACK TO, ...: sent as written.
      statement.control = traits.control == PlannedStatement::Control::kOther
                              ? PlannedStatement::Control::kNone
                              : traits.control;
      statements.push_back(std::move(statement));
    }
  }
  return statements;
}

}  // namespace flick::migrate

#include "migrate/statements.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>

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

namespace {

bool is_identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Whether a '.' follows position `at` (after spaces).
bool dot_follows(std::string_view text, std::size_t at) {
  while (at < text.size() && std::isspace(static_cast<unsigned char>(text[at]))) ++at;
  return at < text.size() && text[at] == '.';
}

std::string quoted_identifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string move_schema(std::string_view text, const std::string& from, const std::string& to) {
  std::string out;
  out.reserve(text.size());
  std::string quoted_from = quoted_identifier(from);
  std::string replacement = quoted_identifier(to);
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {  // -- comment
      std::size_t end = text.find('\n', i);
      end = end == std::string_view::npos ? text.size() : end;
      out.append(text.substr(i, end - i));
      i = end;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {  // /* comment */
      std::size_t end = text.find("*/", i + 2);
      end = end == std::string_view::npos ? text.size() : end + 2;
      out.append(text.substr(i, end - i));
      i = end;
    } else if (c == '\'') {  // a string literal ('' inside; E'' strings with \' too)
      bool backslashes = i > 0 && (text[i - 1] == 'E' || text[i - 1] == 'e');
      std::size_t end = i + 1;
      while (end < text.size()) {
        if (backslashes && text[end] == '\\') {
          end += 2;
        } else if (text[end] == '\'' && end + 1 < text.size() && text[end + 1] == '\'') {
          end += 2;
        } else if (text[end] == '\'') {
          ++end;
          break;
        } else {
          ++end;
        }
      }
      end = std::min(end, text.size());
      out.append(text.substr(i, end - i));
      i = end;
    } else if (c == '"') {  // a quoted identifier
      std::size_t end = i + 1;
      while (end < text.size()) {
        if (text[end] == '"' && end + 1 < text.size() && text[end + 1] == '"') {
          end += 2;
        } else if (text[end] == '"') {
          ++end;
          break;
        } else {
          ++end;
        }
      }
      end = std::min(end, text.size());
      std::string_view identifier = text.substr(i, end - i);
      bool qualifier =
          identifier == quoted_from && dot_follows(text, end) && (i == 0 || text[i - 1] != '.');
      out.append(qualifier ? std::string_view(replacement) : identifier);
      i = end;
    } else if (is_identifier_char(c) && !std::isdigit(static_cast<unsigned char>(c)) &&
               (i == 0 || (!is_identifier_char(text[i - 1]) && text[i - 1] != '.'))) {
      std::size_t end = i;
      while (end < text.size() && is_identifier_char(text[end])) ++end;
      std::string_view word = text.substr(i, end - i);
      bool same = word.size() == from.size() &&
                  std::equal(word.begin(), word.end(), from.begin(), [](char a, char b) {
                    return std::tolower(static_cast<unsigned char>(a)) == b;
                  });
      out.append(same && dot_follows(text, end) ? std::string_view(replacement) : word);
      i = end;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

}  // namespace flick::migrate

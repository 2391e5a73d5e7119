// canonical_tokens: a routine body reduced to its tokens, so that whitespace, comments and the
// case of keywords and unquoted names do not make two bodies differ.

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <cctype>

#include "flick/error.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::sqlparse {

std::string canonical_tokens(std::string_view text) {
  std::string input(text);
  PgQueryScanResult result = pg_query_scan(input.c_str());
  if (result.error != nullptr) {
    // Not SQL-like (another language's body): only the surrounding blanks do not count.
    pg_query_free_scan_result(result);
    std::size_t first = text.find_first_not_of(" \t\r\n");
    std::size_t last = text.find_last_not_of(" \t\r\n");
    return first == std::string_view::npos ? "" : std::string(text.substr(first, last - first + 1));
  }
  PgQuery__ScanResult* scan = pg_query__scan_result__unpack(
      nullptr, result.pbuf.len, reinterpret_cast<const uint8_t*>(result.pbuf.data));
  std::string out;
  for (std::size_t i = 0; scan != nullptr && i < scan->n_tokens; ++i) {
    const PgQuery__ScanToken* token = scan->tokens[i];
    if (token->token == PG_QUERY__TOKEN__SQL_COMMENT ||
        token->token == PG_QUERY__TOKEN__C_COMMENT) {
      continue;
    }
    std::string piece = input.substr(token->start, token->end - token->start);
    bool folds = token->keyword_kind != PG_QUERY__KEYWORD_KIND__NO_KEYWORD ||
                 (token->token == PG_QUERY__TOKEN__IDENT && !piece.empty() && piece[0] != '"');
    if (folds) {
      for (char& c : piece) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (!out.empty()) out += ' ';
    out += piece;
  }
  if (scan != nullptr) pg_query__scan_result__free_unpacked(scan, nullptr);
  pg_query_free_scan_result(result);
  return out;
}

}  // namespace flick::sqlparse

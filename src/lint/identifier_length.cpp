// identifier-too-long: PostgreSQL truncates identifiers to NAMEDATALEN - 1 = 63 bytes. The parser
// already hands out truncated names, so this scans the statement's text instead, skipping string
// literals, dollar-quoted bodies and comments.

#include <fmt/core.h>

#include <cctype>
#include <set>

#include "lint/linter.hpp"

namespace flick::lint {
namespace {

constexpr std::size_t kMaxIdentifierBytes = 63;

bool starts_word(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool continues_word(unsigned char c) { return starts_word(c) || std::isdigit(c) || c == '$'; }

// Index just past a '...' literal starting at `i` (backslash escapes when `escapes`).
std::size_t skip_string(std::string_view text, std::size_t i, bool escapes) {
  for (++i; i < text.size(); ++i) {
    if (escapes && text[i] == '\\') {
      ++i;
    } else if (text[i] == '\'') {
      if (i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return text.size();
}

}  // namespace

void lint_identifier_lengths(std::string_view text, StatementLint& lint) {
  std::set<std::string> reported;
  auto check = [&](const std::string& identifier) {
    if (identifier.size() > kMaxIdentifierBytes && reported.insert(identifier).second) {
      lint.report("identifier-too-long",
                  fmt::format("\"{}\" is {} bytes; PostgreSQL keeps \"{}\"", identifier,
                              identifier.size(), identifier.substr(0, kMaxIdentifierBytes)));
    }
  };
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      std::size_t end = text.find('\n', i);
      i = end == std::string_view::npos ? text.size() : end + 1;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      int depth = 0;
      while (i < text.size()) {
        if (text.compare(i, 2, "/*") == 0) {
          ++depth;
          i += 2;
        } else if (text.compare(i, 2, "*/") == 0) {
          i += 2;
          if (--depth == 0) break;
        } else {
          ++i;
        }
      }
    } else if (c == '\'') {
      i = skip_string(text, i, false);
    } else if (c == '"') {
      std::string identifier;
      for (++i; i < text.size(); ++i) {
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            identifier += '"';
            ++i;
          } else {
            ++i;
            break;
          }
        } else {
          identifier += text[i];
        }
      }
      check(identifier);
    } else if (c == '$') {
      // $tag$ ... $tag$ (a positional parameter $1 is just skipped).
      std::size_t close = text.find('$', i + 1);
      std::string_view tag =
          close == std::string_view::npos ? std::string_view() : text.substr(i, close - i + 1);
      bool is_tag = !tag.empty() && (tag.size() == 2 || starts_word(tag[1]));
      for (std::size_t k = 1; is_tag && k + 1 < tag.size(); ++k) {
        is_tag = continues_word(tag[k]) && tag[k] != '$';
      }
      if (is_tag) {
        std::size_t end = text.find(tag, close + 1);
        i = end == std::string_view::npos ? text.size() : end + tag.size();
      } else {
        ++i;
      }
    } else if (starts_word(c)) {
      std::size_t begin = i;
      while (i < text.size() && continues_word(text[i])) ++i;
      bool escape_string =
          i - begin == 1 && (c == 'E' || c == 'e') && i < text.size() && text[i] == '\'';
      if (escape_string) {
        i = skip_string(text, i, true);
      } else {
        std::string word(text.substr(begin, i - begin));
        for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        check(word);
      }
    } else {
      ++i;
    }
  }
}

}  // namespace flick::lint

#include "diff/references.hpp"

#include <cctype>

namespace flick::diff {

namespace {

std::unordered_set<std::string> identifiers(std::string_view sql, bool calls_only) {
  std::unordered_set<std::string> names;
  std::size_t i = 0;
  // Whether the identifier ending before i is called: "(" follows it.
  auto called = [&]() {
    std::size_t next = i;
    while (next < sql.size() && std::isspace(static_cast<unsigned char>(sql[next]))) ++next;
    return next < sql.size() && sql[next] == '(';
  };
  auto is_start = [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  auto is_part = [&](char c) {
    return is_start(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$';
  };
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '\'') {
      for (++i; i < sql.size(); ++i) {
        if (sql[i] == '\'' && i + 1 < sql.size() && sql[i + 1] == '\'') {
          ++i;
        } else if (sql[i] == '\'') {
          ++i;
          break;
        }
      }
    } else if (c == '"') {
      std::string name;
      for (++i; i < sql.size(); ++i) {
        if (sql[i] == '"' && i + 1 < sql.size() && sql[i + 1] == '"') {
          name += '"';
          ++i;
        } else if (sql[i] == '"') {
          ++i;
          break;
        } else {
          name += sql[i];
        }
      }
      if (!calls_only || called()) names.insert(std::move(name));
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      while (i < sql.size() && sql[i] != '\n') ++i;
    } else if (is_start(c)) {
      std::string name;
      while (i < sql.size() && is_part(sql[i])) {
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(sql[i])));
        ++i;
      }
      if (!calls_only || called()) names.insert(std::move(name));
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      while (i < sql.size() &&
             (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '.')) {
        ++i;
      }
    } else {
      ++i;
    }
  }
  return names;
}

}  // namespace

std::unordered_set<std::string> referenced_identifiers(std::string_view sql) {
  return identifiers(sql, false);
}

std::unordered_set<std::string> called_identifiers(std::string_view sql) {
  return identifiers(sql, true);
}

}  // namespace flick::diff

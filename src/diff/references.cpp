#include "diff/references.hpp"

#include <cctype>

namespace flick::diff {

std::unordered_set<std::string> referenced_identifiers(std::string_view sql) {
  std::unordered_set<std::string> names;
  std::size_t i = 0;
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
      names.insert(std::move(name));
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      while (i < sql.size() && sql[i] != '\n') ++i;
    } else if (is_start(c)) {
      std::string name;
      while (i < sql.size() && is_part(sql[i])) {
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(sql[i])));
        ++i;
      }
      names.insert(std::move(name));
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

}  // namespace flick::diff

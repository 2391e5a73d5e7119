#include "sqlparse/sqlparse.hpp"

namespace flick::sqlparse {
namespace {

constexpr std::size_t kNameDataLen = 64;  // PostgreSQL's NAMEDATALEN; names hold 63 bytes

// Longest prefix of `text` of at most `limit` bytes that does not split a UTF-8 character
// (pg_mbcliplen).
std::size_t clip_length(const std::string& text, std::size_t limit) {
  if (limit >= text.size()) return text.size();
  while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
  return limit;
}

// ChooseIndexNameAddition / ChooseForeignKeyConstraintNameAddition: column names joined with
// "_", stopping once the text reaches NAMEDATALEN bytes.
std::string columns_part(const std::vector<std::string>& columns) {
  std::string part;
  for (const std::string& column : columns) {
    if (!part.empty()) part += '_';
    part += column.substr(0, kNameDataLen - 1);
    if (part.size() >= kNameDataLen) break;
  }
  return part;
}

}  // namespace

std::string implicit_name(const std::string& table, const std::vector<std::string>& columns,
                          const std::string& suffix) {
  // makeObjectName(table, columns or NULL, suffix)
  std::string name2 = columns_part(columns);
  bool has_name2 = !columns.empty();
  std::size_t overhead = (has_name2 ? 1 : 0) + (suffix.empty() ? 0 : suffix.size() + 1);
  std::size_t available = kNameDataLen - 1 - overhead;
  std::size_t name1_chars = table.size();
  std::size_t name2_chars = name2.size();
  while (name1_chars + name2_chars > available) {
    if (name1_chars > name2_chars) {
      --name1_chars;
    } else {
      --name2_chars;
    }
  }
  std::string name = table.substr(0, clip_length(table, name1_chars));
  if (has_name2) name += "_" + name2.substr(0, clip_length(name2, name2_chars));
  if (!suffix.empty()) name += "_" + suffix;
  return name;
}

}  // namespace flick::sqlparse

#include <algorithm>

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

model::Table detached_partition(const model::Catalog& from, const model::Table& partition) {
  model::Table table = partition;
  const model::Table* parent =
      from.find_table(partition.partition_of->schema, partition.partition_of->name);
  if (parent == nullptr) return table;
  if (parent->primary_key && !table.primary_key) {
    table.primary_key =
        model::PrimaryKey{implicit_name(table.name, {}, "pkey"), parent->primary_key->columns};
  }
  for (const model::UniqueConstraint& unique : parent->uniques) {
    model::UniqueConstraint own = unique;
    own.name = implicit_name(table.name, unique.columns, "key");
    table.uniques.push_back(std::move(own));
  }
  for (const model::Index& index : parent->indexes) {
    std::vector<std::string> columns;
    for (const model::IndexElement& element : index.elements) {
      columns.push_back(element.is_expression ? "expr" : element.expression);
    }
    model::Index own = index;
    own.name = implicit_name(table.name, columns, "idx");
    own.concurrently = false;
    table.indexes.push_back(std::move(own));
  }
  for (const model::ForeignKey& key : parent->foreign_keys) {
    bool has = std::any_of(table.foreign_keys.begin(), table.foreign_keys.end(),
                           [&](const model::ForeignKey& k) { return k.name == key.name; });
    if (!has) table.foreign_keys.push_back(key);
  }
  return table;
}

}  // namespace flick::sqlparse

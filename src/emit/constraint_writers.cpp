#include <fmt/format.h>

#include <cctype>

#include "emit/sql_text.hpp"
#include "emit/writers.hpp"

namespace flick::emit {
namespace {

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string index_element(const model::IndexElement& element) {
  std::string text = element.is_expression ? element.expression : quoted(element.expression);
  if (!element.opclass.empty()) text += " " + element.opclass;
  if (!element.asc) text += " DESC";
  // drizzle spells out NULLS unless it is the ASC default.
  if (!element.nulls.empty() && !(element.asc && element.nulls == "last")) {
    text += " NULLS " + upper(element.nulls);
  }
  return text;
}

}  // namespace

void write(const diff::AddPrimaryKey& change, Statements& out) {
  out.push_back(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} PRIMARY KEY({});",
                            table_name(change.table), quoted(change.name),
                            column_list(change.columns)));
}
void write(const diff::AddUnique& change, Statements& out) {
  const model::UniqueConstraint& unique = change.unique;
  out.push_back(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} UNIQUE{}({});",
                            table_name(change.table), quoted(unique.name),
                            unique.nulls_not_distinct ? " NULLS NOT DISTINCT" : "",
                            column_list(unique.columns)));
}
void write(const diff::AddCheck& change, Statements& out) {
  out.push_back(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} CHECK ({});",
                            table_name(change.table), quoted(change.check.name),
                            change.check.expression));
}
void write(const diff::AddExclusion& change, Statements& out) {
  out.push_back(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} {};", table_name(change.table),
                            quoted(change.exclusion.name), change.exclusion.definition));
}
void write(const diff::AddForeignKey& change, Statements& out) {
  const model::ForeignKey& key = change.foreign_key;
  out.push_back(fmt::format(
      "ALTER TABLE {} ADD CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {}({}) ON DELETE {} ON "
      "UPDATE {};",
      table_name(change.table), quoted(key.name), column_list(key.columns),
      qualified_name({key.ref_schema, key.ref_table}), column_list(key.ref_columns), key.on_delete,
      key.on_update));
}
void write(const diff::DropConstraint& change, Statements& out) {
  out.push_back(fmt::format("ALTER TABLE {} DROP CONSTRAINT {};{}", table_name(change.table),
                            quoted(change.name), change.foreign_key ? "\n" : ""));
}
void write(const diff::RenameConstraint& change, Statements& out) {
  out.push_back(fmt::format("ALTER TABLE {} RENAME CONSTRAINT {} TO {};", table_name(change.table),
                            quoted(change.from), quoted(change.to)));
}

void write(const diff::CreateIndex& change, Statements& out) {
  const model::Index& index = change.index;
  std::string elements;
  for (const model::IndexElement& element : index.elements) {
    if (!elements.empty()) elements += ",";
    elements += index_element(element);
  }
  std::string text =
      fmt::format("CREATE {}INDEX{} {} ON {} USING {} ({})", index.unique ? "UNIQUE " : "",
                  index.concurrently ? " CONCURRENTLY" : "", quoted(index.name),
                  table_name(change.table), index.method, elements);
  if (!index.include.empty()) text += " INCLUDE (" + column_list(index.include) + ")";
  if (index.nulls_not_distinct) text += " NULLS NOT DISTINCT";
  if (!index.with.empty()) {
    std::string options;
    for (const auto& [key, value] : index.with) {
      if (!options.empty()) options += ",";
      options += key + "=" + value;
    }
    text += " WITH (" + options + ")";
  }
  if (index.where) text += " WHERE " + *index.where;
  out.push_back(text + ";");
}
void write(const diff::DropIndex& change, Statements& out) {
  out.push_back(fmt::format("DROP INDEX {};", table_name(change.name)));
}
void write(const diff::RenameIndex& change, Statements& out) {
  out.push_back(
      fmt::format("ALTER INDEX {} RENAME TO {};", table_name(change.from), quoted(change.to)));
}

}  // namespace flick::emit

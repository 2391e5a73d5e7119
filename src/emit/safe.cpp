#include "emit/safe.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "emit/sql_text.hpp"
#include "emit/writers.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::emit {
namespace {

bool existing(const model::Catalog& from, const diff::QualifiedName& table) {
  return from.find_table(table.schema, table.name) != nullptr;
}

// The table of `from` that has the index `name` in `schema`.
const model::Table* index_table(const model::Catalog& from, const diff::QualifiedName& index) {
  for (const model::Table& table : from.tables) {
    if (table.schema != index.schema) continue;
    for (const model::Index& candidate : table.indexes) {
      if (candidate.name == index.name) return &table;
    }
  }
  return nullptr;
}

std::string validate(const diff::QualifiedName& table, const std::string& name) {
  return fmt::format("ALTER TABLE {} VALIDATE CONSTRAINT {};", table_name(table), quoted(name));
}

// Appends the constraint's statement with NOT VALID, then its validation.
template <typename Change>
void not_valid_then_validate(const Change& change, const std::string& name, Statements& out) {
  Statements added;
  write(change, added);
  std::string& text = added.back();
  text.insert(text.rfind(';'), " NOT VALID");
  out.push_back(text);
  out.push_back(validate(change.table, name));
}

struct SafeWriter {
  const model::Catalog& from;
  SafeStatements& out;

  void operator()(const diff::AddForeignKey& change) {
    if (!existing(from, change.table)) return write(change, out.statements);
    not_valid_then_validate(change, change.foreign_key.name, out.statements);
  }
  void operator()(const diff::AddCheck& change) {
    if (!existing(from, change.table)) return write(change, out.statements);
    not_valid_then_validate(change, change.check.name, out.statements);
  }
  void operator()(const diff::SetNotNull& change) {
    if (!existing(from, change.table)) return write(change, out.statements);
    if (change.backfill) {
      out.statements.push_back(fmt::format("UPDATE {} SET {} = {} WHERE {} IS NULL;",
                                           table_name(change.table), quoted(change.column),
                                           *change.backfill, quoted(change.column)));
    }
    const std::string check =
        sqlparse::implicit_name(change.table.name, {change.column}, "not_null");
    out.statements.push_back(
        fmt::format("ALTER TABLE {} ADD CONSTRAINT {} CHECK ({} IS NOT NULL) NOT VALID;",
                    table_name(change.table), quoted(check), quoted(change.column)));
    out.statements.push_back(validate(change.table, check));
    // With the CHECK validated, PostgreSQL 12+ sets NOT NULL without scanning the table; the
    // comment tells flick lint, which judges the statement alone.
    out.statements.push_back(fmt::format(
        "-- flick-lint-ignore: setting-not-null\nALTER TABLE {} ALTER COLUMN {} SET NOT NULL;",
        table_name(change.table), quoted(change.column)));
    out.statements.push_back(
        fmt::format("ALTER TABLE {} DROP CONSTRAINT {};", table_name(change.table), quoted(check)));
  }
  void operator()(const diff::CreateIndex& change) {
    if (!existing(from, change.table)) return write(change, out.statements);
    diff::CreateIndex concurrent = change;
    concurrent.index.concurrently = true;
    write(concurrent, out.concurrent);
  }
  void operator()(const diff::DropIndex& change) {
    if (index_table(from, change.name) == nullptr) return write(change, out.statements);
    out.concurrent.push_back(
        fmt::format("DROP INDEX CONCURRENTLY {};", qualified_name(change.name)));
  }
  void operator()(const diff::AddUnique& change) {
    if (!existing(from, change.table)) return write(change, out.statements);
    const model::UniqueConstraint& unique = change.unique;
    out.concurrent.push_back(
        fmt::format("CREATE UNIQUE INDEX CONCURRENTLY {} ON {} USING btree ({}){};",
                    quoted(unique.name), table_name(change.table), column_list(unique.columns),
                    unique.nulls_not_distinct ? " NULLS NOT DISTINCT" : ""));
    out.concurrent.push_back(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} UNIQUE USING INDEX {};",
                                         table_name(change.table), quoted(unique.name),
                                         quoted(unique.name)));
  }
  template <typename Change>
  void operator()(const Change& change) {
    write(change, out.statements);
  }
};

}  // namespace

SafeStatements safe_sql_statements(const diff::ChangeSet& changes, const model::Catalog& from) {
  SafeStatements out;
  SafeWriter writer{from, out};
  for (const diff::Change& change : changes.changes) std::visit(writer, change);
  return out;
}

model::Catalog before_concurrent_changes(const diff::ChangeSet& changes, const model::Catalog& from,
                                         const model::Catalog& to) {
  model::Catalog result = to;
  for (const diff::Change& change : changes.changes) {
    if (const auto* create = std::get_if<diff::CreateIndex>(&change)) {
      model::Table* table = result.find_table(create->table.schema, create->table.name);
      if (table == nullptr || !existing(from, create->table)) continue;
      std::erase_if(table->indexes,
                    [&](const model::Index& index) { return index.name == create->index.name; });
    } else if (const auto* unique = std::get_if<diff::AddUnique>(&change)) {
      model::Table* table = result.find_table(unique->table.schema, unique->table.name);
      if (table == nullptr || !existing(from, unique->table)) continue;
      std::erase_if(table->uniques, [&](const model::UniqueConstraint& u) {
        return u.name == unique->unique.name;
      });
    } else if (const auto* drop = std::get_if<diff::DropIndex>(&change)) {
      const model::Table* old_table = index_table(from, drop->name);
      if (old_table == nullptr) continue;
      model::Table* table = result.find_table(old_table->schema, old_table->name);
      if (table == nullptr) continue;
      for (const model::Index& index : old_table->indexes) {
        bool present = std::any_of(table->indexes.begin(), table->indexes.end(),
                                   [&](const model::Index& i) { return i.name == index.name; });
        if (index.name == drop->name.name && !present) table->indexes.push_back(index);
      }
    }
  }
  return result;
}

}  // namespace flick::emit

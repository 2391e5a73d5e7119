// Constraints (pg_constraint): primary keys, uniques, foreign keys and checks. Exclusion,
// deferrable and NOT VALID constraints are reported as not covered.

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <utility>

#include "introspect/reader_state.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::introspect {
namespace {

enum Column {
  kTable,
  kName,
  kType,
  kKeys,
  kRefSchema,
  kRefTable,
  kRefKeys,
  kUpdateAction,
  kDeleteAction,
  kMatchType,
  kDeferrable,
  kValidated,
  kNoInherit,
  kCheck,
  kNullsNotDistinct,
  kRefTableOid,
  kExclusion,
};

std::string referential_action(const std::string& code) {
  if (code == "r") return "restrict";
  if (code == "c") return "cascade";
  if (code == "n") return "set null";
  if (code == "d") return "set default";
  return "no action";
}

void add_primary_key(model::Table& table, std::vector<std::string> columns,
                     const std::string& name) {
  for (model::Column& column : table.columns) {
    if (std::find(columns.begin(), columns.end(), column.name) != columns.end()) {
      column.not_null = true;
    }
  }
  bool implicit_name = name == sqlparse::implicit_name(table.name, {}, "pkey");
  if (columns.size() == 1 && implicit_name) {
    for (model::Column& column : table.columns) {
      if (column.name == columns[0]) column.primary_key = true;
    }
    return;
  }
  table.primary_key = model::PrimaryKey{implicit_name ? "" : name, std::move(columns)};
}

// The names of a table's columns `numbers` (a constraint's conkey / confkey), from the columns
// read_columns read. Throws std::runtime_error naming the constraint when one is missing, which a
// concurrent ALTER TABLE cannot cause (one snapshot) but a reader bug could.
std::vector<std::string> column_names(const TableInfo& table, const std::vector<int>& numbers,
                                      const std::string& constraint) {
  std::vector<std::string> names;
  names.reserve(numbers.size());
  for (int number : numbers) {
    auto found = table.columns_by_number.find(number);
    if (found == table.columns_by_number.end()) {
      throw std::runtime_error(fmt::format(
          "constraint {} refers to column number {}, which was not read", constraint, number));
    }
    names.push_back(found->second);
  }
  return names;
}

// Foreign keys to a table the filters leave out: its columns were not read, so their names are
// looked up here, in one query for all of them.
struct OutsideReference {
  std::size_t table;        // index in catalog.tables
  std::size_t foreign_key;  // index in that table's foreign_keys
  std::string ref_oid;
  std::vector<int> numbers;
};

void name_outside_references(ReaderState& state, const std::vector<OutsideReference>& references) {
  if (references.empty()) return;
  std::string oids;
  for (const OutsideReference& reference : references) {
    oids += (oids.empty() ? "" : ",") + reference.ref_oid;
  }
  pg::Result result = state.connection.exec(
      "SELECT attrelid, attnum, attname FROM pg_attribute WHERE attrelid = ANY('{" + oids +
      "}'::oid[]) AND attnum > 0 AND NOT attisdropped");
  std::map<std::pair<std::string, int>, std::string> names;
  for (int row = 0; row < result.rows(); ++row) {
    names[{result.value(row, 0), std::stoi(result.value(row, 1))}] = result.value(row, 2);
  }
  for (const OutsideReference& reference : references) {
    model::ForeignKey& key =
        state.catalog.tables[reference.table].foreign_keys[reference.foreign_key];
    for (int number : reference.numbers) {
      auto found = names.find({reference.ref_oid, number});
      if (found == names.end()) {
        throw std::runtime_error(
            fmt::format("foreign key {} refers to column number {} of table {}, "
                        "which was not found",
                        key.name, number, reference.ref_oid));
      }
      key.ref_columns.push_back(found->second);
    }
  }
}

}  // namespace

std::string constraints_sql() {
  // Key columns come as attribute numbers, named from the columns already read: looking each
  // name up here (a subquery per key) was two thirds of this query's time at 1000 tables.
  return fmt::format(
      "SELECT co.conrelid, co.conname, co.contype, to_json(co.conkey), rn.nspname, r.relname, "
      "to_json(co.confkey), co.confupdtype, co.confdeltype, co.confmatchtype, co.condeferrable, "
      "co.convalidated, co.connoinherit, pg_get_expr(co.conbin, co.conrelid), "
      "i.indnullsnotdistinct, co.confrelid, "
      "CASE WHEN co.contype = 'x' THEN pg_get_constraintdef(co.oid) END "
      "FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid "
      "JOIN pg_namespace n ON n.oid = c.relnamespace "
      "LEFT JOIN pg_class r ON r.oid = co.confrelid "
      "LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace "
      "LEFT JOIN pg_index i ON i.indexrelid = co.conindid AND co.contype IN ('p', 'u') "
      // A CHECK an INHERITS child has only from its parents is the parent's.
      "WHERE c.relkind IN ('r', 'p') AND co.conparentid = 0 AND {} "
      "AND (co.conislocal OR co.contype <> 'c' OR c.relispartition) "
      "ORDER BY co.conrelid, co.oid",
      user_schema_condition("n"));
}

void read_constraints(ReaderState& state) {
  pg::Result result = state.query(constraints_sql());
  std::vector<OutsideReference> outside_references;
  for (int row = 0; row < result.rows(); ++row) {
    auto table_it = state.tables_by_oid.find(result.value(row, kTable));
    if (table_it == state.tables_by_oid.end()) continue;
    std::size_t table_index = table_it->second.index;
    model::Table& table = state.catalog.tables[table_index];
    std::string name = result.value(row, kName);
    std::string qualified = fmt::format("{}.{}.{}", table.schema, table.name, name);
    std::string type = result.value(row, kType);
    if (type == "t") {
      continue;  // constraint triggers are listed with the triggers
    }
    if (result.value(row, kDeferrable) == "t") {
      state.not_covered_item("deferrable constraint", qualified);
    }
    if (result.value(row, kValidated) != "t")
      state.not_covered_item("NOT VALID constraint", qualified);
    // PostgreSQL 15 sets connoinherit on every primary key, unique and foreign key; only a CHECK
    // can be declared NO INHERIT.
    if (type == "c" && result.value(row, kNoInherit) == "t")
      state.not_covered_item("NO INHERIT constraint", qualified);
    std::vector<std::string> columns;
    if (type == "p" || type == "u" || type == "f") {
      columns = column_names(table_it->second, json_ints(result, row, kKeys), qualified);
    }
    if (type == "p") {
      add_primary_key(table, std::move(columns), name);
    } else if (type == "u") {
      table.uniques.push_back(
          {name, std::move(columns), result.value(row, kNullsNotDistinct) == "t"});
    } else if (type == "f") {
      model::ForeignKey key;
      key.name = name;
      key.columns = std::move(columns);
      key.ref_schema = result.value(row, kRefSchema);
      key.ref_table = result.value(row, kRefTable);
      std::vector<int> ref_numbers = json_ints(result, row, kRefKeys);
      key.on_update = referential_action(result.value(row, kUpdateAction));
      key.on_delete = referential_action(result.value(row, kDeleteAction));
      if (result.value(row, kMatchType) == "f") {
        state.not_covered_item("MATCH FULL foreign key", qualified);
      }
      auto ref_it = state.tables_by_oid.find(result.value(row, kRefTableOid));
      if (ref_it == state.tables_by_oid.end()) {
        state.not_covered_item("foreign key to a table left out by the filters", qualified);
        outside_references.push_back({table_index, table.foreign_keys.size(),
                                      result.value(row, kRefTableOid), std::move(ref_numbers)});
      } else {
        key.ref_columns = column_names(ref_it->second, ref_numbers, qualified);
      }
      table.foreign_keys.push_back(std::move(key));
    } else if (type == "x") {
      table.exclusions.push_back({name, sqlparse::normalise_constraint_definition(
                                            result.value(row, kExclusion), qualified)});
    } else if (type == "c") {
      table.checks.push_back(
          {name, sqlparse::normalise_table_expression(result.value(row, kCheck), table.schema,
                                                      table.name, qualified)});
    }
  }
  name_outside_references(state, outside_references);
}

}  // namespace flick::introspect

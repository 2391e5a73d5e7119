// Constraints (pg_constraint): primary keys, uniques, foreign keys and checks. Exclusion,
// deferrable and NOT VALID constraints are reported as not covered.

#include <fmt/format.h>

#include <algorithm>

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

}  // namespace

std::string constraints_sql() {
  // Each name looked up by its key (the index on attrelid, attnum): a join here read every
  // attribute of the table once per constraint, a third of this query's time at 1000 tables.
  const char* names_of =
      "(SELECT json_agg((SELECT a.attname FROM pg_attribute a WHERE a.attrelid = {1} AND "
      "a.attnum = k.num) ORDER BY k.ord) FROM unnest({0}) WITH ORDINALITY k(num, ord))";
  return fmt::format(
      "SELECT co.conrelid, co.conname, co.contype, {0}, rn.nspname, r.relname, {1}, "
      "co.confupdtype, co.confdeltype, co.confmatchtype, co.condeferrable, co.convalidated, "
      "co.connoinherit, pg_get_expr(co.conbin, co.conrelid), i.indnullsnotdistinct, co.confrelid, "
      "CASE WHEN co.contype = 'x' THEN pg_get_constraintdef(co.oid) END "
      "FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid "
      "JOIN pg_namespace n ON n.oid = c.relnamespace "
      "LEFT JOIN pg_class r ON r.oid = co.confrelid "
      "LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace "
      "LEFT JOIN pg_index i ON i.indexrelid = co.conindid AND co.contype IN ('p', 'u') "
      // A CHECK an INHERITS child has only from its parents is the parent's.
      "WHERE c.relkind IN ('r', 'p') AND co.conparentid = 0 AND {2} "
      "AND (co.conislocal OR co.contype <> 'c' OR c.relispartition) "
      "ORDER BY co.conrelid, co.oid",
      fmt::format(fmt::runtime(names_of), "co.conkey", "co.conrelid"),
      fmt::format(fmt::runtime(names_of), "co.confkey", "co.confrelid"),
      user_schema_condition("n"));
}

void read_constraints(ReaderState& state) {
  pg::Result result = state.query(constraints_sql());
  for (int row = 0; row < result.rows(); ++row) {
    auto table_it = state.tables_by_oid.find(result.value(row, kTable));
    if (table_it == state.tables_by_oid.end()) continue;
    model::Table& table = state.catalog.tables[table_it->second.index];
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
    std::vector<std::string> columns = json_strings(result, row, kKeys);
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
      key.ref_columns = json_strings(result, row, kRefKeys);
      key.on_update = referential_action(result.value(row, kUpdateAction));
      key.on_delete = referential_action(result.value(row, kDeleteAction));
      if (result.value(row, kMatchType) == "f") {
        state.not_covered_item("MATCH FULL foreign key", qualified);
      }
      if (state.tables_by_oid.count(result.value(row, kRefTableOid)) == 0) {
        state.not_covered_item("foreign key to a table left out by the filters", qualified);
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
}

}  // namespace flick::introspect

// Sequences (pg_sequence): stand-alone ones become catalog sequences; those owned by an identity
// column give its options, those owned by a column whose default is their nextval make it a
// serial column, as the DDL reader models `serial`.

#include <fmt/format.h>

#include "introspect/reader_state.hpp"

namespace flick::introspect {
namespace {

enum Column {
  kSchema,
  kName,
  kIncrement,
  kMin,
  kMax,
  kStart,
  kCache,
  kCycle,
  kOwnerTable,
  kOwnerColumn,
  kDependency,
};

model::SequenceOptions options_of(const pg::Result& result, int row) {
  model::SequenceOptions options;
  options.increment = result.value(row, kIncrement);
  options.min_value = result.value(row, kMin);
  options.max_value = result.value(row, kMax);
  options.start_with = result.value(row, kStart);
  options.cache = result.value(row, kCache);
  options.cycle = result.value(row, kCycle) == "t";
  return options;
}

model::Column* owner_column(ReaderState& state, const pg::Result& result, int row) {
  if (result.is_null(row, kOwnerTable)) return nullptr;
  auto table_it = state.tables_by_oid.find(result.value(row, kOwnerTable));
  if (table_it == state.tables_by_oid.end()) return nullptr;
  auto column_it =
      table_it->second.columns_by_number.find(std::stoi(result.value(row, kOwnerColumn)));
  if (column_it == table_it->second.columns_by_number.end()) return nullptr;
  model::Table& table = state.catalog.tables[table_it->second.index];
  for (model::Column& column : table.columns) {
    if (column.name == column_it->second) return &column;
  }
  return nullptr;
}

}  // namespace

std::string sequences_sql() {
  return fmt::format(
      "SELECT n.nspname, c.relname, s.seqincrement, s.seqmin, s.seqmax, s.seqstart, s.seqcache, "
      "s.seqcycle, d.refobjid, d.refobjsubid, d.deptype "
      "FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid "
      "JOIN pg_namespace n ON n.oid = c.relnamespace "
      "LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND "
      "d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') "
      "WHERE {} AND {} ORDER BY c.oid",
      user_schema_condition("n"), not_extension_member("pg_class", "c.oid"));
}

void read_sequences(ReaderState& state) {
  pg::Result result = state.query(sequences_sql());
  for (int row = 0; row < result.rows(); ++row) {
    const std::string& schema = result.value(row, kSchema);
    const std::string& name = result.value(row, kName);
    std::string dependency = result.value(row, kDependency);
    model::Column* column = owner_column(state, result, row);
    if (!dependency.empty() && result.is_null(row, kOwnerTable) == false &&
        state.tables_by_oid.count(result.value(row, kOwnerTable)) == 0) {
      continue;  // owned by a table that is filtered out
    }
    if (column != nullptr && dependency == "i" && column->identity) {
      column->identity->sequence_name = name;
      column->identity->options = options_of(result, row);
      state.owned_sequences.insert(schema + "." + name);
      continue;
    }
    if (column != nullptr && dependency == "a" && !model::serial_type_of(column->type).empty() &&
        model::defaults_to_nextval_of(*column, schema, name)) {
      column->type = model::serial_type_of(column->type);
      column->default_expr.reset();
      state.owned_sequences.insert(schema + "." + name);
      continue;
    }
    if (state.schemas_in_scope.count(schema) == 0) continue;
    if (column != nullptr) {
      state.not_covered_item("sequence ownership (OWNED BY)", schema + "." + name);
    }
    model::Sequence sequence;
    sequence.schema = schema;
    sequence.name = name;
    sequence.options = options_of(result, row);
    state.catalog.sequences.push_back(std::move(sequence));
  }
}

}  // namespace flick::introspect

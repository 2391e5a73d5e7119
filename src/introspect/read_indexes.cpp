// Indexes (pg_index) that back no constraint: elements from indkey / pg_get_indexdef, sort
// options from indoption, non-default operator classes, predicate, INCLUDE and storage
// parameters.

#include <fmt/format.h>

#include "introspect/reader_state.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::introspect {
namespace {

enum Column {
  kTable,
  kName,
  kMethod,
  kUnique,
  kNullsNotDistinct,
  kKeyCount,
  kKeys,
  kOptions,
  kElements,
  kOpclasses,
  kPredicate,
  kStorage,
  kValid,
  kCollations,
  kKeyNames,
};

constexpr int kIndoptionDesc = 1;
constexpr int kIndoptionNullsFirst = 2;

}  // namespace

std::string indexes_sql() {
  return fmt::format(
      "SELECT i.indrelid, ic.relname, am.amname, i.indisunique, i.indnullsnotdistinct, "
      "i.indnkeyatts, to_json(i.indkey::int2[]), to_json(i.indoption::int2[]), "
      // Expressions and (for a materialized view, whose columns were not read) key names are
      // looked up only where there are some: per index, they were a third of this query's time.
      "CASE WHEN 0 = ANY(i.indkey::int2[]) THEN (SELECT json_agg(CASE WHEN i.indkey[k - 1] = 0 "
      "THEN pg_get_indexdef(i.indexrelid, k, true) END ORDER BY k) "
      "FROM generate_series(1, i.indnatts) k) END, "
      // Operator classes are looked up only for an index with a non-default one (the list of
      // default ones is read once): the lookup scanned pg_opclass per index, 40 % of this query.
      "CASE WHEN NOT i.indclass::oid[] <@ (SELECT array_agg(oid) FROM pg_opclass WHERE "
      "opcdefault) THEN "
      "(SELECT json_agg(CASE WHEN oc.opcdefault THEN '' WHEN ocn.nspname = 'pg_catalog' "
      "THEN oc.opcname ELSE ocn.nspname || '.' || oc.opcname END ORDER BY k.ord) "
      "FROM unnest(i.indclass::oid[]) WITH ORDINALITY k(oid, ord) "
      "JOIN pg_opclass oc ON oc.oid = k.oid JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace) "
      "END, "
      "pg_get_expr(i.indpred, i.indrelid), to_json(ic.reloptions), i.indisvalid, "
      // A key's collation is its own (COLLATE in the index) when it is not the one the key has
      // anyway, as pg_get_indexdef decides: a column's collation, or for an expression its
      // type's. The index's attribute has the operator class's storage type (gin_trgm_ops
      // stores integers), so only an expression key whose stored type has no collation asks
      // pg_get_indexdef.
      "EXISTS (SELECT 1 FROM unnest(i.indcollation::oid[]) WITH ORDINALITY k(coll, ord) "
      "JOIN pg_attribute a ON a.attrelid = i.indexrelid AND a.attnum = k.ord "
      "JOIN pg_type t ON t.oid = a.atttypid "
      "LEFT JOIN pg_attribute ta ON i.indkey[k.ord - 1] <> 0 AND ta.attrelid = i.indrelid "
      "AND ta.attnum = i.indkey[k.ord - 1] "
      "WHERE k.coll <> 0 AND CASE WHEN ta.attnum IS NOT NULL THEN k.coll <> ta.attcollation "
      "WHEN t.typcollation <> 0 THEN k.coll <> t.typcollation "
      "ELSE pg_get_indexdef(i.indexrelid) LIKE '% COLLATE %' END), "
      "CASE WHEN c.relkind = 'm' THEN (SELECT json_agg(COALESCE(a.attname, '') ORDER BY k) "
      "FROM generate_series(1, i.indnatts) k "
      "LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1] "
      "AND i.indkey[k - 1] <> 0) END "
      "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
      "JOIN pg_class c ON c.oid = i.indrelid "
      "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = ic.relam "
      "WHERE c.relkind IN ('r', 'p', 'm') AND {} AND i.indexrelid NOT IN (SELECT co.conindid FROM "
      "pg_constraint co WHERE co.contype IN ('p', 'u', 'x')) "
      "AND NOT EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = i.indexrelid) "
      "ORDER BY i.indrelid, i.indexrelid",
      user_schema_condition("n"));
}

void read_indexes(ReaderState& state) {
  pg::Result result = state.query(indexes_sql());
  for (int row = 0; row < result.rows(); ++row) {
    // On a table, or on a materialized view (whose column names come with the row).
    auto table_it = state.tables_by_oid.find(result.value(row, kTable));
    auto view_it = state.matviews_by_oid.find(result.value(row, kTable));
    model::Table* table = nullptr;
    model::View* view = nullptr;
    if (table_it != state.tables_by_oid.end()) {
      table = &state.catalog.tables[table_it->second.index];
    } else if (view_it != state.matviews_by_oid.end()) {
      view = &state.catalog.views[view_it->second];
    } else {
      continue;
    }
    const std::string& owner_schema = table != nullptr ? table->schema : view->schema;
    const std::string& owner_name = table != nullptr ? table->name : view->name;
    std::vector<std::string> key_names = json_strings(result, row, kKeyNames);
    model::Index index;
    index.name = result.value(row, kName);
    std::string qualified = fmt::format("{}.{}.{}", owner_schema, owner_name, index.name);
    if (result.value(row, kValid) != "t") {
      state.not_covered_item("invalid index (a failed CREATE INDEX CONCURRENTLY)", qualified);
      continue;
    }
    if (result.value(row, kCollations) == "t") state.not_covered_item("index collation", qualified);
    index.method = result.value(row, kMethod);
    index.unique = result.value(row, kUnique) == "t";
    index.nulls_not_distinct = result.value(row, kNullsNotDistinct) == "t";
    int key_count = std::stoi(result.value(row, kKeyCount));
    std::vector<int> keys = json_ints(result, row, kKeys);
    std::vector<int> options = json_ints(result, row, kOptions);
    std::vector<std::string> elements = json_strings(result, row, kElements);
    std::vector<std::string> opclasses = json_strings(result, row, kOpclasses);
    for (std::size_t k = 0; k < keys.size(); ++k) {
      std::string column = keys[k] == 0       ? ""
                           : table != nullptr ? table_it->second.columns_by_number.at(keys[k])
                                              : key_names.at(k);
      if (static_cast<int>(k) >= key_count) {
        index.include.push_back(column);
        continue;
      }
      model::IndexElement element;
      if (keys[k] != 0) {
        element.expression = column;
      } else {
        element.expression = sqlparse::normalise_table_expression(elements.at(k), owner_schema,
                                                                  owner_name, qualified);
        element.is_expression = true;
      }
      int option = k < options.size() ? options[k] : 0;
      element.asc = (option & kIndoptionDesc) == 0;
      element.nulls = (option & kIndoptionNullsFirst) != 0 ? "first" : "last";
      if (k < opclasses.size()) element.opclass = opclasses[k];
      index.elements.push_back(std::move(element));
    }
    if (!result.is_null(row, kPredicate)) {
      index.where = sqlparse::normalise_table_expression(result.value(row, kPredicate),
                                                         owner_schema, owner_name, qualified);
    }
    index.with = storage_parameters(json_strings(result, row, kStorage));
    (table != nullptr ? table->indexes : view->indexes).push_back(std::move(index));
  }
}

}  // namespace flick::introspect

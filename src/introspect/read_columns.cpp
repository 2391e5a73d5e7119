// Columns (pg_attribute + pg_attrdef + format_type): types in drizzle's spelling, defaults and
// generated expressions normalised as the DDL reader does.

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "introspect/reader_state.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::introspect {
namespace {

enum Column {
  kTable,
  kNumber,
  kName,
  kNotNull,
  kFormattedType,
  kBaseKind,
  kBaseSchema,
  kBaseName,
  kIsArray,
  kDimensions,
  kDefault,
  kIdentity,
  kGenerated,
  kOwnCollation,
  kLocal,
};

void set_type(model::Column& column, const pg::Result& result, int row) {
  std::string base_kind = result.value(row, kBaseKind);
  int dimensions = std::max(1, std::stoi(result.value(row, kDimensions)));
  bool is_array = result.value(row, kIsArray) == "t";
  std::string suffix;
  for (int i = 0; is_array && i < dimensions; ++i) suffix += "[]";
  if (base_kind == "e" || base_kind == "d" || base_kind == "c" || base_kind == "r" ||
      base_kind == "m") {
    if (result.value(row, kBaseSchema) != "pg_catalog") {
      column.type = result.value(row, kBaseName) + suffix;
      column.type_schema = result.value(row, kBaseSchema);
      return;
    }
  }
  column.type = sqlparse::canonical_type(result.value(row, kFormattedType)).type;
  // format_type prints one "[]" whatever the declared dimensions.
  for (int i = 1; is_array && i < dimensions; ++i) column.type += "[]";
}

}  // namespace

std::string columns_sql() {
  return fmt::format(
      "SELECT a.attrelid, a.attnum, a.attname, a.attnotnull, format_type(a.atttypid, "
      "a.atttypmod), b.typtype, bn.nspname, b.typname, t.oid <> b.oid, a.attndims, "
      // A default cannot refer to a column, so it is deparsed without the table's context (a
      // generated column's expression does refer to them).
      "CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) ELSE "
      "pg_get_expr(ad.adbin, 0) END, a.attidentity, a.attgenerated, "
      "CASE WHEN a.attcollation <> t.typcollation THEN (SELECT CASE WHEN cn.nspname = "
      "'pg_catalog' THEN '' ELSE quote_ident(cn.nspname) || '.' END || "
      "format('%I', co.collname) FROM pg_collation co JOIN pg_namespace cn ON cn.oid = "
      "co.collnamespace WHERE co.oid = a.attcollation) END, a.attislocal "
      "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
      "JOIN pg_namespace n ON n.oid = c.relnamespace "
      "JOIN pg_type t ON t.oid = a.atttypid "
      "JOIN pg_type b ON b.oid = CASE WHEN t.typlen = -1 AND t.typelem <> 0 AND "
      "t.typsubscript = 'array_subscript_handler'::regproc THEN t.typelem ELSE t.oid END "
      "JOIN pg_namespace bn ON bn.oid = b.typnamespace "
      "LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
      // Unordered (read_columns orders the rows): sorting them and joining the comments in this
      // query were a sixth of its time at 1000 tables (cold); without the sort the comments' join
      // becomes a nested loop, quadratic when many columns have comments.
      "WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND {}",
      user_schema_condition("n"));
}

std::string column_comments_sql() {
  return "SELECT d.objoid, d.objsubid, d.description FROM pg_description d "
         "WHERE d.classoid = 'pg_class'::regclass AND d.objsubid > 0";
}

void read_columns(ReaderState& state) {
  pg::Result result = state.query(columns_sql());
  // The rows of tables in scope, by table and column number.
  struct Place {
    std::size_t table;
    int number;
    int row;
    TableInfo* info;
  };
  std::vector<Place> places;
  places.reserve(static_cast<std::size_t>(result.rows()));
  for (int row = 0; row < result.rows(); ++row) {
    auto table_it = state.tables_by_oid.find(result.value(row, kTable));
    if (table_it == state.tables_by_oid.end()) continue;
    places.push_back(
        {table_it->second.index, std::stoi(result.value(row, kNumber)), row, &table_it->second});
  }
  std::sort(places.begin(), places.end(), [](const Place& a, const Place& b) {
    return a.table != b.table ? a.table < b.table : a.number < b.number;
  });
  std::map<std::pair<std::string, int>, std::string> comments;
  pg::Result comment_rows = state.query(column_comments_sql());
  for (int row = 0; row < comment_rows.rows(); ++row) {
    comments[{comment_rows.value(row, 0), std::stoi(comment_rows.value(row, 1))}] =
        comment_rows.value(row, 2);
  }
  for (const Place& place : places) {
    int row = place.row;
    model::Table& table = state.catalog.tables[place.table];
    std::string qualified = table.schema + "." + table.name;
    model::Column column;
    column.name = result.value(row, kName);
    place.info->columns_by_number[place.number] = column.name;
    column.not_null = result.value(row, kNotNull) == "t";
    set_type(column, result, row);
    std::string context = qualified + "." + column.name;
    if (!result.is_null(row, kDefault)) {
      if (result.value(row, kGenerated) == "s") {
        column.generated = sqlparse::normalise_table_expression(result.value(row, kDefault),
                                                                table.schema, table.name, context);
      } else {
        column.default_expr = sqlparse::normalise_default(result.value(row, kDefault), column.type,
                                                          column.type_schema, context);
      }
    }
    std::string identity = result.value(row, kIdentity);
    if (!identity.empty()) {
      column.identity = model::Identity{};
      column.identity->kind =
          identity == "a" ? model::IdentityKind::kAlways : model::IdentityKind::kByDefault;
    }
    if (auto comment = comments.find({result.value(row, kTable), place.number});
        comment != comments.end()) {
      column.comment = comment->second;
    }
    // COLLATE as the schema reader spells it: always quoted ("C"), qualified outside pg_catalog.
    if (!result.is_null(row, kOwnCollation)) {
      std::string collation = result.value(row, kOwnCollation);
      std::size_t dot = collation.rfind('.');
      std::string schema_part = dot == std::string::npos ? "" : collation.substr(0, dot + 1);
      std::string name_part = dot == std::string::npos ? collation : collation.substr(dot + 1);
      if (name_part.empty() || name_part.front() != '"') {
        name_part = sqlparse::quote_identifier(name_part);
      }
      column.collation = schema_part + name_part;
    }
    // Only a partition's and an INHERITS child's columns can be other than local; a partition's
    // are its parent's anyway (model::copy_partition_columns).
    column.inherited = !table.inherits.empty() && result.value(row, kLocal) != "t";
    table.columns.push_back(std::move(column));
  }
}

}  // namespace flick::introspect

#pragma once

#include <gtest/gtest.h>

#include <string>

#include "ddl/ddl.hpp"
#include "flick/error.hpp"

namespace flick::ddl::testing {

// The UserError message reading `sql` produces; fails the test when it reads fine.
inline std::string read_error(const std::string& sql, const std::string& file = "schema.sql") {
  try {
    read_schema_sql(sql, file);
  } catch (const UserError& error) {
    return error.what();
  }
  ADD_FAILURE() << "expected a UserError for:\n" << sql;
  return "";
}

inline const model::Table& table_of(const model::Catalog& catalog, const std::string& name,
                                    const std::string& schema = "public") {
  const model::Table* table = catalog.find_table(schema, name);
  if (table == nullptr) throw std::runtime_error("no table " + schema + "." + name);
  return *table;
}

inline const model::Column& column_of(const model::Table& table, const std::string& name) {
  const model::Column* column = model::find_column(table, name);
  if (column == nullptr) throw std::runtime_error("no column " + name);
  return *column;
}

}  // namespace flick::ddl::testing

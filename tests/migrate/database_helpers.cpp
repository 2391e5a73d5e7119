#include "database_helpers.hpp"

#include "pg/pg.hpp"

namespace flick::testing {

std::string query_value(const std::string& url, const std::string& sql) {
  pg::Connection connection(url);
  pg::Result result = connection.exec(sql);
  return result.is_null(0, 0) ? "" : result.value(0, 0);
}

bool relation_exists(const std::string& url, const std::string& name) {
  pg::Connection connection(url);
  return connection.exec_params("SELECT to_regclass($1) IS NOT NULL", {name}).value(0, 0) == "t";
}

int bookkeeping_rows(const std::string& url) {
  if (!relation_exists(url, "drizzle.__drizzle_migrations")) return 0;
  return std::stoi(query_value(url, "SELECT count(*) FROM drizzle.__drizzle_migrations"));
}

}  // namespace flick::testing

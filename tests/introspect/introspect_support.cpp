#include "introspect/introspect_support.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "diff/diff.hpp"
#include "emit/emit.hpp"
#include "pg/pg.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::testing {

namespace fs = std::filesystem;

std::vector<fs::path> sql_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".sql" && entry.path().filename() != "seed.sql") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

void apply_sql(const std::string& url, const std::string& sql) {
  pg::Connection connection(url);
  connection.exec("SET client_min_messages TO warning");
  for (const sqlparse::Statement& statement : sqlparse::split_statements(sql, "sql")) {
    connection.exec(statement.text);
  }
}

void apply_files(const std::string& url, const std::vector<fs::path>& files) {
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    apply_sql(url, text.str());
  }
}

model::Catalog live_catalog(const std::string& url, const model::Catalog& wanted,
                            std::vector<introspect::NotCovered>* not_covered) {
  pg::Connection connection(url);
  model::Catalog live = introspect::read_catalog(connection, {}, not_covered);
  introspect::align(connection, live, wanted);
  return live;
}

std::string differences(const model::Catalog& from, const model::Catalog& to) {
  diff::Options options;
  options.ask = [](diff::ObjectKind, const std::string&, const std::vector<std::string>&) {
    return std::optional<std::string>();
  };
  std::string text;
  for (const std::string& statement : emit::sql_statements(diff::diff(from, to, options))) {
    text += statement + "\n";
  }
  return text;
}

}  // namespace flick::testing

#include "introspect/introspect_support.hpp"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <future>
#include <regex>
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
  static int renamed = 0;
  for (const sqlparse::Statement& statement : sqlparse::split_statements(sql, "sql")) {
    try {
      connection.exec(statement.text);
    } catch (const pg::PgError& error) {
      // Roles are the cluster's, shared by every database of the test cluster: a role an
      // earlier case (or this one's other file) created is renamed away, so this file creates
      // it as it says.
      std::smatch match;
      static const std::regex create_role(R"re(^\s*CREATE\s+ROLE\s+"?([A-Za-z0-9_]+)"?)re",
                                          std::regex::icase);
      if (error.sqlstate() != "42710" || !std::regex_search(statement.text, match, create_role)) {
        throw;
      }
      connection.exec("ALTER ROLE \"" + match[1].str() + "\" RENAME TO \"" + match[1].str() +
                      "_was_" + std::to_string(getpid()) + "_" + std::to_string(++renamed) + "\"");
      connection.exec(statement.text);
    }
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
  // Privileges are read as a project managing them would, when the files have some.
  introspect::Filters filters;
  filters.privileges = !wanted.roles.empty() || !wanted.grants.empty() ||
                       !wanted.default_privileges.empty() || !wanted.owners.empty();
  model::Catalog live = introspect::read_catalog(connection, filters, not_covered);
  introspect::align(connection, live, wanted);
  return live;
}

model::Catalog read_database(const std::string& url, const introspect::Filters& filters,
                             bool second_connection,
                             std::vector<introspect::NotCovered>* not_covered) {
  pg::Connection connection(url);
  std::future<pg::Connection> second;
  if (second_connection) {
    second = std::async(std::launch::async, [url] { return pg::Connection(url); });
  }
  return introspect::read_catalog(connection, filters, not_covered, std::move(second));
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

#include "fleet/targets.hpp"

#include <fmt/core.h>
#include <fnmatch.h>

#include <cctype>
#include <map>
#include <set>

#include "flick/error.hpp"
#include "pg/pg.hpp"

namespace flick::fleet {
namespace {

bool is_url(const std::string& text) {
  return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

// The value of `key` in a URL's query string ("" when absent).
std::string url_parameter(const std::string& url, const std::string& key) {
  std::size_t query = url.find('?');
  while (query != std::string::npos) {
    std::size_t start = query + 1;
    std::size_t end = url.find('&', start);
    std::string pair =
        url.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (pair.starts_with(key + "=")) return pair.substr(key.size() + 1);
    query = end;
  }
  return "";
}

// key=value pairs of a conninfo string (values may be single-quoted).
std::map<std::string, std::string> conninfo_pairs(const std::string& text) {
  std::map<std::string, std::string> pairs;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t equals = text.find('=', i);
    if (equals == std::string::npos) break;
    std::string key = text.substr(i, equals - i);
    while (!key.empty() && std::isspace(static_cast<unsigned char>(key.back()))) key.pop_back();
    i = equals + 1;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::string value;
    if (i < text.size() && text[i] == '\'') {
      for (++i; i < text.size() && text[i] != '\''; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        value += text[i];
      }
      ++i;
    } else {
      while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) {
        value += text[i++];
      }
    }
    pairs[key] = value;
  }
  return pairs;
}

std::string host_port_database(std::string host, const std::string& port,
                               const std::string& database) {
  if (host.empty() || host.starts_with('/')) host = "localhost";
  std::string name = host;
  if (!port.empty()) name += ":" + port;
  return name + "/" + (database.empty() ? "(default)" : database);
}

// The rows of `query` on the control database, as targets.
std::vector<store::FleetTargetConfig> queried_targets(const TargetSources& sources) {
  std::vector<store::FleetTargetConfig> targets;
  std::string why = pg::connection_string_error(sources.control_url);
  if (!why.empty()) throw UserError("fleet.controlUrl: " + why);
  pg::Result rows;
  try {
    pg::Connection control(sources.control_url, {.application_name = "flick fleet"});
    rows = control.exec(sources.query);
  } catch (const pg::PgError& error) {
    std::string message = pg::redact_secret_of(error.what(), sources.control_url);
    if (pg::is_environment_sqlstate(error.sqlstate())) {
      throw EnvironmentError("fleet control database unreachable: " + message);
    }
    throw UserError("fleet.targetsQuery failed: " + message);
  }
  int url_column = -1;
  int name_column = -1;
  for (int column = 0; column < rows.columns(); ++column) {
    if (rows.column_name(column) == "url") url_column = column;
    if (rows.column_name(column) == "name") name_column = column;
  }
  if (url_column < 0) url_column = 0;
  if (name_column < 0 && rows.columns() > 1) name_column = url_column == 0 ? 1 : 0;
  if (rows.columns() == 0) {
    throw UserError("fleet.targetsQuery returns no column: select the targets' url (and name)");
  }
  for (int row = 0; row < rows.rows(); ++row) {
    if (rows.is_null(row, url_column) || rows.value(row, url_column).empty()) {
      throw UserError(fmt::format("fleet.targetsQuery: row {} has no url", row + 1));
    }
    store::FleetTargetConfig target;
    target.url = rows.value(row, url_column);
    if (name_column >= 0) target.name = rows.value(row, name_column);
    targets.push_back(std::move(target));
  }
  return targets;
}

// The schemas of the database at `url` whose names match `pattern`, in name order.
std::vector<std::string> matching_schemas(const std::string& url, const std::string& pattern) {
  pg::Connection connection(url, {.application_name = "flick fleet"});
  pg::Result rows = connection.exec(
      "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname !~ '^pg_' AND nspname <> "
      "'information_schema' ORDER BY nspname COLLATE \"C\"");
  std::vector<std::string> schemas;
  for (int row = 0; row < rows.rows(); ++row) {
    if (matches_glob(pattern, rows.value(row, 0))) schemas.push_back(rows.value(row, 0));
  }
  return schemas;
}

}  // namespace

std::string name_from_url(const std::string& url) {
  if (!is_url(url)) {
    std::map<std::string, std::string> pairs = conninfo_pairs(url);
    std::string host = pairs.count("host") ? pairs["host"] : pairs["hostaddr"];
    return host_port_database(host, pairs["port"], pairs["dbname"]);
  }
  std::size_t authority = url.find("://") + 3;
  std::size_t authority_end = url.find_first_of("/?#", authority);
  if (authority_end == std::string::npos) authority_end = url.size();
  std::size_t at = url.rfind('@', authority_end);
  std::size_t host_start = (at == std::string::npos || at < authority) ? authority : at + 1;
  std::string host_port = url.substr(host_start, authority_end - host_start);
  std::string database;
  if (authority_end < url.size() && url[authority_end] == '/') {
    std::size_t end = url.find_first_of("?#", authority_end + 1);
    database = url.substr(authority_end + 1,
                          end == std::string::npos ? std::string::npos : end - authority_end - 1);
  }
  if (database.empty()) database = url_parameter(url, "dbname");
  std::string port;
  std::size_t colon = host_port.rfind(':');
  if (colon != std::string::npos && host_port.find(']', colon) == std::string::npos) {
    port = host_port.substr(colon + 1);
    host_port.resize(colon);
  }
  if (host_port.empty()) host_port = url_parameter(url, "host");
  if (port.empty()) port = url_parameter(url, "port");
  return host_port_database(host_port, port, database);
}

bool matches_glob(const std::string& pattern, const std::string& name) {
  return fnmatch(pattern.c_str(), name.c_str(), FNM_NOESCAPE) == 0;
}

store::FleetTargetConfig parse_target_flag(const std::string& value) {
  store::FleetTargetConfig target;
  target.url = value;
  std::size_t equals = value.find('=');
  if (equals == std::string::npos || equals == 0) return target;
  std::string name = value.substr(0, equals);
  std::string rest = value.substr(equals + 1);
  bool plain = name.find_first_not_of(
                   "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-") ==
               std::string::npos;
  if (plain && is_url(rest)) {
    target.name = name;
    target.url = rest;
  }
  return target;
}

std::vector<Target> resolve_targets(const TargetSources& sources) {
  std::vector<store::FleetTargetConfig> databases = sources.listed;
  if (!sources.query.empty()) {
    std::vector<store::FleetTargetConfig> queried = queried_targets(sources);
    databases.insert(databases.end(), queried.begin(), queried.end());
  }
  if (databases.empty()) {
    throw UserError(
        "no fleet targets: list them in flick.toml ([fleet] targets = [\"postgres://...\"]), "
        "give --target URL, or set [fleet] targetsQuery and controlUrl");
  }
  std::vector<Target> targets;
  for (const store::FleetTargetConfig& database : databases) {
    std::string name = database.name.empty() ? name_from_url(database.url) : database.name;
    std::string why = pg::connection_string_error(database.url);
    if (!why.empty()) throw UserError(fmt::format("fleet target {}: {}", name, why));
    const std::string& pattern = database.schemas.empty() ? sources.schemas : database.schemas;
    if (pattern.empty()) {
      targets.push_back({.name = name, .url = database.url});
      continue;
    }
    try {
      for (const std::string& schema : matching_schemas(database.url, pattern)) {
        targets.push_back({.name = name + "/" + schema, .url = database.url, .schema = schema});
      }
    } catch (const pg::PgError& error) {
      targets.push_back({.name = name + "/" + pattern,
                         .url = database.url,
                         .unresolved = pg::redact_secret_of(error.what(), database.url)});
    }
  }
  if (targets.empty()) {
    throw UserError(fmt::format(
        "no fleet targets: no schema matches \"{}\"",
        databases.front().schemas.empty() ? sources.schemas : databases.front().schemas));
  }
  std::set<std::string> names;
  for (const Target& target : targets) {
    if (!names.insert(target.name).second) {
      throw UserError(fmt::format(
          "two fleet targets are named \"{}\": give them names ({{ name = \"...\", url = \"...\" "
          "}} in [fleet] targets, NAME=URL with --target, or a name column in targetsQuery)",
          target.name));
    }
  }
  return targets;
}

}  // namespace flick::fleet

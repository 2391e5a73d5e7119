#include "fleet/targets.hpp"

#include <fmt/core.h>
#include <fnmatch.h>

#include <optional>
#include <set>

#include "flick/error.hpp"
#include "pg/conninfo.hpp"
#include "pg/pg.hpp"

namespace flick::fleet {
namespace {

std::string host_port_database(std::string host, const std::string& port,
                               const std::string& database) {
  if (host.empty() || host.starts_with('/')) host = "localhost";
  // An IPv6 address is written as in a URL, so the port stays apart from it.
  if (host.find(':') != std::string::npos && host.find(',') == std::string::npos) {
    host = "[" + host + "]";
  }
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
  std::optional<pg::ConnectionTarget> target = pg::connection_target(url);
  if (!target) return "(unreadable URL)";
  return host_port_database(target->host, target->port, target->dbname);
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
  if (plain && (rest.starts_with("postgresql://") || rest.starts_with("postgres://"))) {
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

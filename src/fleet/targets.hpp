#pragma once

// A fleet's targets: the databases listed in [fleet] targets (or given as --target), the rows of
// [fleet] targetsQuery on the control database, and, for schema-per-tenant, one target per schema
// of a database whose name matches a glob. Every target has a name for the output; URLs (which may
// hold passwords) are never part of one.

#include <string>
#include <vector>

#include "store/config.hpp"

namespace flick::fleet {

struct Target {
  std::string name{};    // unique in the fleet; shown in every output
  std::string url{};     // never printed
  std::string schema{};  // schema-per-tenant: the tenant's schema; "" = the whole database
  // Set when the target could not be expanded (its database, listing its schemas, could not be
  // reached): the reason, password redacted. Such a target is reported unreachable, never run.
  std::string unresolved{};
};

// Where the targets come from: `listed` (the config's or the flags'), then the rows of `query` on
// `control_url` (when `query` is not ""). `schemas` is the pattern for listed or queried databases
// without their own.
struct TargetSources {
  std::vector<store::FleetTargetConfig> listed;
  std::string query;
  std::string control_url;
  std::string schemas;
};

// The fleet's targets in order: listed, then queried; a database with a schema pattern becomes
// its matching schemas, in name order, named "<database name>/<schema>". Throws flick::UserError
// for a fleet without targets, two targets with one name, a query without a url column, an
// unreadable URL; flick::EnvironmentError when the control database cannot be reached or refuses
// the query. A database whose schemas cannot be listed becomes one unresolved target.
std::vector<Target> resolve_targets(const TargetSources& sources);

// "host:port/database" of a URL or conninfo string (no user, no password, no parameters);
// read by libpq; a socket directory or no host is "localhost", no database "(default)".
std::string name_from_url(const std::string& url_or_conninfo);

// Whether `name` matches `pattern` ("*" any run of characters, "?" one character).
bool matches_glob(const std::string& pattern, const std::string& name);

// A --target value: "URL", or "NAME=URL" when NAME is a plain name ([A-Za-z0-9_.:-]+) and URL
// starts with postgres:// or postgresql://.
store::FleetTargetConfig parse_target_flag(const std::string& value);

}  // namespace flick::fleet

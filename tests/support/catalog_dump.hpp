#pragma once

// A canonical, deterministic text dump of a database's user schemas, for comparing a migrated
// database with one built from scratch. One self-describing line per fact (views and functions
// continue over indented lines), sorted so that every object's facts stay together:
//   schema, enum (values in order), domain, sequence (options, owner), table (kind, RLS,
//   partitioning, options), column (position, format_type, collation, NOT NULL, default,
//   identity, generated), constraint (pg_get_constraintdef), index (pg_get_indexdef), policy,
//   trigger, view / materialized view (pg_get_viewdef), function, comment on any of these.
// Nothing that differs between two equal schemas appears: no OIDs, owners, sequence positions,
// or gaps left by dropped columns.

#include <string>
#include <vector>

namespace flick::testing {

struct DumpOptions {
  // Schemas left out besides pg_catalog, information_schema and pg_toast / pg_temp: by default
  // the migrators' bookkeeping.
  std::vector<std::string> excluded_schemas = {"drizzle"};
};

// Connects to `url` and dumps it. Throws flick::pg::PgError.
std::string catalog_dump(const std::string& url, const DumpOptions& options = {});

}  // namespace flick::testing

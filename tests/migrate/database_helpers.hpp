#pragma once

// Small queries the migrate tests make on the databases flick migrates.

#include <string>

namespace flick::testing {

// The single value `sql` returns ("" for NULL). Throws pg::PgError.
std::string query_value(const std::string& url, const std::string& sql);
// True when `name` (e.g. "public.users") resolves to a relation.
bool relation_exists(const std::string& url, const std::string& name);
// Rows in drizzle.__drizzle_migrations (0 when the table does not exist).
int bookkeeping_rows(const std::string& url);

}  // namespace flick::testing

#pragma once

// Helpers of the introspection tests: apply schema files to a fresh database, read it back, and
// say how it differs from the files.

#include <filesystem>
#include <string>
#include <vector>

#include "flick/model.hpp"
#include "introspect/introspect.hpp"

namespace flick::testing {

// The *.sql files of a directory in name order, leaving out `seed.sql`.
std::vector<std::filesystem::path> sql_files(const std::filesystem::path& dir);

// Runs each statement of the files on `url`, one statement at a time (CONCURRENTLY works).
void apply_files(const std::string& url, const std::vector<std::filesystem::path>& files);
void apply_sql(const std::string& url, const std::string& sql);

// Introspects `url` (every schema) and aligns its view texts with `wanted`.
model::Catalog live_catalog(const std::string& url, const model::Catalog& wanted,
                            std::vector<introspect::NotCovered>* not_covered = nullptr);

// Reads `url` with read_catalog on one connection, or with `second_connection` on two: the
// second opened to `url` once the first is open (so a login limited to one session refuses it).
model::Catalog read_database(const std::string& url, const introspect::Filters& filters,
                             bool second_connection,
                             std::vector<introspect::NotCovered>* not_covered = nullptr);

// The statements that would turn `from` into `to`, one per line; empty when they are equal.
std::string differences(const model::Catalog& from, const model::Catalog& to);

}  // namespace flick::testing

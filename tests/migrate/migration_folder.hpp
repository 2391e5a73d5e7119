#pragma once

// Migration folders written by the tests: drizzle's layout (NNNN_tag.sql and meta/_journal.json)
// without snapshots, which `flick migrate` does not read.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "flick_process.hpp"

namespace flick::testing {

struct TestMigration {
  std::string tag;  // e.g. "0003_add_posts"
  std::string sql;  // statements joined by "--> statement-breakpoint" lines
  std::int64_t when = 0;
};

// Writes every migration's file and the journal listing them in this order.
void write_folder(const std::filesystem::path& out, const std::vector<TestMigration>& migrations);

// `count` migrations "0000_step" ... whose `when` grow by one second from 1700000000000; each
// creates table tNNNN and inserts 'NNNN' into applied_counter (which the first one creates).
std::vector<TestMigration> counter_migrations(int count);

// Hex SHA-256 of a file's bytes, as drizzle records it.
std::string file_sha256(const std::filesystem::path& path);

// Copies a folder recursively into a new temp dir and returns the copy's path.
std::filesystem::path copy_to_temp(const std::filesystem::path& folder, const std::string& prefix);

}  // namespace flick::testing

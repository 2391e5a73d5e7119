#pragma once

// Migration folders written by the tests: drizzle's layout (NNNN_tag.sql and meta/_journal.json)
// without snapshots, which `flick migrate` does not read.

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "flick_process.hpp"

namespace flick::testing {

struct TestMigration {
  std::string tag;  // e.g. "0003_add_posts"
  std::string sql;  // statements joined by "--> statement-breakpoint" lines
  std::int64_t when = 0;  // 0: 1700000000000 + one second per position
};

// Writes every migration's file and the journal listing them in this order.
void write_folder(const std::filesystem::path& out, const std::vector<TestMigration>& migrations);

// `count` migrations "0000_step" ... whose `when` grow by one second from 1700000000000; each
// creates table tNNNN and inserts 'NNNN' into applied_counter (which the first one creates).
std::vector<TestMigration> counter_migrations(int count);

// A test with its own temp dir (removed after it) holding a migration folder DIR/drizzle, and
// `flick migrate` on that folder.
class MigrationFolderTest : public ::testing::Test {
 protected:
  explicit MigrationFolderTest(std::string prefix) : prefix_(std::move(prefix)) {}
  void SetUp() override {
    dir_ = make_temp_dir(prefix_);
    out_ = dir_ / "drizzle";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  FlickRun migrate(const std::string& url, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"migrate", "--out", out_.string(), "--url", url};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_flick(args);
  }

  std::string prefix_;
  std::filesystem::path dir_;
  std::filesystem::path out_;
};

// Hex SHA-256 of a file's bytes, as drizzle records it.
std::string file_sha256(const std::filesystem::path& path);

// Copies a folder recursively into a new temp dir and returns the copy's path.
std::filesystem::path copy_to_temp(const std::filesystem::path& folder, const std::string& prefix);

}  // namespace flick::testing

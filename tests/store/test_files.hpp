#pragma once

// Helpers for store tests: test data locations, temporary folders, whole-file reads.

#include <filesystem>
#include <string>

namespace flick::store::testing {

// /work/shared/fixtures/flick-drizzle (may be absent: tests then skip).
std::filesystem::path fixture_folder();
// tests/data/drizzle-kit-folder: written by the real drizzle-kit 0.31 (may be absent).
std::filesystem::path drizzle_kit_folder();
// tests/store/data.
std::filesystem::path store_data();

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& text);

// A fresh empty directory, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Changes the working directory for the object's lifetime.
class ScopedCwd {
 public:
  explicit ScopedCwd(const std::filesystem::path& dir);
  ~ScopedCwd();

 private:
  std::filesystem::path previous_;
};

}  // namespace flick::store::testing

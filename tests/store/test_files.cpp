#include "test_files.hpp"

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace flick::store::testing {

namespace fs = std::filesystem;

fs::path fixture_folder() { return fs::path(FLICK_SHARED_DIR) / "fixtures" / "flick-drizzle"; }
fs::path drizzle_kit_folder() { return fs::path(FLICK_TESTS_DIR) / "data" / "drizzle-kit-folder"; }
fs::path store_data() { return fs::path(FLICK_STORE_DATA); }

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

TempDir::TempDir() {
  std::random_device random;
  path_ = fs::temp_directory_path() / ("flick-store-test-" + std::to_string(random()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code error;
  fs::remove_all(path_, error);
}

ScopedCwd::ScopedCwd(const fs::path& dir) : previous_(fs::current_path()) { fs::current_path(dir); }

ScopedCwd::~ScopedCwd() { fs::current_path(previous_); }

}  // namespace flick::store::testing

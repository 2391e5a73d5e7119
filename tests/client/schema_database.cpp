#include "schema_database.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "flick/client.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {

std::string flick_schema_database(const std::string& name) {
  std::string url = create_database(name);
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(FLICK_EXAMPLE_SCHEMA_DIR)) {
    if (entry.path().extension() == ".sql") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  client::Connection connection({.url = url});
  for (const auto& file : files) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    connection.execute_script(text.str());
  }
  return url;
}

}  // namespace flick::testing

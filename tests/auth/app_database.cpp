#include "app_database.hpp"

#include <fmt/core.h>

#include <stdexcept>

#include "migrate/flick_process.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {

std::filesystem::path flick_example_dir() { return FLICK_EXAMPLE_DIR; }

std::string flick_app_database(const std::string& name) {
  std::string url = create_database(name);
  FlickRun run = run_flick(
      {"migrate", "--config", (flick_example_dir() / "flick.toml").string(), "--url", url});
  if (run.exit_code != 0) {
    throw std::runtime_error(
        fmt::format("{} exited {}:\n{}{}", run.command, run.exit_code, run.out, run.err));
  }
  return url;
}

}  // namespace flick::testing

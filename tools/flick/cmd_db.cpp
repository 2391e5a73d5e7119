// flick db start|stop|status|url|reset: the project's embedded PostgreSQL under .flick/pg.

#include <fmt/core.h>

#include <memory>

#include "commands.hpp"
#include "database.hpp"
#include "pg/pg.hpp"
#include "project_options.hpp"

namespace flick::cli {
namespace {

int run_db(const ProjectOptions& options, const std::string& action) {
  store::Config config = load_project(options, /*resolve_schema=*/false);
  localdb::LocalCluster cluster = embedded_cluster(config);
  if (action == "start") {
    cluster.start();
    fmt::print("running: {}\n", cluster.url());
  } else if (action == "stop") {
    cluster.stop();
    fmt::print("stopped\n");
  } else if (action == "reset") {
    cluster.reset();
    fmt::print("reset, running: {}\n", cluster.url());
  } else if (action == "url") {
    if (!config.url.empty()) {
      fmt::print("{}\n", pg::redact_url(config.url));
    } else {
      cluster.start();
      fmt::print("{}\n", cluster.url());
    }
  } else {
    localdb::ClusterStatus status = cluster.status();
    fmt::print("{} ({})", localdb::to_string(status.state), cluster.dir().string());
    if (status.port) fmt::print(", port {}", *status.port);
    fmt::print("\n");
    return status.state == localdb::ClusterState::kRunning ? 0 : 3;
  }
  return 0;
}

}  // namespace

void setup_db(CLI::App& app, ExitStatus& status) {
  CLI::App* db = app.add_subcommand("db", "the embedded PostgreSQL under .flick/pg");
  db->require_subcommand(1);
  struct Action {
    const char* name;
    const char* help;
  };
  static constexpr Action kActions[] = {
      {"start", "initialise if needed and start it"},
      {"stop", "stop it"},
      {"status", "print its state (exit 3 when not running)"},
      {"url", "print the database URL commands use"},
      {"reset", "stop it, delete it, start a new empty one"},
  };
  for (const Action& action : kActions) {
    auto options = std::make_shared<ProjectOptions>();
    CLI::App* command = db->add_subcommand(action.name, action.help);
    add_config_flag(*command, *options);
    std::string name = action.name;
    command->callback([options, name, &status] { status.code = run_db(*options, name); });
  }
}

}  // namespace flick::cli

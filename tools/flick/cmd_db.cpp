// flick db start|stop|status|url|reset: the project's embedded PostgreSQL under .flick/pg.

#include <fmt/core.h>

#include <memory>

#include "commands.hpp"
#include "pg/pg.hpp"
#include "project_options.hpp"
#include "toolkit/project_state.hpp"

namespace flick::cli {
namespace {

int run_db(const ProjectOptions& options, const std::string& action) {
  store::Config config = load_project(options, /*resolve_schema=*/false);
  bool url_configured = !config.url.empty();
  std::string configured_url = config.url;
  toolkit::Project project = toolkit::project_from_config(std::move(config));
  if (action == "start") {
    fmt::print("running: {}\n", toolkit::start_embedded_database(project));
  } else if (action == "stop") {
    toolkit::stop_embedded_database(project);
    fmt::print("stopped\n");
  } else if (action == "reset") {
    fmt::print("reset, running: {}\n", toolkit::reset_embedded_database(project));
  } else if (action == "url") {
    fmt::print("{}\n", url_configured ? pg::redact_url(configured_url)
                                      : toolkit::start_embedded_database(project));
  } else {
    toolkit::EmbeddedDatabaseStatus status = toolkit::embedded_database_status(project);
    fmt::print("{} ({})", toolkit::to_string(status.state), status.directory.string());
    if (status.port) fmt::print(", port {}", *status.port);
    fmt::print("\n");
    return status.state == toolkit::EmbeddedState::kRunning ? 0 : 3;
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

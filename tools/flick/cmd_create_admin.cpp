// flick create-admin: the Flick app's admin (ADMIN_EMAIL / ADMIN_PASSWORD from the environment,
// then the .env beside flick.toml) in the configured or embedded database. Idempotent.

#include <fmt/core.h>

#include <memory>

#include "commands.hpp"
#include "database.hpp"
#include "flick/client.hpp"
#include "project_options.hpp"
#include "seed/create_admin.hpp"
#include "seed/schema_guard.hpp"
#include "store/env.hpp"

namespace flick::cli {
namespace {

int run_create_admin(const ProjectOptions& options) {
  store::Config config = load_project(options, /*resolve_schema=*/false);
  store::Environment environment = store::Environment::beside(config.dir);
  seed::AdminCredentials credentials =
      seed::admin_credentials([&](const std::string& name) { return environment.lookup(name); },
                              (config.dir / ".env").string());
  try {
    client::Pool pool({.url = database_url(config), .size = 1});
    seed::require_flick_schema(pool);
    seed::AdminReport report = seed::create_admin(pool, credentials);
    fmt::print("  admin    {}: {}{}{}\n", report.email,
               report.signed_up ? "signed up, " : "already exists, ",
               report.role_granted ? "role admin granted, " : "role admin, ",
               report.verified_now ? "email verified now" : "email verified");
    if (!report.password_matches) {
      fmt::print(stderr,
                 "warning: {} already existed with another password; create-admin keeps it "
                 "(ADMIN_PASSWORD does not sign in)\n",
                 report.email);
    }
    fmt::print("{}\n", report.unchanged() ? "create-admin: nothing to do" : "create-admin: done");
  } catch (const client::Error& error) {
    fmt::print(stderr, "error: database: {}\n", error.what());
    return 1;
  }
  return 0;
}

}  // namespace

void setup_create_admin(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<ProjectOptions>();
  CLI::App* command = app.add_subcommand(
      "create-admin",
      "ensure the admin user from ADMIN_EMAIL / ADMIN_PASSWORD (environment or .env; idempotent)");
  add_config_flag(*command, *options);
  add_url_flag(*command, *options);
  command->callback([options, &status] { status.code = run_create_admin(*options); });
}

}  // namespace flick::cli

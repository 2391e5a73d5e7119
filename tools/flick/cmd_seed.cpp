// flick seed: the Flick app's development data (Flick Test College, test1..3@flick.com) in the
// configured or embedded database. Idempotent.

#include <fmt/core.h>

#include <memory>

#include "commands.hpp"
#include "database.hpp"
#include "flick/client.hpp"
#include "project_options.hpp"
#include "seed/schema_guard.hpp"
#include "seed/seed.hpp"

namespace flick::cli {
namespace {

std::string user_changes(const seed::SeededUser& user) {
  std::string text;
  auto add = [&](bool happened, const char* what) {
    if (!happened) return;
    if (!text.empty()) text += ", ";
    text += what;
  };
  add(user.signed_up, "signed up");
  add(user.profile_created, "profile created (ONBOARDING)");
  add(user.verified_now, "email verified");
  return text.empty() ? "already in place" : text;
}

int run_seed(const ProjectOptions& options) {
  store::Config config = load_project(options, /*resolve_schema=*/false);
  try {
    client::Pool pool({.url = database_url(config), .size = 1});
    seed::require_flick_schema(pool);
    seed::SeedReport report = seed::seed(pool);
    fmt::print("  college  {} ({}): {}\n", seed::kCollegeName, seed::kCollegeEmailDomain,
               report.college_created ? "created" : "already in place");
    for (const seed::SeededUser& user : report.users) {
      fmt::print("  user     {:<18} username {:<8} {}\n", user.email, user.username,
                 user_changes(user));
    }
    fmt::print("{} (test password: {})\n",
               report.unchanged() ? "seed: nothing to do" : "seed: done", seed::kTestPassword);
  } catch (const client::Error& error) {
    fmt::print(stderr, "error: database: {}\n", error.what());
    return 1;
  }
  return 0;
}

}  // namespace

void setup_seed(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<ProjectOptions>();
  CLI::App* command =
      app.add_subcommand("seed", "add the Flick app's seed college and test users (idempotent)");
  add_config_flag(*command, *options);
  add_url_flag(*command, *options);
  command->callback([options, &status] { status.code = run_seed(*options); });
}

}  // namespace flick::cli

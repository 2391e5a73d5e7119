#pragma once

// The flat table of subcommands (ninja style): each cmd_<verb>.cpp defines one setup function that
// adds its subcommand, its options and its handler to the application.

#include <CLI/CLI.hpp>
#include <iterator>
#include <string_view>

#include "command_traits.hpp"

namespace flick::cli {

// Where a handler leaves the process exit code (0 ok, 1 findings/failure, 2 bad input).
struct ExitStatus {
  int code = 0;
};

using SetupFunction = void (*)(CLI::App& app, ExitStatus& status);

struct CommandEntry {
  const char* name;
  SetupFunction setup;
};

void setup_generate(CLI::App& app, ExitStatus& status);
void setup_export(CLI::App& app, ExitStatus& status);
void setup_check(CLI::App& app, ExitStatus& status);
void setup_migrate(CLI::App& app, ExitStatus& status);
void setup_status(CLI::App& app, ExitStatus& status);
void setup_mark_applied(CLI::App& app, ExitStatus& status);
void setup_baseline(CLI::App& app, ExitStatus& status);
void setup_db(CLI::App& app, ExitStatus& status);
void setup_down(CLI::App& app, ExitStatus& status);
void setup_lint(CLI::App& app, ExitStatus& status);
void setup_docs(CLI::App& app, ExitStatus& status);
void setup_seed(CLI::App& app, ExitStatus& status);
void setup_create_admin(CLI::App& app, ExitStatus& status);
void setup_codegen(CLI::App& app, ExitStatus& status);
void setup_pull(CLI::App& app, ExitStatus& status);
void setup_push(CLI::App& app, ExitStatus& status);
void setup_drift(CLI::App& app, ExitStatus& status);

inline constexpr CommandEntry kCommands[] = {
    {"generate", setup_generate},
    {"export", setup_export},
    {"check", setup_check},
    {"migrate", setup_migrate},
    {"status", setup_status},
    {"mark-applied", setup_mark_applied},
    {"baseline", setup_baseline},
    {"down", setup_down},
    {"db", setup_db},
    {"lint", setup_lint},
    {"docs", setup_docs},
    {"seed", setup_seed},
    {"create-admin", setup_create_admin},
    {"codegen", setup_codegen},
    {"pull", setup_pull},
    {"push", setup_push},
    {"drift", setup_drift},
};

// Every subcommand has its traits, in the same order (command_traits.hpp).
static_assert(std::size(kCommands) == std::size(kCommandTraits));
static_assert([] {
  for (std::size_t i = 0; i < std::size(kCommands); ++i) {
    if (std::string_view(kCommands[i].name) != kCommandTraits[i].name) return false;
  }
  return true;
}());

}  // namespace flick::cli

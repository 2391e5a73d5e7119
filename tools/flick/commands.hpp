#pragma once

// The flat table of subcommands (ninja style): each cmd_<verb>.cpp defines one setup function that
// adds its subcommand, its options and its handler to the application.

#include <CLI/CLI.hpp>
#include <string_view>

namespace flick::cli {

// Where a handler leaves the process exit code (0 ok, 1 findings/failure, 2 bad input).
struct ExitStatus {
  int code = 0;
};

using SetupFunction = void (*)(CLI::App& app, ExitStatus& status);

// What main does for a subcommand before it parses the options.
struct CommandTraits {
  // Reads a whole schema or migration folder into memory: worth the re-exec of
  // prefer_huge_pages (huge_pages.hpp). Measured: export 1.80x, generate 2.08x, check 1.15x,
  // pull 1.09x faster with huge pages; a no-op migrate 0.97x (it pays the re-exec's 5 ms).
  bool builds_large_models = false;
  // Connects to a database on every run that gets past its options: libpq is loaded on a second
  // thread while the command starts (pg::load_libpq), not when it first connects.
  bool connects = false;
};

struct CommandEntry {
  const char* name;
  SetupFunction setup;
  CommandTraits traits;
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
    {"generate", setup_generate, {.builds_large_models = true}},
    {"export", setup_export, {.builds_large_models = true}},
    {"check", setup_check, {.builds_large_models = true}},
    {"migrate", setup_migrate, {.connects = true}},
    {"status", setup_status, {.connects = true}},
    {"mark-applied", setup_mark_applied, {.connects = true}},
    {"baseline", setup_baseline, {.connects = true}},
    {"down", setup_down, {.builds_large_models = true, .connects = true}},
    {"db", setup_db, {}},
    {"lint", setup_lint, {.builds_large_models = true}},
    {"docs", setup_docs, {.builds_large_models = true}},
    {"seed", setup_seed, {.connects = true}},
    {"create-admin", setup_create_admin, {.connects = true}},
    {"codegen", setup_codegen, {.builds_large_models = true}},
    {"pull", setup_pull, {.builds_large_models = true, .connects = true}},
    {"push", setup_push, {.builds_large_models = true, .connects = true}},
    {"drift", setup_drift, {.builds_large_models = true, .connects = true}},
};

// The traits of subcommand `name`; none for a name that is not one (an option, a typo).
inline CommandTraits traits_of(std::string_view name) {
  for (const CommandEntry& command : kCommands) {
    if (name == command.name) return command.traits;
  }
  return {};
}

}  // namespace flick::cli

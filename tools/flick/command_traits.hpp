#pragma once

// What the program does for a subcommand before it parses the options, by name. Read by flick's
// launcher (launcher/launcher.cpp), which links nothing of the rest, and by flick-core's main;
// commands.hpp checks that its table of subcommands names the same ones in the same order.

#include <cstddef>
#include <string_view>

namespace flick::cli {

struct CommandTraits {
  // Reads a whole schema or migration folder into memory: worth starting with glibc's huge-page
  // tunable (huge_pages.hpp). Measured: export 1.80x, generate 2.08x, check 1.15x, pull 1.09x
  // faster with huge pages; a no-op migrate won nothing back from them.
  bool builds_large_models = false;
  // Connects to a database on every run that gets past its options: libpq is loaded on a second
  // thread while the command starts (pg::load_libpq), not when it first connects.
  bool connects = false;
};

struct CommandTraitsEntry {
  const char* name;
  CommandTraits traits;
};

inline constexpr CommandTraitsEntry kCommandTraits[] = {
    {"generate", {.builds_large_models = true}},
    {"export", {.builds_large_models = true}},
    {"check", {.builds_large_models = true}},
    {"migrate", {.connects = true}},
    {"status", {.connects = true}},
    {"mark-applied", {.connects = true}},
    {"baseline", {.connects = true}},
    {"down", {.builds_large_models = true, .connects = true}},
    {"db", {}},
    {"lint", {.builds_large_models = true}},
    {"docs", {.builds_large_models = true}},
    {"seed", {.connects = true}},
    {"create-admin", {.connects = true}},
    {"codegen", {.builds_large_models = true}},
    {"pull", {.builds_large_models = true, .connects = true}},
    {"push", {.builds_large_models = true, .connects = true}},
    {"drift", {.builds_large_models = true, .connects = true}},
};

// The traits of subcommand `name`; none for a name that is not one (an option, a typo).
constexpr CommandTraits traits_of(std::string_view name) {
  for (const CommandTraitsEntry& command : kCommandTraits) {
    if (name == command.name) return command.traits;
  }
  return {};
}

}  // namespace flick::cli

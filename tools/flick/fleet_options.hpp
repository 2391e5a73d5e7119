#pragma once

// The --fleet flags migrate, status and drift share, and the printing of fleet results.

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "flick/fleet.hpp"

namespace flick::cli {

struct FleetFlags {
  bool fleet = false;
  std::vector<std::string> targets;  // --target URL | NAME=URL
  std::optional<int> parallel;
  std::optional<int> canary;
  bool fail_fast = false;
  bool continue_on_error = false;
};

// Adds --fleet, --target, --parallel and, with `with_failure_policy`, --canary, --fail-fast and
// --continue-on-error.
void add_fleet_options(CLI::App& command, FleetFlags& flags, bool with_failure_policy);

// The toolkit's options. Throws flick::UserError for fleet flags without --fleet, and for
// --fail-fast with --continue-on-error.
toolkit::FleetOptions fleet_options(const FleetFlags& flags);

// Up to `shown` names joined by ", ", then "and N more".
std::string name_list(const std::vector<std::string>& names, std::size_t shown = 5);

}  // namespace flick::cli

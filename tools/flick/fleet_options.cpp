#include "fleet_options.hpp"

#include <fmt/core.h>

#include "flick/error.hpp"

namespace flick::cli {

void add_fleet_options(CLI::App& command, FleetFlags& flags, bool with_failure_policy) {
  command.add_flag("--fleet", flags.fleet,
                   "work on every target of [fleet] in flick.toml (or the --target URLs)");
  command.add_option("--target", flags.targets,
                     "a fleet target, URL or NAME=URL (repeat; replaces [fleet] targets)");
  command.add_option("--parallel", flags.parallel,
                     "fleet targets (connections) at once, 1-256 (default [fleet] parallel, 4)");
  if (!with_failure_policy) return;
  command.add_option("--canary", flags.canary,
                     "run the first K targets first; stop when one of them does not converge");
  command.add_flag("--fail-fast", flags.fail_fast,
                   "start no more targets after one did not converge");
  command.add_flag("--continue-on-error", flags.continue_on_error,
                   "run every target whatever the others did (the default)");
}

toolkit::FleetOptions fleet_options(const FleetFlags& flags) {
  if (!flags.fleet) {
    const char* given = !flags.targets.empty()    ? "--target"
                        : flags.parallel          ? "--parallel"
                        : flags.canary            ? "--canary"
                        : flags.fail_fast         ? "--fail-fast"
                        : flags.continue_on_error ? "--continue-on-error"
                                                  : nullptr;
    if (given) throw UserError(fmt::format("{} works with --fleet only", given));
  }
  if (flags.fail_fast && flags.continue_on_error) {
    throw UserError("--fail-fast and --continue-on-error: give one");
  }
  toolkit::FleetOptions options;
  options.targets = flags.targets;
  options.parallel = flags.parallel;
  options.canary = flags.canary;
  options.fail_fast = flags.fail_fast;
  return options;
}

std::string name_list(const std::vector<std::string>& names, std::size_t shown) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < shown; ++i) {
    if (i > 0) out += ", ";
    out += names[i];
  }
  if (names.size() > shown) out += fmt::format(" and {} more", names.size() - shown);
  return out;
}

}  // namespace flick::cli

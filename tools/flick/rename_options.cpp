#include "rename_options.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>

#include "flick/error.hpp"
#include "toolkit/project_state.hpp"

namespace flick::cli {
std::optional<std::string> ask_on_terminal(const std::string& kind, const std::string& created,
                                           const std::vector<std::string>& candidates) {
  fmt::print(stderr, "Is {} \"{}\" created, or renamed from another {}?\n", kind, created, kind);
  fmt::print(stderr, "  0) created\n");
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    fmt::print(stderr, "  {}) renamed from \"{}\"\n", i + 1, candidates[i]);
  }
  for (;;) {
    fmt::print(stderr, "choice [0-{}]: ", candidates.size());
    std::string line;
    if (!std::getline(std::cin, line)) throw UserError("no answer to the rename question");
    char* end = nullptr;
    long choice = std::strtol(line.c_str(), &end, 10);
    if (end != line.c_str() && choice >= 0 && choice <= static_cast<long>(candidates.size())) {
      if (choice == 0) return std::nullopt;
      return candidates[choice - 1];
    }
  }
}

}  // namespace flick::cli

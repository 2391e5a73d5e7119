#pragma once

// The rename/drop answers generate and push share: --rename, --drop, --hints FILE, and on a
// terminal the interactive question for what remains ambiguous.

#include <optional>
#include <string>
#include <vector>

#include "diff/diff.hpp"

namespace flick::cli {

// Asks on the terminal which removed object (if any) became `created` (toolkit's `ask`).
std::optional<std::string> ask_on_terminal(const std::string& kind, const std::string& created,
                                           const std::vector<std::string>& candidates);

diff::Options rename_diff_options(const std::vector<std::string>& renames,
                                  const std::vector<std::string>& drops,
                                  const std::string& hints_file);

}  // namespace flick::cli

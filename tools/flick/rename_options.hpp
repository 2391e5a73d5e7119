#pragma once

// The question generate and push ask on a terminal when a rename is ambiguous (the toolkit's
// AskRename).

#include <optional>
#include <string>
#include <vector>

namespace flick::cli {

// Asks on the terminal which removed object (if any) became `created` (toolkit's `ask`).
std::optional<std::string> ask_on_terminal(const std::string& kind, const std::string& created,
                                           const std::vector<std::string>& candidates);

}  // namespace flick::cli

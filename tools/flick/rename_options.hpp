#pragma once

// The rename/drop answers generate and push share: --rename, --drop, --hints FILE, and on a
// terminal the interactive question for what remains ambiguous.

#include <string>
#include <vector>

#include "diff/diff.hpp"

namespace flick::cli {

diff::Options rename_diff_options(const std::vector<std::string>& renames,
                                  const std::vector<std::string>& drops,
                                  const std::string& hints_file);

}  // namespace flick::cli

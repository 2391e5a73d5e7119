#pragma once

// Describes a diff::Change in words, for the migration history: "Added column `email` (`text`,
// not null) to `users`."

#include <string>

#include "diff/changes.hpp"

namespace flick::docs {

// One sentence of Markdown, ending in '.'.
std::string describe(const diff::Change& change);

}  // namespace flick::docs

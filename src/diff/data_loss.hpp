#pragma once

// Which changes of a change set destroy data already in the database: `down` and `push` ask
// before running them.

#include <string>
#include <vector>

#include "diff/diff.hpp"

namespace flick::diff {

// One sentence per lossy change, e.g. `drops table "public"."notes" and its rows`.
std::vector<std::string> data_loss(const ChangeSet& changes);

}  // namespace flick::diff

#pragma once

// Which identifiers a SQL expression or query mentions, to find what a generated column or a
// view depends on. A superset is fine (it only causes an extra drop and re-create).

#include <string>
#include <string_view>
#include <unordered_set>

namespace flick::diff {

// Identifiers in `sql`: quoted ones unquoted, bare ones lower-cased; string literals, numbers
// and comments skipped.
std::unordered_set<std::string> referenced_identifiers(std::string_view sql);

// The identifiers of `sql` that are called: followed by "(" ("f(1)", "app.f (x)" gives "f").
// Type modifiers ("varchar(20)") and keywords ("IN (", "VALUES (") are among them.
std::unordered_set<std::string> called_identifiers(std::string_view sql);

}  // namespace flick::diff

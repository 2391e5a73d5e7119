#pragma once

// Names Flick generates, within PostgreSQL's 63-byte limit. (Names PostgreSQL generates come
// from sqlparse::implicit_name.)

#include <string>
#include <string_view>
#include <vector>

namespace flick::diff {

inline constexpr std::size_t kMaxIdentifierBytes = 63;

// A name Flick generates: `base` + `suffix` when that fits in 63 bytes, otherwise `base`
// truncated and given a stable 8-hex-digit hash of the full name before `suffix`.
std::string fitted_name(std::string_view base, std::string_view suffix);

}  // namespace flick::diff

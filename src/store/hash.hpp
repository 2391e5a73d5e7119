#pragma once

#include <string>
#include <string_view>

namespace flick::store {

// Lower-case hex SHA-256 of `data`. Applied to a whole raw migration file, this is the hash
// drizzle's migrator stores in __drizzle_migrations.hash.
std::string sha256_hex(std::string_view data);

}  // namespace flick::store

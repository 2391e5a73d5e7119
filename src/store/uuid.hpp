#pragma once

#include <string>

namespace flick::store {

// The prevId of a folder's first snapshot.
inline constexpr const char* kNilUuid = "00000000-0000-0000-0000-000000000000";

// A random (version 4) UUID in lower-case 8-4-4-4-12 form, from libsodium's CSPRNG.
std::string random_uuid_v4();

}  // namespace flick::store

#pragma once

// Random identifiers for the auth tables.

#include <string>

namespace flick::auth {

// A session token: 256 random bits from libsodium, base64url without padding (43 characters).
std::string new_session_token();

// A row id for the text-keyed auth tables (auth, account, session, verification, two_factor):
// 32 characters from [A-Za-z0-9], like Better Auth's generated ids (~190 random bits).
std::string new_auth_id();

}  // namespace flick::auth

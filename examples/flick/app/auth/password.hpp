#pragma once

// Password hashing for the auth tables: argon2id through libsodium, stored in libsodium's
// self-describing string form ("$argon2id$v=19$m=...,t=...,p=1$salt$hash"), so the cost can be
// raised later without breaking stored hashes.

#include <string>
#include <string_view>

namespace flick::auth {

// Better Auth's default length bounds for email/password sign-up.
inline constexpr std::size_t kMinPasswordLength = 8;
inline constexpr std::size_t kMaxPasswordLength = 128;

// Throws flick::UserError when `password` is shorter than kMinPasswordLength or longer than
// kMaxPasswordLength (the message never contains the password).
void check_password_rules(std::string_view password);

// A fresh argon2id hash of `password` with a random salt (libsodium's interactive cost).
// Throws std::runtime_error when libsodium cannot allocate the memory the hash needs.
std::string hash_password(std::string_view password);

// True when `password` matches `stored_hash`; false for a wrong password and for a stored value
// that is not an argon2 hash string.
bool verify_password(std::string_view stored_hash, std::string_view password);

}  // namespace flick::auth

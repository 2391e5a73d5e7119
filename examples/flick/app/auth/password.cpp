#include "auth/password.hpp"

#include <fmt/core.h>
#include <sodium.h>

#include <stdexcept>

#include "auth/sodium_init.hpp"
#include "flick/error.hpp"

namespace flick::auth {

void check_password_rules(std::string_view password) {
  if (password.size() < kMinPasswordLength) {
    throw UserError(
        fmt::format("password too short: at least {} characters are required", kMinPasswordLength));
  }
  if (password.size() > kMaxPasswordLength) {
    throw UserError(
        fmt::format("password too long: at most {} characters are allowed", kMaxPasswordLength));
  }
}

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("argon2id: out of memory while hashing a password");
  }
  return std::string(out);
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
  ensure_sodium();
  // crypto_pwhash_str_verify reads a NUL-terminated string of at most STRBYTES - 1 characters.
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string terminated(stored_hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

}  // namespace flick::auth

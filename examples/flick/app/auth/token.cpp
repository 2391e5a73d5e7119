#include "auth/token.hpp"

#include <sodium.h>

#include <array>

#include "auth/sodium_init.hpp"

namespace flick::auth {

std::string new_session_token() {
  ensure_sodium();
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::array<char, sodium_base64_ENCODED_LEN(32, kVariant)> text{};
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), kVariant);
  return std::string(text.data());
}

std::string new_auth_id() {
  ensure_sodium();
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string id(32, '\0');
  // randombytes_uniform draws without modulo bias.
  for (char& c : id) c = kAlphabet[randombytes_uniform(sizeof(kAlphabet) - 1)];
  return id;
}

}  // namespace flick::auth

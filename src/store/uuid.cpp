#include "store/uuid.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <stdexcept>

namespace flick::store {

std::string random_uuid_v4() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);  // version 4
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += fmt::format("{:02x}", bytes[i]);
  }
  return out;
}

}  // namespace flick::store

#include "diff/names.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace flick::diff {
namespace {

// Largest prefix of `text` with at most `bytes` bytes that ends on a UTF-8 character boundary.
std::string_view clip(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes);
}

std::uint32_t fnv1a(std::string_view text) {
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 16777619u;
  }
  return hash;
}

}  // namespace

std::string fitted_name(std::string_view base, std::string_view suffix) {
  if (base.size() + suffix.size() <= kMaxIdentifierBytes) {
    return std::string(base) + std::string(suffix);
  }
  std::string hash = fmt::format("_{:08x}", fnv1a(std::string(base) + std::string(suffix)));
  std::size_t keep = kMaxIdentifierBytes - suffix.size() - hash.size();
  return std::string(clip(base, keep)) + hash + std::string(suffix);
}

}  // namespace flick::diff

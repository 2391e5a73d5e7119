#include "store/migration_name.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <array>
#include <ctime>
#include <stdexcept>

#include "flick/error.hpp"

namespace flick::store {
namespace {

// Flick's own word lists (not drizzle's): plain, unambiguous, lower-case ASCII words.
constexpr std::array kAdjectives = {
    "amber",    "ample",  "bold",   "brave",   "breezy", "bright", "brisk",  "calm",   "candid",
    "clever",   "cosy",   "crisp",  "curious", "daring", "deft",   "eager",  "early",  "even",
    "fair",     "fancy",  "fleet",  "fluent",  "frank",  "fresh",  "gentle", "glad",   "golden",
    "grand",    "hardy",  "hazel",  "honest",  "humble", "jolly",  "keen",   "kind",   "lively",
    "loyal",    "lucid",  "lucky",  "mellow",  "merry",  "modest", "neat",   "nimble", "noble",
    "patient",  "plucky", "polite", "proud",   "quick",  "quiet",  "rapid",  "ready",  "robust",
    "rosy",     "rustic", "sage",   "serene",  "sharp",  "shiny",  "silent", "simple", "sleek",
    "smooth",   "snug",   "solid",  "spry",    "steady", "sturdy", "sunny",  "swift",  "tidy",
    "tranquil", "trusty", "upbeat", "vivid",   "warm",   "wise",   "witty",  "young",
};

constexpr std::array kNouns = {
    "acorn",   "anchor",  "aspen",  "badger", "beacon", "birch",   "bison",   "bramble", "brook",
    "canyon",  "cedar",   "comet",  "coral",  "crane",  "creek",   "delta",   "dune",    "eagle",
    "ember",   "falcon",  "fern",   "fjord",  "forest", "fox",     "glacier", "grove",   "harbor",
    "hawk",    "heron",   "hill",   "island", "ivy",    "juniper", "kestrel", "lagoon",  "lantern",
    "larch",   "lark",    "lynx",   "maple",  "marsh",  "meadow",  "mesa",    "moss",    "nebula",
    "oak",     "orchard", "osprey", "otter",  "owl",    "pebble",  "pine",    "plateau", "prairie",
    "quarry",  "raven",   "reef",   "ridge",  "river",  "robin",   "sparrow", "spruce",  "summit",
    "thistle", "thrush",  "tundra", "valley", "walnut", "willow",  "wren",    "yarrow",  "zephyr",
};

template <typename Words>
const char* pick(const Words& words) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  return words[randombytes_uniform(static_cast<std::uint32_t>(words.size()))];
}

}  // namespace

PrefixMode parse_prefix_mode(std::string_view text, const std::string& context) {
  if (text == "index") return PrefixMode::kIndex;
  if (text == "timestamp" || text == "supabase") return PrefixMode::kTimestamp;
  if (text == "unix") return PrefixMode::kUnix;
  if (text == "none") return PrefixMode::kNone;
  throw UserError(fmt::format(
      "{}: unknown migration prefix \"{}\" (expected index, timestamp, supabase, unix or none)",
      context, text));
}

std::string migration_prefix(PrefixMode mode, int idx, std::int64_t now_ms) {
  switch (mode) {
    case PrefixMode::kIndex:
      return fmt::format("{:04d}", idx);
    case PrefixMode::kTimestamp: {
      std::time_t seconds = static_cast<std::time_t>(now_ms / 1000);
      std::tm utc{};
      gmtime_r(&seconds, &utc);
      return fmt::format("{:04d}{:02d}{:02d}{:02d}{:02d}{:02d}", utc.tm_year + 1900, utc.tm_mon + 1,
                         utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
    }
    case PrefixMode::kUnix:
      return std::to_string(now_ms / 1000);
    case PrefixMode::kNone:
      return "";
  }
  throw std::logic_error("migration_prefix: unknown mode");
}

std::string random_migration_name() {
  return fmt::format("{}_{}", pick(kAdjectives), pick(kNouns));
}

}  // namespace flick::store

#pragma once

// Migration tags: "<prefix>_<name>", as drizzle-kit's generate names its files.

#include <cstdint>
#include <string>
#include <string_view>

namespace flick::store {

// drizzle-kit's --prefix / migrations.prefix.
enum class PrefixMode {
  kIndex,      // "0007": the journal index padded to 4 digits (the default)
  kTimestamp,  // "20261125164714": UTC yyyymmddhhmmss ("supabase" is accepted as a synonym)
  kUnix,       // "1764089234": seconds since the epoch
  kNone,       // "": the tag is "_<name>" and the snapshot file "_snapshot.json"
};

// Parses "index" | "timestamp" | "supabase" | "unix" | "none". Throws flick::UserError naming
// `context` otherwise.
PrefixMode parse_prefix_mode(std::string_view text, const std::string& context);

// The prefix for journal index `idx` at time `now_ms` (milliseconds since the epoch).
std::string migration_prefix(PrefixMode mode, int idx, std::int64_t now_ms);

// A random two-word "adjective_noun" name, for migrations generated without --name.
std::string random_migration_name();

}  // namespace flick::store

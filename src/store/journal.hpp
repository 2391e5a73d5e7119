#pragma once

// meta/_journal.json: the ordered list of migrations of a drizzle folder.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "store/json_format.hpp"

namespace flick::store {

struct JournalEntry {
  int idx = 0;
  std::string version = "7";  // snapshot version the migration was generated with
  std::int64_t when = 0;      // generation time, milliseconds since the epoch
  std::string tag;            // file name of the SQL file without ".sql", e.g. "0003_flat_reptil"
  bool breakpoints = true;    // statements are separated by "--> statement-breakpoint"

  bool operator==(const JournalEntry&) const = default;
};

struct Journal {
  // Kept as read: journal "5" with dialect "pg" (drizzle-kit before 0.21) and journal "7" with
  // dialect "postgresql" are both accepted, and written back unchanged.
  std::string version = "7";
  std::string dialect = "postgresql";
  std::vector<JournalEntry> entries;
  JsonLayout layout = JsonLayout::kDrizzleKit;

  bool operator==(const Journal&) const = default;
};

// Parses a journal text. Throws flick::UserError naming `file_name` on malformed JSON, a missing
// or mistyped key, an unknown key, or a dialect other than PostgreSQL.
Journal parse_journal(std::string_view text, const std::string& file_name);

// Reads and parses the journal file at `path`. Throws flick::UserError when it cannot be read.
Journal read_journal(const std::filesystem::path& path);

// The journal as drizzle-kit writes it, in the journal's layout.
std::string journal_json(const Journal& journal);

}  // namespace flick::store

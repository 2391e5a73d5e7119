#pragma once

// A drizzle migration folder ("out"): NNNN_tag.sql files, meta/_journal.json and
// meta/NNNN_snapshot.json, read and extended exactly as drizzle-kit does.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/journal.hpp"
#include "store/migration_name.hpp"
#include "store/snapshot.hpp"

namespace flick::store {

// drizzle's separator between the statements of a migration file.
inline constexpr std::string_view kStatementBreakpoint = "--> statement-breakpoint";

// One piece of a migration file between breakpoints, as drizzle's migrator runs it.
struct SqlChunk {
  std::string text;  // raw, including surrounding whitespace
  int line = 1;      // 1-based line of the chunk's first non-blank character in the file
};

// Splits a migration file's text on "--> statement-breakpoint" (the migrator's split).
// A file without breakpoints is one chunk.
std::vector<SqlChunk> split_breakpoints(std::string_view sql);

// Joins statements as drizzle-kit's generate does: with "--> statement-breakpoint\n" when
// `breakpoints`, else with "\n". Statements already end with ";" (CREATE TABLE with ";\n").
std::string join_statements(const std::vector<std::string>& statements, bool breakpoints);

// The whole SQL file drizzle-kit's `generate --custom` writes.
inline constexpr std::string_view kCustomMigrationSql =
    "-- Custom SQL migration file, put your code below! --";

class MigrationFolder;

// A new snapshot's text written ahead (on another thread, while the rest of the migration is
// made) straight into an unnamed file on the folder's file system (O_TMPFILE: nothing is left
// behind if the process dies), 64 KiB at a time instead of the whole text in memory;
// write_migration gives the file its name. Closing a draft that was not placed discards it.
class SnapshotDraft {
 public:
  // Writes `snapshot`, completed by folder.complete_snapshot(), for `folder`. Never throws: when
  // the text cannot be written so (no O_TMPFILE on that file system, a write error, a snapshot
  // stream_snapshot_json declines) the draft is not ready(), and write_migration writes the
  // snapshot itself, reporting any error then.
  static SnapshotDraft write(const MigrationFolder& folder, const Snapshot& snapshot);

  SnapshotDraft() = default;
  SnapshotDraft(SnapshotDraft&& other) noexcept;
  SnapshotDraft& operator=(SnapshotDraft&& other) noexcept;
  SnapshotDraft(const SnapshotDraft&) = delete;
  SnapshotDraft& operator=(const SnapshotDraft&) = delete;
  ~SnapshotDraft();

  bool ready() const { return fd_ >= 0; }
  // Gives the file the name `path` (replacing a file there) and closes the draft; false, with
  // nothing changed, when it cannot (not ready, another file system, no /proc).
  bool place(const std::filesystem::path& path);

 private:
  int fd_ = -1;
};

struct NewMigration {
  std::string name;  // the --name; empty: a random adjective_noun name
  PrefixMode prefix = PrefixMode::kIndex;
  std::vector<std::string> statements;
  // The new snapshot. An empty id gets a random UUID, an empty prev_id the latest snapshot's id
  // (kNilUuid in an empty folder). Its layout is replaced by the folder's.
  Snapshot snapshot;
  bool breakpoints = true;
  // The journal's "when", as given; default: the current time, or the last entry's `when` + 1
  // when the current time is not after it.
  std::optional<std::int64_t> now_ms;
  // `snapshot`, completed by complete_snapshot(), written beforehand; write_migration writes it
  // itself when there is none or it is not ready.
  std::shared_ptr<SnapshotDraft> snapshot_draft;
};

struct WrittenMigration {
  JournalEntry entry;
  std::filesystem::path sql_path;
  std::filesystem::path snapshot_path;
  std::string snapshot_id;
};

class MigrationFolder {
 public:
  // Opens the folder `out`. A missing folder or journal is an empty folder (nothing is created
  // until a migration is written). Throws flick::UserError on a malformed journal, and on a
  // folder without a journal in drizzle-kit 1.0's layout (a directory per migration holding
  // migration.sql), which Flick does not read: taken for an empty folder, it would be checked as
  // fine and generated into as if it had no migrations.
  explicit MigrationFolder(std::filesystem::path out);

  const std::filesystem::path& out() const { return out_; }
  std::filesystem::path meta_dir() const { return out_ / "meta"; }
  std::filesystem::path journal_path() const { return meta_dir() / "_journal.json"; }
  bool has_journal() const { return has_journal_; }
  const Journal& journal() const { return journal_; }

  // Snapshot files in meta/ (every *.json not starting with "_"), sorted by name as drizzle-kit
  // sorts them.
  std::vector<std::filesystem::path> snapshot_paths() const;

  // The snapshot file of a journal entry: meta/<tag prefix>_snapshot.json.
  std::filesystem::path snapshot_path(const JournalEntry& entry) const;

  // The snapshot generate diffs against: the one of the journal's LAST migration, or
  // std::nullopt when the journal has none. Throws flick::UserError, naming the file and the
  // migration, when that snapshot is missing or is a copy of the previous migration's (the same
  // id): diffing against an older schema would write again what the last migration did.
  std::optional<Snapshot> latest_snapshot() const;

  // Every snapshot file, read, in snapshot_paths() order (for checks such as two snapshots
  // sharing a prevId, which means two branches generated in parallel).
  std::vector<std::pair<std::filesystem::path, Snapshot>> load_snapshots() const;

  // The id of latest_snapshot(), or kNilUuid.
  std::string latest_snapshot_id() const;

  // The *.sql files directly in the folder, sorted by name.
  std::vector<std::filesystem::path> sql_paths() const;

  // The SQL file of a journal entry: <out>/<tag>.sql.
  std::filesystem::path sql_path(const JournalEntry& entry) const;

  // Gives `snapshot` what write_migration would: a random id when it has none, the latest
  // snapshot's id as prev_id when it has none, the folder's JSON layout.
  void complete_snapshot(Snapshot& snapshot) const;

  // Writes <tag>.sql, meta/<prefix>_snapshot.json and the journal with the new entry appended
  // (idx = last idx + 1), creating the folder when needed. JSON files take the layout of the
  // folder's existing journal (drizzle-kit's own layout in a new folder).
  WrittenMigration write_migration(NewMigration migration);

  // drizzle-kit's `generate --custom`: an SQL file holding kCustomMigrationSql and, as its
  // snapshot, the latest snapshot again (new id, prevId its id) in parsed key order.
  WrittenMigration write_custom_migration(const std::string& name, PrefixMode prefix,
                                          bool breakpoints,
                                          std::optional<std::int64_t> now_ms = std::nullopt);

 private:
  std::filesystem::path out_;
  Journal journal_;
  bool has_journal_ = false;
};

}  // namespace flick::store

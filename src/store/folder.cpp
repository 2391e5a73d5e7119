#include "store/folder.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <string>
#include <utility>

#include "flick/error.hpp"
#include "store/uuid.hpp"

namespace flick::store {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> sorted_files(const fs::path& dir, const std::string& extension,
                                   bool skip_underscore) {
  std::vector<fs::path> out;
  std::error_code error;
  if (!fs::is_directory(dir, error)) return out;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::string name = entry.path().filename().string();
    if (skip_underscore && !name.empty() && name[0] == '_') continue;
    if (entry.path().extension() != extension) continue;
    out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  return out;
}

void write_file(const fs::path& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw UserError(fmt::format("{}: cannot be written", path.string()));
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw UserError(fmt::format("{}: write failed", path.string()));
}

std::int64_t now_milliseconds() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// The migration.sql files one directory below `out`, sorted: drizzle-kit 1.0 writes a directory
// per migration (<timestamp>_<name>/migration.sql beside its snapshot.json) and no journal.
std::vector<fs::path> migration_directories(const fs::path& out) {
  std::vector<fs::path> found;
  std::error_code error;
  fs::directory_iterator entry(out, error);
  for (; !error && entry != fs::directory_iterator(); entry.increment(error)) {
    std::error_code ignored;
    if (!entry->is_directory(ignored)) continue;
    fs::path sql = entry->path() / "migration.sql";
    if (fs::is_regular_file(sql, ignored)) found.push_back(sql.lexically_relative(out));
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

std::vector<SqlChunk> split_breakpoints(std::string_view sql) {
  std::vector<SqlChunk> chunks;
  int line = 1;
  std::size_t start = 0;
  while (true) {
    std::size_t end = sql.find(kStatementBreakpoint, start);
    std::string_view piece = sql.substr(start, end == std::string_view::npos ? end : end - start);
    SqlChunk chunk;
    chunk.text = std::string(piece);
    chunk.line = line;
    std::size_t first = piece.find_first_not_of(" \t\r\n");
    std::string_view lead = piece.substr(0, first == std::string_view::npos ? 0 : first);
    chunk.line += static_cast<int>(std::count(lead.begin(), lead.end(), '\n'));
    chunks.push_back(std::move(chunk));
    line += static_cast<int>(std::count(piece.begin(), piece.end(), '\n'));
    if (end == std::string_view::npos) break;
    start = end + kStatementBreakpoint.size();
  }
  return chunks;
}

std::string join_statements(const std::vector<std::string>& statements, bool breakpoints) {
  std::string separator = breakpoints ? std::string(kStatementBreakpoint) + "\n" : "\n";
  std::string out;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    if (i > 0) out += separator;
    out += statements[i];
  }
  return out;
}

MigrationFolder::MigrationFolder(fs::path out) : out_(std::move(out)) {
  std::error_code error;
  if (fs::exists(journal_path(), error)) {
    journal_ = read_journal(journal_path());
    has_journal_ = true;
    return;
  }
  std::vector<fs::path> directories = migration_directories(out_);
  if (!directories.empty()) {
    throw UserError(fmt::format(
        "{}: drizzle-kit 1.0's folder layout ({} {} such as {}: a directory per migration with "
        "its migration.sql and snapshot.json, and no meta/_journal.json). Flick reads drizzle-kit "
        "0.x's layout (meta/_journal.json, meta/NNNN_snapshot.json, NNNN_name.sql) and cannot "
        "read this one yet; nothing was read or written",
        out_.string(), directories.size(),
        directories.size() == 1 ? "migration directory" : "migration directories",
        directories.front().string()));
  }
}

std::vector<fs::path> MigrationFolder::snapshot_paths() const {
  return sorted_files(meta_dir(), ".json", true);
}

fs::path MigrationFolder::snapshot_path(const JournalEntry& entry) const {
  std::string prefix = entry.tag.substr(0, entry.tag.find('_'));
  return meta_dir() / (prefix + "_snapshot.json");
}

std::optional<Snapshot> MigrationFolder::latest_snapshot() const {
  const std::vector<JournalEntry>& entries = journal_.entries;
  if (entries.empty()) return std::nullopt;
  const JournalEntry& last = entries.back();
  fs::path path = snapshot_path(last);
  std::error_code error;
  if (!fs::exists(path, error)) {
    throw UserError(fmt::format(
        "{}: missing: it is the snapshot of {}, the last migration; without it generate would diff "
        "against an older schema and write again what {} did (`flick check --fix` rebuilds it from "
        "the SQL)",
        path.string(), last.tag, last.tag));
  }
  Snapshot snapshot = read_snapshot(path);
  if (entries.size() >= 2) {
    fs::path previous_path = snapshot_path(entries[entries.size() - 2]);
    if (fs::exists(previous_path, error)) {
      std::optional<SnapshotIds> previous = read_snapshot_ids(previous_path);
      if (previous && previous->id == snapshot.id) {
        throw UserError(fmt::format(
            "{}: has the id {} of {}: it is a copy of the previous snapshot, not the schema after "
            "{} (`flick check --fix` rebuilds it from the SQL)",
            path.string(), snapshot.id, previous_path.string(), last.tag));
      }
    }
  }
  return snapshot;
}

std::vector<std::pair<fs::path, Snapshot>> MigrationFolder::load_snapshots() const {
  std::vector<std::pair<fs::path, Snapshot>> out;
  for (const fs::path& path : snapshot_paths()) out.emplace_back(path, read_snapshot(path));
  return out;
}

std::string MigrationFolder::latest_snapshot_id() const {
  std::optional<Snapshot> latest = latest_snapshot();
  return latest ? latest->id : kNilUuid;
}

std::vector<fs::path> MigrationFolder::sql_paths() const {
  return sorted_files(out_, ".sql", false);
}

fs::path MigrationFolder::sql_path(const JournalEntry& entry) const {
  return out_ / (entry.tag + ".sql");
}

void MigrationFolder::complete_snapshot(Snapshot& snapshot) const {
  if (snapshot.id.empty()) snapshot.id = random_uuid_v4();
  if (snapshot.prev_id.empty()) snapshot.prev_id = latest_snapshot_id();
  JsonLayout layout = has_journal_ ? journal_.layout : JsonLayout::kDrizzleKit;
  // drizzle-kit's first, empty journal is compact; every journal it rewrites is indented.
  if (layout == JsonLayout::kCompact) layout = JsonLayout::kDrizzleKit;
  snapshot.layout = layout;
}

namespace {

// The nearest existing directory at or above `dir` (a folder's meta/ may not exist yet: a draft
// is made on its file system without creating anything).
fs::path nearest_existing_directory(fs::path dir) {
  std::error_code error;
  while (!dir.empty() && !fs::is_directory(dir, error)) {
    fs::path parent = dir.parent_path();
    if (parent == dir) break;
    dir = parent;
  }
  return dir.empty() ? fs::path(".") : dir;
}

}  // namespace

SnapshotDraft SnapshotDraft::write(const MigrationFolder& folder, const Snapshot& snapshot) {
  SnapshotDraft draft;
  fs::path dir = nearest_existing_directory(folder.meta_dir());
  int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0) return draft;
  draft.fd_ = fd;
  bool written = true;
  bool complete = false;
  try {
    complete = stream_snapshot_json(snapshot, [&](std::string_view piece) {
      while (written && !piece.empty()) {
        ssize_t count = ::write(fd, piece.data(), piece.size());
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) {
          written = false;
          break;
        }
        piece.remove_prefix(static_cast<std::size_t>(count));
      }
    });
  } catch (...) {  // write_migration writes the snapshot itself, and reports what goes wrong
  }
  if (!complete || !written) return SnapshotDraft();  // `draft` closes (and so discards) its file
  return draft;
}

SnapshotDraft::SnapshotDraft(SnapshotDraft&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

SnapshotDraft& SnapshotDraft::operator=(SnapshotDraft&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

SnapshotDraft::~SnapshotDraft() {
  if (fd_ >= 0) ::close(fd_);
}

bool SnapshotDraft::place(const fs::path& path) {
  if (fd_ < 0) return false;
  std::string self = "/proc/self/fd/" + std::to_string(fd_);
  int linked = ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW);
  if (linked != 0 && errno == EEXIST && ::unlink(path.c_str()) == 0) {
    linked = ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW);
  }
  if (linked != 0) return false;
  ::close(std::exchange(fd_, -1));
  return true;
}

WrittenMigration MigrationFolder::write_migration(NewMigration migration) {
  std::int64_t now = migration.now_ms ? *migration.now_ms : now_milliseconds();
  // drizzle-orm's migrator skips an entry whose `when` is not after the newest applied one, so the
  // current time never lands at or before the last entry's (two runs in one millisecond, a clock
  // behind a teammate's): the entry then takes the last `when` + 1.
  if (!migration.now_ms && !journal_.entries.empty()) {
    now = std::max(now, journal_.entries.back().when + 1);
  }
  int idx = journal_.entries.empty() ? 0 : journal_.entries.back().idx + 1;
  std::string prefix = migration_prefix(migration.prefix, idx, now);
  std::string name = migration.name.empty() ? random_migration_name() : migration.name;

  Snapshot& snapshot = migration.snapshot;
  complete_snapshot(snapshot);
  JsonLayout layout = snapshot.layout;

  JournalEntry entry;
  entry.idx = idx;
  entry.when = now;
  entry.tag = prefix + "_" + name;
  entry.breakpoints = migration.breakpoints;

  Journal journal = journal_;
  journal.layout = layout;
  journal.entries.push_back(entry);

  std::error_code error;
  fs::create_directories(meta_dir(), error);
  if (error) {
    throw UserError(fmt::format("{}: cannot be created: {}", meta_dir().string(), error.message()));
  }
  WrittenMigration written;
  written.entry = entry;
  written.sql_path = sql_path(entry);
  written.snapshot_path = meta_dir() / (prefix + "_snapshot.json");
  written.snapshot_id = snapshot.id;
  // Once a folder records objects drizzle's snapshots cannot hold, every later snapshot has its
  // objects file (an empty one says "none left").
  std::vector<fs::path> earlier = snapshot_paths();
  bool recorded_before = !earlier.empty() && fs::exists(objects_path_for(earlier.back()));
  if (!migration.snapshot_draft || !migration.snapshot_draft->place(written.snapshot_path)) {
    write_file(written.snapshot_path, snapshot_json(snapshot));
  }
  if (has_objects(snapshot.catalog) || recorded_before) {
    fs::path objects = objects_path_for(written.snapshot_path);
    fs::create_directories(objects.parent_path());
    write_file(objects, objects_json(snapshot.catalog));
  }
  write_file(journal_path(), journal_json(journal));
  write_file(written.sql_path, join_statements(migration.statements, migration.breakpoints));
  journal_ = std::move(journal);
  has_journal_ = true;
  return written;
}

WrittenMigration MigrationFolder::write_custom_migration(const std::string& name, PrefixMode prefix,
                                                         bool breakpoints,
                                                         std::optional<std::int64_t> now_ms) {
  NewMigration migration;
  migration.name = name;
  migration.prefix = prefix;
  migration.statements = {std::string(kCustomMigrationSql)};
  migration.breakpoints = breakpoints;
  migration.now_ms = now_ms;
  std::optional<Snapshot> latest = latest_snapshot();
  if (latest) migration.snapshot = std::move(*latest);
  migration.snapshot.prev_id = latest ? migration.snapshot.id : kNilUuid;
  migration.snapshot.id.clear();
  migration.snapshot.key_order = SnapshotKeyOrder::kParsed;
  return write_migration(std::move(migration));
}

}  // namespace flick::store

#pragma once

// flick migrate: applies a folder's pending migrations under a session advisory lock, one
// transaction per migration by default, recording each in drizzle's table only once all of it ran.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "migrate/statements.hpp"
#include "migrate/status.hpp"
#include "pg/pg.hpp"
#include "store/folder.hpp"

namespace flick::migrate {

enum class TransactionMode {
  kPerMigration,  // each migration in its own transaction (default)
  kAll,           // every pending migration in one transaction
  kNone,          // no transaction: each statement commits on its own
};

struct MigrateOptions {
  std::string schema = "drizzle";
  std::string table = "__drizzle_migrations";
  TransactionMode transactions = TransactionMode::kPerMigration;
  bool strict = false;         // refuse pending migrations older than an applied one
  bool accept_edited = false;  // record the new hash of an edited applied file instead of refusing
  bool dry_run = false;        // plan and report, run nothing
  std::optional<std::string> to_tag;  // stop after this migration
  std::chrono::milliseconds lock_wait{60000};
  std::optional<std::string> lock_timeout;       // PostgreSQL lock_timeout, e.g. "5s"
  std::optional<std::string> statement_timeout;  // PostgreSQL statement_timeout
  // A folder applied to a tenant's schema: names qualified with `first` are run as qualified
  // with `second` (see move_schema); the files, and so their hashes, are unchanged.
  std::optional<std::pair<std::string, std::string>> move_schema;
};

// A pending migration ready to run.
struct PendingMigration {
  EntryStatus status;
  std::string file;  // e.g. "0005_superb_ken_ellis.sql"
  std::vector<PlannedStatement> statements;
};

struct MigrationFailure {
  std::string file;
  PlannedStatement statement;
  pg::ErrorFields error;
  // Statements of the failing migration that committed anyway (run outside a transaction).
  int committed_statements = 0;
  // What to do about it, when Flick knows more than the server says (an extension the server
  // does not have: the package to install); "" otherwise.
  std::string advice;
};

// The advice for a server error, for a server of major version `server_major` (15 for 15.x).
std::string failure_advice(const pg::ErrorFields& error, int server_major);

// Progress reports, for a terminal or JSON output. Any member may be empty.
struct MigrateObserver {
  std::function<void(const std::string& warning)> on_warning;
  std::function<void(const PendingMigration&)> on_start;
  std::function<void(const PendingMigration&, const PlannedStatement&)> on_statement;
  std::function<void(const PendingMigration&, std::int64_t duration_ms)> on_applied;
};

struct MigrateResult {
  std::vector<PendingMigration> planned;  // what was (or, with dry_run, would be) run
  std::vector<std::string> applied;       // tags, in order
  std::vector<std::string> warnings;
  std::optional<MigrationFailure> failure;
};

// Every journal entry's file, read once: its text is both hashed (to match applied rows) and
// planned, so what runs is exactly what was hashed.
struct FolderFiles {
  std::vector<std::optional<std::string>> texts;  // nullopt: the file is missing
  std::vector<std::string> hashes;                // empty for a missing file
};

// Reads and hashes every journal entry's file. Throws flick::UserError for a folder without a
// journal, an entry that is not a regular file, or a link leaving the folder.
FolderFiles read_folder_files(const store::MigrationFolder& folder);

// Runs the folder's pending migrations on `connection`. Throws flick::UserError for problems
// with the folder found before anything runs (a missing file, a syntax error, an edited applied
// migration, an out-of-order one with `strict`, an unknown --to tag); a failing statement is
// returned in MigrateResult::failure after its migration was rolled back.
// With everything applied and the bookkeeping tables in place it reads the bookkeeping once and
// takes no lock: nothing would be run or recorded.
MigrateResult run_migrations(pg::Connection& connection, const store::MigrationFolder& folder,
                             const MigrateOptions& options, const MigrateObserver& observer = {});
// The same with `files` read beforehand by read_folder_files(folder) (while connecting, or once
// for many databases).
MigrateResult run_migrations(pg::Connection& connection, const store::MigrationFolder& folder,
                             const FolderFiles& files, const MigrateOptions& options,
                             const MigrateObserver& observer = {});

// The status of every journal entry on `connection` (nothing is created or changed).
FolderStatus read_status(pg::Connection& connection, const store::MigrationFolder& folder,
                         const MigrateOptions& options);

// The hex SHA-256 of each journal entry's file (empty for a missing file).
std::vector<std::string> file_hashes(const store::MigrationFolder& folder);

}  // namespace flick::migrate

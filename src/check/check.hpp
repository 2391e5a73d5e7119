#pragma once

// flick check: verifies a migration folder before it ships. Each finding names the file (and
// line) at fault and says what breaks.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diff/diff.hpp"
#include "flick/diagnostic.hpp"
#include "flick/model.hpp"
#include "store/folder.hpp"

namespace flick::check {

// A finding is a flick::Diagnostic: rule (e.g. "missing-snapshot"), file relative to the
// folder, line (0: the whole file), message; why and fix come from rule_guidance (explain()).
using Severity = flick::Severity;
using Finding = flick::Diagnostic;

// What drizzle-orm's migrator does with a folder that has this finding ("" when the finding is
// not about what the migrator does), and whether check --fix repairs it.
struct RuleGuidance {
  std::string_view drizzle_orm;
  bool fixable = false;
};
RuleGuidance rule_guidance(std::string_view rule);

// Fills each finding's `why` (what drizzle-orm's migrator does) and `fix` ("flick check --fix"
// when it repairs it) from rule_guidance, where they are still empty.
void explain(std::vector<Finding>& findings);

struct Report {
  std::vector<Finding> findings;

  int errors() const;
  int warnings() const;
  // Whether an error finding names `file` (as findings name it: "0001_x.sql", "meta/...").
  bool has_error_for(const std::string& file) const;
};

// Checks the folder: journal <-> SQL files <-> snapshots, the snapshot id/prevId chain, journal
// `when` order, every statement parsed, objects created twice / dropped or altered before they
// exist across the history, each snapshot against the schema the SQL up to it builds
// (check_snapshot_replay), and, when `schema` is given, that the schema files match the last
// snapshot.
// Snapshots compared with the replayed SQL: by default the last one (what generate diffs
// against); with `every_snapshot`, each one (reading every snapshot costs ~1 ms per snapshot of
// 20 tables, so it is left to --replay).
// `search_path`: where unqualified names in the files resolve ([migrations] searchPath).
// `schema_filter`: drizzle's schemaFilter, the schemas the folder manages; when given, an object
// of another schema that the migrations use and never create is taken to exist (a platform's:
// Supabase's auth.users, storage.objects), listed in one `provided-elsewhere` warning, and left
// out of the snapshot comparisons.
Report check_folder(const store::MigrationFolder& folder, const model::Catalog* schema,
                    bool every_snapshot = false, const std::string& search_path = "public",
                    const std::vector<std::string>& schema_filter = {});

// drizzle's schemaFilter read as the schemas a folder manages: true for a schema outside a
// non-empty filter (not pg_catalog or information_schema), whose objects the database has without
// the migrations creating them. Null for an empty filter: nothing is provided elsewhere.
std::function<bool(const std::string& schema)> provided_elsewhere(
    const std::vector<std::string>& schema_filter);

// The parts of check_folder, each appending to `report`.
void check_structure(const store::MigrationFolder& folder, Report& report);
void check_snapshot_chain(const store::MigrationFolder& folder, Report& report);
void check_journal_order(const store::MigrationFolder& folder, Report& report);
// The history, replayed from an empty schema with the one interpreter of migration SQL
// (ddl::Replayer, lenient): every statement parsed; objects created twice, dropped or altered
// before they exist; statements that cannot run on the schema so far ("replay"); what it does
// not understand (a warning); then each snapshot (or the last) against the schema so far.
// A snapshot with an error of its own is not compared: one in `report`, or, when
// `earlier_error_for` is given, one it answers true for (check_folder's checks that run beside
// this one; it is called only when a snapshot is about to be compared).
// `schema_filter`: as check_folder's.
void check_history(const store::MigrationFolder& folder, bool every_snapshot, Report& report,
                   const std::string& search_path = "public",
                   const std::function<bool(const std::string& file)>& earlier_error_for = {},
                   const std::vector<std::string>& schema_filter = {});
// --replay: applies the folder to a new scratch database (flick_replay_<random>) on the server
// of `url`, migration by migration, compares the live catalog with each snapshot, and drops the
// database. Throws pg::PgError when the server cannot be reached.
void check_live_replay(const store::MigrationFolder& folder, const std::string& url,
                       Report& report);
void check_schema_matches(const store::MigrationFolder& folder, const model::Catalog& schema,
                          Report& report);

// How two catalogs differ, as the statements generate would write from `replayed` to `snapshot`
// (the snapshot's catalog as read; it is normalised here). count 0: they are equal.
struct ChangesDescription {
  std::size_t count = 0;
  std::vector<std::string> statements;
};
ChangesDescription snapshot_differences(const model::Catalog& replayed,
                                        const model::Catalog& snapshot);
// The first three statements of `changes`, one per indented line, and how many more.
std::string describe_differences(const ChangesDescription& changes);

// One migration of a folder as the one interpreter of migration SQL (ddl::Replayer, lenient)
// applied it, in journal order from an empty schema: what the SQL did, whatever the snapshots say.
struct ReplayedMigration {
  std::size_t index = 0;                   // position in the journal
  std::string file;                        // its SQL file name, e.g. "0003_tags.sql"
  const model::Catalog* before = nullptr;  // the schema before it (normalised)
  const model::Catalog* after = nullptr;   // and after it
  // Objects it renamed: effect keys ("table public.notes" -> "table public.memos"), each chain
  // within the migration collapsed into one pair (oldest name -> newest).
  std::vector<std::pair<std::string, std::string>> renames;
  // What the replay could not follow, each "<file>:<line>: ...": a missing or unparsable file,
  // a statement that fails on the schema so far, one it does not understand. Empty: `after` is
  // exactly what the migration does to `before`, as far as the model holds it.
  std::vector<std::string> problems;
  // Objects it creates, drops, alters or renames that the model does not hold (composite and
  // range types, roles), as "creates type \"pair\"", in statement order.
  std::vector<std::string> outside_model;
  // Its data statements (INSERT, UPDATE, DELETE, COPY, ...): they change rows, not the schema.
  std::size_t data_statements = 0;
};

// The migration's renames as diff hints (schemas, tables, columns, enums, sequences, indexes,
// constraints, views), forward (before -> after) or `reversed` (after -> before, for undoing
// it); whatever they do not name is a drop and a create, never asked about.
diff::Options rename_hints(const ReplayedMigration& migration, bool reversed);

// Replays the folder's migrations up to and including journal position `last` (all of them when
// `last` is past the end) and calls `visit` after each. `search_path`: where unqualified names
// resolve before any SET search_path ([migrations] searchPath). Never throws for a broken file:
// what it cannot follow is in `problems`.
void replay_migrations(const store::MigrationFolder& folder, const std::string& search_path,
                       std::size_t last,
                       const std::function<void(const ReplayedMigration&)>& visit);

// The SQL that undoes one migration: the change from the schema after it back to the schema
// before it, both replayed from the folder's SQL (so a hand-written migration is undone as well
// as a generated one), renames reversed as renames.
struct Undo {
  std::size_t index = 0;  // journal position of the migration undone
  std::vector<std::string> statements;
  std::vector<std::string> data_loss;  // what running `statements` destroys, in words
  // Why the reverse is incomplete or unknown: the replay's problems within this migration, and
  // what it did to objects the model does not hold ("creates function ..."). Non-empty: running
  // `statements` alone would not undo the migration.
  std::vector<std::string> not_undone;
  // What undoing leaves as it is, said as SQL comments beside `statements` (the rows its data
  // statements wrote).
  std::vector<std::string> notes;
};

// The undo of each journal position in `indices` (any order), returned in the order given.
// Throws UserError when the journal or a position is invalid.
std::vector<Undo> plan_undo(const store::MigrationFolder& folder, const std::string& search_path,
                            const std::vector<std::size_t>& indices);

}  // namespace flick::check

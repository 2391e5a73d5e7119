#pragma once

// The toolkit API: what the `flick` commands do, callable from an application. A Project is a
// flick.toml (or drizzle.config) with its migration folder, schema files and database; each
// function does one command's work and returns what happened instead of printing it.
//
//   flick::toolkit::Project project = flick::toolkit::Project::load({.config = "flick.toml"});
//   flick::toolkit::MigrateReport report = flick::toolkit::migrate(project, {});
//   if (report.failure) std::cerr << report.failure->message << "\n";
//
// Errors: bad input (a missing or malformed file, an unknown flag value) throws flick::UserError;
// an environment problem (the database cannot be reached, PostgreSQL's server binaries are not
// installed) throws flick::EnvironmentError. Nothing is written when either is thrown.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "flick/diagnostic.hpp"
#include "flick/error.hpp"
#include "flick/model.hpp"

namespace flick::toolkit {

// Where a project's settings come from. Empty members leave the file's value (or the default).
struct ProjectOptions {
  std::string config{};               // flick.toml to read; "" = ./flick.toml when it exists
  std::vector<std::string> schema{};  // schema SQL files or globs, replacing the file's `schema`
  std::string out{};                  // the migration folder
  std::string url{};                  // the database URL
  std::string prefix{};               // migration file prefix: index | timestamp | unix | none
  std::string dialect{};              // only "postgresql"
};

// A loaded project. Cheap to copy.
class Project {
 public:
  // Reads the configuration. Throws flick::UserError for a bad file or value.
  static Project load(const ProjectOptions& options = {});

  // The directory the configuration's relative paths are resolved against.
  const std::filesystem::path& directory() const;
  // The migration folder (drizzle's `out`).
  const std::filesystem::path& migrations_folder() const;
  // The schema files the configuration's globs match, in a stable order. Throws flick::UserError
  // when there are none ("no schema files: ...").
  std::vector<std::filesystem::path> schema_files() const;
  // The configured database URL, or else the project's embedded PostgreSQL cluster's (under
  // <directory>/.flick/pg, started when needed). Throws flick::EnvironmentError when the
  // embedded cluster cannot be started (no PostgreSQL server installed).
  std::string database_url() const;
  // The schema files read into the model.
  model::Catalog read_schema() const;

  // The loaded configuration, opaque to applications (Project::load makes one).
  struct State;
  explicit Project(std::shared_ptr<const State> state) : state_(std::move(state)) {}
  const State& state() const { return *state_; }

 private:
  std::shared_ptr<const State> state_{};
};

// ---- generate ----------------------------------------------------------------------------------

// Asked when a created object may be a renamed one that no --rename / --drop answer covers: `kind`
// ("table", "column", ...), the created name and the removed candidates; returns the candidate it
// was renamed from, or std::nullopt for "created".
using AskRename =
    std::function<std::optional<std::string>(const std::string& kind, const std::string& created,
                                             const std::vector<std::string>& candidates)>;

struct GenerateOptions {
  std::string name{};                  // "" = a random two-word name, as drizzle-kit does
  std::vector<std::string> renames{};  // "table:old=new", "column:t.old=new", ...
  std::vector<std::string> drops{};    // "table:name": confirms an object is dropped
  std::string hints_file{};            // file of `rename KIND:OLD=NEW` / `drop KIND:NAME` lines
  bool custom = false;                 // an empty migration to fill in by hand
  bool safe = false;                   // lock-friendly forms (also `[generate] safe = true`)
  std::int64_t now_ms = 0;             // the journal's `when`; 0 = now
  // Without it, a rename no answer covers throws flick::UserError naming the --rename / --drop
  // answers to give.
  AskRename ask{};
};

struct WrittenMigration {
  std::string tag{};                      // e.g. "0003_quiet_river"
  std::filesystem::path sql_path{};       // the SQL file written
  std::filesystem::path snapshot_path{};  // meta/NNNN_snapshot.json
  std::size_t statements = 0;
  bool custom = false;
};

struct GenerateReport {
  // Empty when the schema files match the latest snapshot ("no schema changes"); two entries
  // when --safe moved index builds to a migration of their own.
  std::vector<WrittenMigration> written{};
};

// Compares the schema files with the latest snapshot and writes the next migration (SQL,
// snapshot, journal entry). A rename or drop Flick cannot decide throws flick::UserError naming
// the --rename / --drop answers to give.
GenerateReport generate(const Project& project, const GenerateOptions& options = {});

// ---- export / codegen --------------------------------------------------------------------------

// The SQL that creates the schema files' objects from nothing (drizzle-kit export).
std::vector<std::string> export_sql(const Project& project);

struct CodegenOptions {
  std::string cpp_namespace = "db";
};

// The schema files as a C++ header for the runtime client (<flick/client.hpp>): row structs,
// insert structs, typed table descriptors, enum classes.
std::string codegen(const Project& project, const CodegenOptions& options = {});
// The same for `schema`, already read from the project's schema files (read_schema()).
std::string codegen(const Project& project, const model::Catalog& schema,
                    const CodegenOptions& options);

// ---- docs --------------------------------------------------------------------------------------

// One page of the schema wiki (Markdown with mermaid diagrams).
struct DocsPage {
  std::string path{};  // relative to the output folder, '/'-separated: "tables/public.users.md"
  std::string title{};
  std::string markdown{};
};

// The schema wiki of the schema files (or, without any, of the migration folder's latest
// snapshot) and the migration folder: index first, then the rest sorted by path; the same project
// always gives the same bytes. Throws flick::UserError when there is nothing to document.
std::vector<DocsPage> docs(const Project& project);

struct DocsWriteReport {
  std::filesystem::path out{};
  std::size_t pages = 0;
  std::size_t written = 0;    // files created or changed
  std::size_t unchanged = 0;  // files that already held these bytes (left untouched)
  std::size_t removed = 0;    // stale pages of tables / enums that no longer exist
};

// Writes docs(project) under `out` ("" = [docs] out in flick.toml, else docs/ beside it).
DocsWriteReport write_docs(const Project& project, const std::filesystem::path& out = {});

// ---- check -------------------------------------------------------------------------------------

// A finding is a flick::Diagnostic (include/flick/diagnostic.hpp).
using Finding = flick::Diagnostic;

struct CheckReport {
  std::vector<Finding> findings{};
  bool ok() const;  // no finding of severity kError
};

struct CheckOptions {
  // Compare every snapshot (not only the last) with the replayed SQL, and apply the folder to a
  // scratch database on `url`'s server (the project's database when "") comparing each snapshot
  // with it.
  bool replay = false;
  std::string url{};
};

// flick check: folder structure, snapshot chain, journal order, every migration read by the
// interpreter, snapshots against the replayed schema, and the schema files against the last
// snapshot (when the project has schema files). Throws flick::UserError when the migration folder
// does not exist.
CheckReport check(const Project& project, const CheckOptions& options = {});

// flick check --fix: repairs what is mechanical (snapshots, `when` order, branch collisions,
// re-created objects); returns one line per change. With `dry_run`, writes nothing.
std::vector<std::string> fix(const Project& project, bool dry_run = false);

// ---- lint --------------------------------------------------------------------------------------

struct LintReport {
  std::vector<Diagnostic> findings{};  // statement order, file by file
  int files = 0;                       // the files linted
};

// flick lint: the statements of `files` (paths), or, when empty, of every migration of the
// folder in journal order, with the project's [lint] rule severities. Throws flick::UserError
// for a missing file, a syntax error, or a bad [lint] setting.
LintReport lint(const Project& project, const std::vector<std::string>& files = {});

// ---- migrate / status --------------------------------------------------------------------------

enum class Transactions { kPerMigration, kAll, kNone };

// One statement of a pending migration, as the migrator will send it.
struct PlannedStatement {
  int number = 1;  // 1-based position in the file
  int line = 1;    // the line of its first keyword
  std::string text{};
  std::string first_line{};          // its first line, for progress and errors
  bool outside_transaction = false;  // CREATE INDEX CONCURRENTLY, VACUUM, ...: run alone
};

struct PlannedMigration {
  std::string tag{};
  bool out_of_order = false;  // older than an applied migration (drizzle-orm would skip it)
  std::vector<PlannedStatement> statements{};
};

struct MigrateOptions {
  Transactions transactions = Transactions::kPerMigration;
  bool strict = false;         // refuse pending migrations older than an applied one
  bool accept_edited = false;  // record the new hash of an edited applied file instead of refusing
  bool dry_run = false;        // plan and report, run nothing
  std::optional<std::string> to_tag{};  // stop after this migration
  std::string url{};                    // "" = the project's database_url()
  // How long to wait for another migrate run holding the lock (default 60 s).
  std::optional<std::chrono::milliseconds> lock_wait{};
  // PostgreSQL lock_timeout / statement_timeout for the statements, e.g. "5s"; "" = the
  // project's [migrations] lockTimeout / statementTimeout.
  std::string lock_timeout{};
  std::string statement_timeout{};
  // Progress; any may be empty.
  std::function<void(const std::string& warning)> on_warning{};
  std::function<void(const PlannedMigration&)> on_start{};
  std::function<void(const std::string& tag, const PlannedStatement&)> on_statement{};
  std::function<void(const PlannedMigration&, std::int64_t duration_ms)> on_applied{};
};

struct MigrationFailure {
  std::string file{};            // e.g. "0005_superb_ken_ellis.sql"
  PlannedStatement statement{};  // the failing one (a final "COMMIT" when the commit failed)
  std::string severity{};        // the server's: "ERROR", "FATAL"
  std::string sqlstate{};        // e.g. "42P07"
  std::string message{};         // the server's primary message
  std::string detail{};
  std::string hint{};
  std::string advice{};  // what to do, when Flick knows more than the server said
  // Statements of the failing migration that committed anyway (run outside a transaction).
  int committed_statements = 0;
};

// The failure as a diagnostic (rule "migration-failed"; file, line, the server's message and
// SQLSTATE, DETAIL as `why`, HINT and Flick's advice as `fix`), for the printers every command
// shares.
Diagnostic to_diagnostic(const MigrationFailure& failure);

struct MigrateReport {
  std::vector<PlannedMigration> planned{};  // what was (or, dry_run, would be) run
  std::vector<std::string> applied{};       // tags, in order
  std::vector<std::string> warnings{};
  std::optional<MigrationFailure> failure{};  // the failing migration was rolled back
  bool ok() const { return !failure.has_value(); }
};

// Applies the pending migrations under an advisory lock, one transaction per migration by default.
// Throws flick::UserError for problems found before anything runs (a missing file, an edited
// applied migration, an unknown to_tag) and flick::EnvironmentError when the database cannot be
// reached; a failing statement is reported in MigrateReport::failure.
MigrateReport migrate(const Project& project, const MigrateOptions& options = {});

// flick mark-applied: records the pending migration `tag` as applied without running it (for a
// database whose schema was made another way). Returns the tags recorded ({tag}). Throws
// flick::UserError for an unknown tag, a missing file, or a migration already applied.
std::vector<std::string> mark_applied(const Project& project, const std::string& tag,
                                      const std::string& url = "");

// flick baseline: records every pending migration up to and including `to_tag` (all when empty)
// as applied without running them. Returns the tags recorded, in journal order.
std::vector<std::string> baseline(const Project& project, const std::string& to_tag = "",
                                  const std::string& url = "");

// ---- down --------------------------------------------------------------------------------------

// The undo of one applied migration, computed from the schemas the folder's SQL builds before and
// after it.
struct UndoStep {
  std::string tag{};
  std::vector<std::string> statements{};
  std::vector<std::string> notes{};       // what undoing leaves as it is (rows its data wrote)
  std::vector<std::string> data_loss{};   // what running the statements destroys, in words
  std::vector<std::string> not_undone{};  // why the statements would not undo all of it
};

struct DownOptions {
  std::string to_tag{};           // undo every migration applied after it; "" = the last one
  bool run = false;               // run the SQL (false: plan only)
  bool accept_data_loss = false;  // run even when undoing loses data
  std::string url{};              // "" = the project's database_url()
  // With the steps, once planned and before anything runs (to show the SQL first).
  std::function<void(const std::vector<UndoStep>& steps)> on_plan{};
  std::function<void(const std::string& tag)> on_undone{};  // after each migration is undone
};

enum class DownOutcome {
  kNothingToUndo,
  kPlanned,            // not run (run was false)
  kRefusedIncomplete,  // the SQL would not undo everything: nothing was run
  kRefusedDataLoss,    // undoing loses data and accept_data_loss was false: nothing was run
  kUndone,             // every step ran, each in its own transaction with its bookkeeping row
};

struct DownReport {
  std::vector<UndoStep> steps{};  // newest first
  DownOutcome outcome = DownOutcome::kNothingToUndo;
};

// flick down. Throws flick::UserError for an unknown to_tag; a failing statement throws the
// server's error after its step was rolled back (the steps before it stay undone).
DownReport down(const Project& project, const DownOptions& options = {});

enum class EntryState { kApplied, kPending, kEdited };

// "applied", "pending" or "edited".
const char* to_string(EntryState state);

struct EntryStatus {
  std::string tag{};
  EntryState state = EntryState::kPending;
  bool out_of_order = false;  // pending although a later entry is applied
  bool recorded = false;      // the bookkeeping table has its row (applied or edited)
  // When Flick applied it (ISO timestamp); empty when another tool (drizzle-orm) did.
  std::optional<std::string> applied_at{};
};

// A row of the bookkeeping table that no journal entry matches.
struct UnknownRow {
  int id = 0;
  std::string hash{};
  std::int64_t created_at = 0;
};

struct StatusReport {
  std::vector<EntryStatus> entries{};  // journal order
  std::vector<UnknownRow> unknown_rows{};
  std::size_t pending() const;
};

// Which journal entries the database has applied (nothing is created or changed).
StatusReport status(const Project& project, const std::string& url = "");

// ---- drift -------------------------------------------------------------------------------------

struct DriftOptions {
  // Compare with the schema files instead of the migration folder's last snapshot.
  bool against_schema = false;
  std::string url{};  // "" = the project's database_url()
};

// Something in the database Flick does not read (and so cannot say has drifted).
struct NotCovered {
  std::string kind{};
  std::string name{};
};

struct DriftReport {
  std::string against{};                   // "the last snapshot in drizzle" or "the schema files"
  std::vector<std::string> differences{};  // what differs, in words
  std::vector<std::string> changes{};      // what the reconciling SQL does, one line a change
  std::vector<std::string> risks{};        // what that SQL would do to the rows
  std::vector<std::string> sql{};          // the statements that reconcile the database
  std::vector<NotCovered> not_covered{};
  bool drifted() const { return !changes.empty(); }
};

// The report as diagnostics: an error (rule "drift") per difference, with the reconciling
// statements as its fix, and a warning (rule "drift-data-risk") per risk.
std::vector<Diagnostic> to_diagnostics(const DriftReport& report);

// flick drift: the live database against the last snapshot (or the schema files). Reads only;
// renames are not guessed (a rename shows as a drop and a create). Throws flick::UserError when
// there is no snapshot to compare with, flick::EnvironmentError when the database cannot be
// reached.
DriftReport drift(const Project& project, const DriftOptions& options = {});

// ---- pull / push -------------------------------------------------------------------------------

struct PullOptions {
  bool split = false;        // one file per table: DIR/<schema>/<table>.sql
  bool no_baseline = false;  // no baseline migration, even when the migration folder is empty
  // Where the files go; "" = the directory of the project's schema glob (when the files written
  // there match it, so generate reads them back), else schema/ beside flick.toml.
  std::filesystem::path out_schema{};
  std::string url{};  // "" = the project's database_url()
};

struct PullReport {
  std::filesystem::path directory{};           // where the schema files were written
  std::vector<std::filesystem::path> files{};  // in the order written
  std::size_t tables = 0, enums = 0, views = 0;
  std::vector<NotCovered> not_covered{};  // in the database, left out of the files
  // The baseline migration written in an empty folder and recorded as applied in that database.
  std::optional<WrittenMigration> baseline{};
};

// flick pull: writes the live database's schema as SQL schema files; in an empty migration folder
// also a baseline migration 0000, recorded as applied. Throws flick::UserError when the schema
// glob would not read the files back (before anything is read or written).
PullReport pull(const Project& project, const PullOptions& options = {});

// What push found before applying anything.
struct PushPlan {
  std::vector<std::string> differences{};  // in words
  std::vector<std::string> changes{};      // one line a change
  std::vector<std::string> risks{};        // changes that lose data or fail on the rows present
  std::vector<std::string> statements{};   // the SQL to run
};

struct PushOptions {
  std::vector<std::string> renames{};  // as GenerateOptions
  std::vector<std::string> drops{};
  std::string hints_file{};
  AskRename ask{};
  std::string url{};  // "" = the project's database_url()
  // Called with the plan before anything runs, inside the transaction; returns whether to apply.
  // Without it, a plan with risks is refused and one without is applied.
  std::function<bool(const PushPlan&)> confirm{};
  std::function<void(const std::string& statement)> on_statement{};  // before each runs
};

enum class PushOutcome { kNoChanges, kApplied, kRefused };

struct PushReport {
  PushPlan plan{};
  PushOutcome outcome = PushOutcome::kNoChanges;
};

// flick push: diffs the live database against the schema files and applies the difference in one
// transaction (read, compare and apply; rolled back on every way out but the commit). Indexes are
// built without CONCURRENTLY (not possible in a transaction).
PushReport push(const Project& project, const PushOptions& options = {});

// ---- the embedded database ---------------------------------------------------------------------

enum class EmbeddedState { kNotCreated, kStopped, kRunning };

// "not initialised", "stopped" or "running".
const char* to_string(EmbeddedState state);

struct EmbeddedDatabaseStatus {
  EmbeddedState state = EmbeddedState::kNotCreated;
  std::filesystem::path directory{};  // <project directory>/.flick/pg
  std::optional<int> port{};
};

// The project's embedded PostgreSQL (used when no URL is configured). Start and reset return its
// URL; each throws flick::EnvironmentError when PostgreSQL's server binaries are not installed.
std::string start_embedded_database(const Project& project);
void stop_embedded_database(const Project& project);
std::string reset_embedded_database(const Project& project);  // stop, delete, start empty
EmbeddedDatabaseStatus embedded_database_status(const Project& project);

}  // namespace flick::toolkit

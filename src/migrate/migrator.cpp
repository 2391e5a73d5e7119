#include "migrate/migrator.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <optional>

#include "flick/error.hpp"
#include "migrate/advisory_lock.hpp"
#include "migrate/bookkeeping.hpp"
#include "store/hash.hpp"
#include "store/json_access.hpp"

namespace flick::migrate {
namespace {

using Clock = std::chrono::steady_clock;

std::int64_t elapsed_ms(Clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count();
}

// Whether a statement other than transaction control follows statement `index`.
bool work_follows(const std::vector<PlannedStatement>& statements, std::size_t index) {
  for (std::size_t i = index + 1; i < statements.size(); ++i) {
    if (statements[i].control == PlannedStatement::Control::kNone) return true;
  }
  return false;
}

// The first server that checks, while a query runs, whether its client is still there.
constexpr int kConnectionCheckVersion = 140000;

// The number of code points in `text` (PostgreSQL's error positions count characters).
int code_points(std::string_view text) {
  int count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// Whether a migration can go to the server as one message: every statement parsed and plain (no
// transaction control of its own, none that must run outside a transaction block).
bool sendable_whole(const std::vector<PlannedStatement>& statements) {
  return std::all_of(statements.begin(), statements.end(), [](const PlannedStatement& statement) {
    return statement.control == PlannedStatement::Control::kNone &&
           !statement.outside_transaction && !statement.unparsed;
  });
}

// Runs a migration that sendable_whole() accepts in one round trip: BEGIN, its statements, the
// record and COMMIT as one multi-statement message (the server stops at the first error, which
// is then reported for the statement it came from, positions within that statement).
std::optional<MigrationFailure> apply_whole(pg::Connection& connection, Bookkeeping& bookkeeping,
                                            const PendingMigration& migration,
                                            const MigrateObserver& observer) {
  auto started = Clock::now();
  const auto& statements = migration.statements;
  std::string text = "BEGIN;\n";
  std::vector<int> starts;  // each statement's first character in `text`, 0-based
  int characters = code_points(text);
  for (const PlannedStatement& statement : statements) {
    if (observer.on_statement) observer.on_statement(migration, statement);
    starts.push_back(characters);
    text += statement.text;
    // On a line of its own: a statement may end in a line comment.
    text += "\n;\n";
    characters += code_points(statement.text) + 3;
  }
  text += bookkeeping.record_statement(migration.status.entry, migration.status.file_hash,
                                       static_cast<int>(statements.size()));
  text += ";\nCOMMIT";
  pg::Connection::ScriptRun run = connection.run_script(text);
  if (run.error) {
    if (connection.in_transaction()) {
      try {
        connection.exec("ROLLBACK");
      } catch (const pg::PgError&) {  // the connection is gone: its transaction with it
      }
    }
    pg::ErrorFields fields = run.error->fields();
    std::size_t failed = run.results.size();  // 0 is BEGIN, 1..n the statements, then the record
    if (failed >= 1 && failed <= statements.size()) {
      const PlannedStatement& statement = statements[failed - 1];
      if (fields.position > 0) fields.position -= starts[failed - 1];
      if (fields.position < 0) fields.position = 0;
      fields.query = statement.text;
      return MigrationFailure{migration.file, statement, std::move(fields), 0, ""};
    }
    fields.position = 0;
    fields.query.clear();
    PlannedStatement commit{"COMMIT", static_cast<int>(statements.size()) + 1,
                            statements.empty() ? 1 : statements.back().line, false};
    return MigrationFailure{migration.file, commit, std::move(fields), 0, ""};
  }
  if (observer.on_applied) observer.on_applied(migration, elapsed_ms(started));
  return std::nullopt;
}

// Runs one migration's statements. Transactional statements are grouped in transactions unless
// `own_transaction` is false (the caller holds one, or --tx none); statements PostgreSQL refuses
// inside a transaction block run alone between them. The record is written with the last group.
// Transaction control written in the file is followed with the migrator's own transactions (see
// PlannedStatement::Control); an early end is reported through `warn`.
std::optional<MigrationFailure> apply_one(pg::Connection& connection, Bookkeeping& bookkeeping,
                                          const PendingMigration& migration, bool own_transaction,
                                          const MigrateObserver& observer,
                                          std::vector<std::string>& warnings) {
  if (own_transaction && sendable_whole(migration.statements) &&
      connection.server_version() >= kConnectionCheckVersion) {
    return apply_whole(connection, bookkeeping, migration, observer);
  }
  auto started = Clock::now();
  int committed = 0;
  pg::Transaction transaction = pg::Transaction::not_begun(connection);
  const auto& statements = migration.statements;
  auto warn = [&](std::string warning) {
    if (observer.on_warning) observer.on_warning(warning);
    warnings.push_back(std::move(warning));
  };
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const PlannedStatement& statement = statements[i];
    try {
      if (statement.control != PlannedStatement::Control::kNone) {
        bool ends = statement.control != PlannedStatement::Control::kBegin;
        if (!ends || !own_transaction || !transaction.open() || !work_follows(statements, i)) {
          continue;
        }
        bool commit = statement.control == PlannedStatement::Control::kCommit;
        if (commit) {
          transaction.commit();
        } else {
          transaction.rollback();
        }
        if (commit) committed = statement.number;
        warn(fmt::format(
            "{}:{}: the file {} its own transaction here; statements 1-{} are {} and the rest "
            "runs in a new transaction",
            migration.file, statement.line, commit ? "commits" : "rolls back", statement.number,
            commit ? "committed even if a later one fails" : "rolled back"));
        continue;
      }
      if (statement.outside_transaction) {
        if (transaction.open()) {
          transaction.commit();
          committed = statement.number - 1;  // kept even if this statement fails
        }
      } else if (own_transaction && !transaction.open()) {
        transaction.begin();
      }
      if (observer.on_statement) observer.on_statement(migration, statement);
      connection.exec(statement.text);
      // Under --tx all the caller's transaction is open: nothing is committed yet.
      if (!connection.in_transaction()) committed = statement.number;
    } catch (const pg::PgError& error) {
      if (transaction.open()) transaction.rollback();
      return MigrationFailure{migration.file, statement, error.fields(), committed, ""};
    }
  }
  try {
    if (own_transaction && !transaction.open()) transaction.begin();
    bookkeeping.record(migration.status.entry, migration.status.file_hash, elapsed_ms(started),
                       static_cast<int>(statements.size()));
    // Deferred constraints are checked here, so a COMMIT can fail too.
    if (transaction.open()) transaction.commit();
  } catch (const pg::PgError& error) {
    // The record failed (or the COMMIT, which ended the block): under --tx all the caller's
    // transaction rolls back.
    if (transaction.open()) transaction.rollback();
    PlannedStatement commit{"COMMIT", static_cast<int>(statements.size()) + 1,
                            statements.empty() ? 1 : statements.back().line, false};
    return MigrationFailure{migration.file, commit, error.fields(), committed, ""};
  }
  if (observer.on_applied) observer.on_applied(migration, elapsed_ms(started));
  return std::nullopt;
}

// The Debian / Ubuntu (PGDG) package that ships an extension, for the common ones that are not in
// the server package itself.
std::string extension_package(const std::string& extension, int server_major) {
  static const std::pair<const char*, const char*> kPackages[] = {{"vector", "pgvector"},
                                                                  {"postgis", "postgis-3"},
                                                                  {"postgis_topology", "postgis-3"},
                                                                  {"pg_cron", "cron"},
                                                                  {"pg_partman", "partman"},
                                                                  {"pg_repack", "repack"},
                                                                  {"pgaudit", "pgaudit"},
                                                                  {"hypopg", "hypopg"},
                                                                  {"plv8", "plv8"},
                                                                  {"h3", "h3"},
                                                                  {"pg_hint_plan", "pg-hint-plan"},
                                                                  {"rum", "rum"},
                                                                  {"pgrouting", "pgrouting"},
                                                                  {"pg_squeeze", "squeeze"}};
  std::string suffix = extension;
  std::replace(suffix.begin(), suffix.end(), '_', '-');
  for (const auto& [name, package] : kPackages) {
    if (extension == name) suffix = package;
  }
  return fmt::format("postgresql-{}-{}", server_major, suffix);
}

// The migrating session's settings: the client check below, then --lock-timeout and
// --statement-timeout when given.
void set_session_options(pg::Connection& connection, const MigrateOptions& options) {
  // A migrate that is killed stops its migration within a second, also in the middle of a
  // migration sent as one message (apply_whole): the server would otherwise run the rest of it.
  if (connection.server_version() >= kConnectionCheckVersion) {
    connection.exec("SET client_connection_check_interval = 1000");
  }
  if (options.lock_timeout) {
    connection.exec_params("SELECT set_config('lock_timeout', $1, false)", {*options.lock_timeout});
  }
  if (options.statement_timeout) {
    connection.exec_params("SELECT set_config('statement_timeout', $1, false)",
                           {*options.statement_timeout});
  }
}

std::vector<PendingMigration> plan(const store::MigrationFolder& folder, const FolderFiles& files,
                                   const FolderStatus& status, const MigrateOptions& options,
                                   int server_version, MigrateResult& result) {
  // A server newer than the grammar may accept what the grammar cannot read.
  bool newer_grammar = server_version >= 160000;
  std::string server_version_text =
      fmt::format("PostgreSQL {}.{}", server_version / 10000, server_version % 10000);
  for (const EntryStatus& entry : status.entries) {
    if (entry.state != EntryState::kEdited) continue;
    if (options.accept_edited) continue;
    throw UserError(fmt::format(
        "{}.sql was applied with hash {} but the file now hashes to {}: an applied migration must "
        "not change (restore it, or pass --accept-edited to record the new hash without running "
        "it)",
        entry.entry.tag, entry.row->hash, entry.file_hash));
  }
  bool found_to = !options.to_tag.has_value();
  std::vector<PendingMigration> pending;
  for (std::size_t i = 0; i < status.entries.size(); ++i) {
    const EntryStatus& entry = status.entries[i];
    if (entry.state == EntryState::kPending) {
      std::string file = entry.entry.tag + ".sql";
      if (entry.file_hash.empty()) {
        throw UserError(fmt::format("{}: the journal lists it but the file is missing",
                                    (folder.out() / file).string()));
      }
      if (entry.out_of_order) {
        std::string message = fmt::format(
            "{} is older than a migration already applied (drizzle-orm would skip it); applying "
            "it now",
            entry.entry.tag);
        if (options.strict) {
          throw UserError(
              fmt::format("{} is older than a migration already applied; refused "
                          "with --strict",
                          entry.entry.tag));
        }
        result.warnings.push_back(message);
      }
      PendingMigration migration{entry, file, {}};
      migration.statements = plan_statements(*files.texts[i], file, newer_grammar);
      if (options.move_schema) {
        for (PlannedStatement& statement : migration.statements) {
          statement.text =
              move_schema(statement.text, options.move_schema->first, options.move_schema->second);
        }
      }
      for (const PlannedStatement& statement : migration.statements) {
        if (!statement.unparsed) continue;
        result.warnings.push_back(fmt::format(
            "{}:{}: the PostgreSQL 15 grammar Flick reads cannot parse this chunk; it is sent to "
            "the server ({}) as written, as drizzle-orm does",
            file, statement.line, server_version_text));
      }
      pending.push_back(std::move(migration));
    }
    if (options.to_tag && entry.entry.tag == *options.to_tag) {
      found_to = true;
      break;
    }
  }
  if (!found_to) {
    throw UserError(fmt::format("--to {}: no such migration in the journal", *options.to_tag));
  }
  if (options.transactions == TransactionMode::kAll) {
    for (const PendingMigration& migration : pending) {
      for (std::size_t i = 0; i < migration.statements.size(); ++i) {
        const PlannedStatement& statement = migration.statements[i];
        bool ends_transaction = statement.control != PlannedStatement::Control::kNone &&
                                statement.control != PlannedStatement::Control::kBegin &&
                                work_follows(migration.statements, i);
        if (statement.outside_transaction || ends_transaction) {
          throw UserError(fmt::format(
              "{}:{}: statement {} {}, so --tx all cannot apply it; use the default --tx each",
              migration.file, statement.line, statement.number,
              ends_transaction ? "ends the file's transaction before its last statement"
                               : "cannot run inside a transaction block"));
        }
      }
    }
  }
  return pending;
}

// Whether two readings of the bookkeeping give every journal entry the same state and row.
bool same_states(const FolderStatus& a, const FolderStatus& b) {
  if (a.entries.size() != b.entries.size() || a.unknown_rows.size() != b.unknown_rows.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    const EntryStatus& x = a.entries[i];
    const EntryStatus& y = b.entries[i];
    if (x.state != y.state || x.row.has_value() != y.row.has_value()) return false;
    if (x.row && x.row->id != y.row->id) return false;
  }
  return true;
}

}  // namespace

std::string failure_advice(const pg::ErrorFields& error, int server_major) {
  // "extension \"vector\" is not available" (PostgreSQL 15+), "could not open extension control
  // file ..." (older servers).
  const std::string& message = error.message_primary;
  if (error.sqlstate != "0A000" && error.sqlstate != "58P01") return "";
  std::size_t open = message.find("extension \"");
  if (open == std::string::npos || message.find("is not available") == std::string::npos) {
    return "";
  }
  std::size_t start = open + 11;
  std::string extension = message.substr(start, message.find('"', start) - start);
  return fmt::format(
      "the database server has no extension \"{}\": install it on the server (Debian / Ubuntu "
      "with the PostgreSQL apt repository: apt-get install {}; contrib extensions such as "
      "pgcrypto come with the server itself), then run migrate again",
      extension, extension_package(extension, server_major));
}

FolderFiles read_folder_files(const store::MigrationFolder& folder) {
  // drizzle-orm's migrator refuses a folder without a journal; so does Flick, rather than
  // reporting it "up to date".
  if (!folder.has_journal()) {
    throw UserError(fmt::format("{}: no meta/_journal.json (is --out the migration folder?)",
                                folder.out().string()));
  }
  FolderFiles files;
  files.texts.reserve(folder.journal().entries.size());
  files.hashes.reserve(folder.journal().entries.size());
  for (const store::JournalEntry& entry : folder.journal().entries) {
    std::filesystem::path path = folder.sql_path(entry);
    // The usual plain file, in four system calls; links, missing files and the rest are looked
    // at below.
    if (std::optional<std::string> text = store::read_unlinked_text_file(path.string())) {
      files.hashes.push_back(store::sha256_hex(*text));
      files.texts.push_back(std::move(*text));
      continue;
    }
    std::error_code error;
    // One lstat for the usual plain file; a link is followed only to check where it goes.
    std::filesystem::file_status link = std::filesystem::symlink_status(path, error);
    std::filesystem::file_status status = link;
    if (std::filesystem::is_symlink(link)) status = std::filesystem::status(path, error);
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
      throw UserError(
          fmt::format("{}: the journal's {} is not a regular file", path.string(), entry.tag));
    }
    // What runs comes from the folder: a link to a file elsewhere is refused, as a tag that
    // leaves the folder is.
    if (std::filesystem::is_symlink(link)) {
      std::filesystem::path target = std::filesystem::weakly_canonical(path, error);
      std::filesystem::path base = std::filesystem::weakly_canonical(folder.out(), error);
      auto mismatch = std::mismatch(base.begin(), base.end(), target.begin(), target.end());
      if (mismatch.first != base.end()) {
        throw UserError(
            fmt::format("{}: the journal's {} is a link to {}, outside the migration folder",
                        path.string(), entry.tag, target.string()));
      }
    }
    if (!std::filesystem::exists(status)) {
      files.texts.emplace_back();
      files.hashes.emplace_back();
      continue;
    }
    std::string text = store::read_text_file(path.string());
    files.hashes.push_back(store::sha256_hex(text));
    files.texts.push_back(std::move(text));
  }
  return files;
}

std::vector<std::string> file_hashes(const store::MigrationFolder& folder) {
  return read_folder_files(folder).hashes;
}

FolderStatus read_status(pg::Connection& connection, const store::MigrationFolder& folder,
                         const MigrateOptions& options) {
  Bookkeeping bookkeeping(connection, options.schema, options.table);
  return match_applied(folder.journal().entries, file_hashes(folder), bookkeeping.rows());
}

MigrateResult run_migrations(pg::Connection& connection, const store::MigrationFolder& folder,
                             const MigrateOptions& options, const MigrateObserver& observer) {
  return run_migrations(connection, folder, read_folder_files(folder), options, observer);
}

MigrateResult run_migrations(pg::Connection& connection, const store::MigrationFolder& folder,
                             const FolderFiles& files, const MigrateOptions& options,
                             const MigrateObserver& observer) {
  MigrateResult result;
  Bookkeeping bookkeeping(connection, options.schema, options.table);
  if (options.dry_run) {
    FolderStatus status = match_applied(folder.journal().entries, files.hashes, bookkeeping.rows());
    result.planned = plan(folder, files, status, options, connection.server_version(), result);
    return result;
  }
  // Planned once before anything is created: a syntax error, a missing file or an edited
  // migration leaves the database as it was (no bookkeeping schema or table either).
  FolderStatus seen = match_applied(folder.journal().entries, files.hashes,
                                    bookkeeping.rows(Bookkeeping::RowDetail::kForMatching));
  MigrateResult preliminary;
  std::vector<PendingMigration> planned =
      plan(folder, files, seen, options, connection.server_version(), preliminary);
  // Up to date: every entry is applied in what was just read (rows are only ever added under
  // the lock, each migration's with its own commit), the tables exist and no edited hash is to
  // be accepted. Nothing would run or be written, so no lock and no second read.
  bool hashes_to_accept =
      options.accept_edited &&
      std::any_of(seen.entries.begin(), seen.entries.end(),
                  [](const EntryStatus& entry) { return entry.state == EntryState::kEdited; });
  if (planned.empty() && bookkeeping.complete() && !hashes_to_accept) {
    result.warnings = std::move(preliminary.warnings);
    if (observer.on_warning) {
      for (const std::string& warning : result.warnings) observer.on_warning(warning);
    }
    return result;
  }
  AdvisoryLock lock(connection, bookkeeping.lock_name(), options.lock_wait);
  bookkeeping.ensure();
  set_session_options(connection, options);
  // Under the lock: another migrator may have applied some of them in the meantime.
  FolderStatus status = match_applied(folder.journal().entries, files.hashes,
                                      bookkeeping.rows(Bookkeeping::RowDetail::kForMatching));
  if (same_states(status, seen)) {
    result.planned = std::move(planned);
    result.warnings = std::move(preliminary.warnings);
  } else {
    result.planned = plan(folder, files, status, options, connection.server_version(), result);
  }
  if (observer.on_warning) {
    for (const std::string& warning : result.warnings) observer.on_warning(warning);
  }
  for (const EntryStatus& entry : status.entries) {
    if (entry.state == EntryState::kEdited && options.accept_edited) {
      bookkeeping.update_hash(*entry.row, entry.file_hash);
    }
  }

  bool one_transaction = options.transactions == TransactionMode::kAll;
  // --tx all: one transaction around every migration, rolled back on any way out but the end.
  std::optional<pg::Transaction> all;
  if (one_transaction && !result.planned.empty()) all.emplace(connection);
  for (const PendingMigration& migration : result.planned) {
    if (observer.on_start) observer.on_start(migration);
    result.failure = apply_one(connection, bookkeeping, migration,
                               options.transactions == TransactionMode::kPerMigration, observer,
                               result.warnings);
    if (result.failure) {
      result.failure->advice =
          failure_advice(result.failure->error, connection.server_version() / 10000);
      if (all) {
        all->rollback();
        result.applied.clear();
      }
      return result;
    }
    result.applied.push_back(migration.status.entry.tag);
  }
  if (all) all->commit();
  return result;
}

}  // namespace flick::migrate

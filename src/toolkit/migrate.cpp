// toolkit::migrate and toolkit::status: the folder against a database.

#include <fmt/core.h>

#include <exception>
#include <future>

#include "migrate/advisory_lock.hpp"
#include "migrate/bookkeeping.hpp"
#include "migrate/migrator.hpp"
#include "pg/pg.hpp"
#include "toolkit/project_state.hpp"

namespace flick::toolkit {

namespace {

migrate::TransactionMode transaction_mode(Transactions transactions) {
  switch (transactions) {
    case Transactions::kAll:
      return migrate::TransactionMode::kAll;
    case Transactions::kNone:
      return migrate::TransactionMode::kNone;
    case Transactions::kPerMigration:
      break;
  }
  return migrate::TransactionMode::kPerMigration;
}

PlannedStatement planned(const migrate::PlannedStatement& statement) {
  return {.number = statement.number,
          .line = statement.line,
          .text = statement.text,
          .first_line = statement.first_line(),
          .outside_transaction = statement.outside_transaction};
}

}  // namespace

PlannedMigration planned(const migrate::PendingMigration& migration) {
  PlannedMigration result{.tag = migration.status.entry.tag,
                          .out_of_order = migration.status.out_of_order};
  for (const migrate::PlannedStatement& statement : migration.statements) {
    result.statements.push_back(planned(statement));
  }
  return result;
}

namespace {

EntryState entry_state(migrate::EntryState state) {
  switch (state) {
    case migrate::EntryState::kApplied:
      return EntryState::kApplied;
    case migrate::EntryState::kEdited:
      return EntryState::kEdited;
    case migrate::EntryState::kPending:
      break;
  }
  return EntryState::kPending;
}

}  // namespace

migrate::MigrateOptions bookkeeping_options(const store::Config& config) {
  migrate::MigrateOptions options;
  options.schema = config.migrations.schema;
  options.table = config.migrations.table;
  options.strict = config.strict;
  if (!config.migrations.lock_timeout.empty()) {
    options.lock_timeout = config.migrations.lock_timeout;
  }
  if (!config.migrations.statement_timeout.empty()) {
    options.statement_timeout = config.migrations.statement_timeout;
  }
  return options;
}

migrate::MigrateOptions run_options(const store::Config& config, const MigrateOptions& options) {
  migrate::MigrateOptions migrate_options = bookkeeping_options(config);
  migrate_options.transactions = transaction_mode(options.transactions);
  migrate_options.strict = migrate_options.strict || options.strict;
  migrate_options.accept_edited = options.accept_edited;
  migrate_options.dry_run = options.dry_run;
  migrate_options.to_tag = options.to_tag;
  if (options.lock_wait) migrate_options.lock_wait = *options.lock_wait;
  if (!options.lock_timeout.empty()) migrate_options.lock_timeout = options.lock_timeout;
  if (!options.statement_timeout.empty()) {
    migrate_options.statement_timeout = options.statement_timeout;
  }
  return migrate_options;
}

MigrateReport to_report(migrate::MigrateResult result) {
  MigrateReport report;
  for (const migrate::PendingMigration& migration : result.planned) {
    report.planned.push_back(planned(migration));
  }
  report.applied = std::move(result.applied);
  report.warnings = std::move(result.warnings);
  if (result.failure) {
    const migrate::MigrationFailure& failure = *result.failure;
    report.failure = MigrationFailure{.file = failure.file,
                                      .statement = planned(failure.statement),
                                      .severity = failure.error.severity,
                                      .sqlstate = failure.error.sqlstate,
                                      .message = failure.error.message_primary,
                                      .detail = failure.error.detail,
                                      .hint = failure.error.hint,
                                      .advice = failure.advice,
                                      .committed_statements = failure.committed_statements};
  }
  return report;
}

StatusReport to_report(const migrate::FolderStatus& status) {
  StatusReport report;
  for (const migrate::EntryStatus& entry : status.entries) {
    report.entries.push_back({.tag = entry.entry.tag,
                              .state = entry_state(entry.state),
                              .out_of_order = entry.out_of_order,
                              .recorded = entry.row.has_value(),
                              .applied_at = entry.row ? entry.row->applied_at : std::nullopt});
  }
  for (const migrate::AppliedRow& row : status.unknown_rows) {
    report.unknown_rows.push_back({.id = row.id, .hash = row.hash, .created_at = row.created_at});
  }
  return report;
}

MigrateReport migrate(const Project& project, const MigrateOptions& options) {
  const store::Config& config = config_of(project);
  migrate::MigrateOptions migrate_options = run_options(config, options);
  migrate::MigrateObserver observer;
  observer.on_warning = options.on_warning;
  // The migration running now, converted once for on_start and on_applied.
  PlannedMigration current;
  auto current_of = [&](const migrate::PendingMigration& migration) -> const PlannedMigration& {
    if (current.tag != migration.status.entry.tag) current = planned(migration);
    return current;
  };
  if (options.on_start) {
    observer.on_start = [&](const migrate::PendingMigration& migration) {
      options.on_start(current_of(migration));
    };
  }
  if (options.on_statement) {
    observer.on_statement = [&](const migrate::PendingMigration& migration,
                                const migrate::PlannedStatement& statement) {
      options.on_statement(migration.status.entry.tag, planned(statement));
    };
  }
  if (options.on_applied) {
    observer.on_applied = [&](const migrate::PendingMigration& migration,
                              std::int64_t duration_ms) {
      options.on_applied(current_of(migration), duration_ms);
    };
  }
  // A journal that cannot be read is reported at once, before anything connects (a connection
  // to an unreachable host can take its whole timeout).
  store::MigrationFolder folder(config.out);
  // libpq is loaded and the server starts a backend while the files are read and hashed. A
  // connection failure is reported before a problem with the files, as when one followed the
  // other.
  std::future<pg::Connection> connecting = std::async(
      std::launch::async, [&project, &options] { return connect_database(project, options.url); });
  migrate::FolderFiles files;
  std::exception_ptr read_error;
  try {
    files = migrate::read_folder_files(folder);
  } catch (...) {
    read_error = std::current_exception();
  }
  pg::Connection connection = connecting.get();
  if (read_error) std::rethrow_exception(read_error);
  return to_report(migrate::run_migrations(connection, folder, files, migrate_options, observer));
}

namespace {

// Records every pending entry up to and including `last_tag` (all when empty); with `only`, just
// that entry. Returns the tags recorded.
std::vector<std::string> record_without_running(const Project& project, const std::string& tag,
                                                bool only, const std::string& url) {
  const store::Config& config = config_of(project);
  store::MigrationFolder folder(config.out);
  migrate::MigrateOptions options = bookkeeping_options(config);
  pg::Connection connection = connect_database(project, url);
  migrate::Bookkeeping bookkeeping(connection, options.schema, options.table);
  migrate::AdvisoryLock lock(connection, bookkeeping.lock_name(), options.lock_wait);
  bookkeeping.ensure();
  migrate::FolderStatus status = migrate::read_status(connection, folder, options);
  // Decided whole before anything is written: bad input changes nothing.
  std::vector<const migrate::EntryStatus*> selected;
  bool found = tag.empty();
  for (const migrate::EntryStatus& entry : status.entries) {
    bool chosen = !only || entry.entry.tag == tag;
    if (chosen && entry.file_hash.empty()) {
      throw UserError(
          fmt::format("{}.sql: the journal lists it but the file is missing", entry.entry.tag));
    }
    if (chosen && entry.state == migrate::EntryState::kPending) {
      selected.push_back(&entry);
    } else if (only && chosen) {
      throw UserError(
          fmt::format("{} is already {}", entry.entry.tag, migrate::to_string(entry.state)));
    }
    if (!tag.empty() && entry.entry.tag == tag) {
      found = true;
      break;
    }
  }
  if (!found) throw UserError(fmt::format("{}: no such migration in the journal", tag));
  std::vector<std::string> recorded;
  pg::Transaction transaction(connection);
  for (const migrate::EntryStatus* entry : selected) {
    bookkeeping.record(entry->entry, entry->file_hash, 0, 0);
    recorded.push_back(entry->entry.tag);
  }
  transaction.commit();
  return recorded;
}

}  // namespace

std::vector<std::string> mark_applied(const Project& project, const std::string& tag,
                                      const std::string& url) {
  return record_without_running(project, tag, /*only=*/true, url);
}

std::vector<std::string> baseline(const Project& project, const std::string& to_tag,
                                  const std::string& url) {
  return record_without_running(project, to_tag, /*only=*/false, url);
}

const char* to_string(EntryState state) {
  switch (state) {
    case EntryState::kApplied:
      return "applied";
    case EntryState::kEdited:
      return "edited";
    case EntryState::kPending:
      break;
  }
  return "pending";
}

std::size_t StatusReport::pending() const {
  std::size_t count = 0;
  for (const EntryStatus& entry : entries) count += entry.state == EntryState::kPending;
  return count;
}

StatusReport status(const Project& project, const std::string& url) {
  const store::Config& config = config_of(project);
  store::MigrationFolder folder(config.out);
  pg::Connection connection = connect_database(project, url);
  return to_report(migrate::read_status(connection, folder, bookkeeping_options(config)));
}

}  // namespace flick::toolkit

namespace flick::toolkit {

Diagnostic to_diagnostic(const MigrationFailure& failure) {
  Diagnostic diagnostic;
  diagnostic.severity = Severity::kError;
  diagnostic.rule = "migration-failed";
  diagnostic.file = failure.file;
  diagnostic.line = failure.statement.line;
  diagnostic.message = fmt::format("{} failed at statement {} (line {}): {} (SQLSTATE {})\n    {}",
                                   failure.file, failure.statement.number, failure.statement.line,
                                   failure.message, failure.sqlstate, failure.statement.first_line);
  diagnostic.why = failure.detail;
  // Flick's advice first (it knows more than the server said), the server's HINT after it.
  diagnostic.fix = failure.advice.empty() ? failure.hint : failure.advice;
  if (!failure.advice.empty() && !failure.hint.empty()) {
    diagnostic.fix += fmt::format(" (PostgreSQL's hint: {})", failure.hint);
  }
  return diagnostic;
}

}  // namespace flick::toolkit

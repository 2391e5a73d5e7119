// flick mark-applied TAG / flick baseline: record migrations as applied without running them
// (for a database whose schema was created another way).

#include <fmt/core.h>

#include <memory>

#include "commands.hpp"
#include "database.hpp"
#include "flick/error.hpp"
#include "migrate/advisory_lock.hpp"
#include "migrate/bookkeeping.hpp"
#include "migrate_options.hpp"

namespace flick::cli {
namespace {

struct RecordOptions {
  DatabaseOptions database;
  std::string tag;  // mark-applied: the one migration; baseline: --to (empty: all)
};

// Records every pending entry up to and including `last_tag` (all when empty); with `only`,
// just that entry. Returns the number recorded.
int record_without_running(const RecordOptions& options, bool only) {
  store::Config config = load_project(options.database.project, /*resolve_schema=*/false);
  store::MigrationFolder folder(config.out);
  migrate::MigrateOptions migrate = migrate_options(config, options.database);
  pg::Connection connection(database_url(config));
  migrate::Bookkeeping bookkeeping(connection, migrate.schema, migrate.table);
  migrate::AdvisoryLock lock(connection, bookkeeping.lock_name(), migrate.lock_wait);
  bookkeeping.ensure();
  migrate::FolderStatus status = migrate::read_status(connection, folder, migrate);
  bool found = options.tag.empty();
  int recorded = 0;
  for (const auto& entry : status.entries) {
    bool selected = !only || entry.entry.tag == options.tag;
    if (selected && entry.file_hash.empty()) {
      throw UserError(
          fmt::format("{}.sql: the journal lists it but the file is missing", entry.entry.tag));
    }
    if (selected && entry.state == migrate::EntryState::kPending) {
      bookkeeping.record(entry.entry, entry.file_hash, 0, 0);
      fmt::print("recorded {} as applied (not run)\n", entry.entry.tag);
      ++recorded;
    } else if (only && selected) {
      throw UserError(
          fmt::format("{} is already {}", entry.entry.tag, migrate::to_string(entry.state)));
    }
    if (!options.tag.empty() && entry.entry.tag == options.tag) {
      found = true;
      break;
    }
  }
  if (!found) throw UserError(fmt::format("{}: no such migration in the journal", options.tag));
  return recorded;
}

}  // namespace

void setup_mark_applied(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<RecordOptions>();
  CLI::App* command =
      app.add_subcommand("mark-applied", "record one migration as applied without running it");
  add_database_options(*command, options->database, /*with_timeouts=*/false);
  command->add_option("tag", options->tag, "the migration's tag, e.g. 0003_flat_reptil")
      ->required();
  command->callback([options, &status] {
    record_without_running(*options, /*only=*/true);
    status.code = 0;
  });
}

void setup_baseline(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<RecordOptions>();
  CLI::App* command = app.add_subcommand(
      "baseline", "record every migration (or up to --to) as applied without running them");
  add_database_options(*command, options->database, /*with_timeouts=*/false);
  command->add_option("--to", options->tag, "last migration to record");
  command->callback([options, &status] {
    int recorded = record_without_running(*options, /*only=*/false);
    fmt::print("{} migration{} recorded\n", recorded, recorded == 1 ? "" : "s");
    status.code = 0;
  });
}

}  // namespace flick::cli

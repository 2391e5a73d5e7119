// flick pull: reads the live database and writes it as SQL schema files (one per schema, or one
// per table with --split); in an empty migration folder also a baseline migration 0000, recorded
// as applied in that database.

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "commands.hpp"
#include "database.hpp"
#include "diff/diff.hpp"
#include "emit/emit.hpp"
#include "flick/error.hpp"
#include "introspect/introspect.hpp"
#include "migrate/advisory_lock.hpp"
#include "migrate/bookkeeping.hpp"
#include "migrate_options.hpp"
#include "pg/pg.hpp"
#include "store/folder.hpp"
#include "store/hash.hpp"

namespace flick::cli {
namespace {

namespace fs = std::filesystem;

struct PullOptions {
  DatabaseOptions database;
  bool split = false;
  bool no_baseline = false;
  std::string out_schema;
};

// Where a statement goes: the file of its schema, or with --split the file of its table (types,
// sequences and functions in "_types.sql", views and SQL-language functions in "_views.sql";
// extensions in "_extensions.sql" before every schema).
struct Place {
  std::string schema;
  std::string file;  // table name, "_types" or "_views"
};

struct PlaceOf {
  Place operator()(const diff::CreateSchema& change) const { return {change.name, "_types"}; }
  Place operator()(const diff::CreateEnum& change) const {
    return {change.enum_type.schema, "_types"};
  }
  Place operator()(const diff::CreateSequence& change) const {
    return {change.sequence.schema, "_types"};
  }
  Place operator()(const diff::CreateTable& change) const {
    return {change.table.schema, change.table.name};
  }
  Place operator()(const diff::CreateView& change) const { return {change.view.schema, "_views"}; }
  Place operator()(const diff::CreateDomain& change) const {
    return {change.domain.schema, "_types"};
  }
  Place operator()(const diff::CreateCompositeType& change) const {
    return {change.type.schema, "_types"};
  }
  // Extensions come first: "_extensions" sorts before every schema's file.
  Place operator()(const diff::CreateExtension&) const { return {"_extensions", "_extensions"}; }
  // A SQL-language body reads tables when it is created: with the views, after them.
  Place operator()(const diff::CreateFunction& change) const {
    return {change.function.schema, change.function.language == "sql" ? "_views" : "_types"};
  }
  template <typename Change>
  Place operator()(const Change& change) const {
    if constexpr (requires { change.table; }) {
      return {change.table.schema, change.table.name};
    } else {
      throw std::logic_error("pull: unexpected change kind in a diff from an empty catalog");
    }
  }
};

std::string header(const std::string& schema,
                   const std::vector<introspect::NotCovered>& not_covered) {
  std::string text = fmt::format("-- Schema \"{}\", written by flick pull.\n", schema);
  std::string items;
  for (const auto& item : not_covered) {
    if (item.name.rfind(schema + ".", 0) == 0) {
      items += fmt::format("--   {} {}\n", item.kind, item.name);
    }
  }
  if (!items.empty())
    text += "-- In the database but not covered by flick (not written):\n" + items;
  return text + "\n";
}

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw UserError(fmt::format("{}: cannot write", path.string()));
}

// Writes the schema files; returns their paths in order.
std::vector<fs::path> write_schema_files(const std::vector<diff::Change>& changes,
                                         const std::vector<introspect::NotCovered>& not_covered,
                                         const fs::path& dir, bool split) {
  // file key -> statements, in the order of the whole migration
  std::map<std::pair<std::string, std::string>, std::string> files;
  std::map<std::string, bool> schemas;
  for (const diff::Change& change : changes) {
    Place place = std::visit(PlaceOf{}, change);
    diff::ChangeSet one;
    one.changes.push_back(change);
    std::string& text = files[{place.schema, split ? place.file : ""}];
    for (const std::string& statement : emit::sql_statements(one)) {
      text += statement;
      text += statement.ends_with('\n') ? "\n" : "\n\n";
    }
    schemas[place.schema] = true;
  }
  for (const auto& item : not_covered) {  // a schema holding only uncovered things gets a header
    std::string schema = item.name.substr(0, item.name.find('.'));
    if (item.kind != "extension" && item.name.find('.') != std::string::npos) {
      files.try_emplace({schema, split ? "_types" : ""});
    }
  }
  std::vector<fs::path> paths;
  for (auto& [key, text] : files) {
    const auto& [schema, file] = key;
    fs::path path = split ? dir / schema / (file + ".sql") : dir / (schema + ".sql");
    while (!text.empty() && text.back() == '\n') text.pop_back();
    std::string head = schema == "_extensions" ? "-- Extensions, written by flick pull.\n\n"
                       : (!split || file == "_types")
                           ? header(schema, not_covered)
                           : fmt::format("-- Schema \"{}\".\n\n", schema);
    write_file(path, head + text + (text.empty() ? "" : "\n"));
    paths.push_back(path);
  }
  return paths;
}

void write_baseline(pg::Connection& connection, const store::Config& config,
                    const DatabaseOptions& database, const model::Catalog& catalog,
                    const std::vector<std::string>& statements) {
  store::MigrationFolder folder(config.out);
  store::NewMigration migration;
  migration.name = "baseline";
  migration.prefix = config.migrations.prefix;
  migration.breakpoints = config.breakpoints;
  migration.statements = statements;
  migration.snapshot.catalog = catalog;
  store::WrittenMigration written = folder.write_migration(std::move(migration));
  std::ifstream in(written.sql_path, std::ios::binary);
  std::string sql((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  migrate::MigrateOptions migrate = migrate_options(config, database);
  migrate::Bookkeeping bookkeeping(connection, migrate.schema, migrate.table);
  migrate::AdvisoryLock lock(connection, bookkeeping.lock_name(), migrate.lock_wait);
  bookkeeping.ensure();
  bookkeeping.record(written.entry, store::sha256_hex(sql), 0, static_cast<int>(statements.size()));
  fmt::print("baseline migration written: {} (recorded as applied)\n", written.sql_path.string());
}

// Where pull writes: --out-schema; else the directory of the schema glob (flick.toml or
// --schema), when the files pull writes there match it (so generate reads them back); else
// schema/ beside flick.toml. A glob they would not match is refused before anything is read.
fs::path pull_directory(const PullOptions& options, const store::Config& config) {
  if (!options.out_schema.empty()) return options.out_schema;
  if (config.schema.empty()) return config.dir / "schema";
  const std::string& glob = config.schema.front();
  std::string written = options.split ? "DIR/<schema>/<table>.sql" : "DIR/<schema>.sql";
  std::size_t wildcard = glob.find_first_of("*?[");
  std::size_t slash = wildcard == std::string::npos ? std::string::npos : glob.rfind('/', wildcard);
  std::string prefix = slash == std::string::npos ? "" : glob.substr(0, slash + 1);
  std::string rest = glob.substr(prefix.size());
  bool fits = config.schema.size() == 1 && wildcard != std::string::npos &&
              (options.split ? rest == "**/*.sql" || rest == "*/*.sql"
                             : rest == "*.sql" || rest == "**/*.sql");
  if (!fits) {
    throw UserError(fmt::format(
        "pull writes {}, which schema \"{}\" would not read back; give a glob like "
        "\"db/{}\" or --out-schema DIR",
        written, fmt::join(config.schema, "\", \""), options.split ? "**/*.sql" : "*.sql"));
  }
  fs::path base = options.database.project.schema.empty() ? config.dir : fs::path(".");
  return (base / (prefix.empty() ? "." : prefix)).lexically_normal();
}

int run_pull(const PullOptions& options) {
  store::Config config = load_project(options.database.project, /*resolve_schema=*/false);
  fs::path dir = pull_directory(options, config);
  pg::Connection connection(database_url(config));
  introspect::Filters filters{config.schema_filter, config.tables_filter, config.migrations.schema,
                              config.migrations.table};
  std::vector<introspect::NotCovered> not_covered;
  model::Catalog catalog = introspect::read_catalog(connection, filters, &not_covered);

  diff::ChangeSet changes = diff::diff(model::Catalog{}, catalog, {});
  std::vector<fs::path> paths =
      write_schema_files(changes.changes, not_covered, dir, options.split);
  fmt::print("pulled {} table{}, {} enum{}, {} view{} into {} file{} under {}\n",
             catalog.tables.size(), catalog.tables.size() == 1 ? "" : "s", catalog.enums.size(),
             catalog.enums.size() == 1 ? "" : "s", catalog.views.size(),
             catalog.views.size() == 1 ? "" : "s", paths.size(), paths.size() == 1 ? "" : "s",
             dir.string());
  if (!not_covered.empty()) {
    fmt::print(stderr, "not covered by flick (left out of the files):\n");
    for (const auto& item : not_covered) fmt::print(stderr, "  {} {}\n", item.kind, item.name);
  }
  store::MigrationFolder folder(config.out);
  if (!options.no_baseline && folder.journal().entries.empty()) {
    write_baseline(connection, config, options.database, catalog, emit::sql_statements(changes));
  }
  return 0;
}

}  // namespace

void setup_pull(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<PullOptions>();
  CLI::App* command =
      app.add_subcommand("pull", "write the live database's schema as SQL schema files");
  add_database_options(*command, options->database, /*with_timeouts=*/false);
  command->add_flag("--split", options->split, "one file per table (DIR/<schema>/<table>.sql)");
  command->add_flag("--no-baseline", options->no_baseline,
                    "no baseline migration, even when the migration folder is empty");
  command->add_option("--out-schema", options->out_schema,
                      "directory for the schema files (default: schema/ beside flick.toml)");
  command->callback([options, &status] { status.code = run_pull(*options); });
}

}  // namespace flick::cli

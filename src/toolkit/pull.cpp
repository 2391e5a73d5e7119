// toolkit::pull: the live database written as SQL schema files, and in an empty migration folder a
// baseline migration recorded as applied.

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <fstream>
#include <future>
#include <map>

#include "diff/diff.hpp"
#include "emit/emit.hpp"
#include "introspect/introspect.hpp"
#include "migrate/advisory_lock.hpp"
#include "migrate/bookkeeping.hpp"
#include "store/folder.hpp"
#include "store/hash.hpp"
#include "toolkit/project_state.hpp"

namespace flick::toolkit {
namespace {

namespace fs = std::filesystem;

// Where a statement goes: the file of its schema, or when split the file of its table (types,
// sequences, functions and default privileges in "_types.sql", views, SQL-language functions
// grants and comments in "_views.sql"; extensions in "_extensions.sql" and roles in "_roles.sql"
// before every schema).
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
    return {change.table->schema, change.table->name};
  }
  Place operator()(const diff::CreateView& change) const { return {change.view.schema, "_views"}; }
  Place operator()(const diff::CreateDomain& change) const {
    return {change.domain.schema, "_types"};
  }
  Place operator()(const diff::CreateCompositeType& change) const {
    return {change.type.schema, "_types"};
  }
  Place operator()(const diff::CreateRangeType& change) const {
    return {change.type.schema, "_types"};
  }
  Place operator()(const diff::CreateCollation& change) const {
    return {change.collation.schema, "_types"};
  }
  // Extensions come first: "_extensions" sorts before every schema's file.
  Place operator()(const diff::CreateExtension&) const { return {"_extensions", "_extensions"}; }
  // A SQL-language body reads tables when it is created: with the views (and aggregates with
  // the SQL functions they are usually made of).
  Place operator()(const diff::CreateFunction& change) const {
    bool with_views = change.function.language == "sql" || change.function.aggregate;
    return {change.function.schema, with_views ? "_views" : "_types"};
  }
  // Roles are the cluster's: their own file, before every schema's (memberships with them).
  Place operator()(const diff::CreateRole&) const { return {"_roles", "_roles"}; }
  Place operator()(const diff::AlterRole&) const { return {"_roles", "_roles"}; }
  // Default privileges come before the objects they apply to: with the schema's types (or with
  // the roles when they are for every schema).
  Place operator()(const diff::GrantDefaultPrivileges& change) const {
    const std::string& schema = change.entries.front().schema;
    return schema.empty() ? Place{"_roles", "_roles"} : Place{schema, "_types"};
  }
  // Grants come after every object of their schema exists.
  Place operator()(const diff::GrantPrivileges& change) const {
    return {change.grants.front().schema, "_views"};
  }
  // A comment comes after its object: with the grants.
  Place operator()(const diff::SetComment& change) const {
    return {change.comment.schema, "_views"};
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

// A table with parents (INHERITS, PARTITION OF) whose file would be read before its first
// ancestor's is written in that ancestor's file, with everything of its own: the schema reader
// reads files in name order and needs a parent before its children ("garbage.users INHERITS
// source.users" in garbage.sql would come first).
std::map<std::pair<std::string, std::string>, Place> places_of_children(
    const std::vector<diff::Change>& changes, bool split) {
  std::map<std::pair<std::string, std::string>, const model::Table*> tables;
  for (const diff::Change& change : changes) {
    if (const auto* create = std::get_if<diff::CreateTable>(&change)) {
      tables[{create->table->schema, create->table->name}] = create->table;
    }
  }
  std::map<std::pair<std::string, std::string>, Place> places;
  for (const auto& [key, table] : tables) {
    const model::Table* root = table;
    for (int depth = 0; depth < 32; ++depth) {
      std::pair<std::string, std::string> parent;
      if (root->partition_of) {
        parent = {root->partition_of->schema, root->partition_of->name};
      } else if (!root->inherits.empty()) {
        parent = {root->inherits.front().schema, root->inherits.front().name};
      } else {
        break;
      }
      auto found = tables.find(parent);
      if (found == tables.end()) break;
      root = found->second;
    }
    auto path = [&](const model::Table& t) {
      return split ? t.schema + "/" + t.name + ".sql" : t.schema + ".sql";
    };
    if (root != table && path(*table) < path(*root)) places[key] = Place{root->schema, root->name};
  }
  return places;
}

// Writes the schema files; returns their paths in order.
std::vector<fs::path> write_schema_files(const std::vector<diff::Change>& changes,
                                         const std::vector<introspect::NotCovered>& not_covered,
                                         const fs::path& dir, bool split) {
  std::map<std::pair<std::string, std::string>, Place> children =
      places_of_children(changes, split);
  // file key -> statements, in the order of the whole migration
  std::map<std::pair<std::string, std::string>, std::string> files;
  for (const diff::Change& change : changes) {
    Place place = std::visit(PlaceOf{}, change);
    if (auto child = children.find({place.schema, place.file}); child != children.end()) {
      place = child->second;
    }
    diff::ChangeSet one;
    one.changes.push_back(change);
    std::string& text = files[{place.schema, split ? place.file : ""}];
    // A schema file declares a role; the migration's DO block (which also accepts a role the
    // cluster already has) is for applying it.
    const auto* role = std::get_if<diff::CreateRole>(&change);
    for (const std::string& statement :
         role != nullptr ? emit::create_role_statements(role->role) : emit::sql_statements(one)) {
      text += statement;
      text += statement.ends_with('\n') ? "\n" : "\n\n";
    }
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
                       : schema == "_roles"    ? "-- Roles, written by flick pull.\n\n"
                       : (!split || file == "_types")
                           ? header(schema, not_covered)
                           : fmt::format("-- Schema \"{}\".\n\n", schema);
    write_file(path, head + text + (text.empty() ? "" : "\n"));
    paths.push_back(path);
  }
  return paths;
}

WrittenMigration write_baseline(pg::Connection& connection, const store::Config& config,
                                const model::Catalog& catalog,
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
  migrate::MigrateOptions bookkeeping = bookkeeping_options(config);
  migrate::Bookkeeping table(connection, bookkeeping.schema, bookkeeping.table);
  migrate::AdvisoryLock lock(connection, table.lock_name(), bookkeeping.lock_wait);
  table.ensure();
  table.record(written.entry, store::sha256_hex(sql), 0, static_cast<int>(statements.size()));
  return {.tag = written.entry.tag,
          .sql_path = written.sql_path,
          .snapshot_path = written.snapshot_path,
          .statements = statements.size(),
          .custom = false};
}

// Where pull writes (see PullOptions::out_schema). A glob that would not read the files back is
// refused before anything is read.
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
  // The glob's own base: flick.toml's folder, or the working directory for --schema.
  return (config.schema_base / (prefix.empty() ? "." : prefix)).lexically_normal();
}

}  // namespace

PullReport pull(const Project& project, const PullOptions& options) {
  const store::Config& config = config_of(project);
  PullReport report;
  report.directory = pull_directory(options, config);
  std::string target = database_target(project, options.url);
  // The connection that reads half of the catalog is opened beside the first (read_catalog),
  // so that the two backends start together.
  std::future<pg::Connection> second =
      std::async(std::launch::async, [target] { return pg::Connection(target); });
  pg::Connection connection = connect_database(project, target);
  introspect::Filters filters = database_filters(config);
  std::vector<introspect::NotCovered> not_covered;
  model::Catalog catalog =
      introspect::read_catalog(connection, filters, &not_covered, std::move(second));

  diff::ChangeSet changes = diff::diff(model::Catalog{}, catalog, {});
  report.files = write_schema_files(changes.changes, not_covered, report.directory, options.split);
  report.tables = catalog.tables.size();
  report.enums = catalog.enums.size();
  report.views = catalog.views.size();
  for (const auto& item : not_covered) report.not_covered.push_back({item.kind, item.name});
  store::MigrationFolder folder(config.out);
  if (!options.no_baseline && folder.journal().entries.empty()) {
    report.baseline = write_baseline(connection, config, catalog, emit::sql_statements(changes));
  }
  return report;
}

}  // namespace flick::toolkit

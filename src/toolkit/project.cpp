#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>

#include "ddl/ddl.hpp"
#include "pg/pg.hpp"
#include "toolkit/project_state.hpp"

namespace flick::toolkit {

namespace fs = std::filesystem;

namespace {

// True when every directory above `path` lets other users through (the server's user must reach
// the cluster directory).
bool reachable_by_other_users(const fs::path& path) {
  for (fs::path dir = path; !dir.empty(); dir = dir.parent_path()) {
    struct stat info {};
    if (::stat(dir.c_str(), &info) == 0 && (info.st_mode & S_IXOTH) == 0) return false;
    if (dir == dir.root_path()) break;
  }
  return true;
}

std::string path_hash(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace

store::Config load_config(const ProjectOptions& options, bool resolve_schema) {
  store::ConfigOverrides overrides;
  if (!options.config.empty()) overrides.config = options.config;
  if (!options.schema.empty()) overrides.schema = options.schema;
  if (!options.out.empty()) overrides.out = options.out;
  if (!options.dialect.empty()) overrides.dialect = options.dialect;
  if (!options.url.empty()) overrides.url = options.url;
  if (!options.prefix.empty()) overrides.prefix = options.prefix;
  overrides.resolve_schema = resolve_schema;
  return store::load_config(overrides);
}

Project Project::load(const ProjectOptions& options) {
  // schema_files() resolves the globs when a command needs them.
  return project_from_config(load_config(options, /*resolve_schema=*/false));
}

Project project_from_config(store::Config config) {
  auto state = std::make_shared<Project::State>();
  state->config = std::move(config);
  return Project(std::move(state));
}

const store::Config& config_of(const Project& project) { return project.state().config; }

const fs::path& Project::directory() const { return state_->config.dir; }

const fs::path& Project::migrations_folder() const { return state_->config.out; }

std::vector<fs::path> schema_files_of(const store::Config& config) {
  std::vector<fs::path> files =
      config.schema_files.empty() ? store::resolve_schema_files(config) : config.schema_files;
  if (files.empty()) {
    throw UserError("no schema files: pass --schema or set `schema` in flick.toml");
  }
  return files;
}

std::vector<fs::path> Project::schema_files() const { return schema_files_of(state_->config); }

std::string database_target(const Project& project, const std::string& url) {
  return url.empty() ? project.database_url() : url;
}

pg::Connection connect_database(const Project& project, const std::string& url) {
  std::string target = database_target(project, url);
  try {
    return pg::Connection(target);
  } catch (const pg::PgError& error) {
    if (pg::is_environment_sqlstate(error.sqlstate())) {
      throw EnvironmentError("database unreachable: " + pg::redact_text(error.what()));
    }
    throw;
  }
}

std::string Project::database_url() const { return toolkit::database_url(state_->config); }

model::Catalog Project::read_schema() const {
  model::Catalog catalog = ddl::read_schema_files(schema_files());
  as_compared(state_->config, catalog);
  return catalog;
}

introspect::Filters database_filters(const store::Config& config) {
  introspect::Filters filters{config.schema_filter, config.tables_filter, config.migrations.schema,
                              config.migrations.table};
  filters.privileges = config.manage_privileges;
  return filters;
}

model::Catalog& as_compared(const store::Config& config, model::Catalog& catalog) {
  if (!config.manage_privileges) model::strip_privileges(catalog);
  return catalog;
}

localdb::LocalCluster embedded_cluster(const store::Config& config) {
  fs::path base = fs::absolute(config.dir.empty() ? fs::current_path() : config.dir);
  fs::path cluster_dir = base / ".flick" / "pg";
  // As root the server runs as `postgres`, which cannot enter private folders such as /root: the
  // cluster then lives in /var/tmp and .flick/pg is a symbolic link to it.
  if (::geteuid() == 0 && !reachable_by_other_users(base) && !fs::is_directory(cluster_dir)) {
    fs::path outside = fs::path("/var/tmp") / ("flick-pg-" + path_hash(cluster_dir.string()));
    fs::create_directories(outside);
    fs::create_directories(cluster_dir.parent_path());
    if (fs::is_symlink(cluster_dir)) fs::remove(cluster_dir);
    fs::create_directory_symlink(outside, cluster_dir);
  }
  return localdb::LocalCluster(fs::is_symlink(cluster_dir) ? fs::canonical(cluster_dir)
                                                           : cluster_dir);
}

std::string database_url(const store::Config& config) {
  if (!config.url.empty()) {
    // A misspelt scheme ("postgress://", "POSTGRES://") is not a URL to libpq: it would read it
    // as a conninfo string and connect to the local socket instead.
    std::size_t scheme_end = config.url.find("://");
    if (scheme_end != std::string::npos) {
      std::string scheme = config.url.substr(0, scheme_end);
      if (scheme != "postgresql" && scheme != "postgres") {
        throw UserError(
            fmt::format("--url: unknown scheme \"{}\" (a URL starts with "
                        "postgresql:// or postgres://)",
                        scheme));
      }
    }
    if (std::string error = pg::connection_string_error(config.url); !error.empty()) {
      throw UserError("the database URL cannot be read: " + error);
    }
    return config.url;
  }
  // Never the embedded cluster in place of a database the drizzle config names.
  if (!config.url_error.empty()) throw UserError(config.url_error + " (or pass --url)");
  localdb::LocalCluster cluster = embedded_cluster(config);
  cluster.start();
  return cluster.url();
}

}  // namespace flick::toolkit

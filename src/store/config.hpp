#pragma once

// flick.toml (the counterpart of drizzle.config.ts) merged with command-line flags.
//
//   out = "drizzle"                      # migration folder
//   schema = "schema/*.sql"              # or an array of globs
//   dialect = "postgresql"               # the only dialect
//   verbose = false
//   strict = false
//   breakpoints = true
//   schemaFilter = ["public"]
//   tablesFilter = ["*"]
//   [dbCredentials]
//   url = "${DATABASE_URL}"              # ${VAR}: the environment, then .env beside the file
//   [migrations]
//   table = "__drizzle_migrations"
//   schema = "drizzle"
//   prefix = "index"                     # index | timestamp | supabase | unix | none
//   lockTimeout = "5s"                   # PostgreSQL lock_timeout while migrating
//   statementTimeout = "10min"           # PostgreSQL statement_timeout while migrating
//   searchPath = "app"                   # where unqualified names in the files resolve
//   [lint]
//   rules = { setting-not-null = "off" } # rule -> "error" | "warning" | "off"
//   [docs]
//   out = "docs"                         # where flick docs writes the schema wiki
//   [privileges]
//   manage = false                       # roles, GRANT / REVOKE, default privileges
//   [fleet]                              # flick migrate / status / drift --fleet
//   targets = ["${EU_URL}", { name = "us", url = "...", schemas = "tenant_*" }]
//   targetsQuery = "SELECT url, name FROM tenants WHERE active"
//   controlUrl = "${CONTROL_URL}"        # where targetsQuery runs
//   schemas = "tenant_*"                 # one target per matching schema of each database
//   moveQualifiedNames = true            # "public"."x" in the files means the tenant's x
//   sharedSchemas = ["extensions"]       # searched after the tenant's schema
//   parallel = 4                         # connections open at once
//   canary = 0                           # targets run first; the rest only if they converge

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/migration_name.hpp"

namespace flick::store {

struct MigrationsConfig {
  std::string table = "__drizzle_migrations";
  std::string schema = "drizzle";
  PrefixMode prefix = PrefixMode::kIndex;
  // PostgreSQL lock_timeout / statement_timeout while migrating, e.g. "5s"; empty: the server's.
  std::string lock_timeout;
  std::string statement_timeout;
  // The schema unqualified names in migration files resolve to (the first schema of the
  // search_path they were written for); check's replay starts from it.
  std::string search_path = "public";
};

// One database of a fleet ([fleet] targets).
struct FleetTargetConfig {
  std::string name{};     // "" = derived from the URL (host:port/database)
  std::string url{};      // may hold a password: never printed
  std::string schemas{};  // schema-name glob ("tenant_*"); "" = the fleet's `schemas`
};

// [fleet]: the databases (and schemas) `--fleet` commands work on.
struct FleetConfig {
  std::vector<FleetTargetConfig> targets;
  // A query run on control_url whose rows are targets: the column "url" (else the first) and,
  // when present, "name" (else the second column, when there is one).
  std::string targets_query;
  std::string control_url;
  // Schema-per-tenant: every database target without its own pattern becomes one target per
  // schema whose name matches this glob ("*" and "?"). "" = whole databases.
  std::string schemas;
  // Schema targets: names the migrations qualify with [migrations] searchPath ("public"."users",
  // as drizzle-kit writes enums and foreign keys) are run as the tenant's ("tenant_7"."users").
  // false: they keep meaning that schema.
  bool move_qualified_names = true;
  // Schema targets: schemas searched after the tenant's (search_path = tenant, these), for what
  // all tenants share, such as extensions installed in public. Nothing is created in them.
  std::vector<std::string> shared_schemas;
  int parallel = 4;  // at most this many targets (connections) at once, 1..256
  int canary = 0;    // the first `canary` targets run first; the rest only when they converge
};

struct Config {
  // flick.toml, or the drizzle.config.* read in its absence; empty when neither was used.
  std::filesystem::path config_path;
  std::filesystem::path dir;  // base of the file's relative paths: the file's directory
  std::filesystem::path out = "drizzle";
  std::vector<std::string> schema;                  // globs as written
  std::vector<std::filesystem::path> schema_files;  // resolved, sorted, deduplicated
  // What `schema`'s globs are relative to (the file's directory, or "." for --schema) and the
  // name errors give them ("flick.toml: schema", "--schema"); see resolve_schema_files.
  std::filesystem::path schema_base;
  std::string schema_context;
  std::string dialect = "postgresql";
  std::string url;
  // Set when a drizzle config's url (or out) is an expression Flick cannot read without Node:
  // the message naming its file and line, for a command that needs the value and has no flag.
  std::string url_error;
  std::string out_error;
  bool verbose = false;
  bool strict = false;
  bool breakpoints = true;
  MigrationsConfig migrations;
  std::vector<std::string> schema_filter;
  std::vector<std::string> tables_filter;
  // [lint] rules: rule name -> "error" | "warning" | "off" (rule names are checked by flick lint).
  std::map<std::string, std::string> lint_rules;
  // [generate] safe: generate --safe by default (lock-friendly forms for existing tables).
  bool generate_safe = false;
  // [docs] out: flick docs' output folder; default "docs" beside flick.toml (or in the cwd).
  std::filesystem::path docs_out = "docs";
  // [privileges] manage: roles, grants and default privileges are part of the schema (read from
  // the schema files, migrations and the database, diffed and migrated). Off: they are read and
  // left out everywhere (model::strip_privileges), as teams that grant elsewhere expect.
  bool manage_privileges = false;
  FleetConfig fleet;
};

// Command-line values; each one set wins over flick.toml.
struct ConfigOverrides {
  std::optional<std::filesystem::path> config;     // --config; default: ./flick.toml if present
  std::optional<std::vector<std::string>> schema;  // --schema (globs, relative to the cwd)
  std::optional<std::filesystem::path> out;        // --out (relative to the cwd)
  std::optional<std::string> dialect;              // --dialect
  std::optional<std::string> url;                  // --url
  std::optional<std::string> prefix;               // --prefix
  std::optional<bool> breakpoints;                 // --breakpoints
  std::optional<bool> verbose;                     // --verbose
  std::optional<bool> strict;                      // --strict
  // Resolve schema globs to files (and fail on a glob matching nothing). Commands that never
  // read the schema (migrate, status) turn it off.
  bool resolve_schema = true;
};

// Loads flick.toml (--config, else ./flick.toml when it exists, else flags alone) and applies
// the overrides. Relative paths in the file are relative to its directory. Throws
// flick::UserError naming the file, key and line for an unknown key, a wrong type, a dialect
// other than "postgresql", an unset ${VAR}, a bad prefix, or a schema glob matching no file;
// and for a --config file that does not exist.
Config load_config(const ConfigOverrides& overrides);

// `path` as seen from `base` (a config file's directory): itself when absolute or when `base`
// is empty or ".", else base / path.
std::filesystem::path path_under(const std::filesystem::path& base,
                                 const std::filesystem::path& path);

// `config.schema`'s globs expanded (what load_config does when resolve_schema is set).
std::vector<std::filesystem::path> resolve_schema_files(const Config& config);

// Expands schema globs (glob(3), plus "**/" for any depth of directories; a directory stands for
// every *.sql file under it) relative to `base`. Throws flick::UserError naming the glob when
// one matches no file.
std::vector<std::filesystem::path> resolve_schema_globs(const std::vector<std::string>& globs,
                                                        const std::filesystem::path& base,
                                                        const std::string& context);

}  // namespace flick::store

#include "project_options.hpp"

namespace flick::cli {

void add_config_flag(CLI::App& command, ProjectOptions& options) {
  command.add_option("--config", options.config, "flick.toml to read (default: ./flick.toml)");
}

void add_schema_flag(CLI::App& command, ProjectOptions& options) {
  command.add_option("--schema", options.schema, "schema SQL files or globs (repeatable)");
}

void add_url_flag(CLI::App& command, ProjectOptions& options) {
  command.add_option("--url", options.url, "database URL (default: the configured one)");
}

void add_project_options(CLI::App& command, ProjectOptions& options, bool with_url) {
  add_config_flag(command, options);
  add_schema_flag(command, options);
  command.add_option("--out", options.out, "migration folder");
  command.add_option("--dialect", options.dialect, "only \"postgresql\"");
  command.add_option("--prefix", options.prefix,
                     "migration file prefix: index|timestamp|unix|none");
  if (with_url) add_url_flag(command, options);
}

store::Config load_project(const ProjectOptions& options, bool resolve_schema) {
  return toolkit::load_config(options, resolve_schema);
}

}  // namespace flick::cli

#pragma once

// The options every command that reads flick.toml shares: --config, --schema, --out, --dialect,
// --url, --prefix. Values given as flags win over the file.

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "store/config.hpp"
#include "toolkit/project_state.hpp"

namespace flick::cli {

// The flags' values: the toolkit's project options.
using ProjectOptions = toolkit::ProjectOptions;

// Adds the shared flags to `command`, storing into `options`.
void add_project_options(CLI::App& command, ProjectOptions& options, bool with_url);

// The shared flags one at a time, for commands that take only some of them; each flag's name
// and help are written here only.
void add_config_flag(CLI::App& command, ProjectOptions& options);
void add_schema_flag(CLI::App& command, ProjectOptions& options);
void add_url_flag(CLI::App& command, ProjectOptions& options);

// Loads the configuration: flick.toml (from --config, else ./flick.toml when present) with the
// flags applied. Throws flick::UserError on bad input.
store::Config load_project(const ProjectOptions& options, bool resolve_schema = true);

}  // namespace flick::cli

#pragma once

// drizzle.config.ts / .js / .mjs / .json read without running Node: the object literal passed to
// defineConfig (or exported as default), so that check, migrate, status and drift work in an
// existing drizzle repository without a flick.toml.

#include <filesystem>
#include <optional>
#include <string>

#include "store/config.hpp"
#include "store/env.hpp"

namespace flick::store {

// The drizzle config file in `dir` (drizzle.config.ts, .js, .mjs, .cjs, .json, in that order),
// or nullopt.
std::optional<std::filesystem::path> find_drizzle_config(const std::filesystem::path& dir);

// Reads what Flick uses of a drizzle config into `config` (relative paths under config.dir):
// dialect, out, schema (only globs of .sql files: drizzle's TypeScript schema is not Flick's
// input), dbCredentials.url (or host, port, user, password, database), migrations.table /
// schema / prefix, schemaFilter, tablesFilter, strict, verbose, breakpoints. Values are string,
// number, boolean and array literals, and process.env.NAME (optionally with ?? or || and a
// literal fallback), looked up in `env`. Keys Flick does not use are skipped whatever their
// value. Throws flick::UserError "<file>:<line>: ..." for a value of a used key that cannot be
// read statically, an unset variable, a dialect other than postgresql, or no config object.
void read_drizzle_config(const std::filesystem::path& path, const Environment& env, Config& config);

}  // namespace flick::store

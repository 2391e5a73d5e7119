#include "store/config.hpp"

#include <fmt/format.h>
#include <glob.h>
#include <toml++/toml.h>

#include <algorithm>
#include <set>

#include "files/input_file.hpp"
#include "flick/error.hpp"
#include "store/drizzle_config.hpp"
#include "store/env.hpp"

namespace flick::store {
namespace {

namespace fs = std::filesystem;

// Reads the values of one flick.toml, with errors naming file, line and key.
class TomlReader {
 public:
  TomlReader(std::string file, const Environment& env) : file_(std::move(file)), env_(env) {}

  [[noreturn]] void fail(const toml::node& node, const std::string& key,
                         const std::string& message) const {
    throw UserError(fmt::format("{}:{}: {}: {}", file_, node.source().begin.line, key, message));
  }

  std::string string(const toml::node& node, const std::string& key) const {
    const auto* value = node.as_string();
    if (!value) fail(node, key, fmt::format("expected a string, found {}", type_of(node)));
    return env_.expand(value->get(),
                       fmt::format("{}:{}: {}", file_, node.source().begin.line, key));
  }

  bool boolean(const toml::node& node, const std::string& key) const {
    const auto* value = node.as_boolean();
    if (!value) fail(node, key, fmt::format("expected true or false, found {}", type_of(node)));
    return value->get();
  }

  // A string or an array of strings.
  std::vector<std::string> strings(const toml::node& node, const std::string& key) const {
    if (node.is_string()) return {string(node, key)};
    const auto* array = node.as_array();
    if (!array) {
      fail(node, key,
           fmt::format("expected a string or an array of strings, found {}", type_of(node)));
    }
    std::vector<std::string> out;
    for (const toml::node& element : *array) out.push_back(string(element, key));
    return out;
  }

  // An integer in [low, high].
  int integer(const toml::node& node, const std::string& key, int low, int high) const {
    const auto* value = node.as_integer();
    if (!value) fail(node, key, fmt::format("expected an integer, found {}", type_of(node)));
    if (value->get() < low || value->get() > high) {
      fail(node, key, fmt::format("{} is out of range ({}..{})", value->get(), low, high));
    }
    return static_cast<int>(value->get());
  }

  const toml::table& table(const toml::node& node, const std::string& key) const {
    const auto* value = node.as_table();
    if (!value) fail(node, key, fmt::format("expected a table, found {}", type_of(node)));
    return *value;
  }

  [[noreturn]] void unknown(const toml::node& node, const std::string& key,
                            const char* expected) const {
    fail(node, key, fmt::format("unknown key (expected one of: {})", expected));
  }

 private:
  static std::string type_of(const toml::node& node) {
    switch (node.type()) {
      case toml::node_type::string:
        return "a string";
      case toml::node_type::integer:
        return "an integer";
      case toml::node_type::floating_point:
        return "a number";
      case toml::node_type::boolean:
        return "a boolean";
      case toml::node_type::array:
        return "an array";
      case toml::node_type::table:
        return "a table";
      default:
        return "a date/time";
    }
  }

  std::string file_;
  const Environment& env_;
};

// One entry of [fleet] targets: a URL, or { name, url, schemas }.
FleetTargetConfig read_fleet_target(const TomlReader& reader, const toml::node& node,
                                    const std::string& key) {
  FleetTargetConfig target;
  if (node.is_string()) {
    target.url = reader.string(node, key);
    return target;
  }
  if (!node.is_table()) {
    reader.fail(node, key, "expected a URL or a table { name, url, schemas }");
  }
  for (const auto& [inner_key, inner] : reader.table(node, key)) {
    std::string name = key + "." + std::string(inner_key.str());
    if (inner_key.str() == "name") {
      target.name = reader.string(inner, name);
      if (target.name.empty()) reader.fail(inner, name, "a target's name cannot be empty");
    } else if (inner_key.str() == "url") {
      target.url = reader.string(inner, name);
    } else if (inner_key.str() == "schemas") {
      target.schemas = reader.string(inner, name);
    } else {
      reader.unknown(inner, name, "name, url, schemas");
    }
  }
  if (target.url.empty()) reader.fail(node, key, "a target needs a url");
  return target;
}

void read_fleet(const TomlReader& reader, const toml::node& node, FleetConfig& fleet) {
  const toml::node* query_node = nullptr;
  for (const auto& [inner_key, inner] : reader.table(node, "fleet")) {
    std::string name = "fleet." + std::string(inner_key.str());
    if (inner_key.str() == "targets") {
      if (inner.is_string()) {
        fleet.targets.push_back(read_fleet_target(reader, inner, name));
        continue;
      }
      const auto* array = inner.as_array();
      if (!array) reader.fail(inner, name, "expected an array of URLs or { name, url } tables");
      for (const toml::node& element : *array) {
        fleet.targets.push_back(read_fleet_target(reader, element, name));
      }
    } else if (inner_key.str() == "targetsQuery") {
      fleet.targets_query = reader.string(inner, name);
      query_node = &inner;
    } else if (inner_key.str() == "controlUrl") {
      fleet.control_url = reader.string(inner, name);
    } else if (inner_key.str() == "schemas") {
      fleet.schemas = reader.string(inner, name);
    } else if (inner_key.str() == "sharedSchemas") {
      fleet.shared_schemas = reader.strings(inner, name);
    } else if (inner_key.str() == "moveQualifiedNames") {
      fleet.move_qualified_names = reader.boolean(inner, name);
    } else if (inner_key.str() == "parallel") {
      fleet.parallel = reader.integer(inner, name, 1, 256);
    } else if (inner_key.str() == "canary") {
      fleet.canary = reader.integer(inner, name, 0, 1000000);
    } else {
      reader.unknown(inner, name,
                     "targets, targetsQuery, controlUrl, schemas, moveQualifiedNames, "
                     "sharedSchemas, parallel, canary");
    }
  }
  if (query_node && fleet.control_url.empty()) {
    reader.fail(*query_node, "fleet.targetsQuery",
                "needs fleet.controlUrl, the database the query runs on");
  }
}

void read_file(const fs::path& path, const Environment& env, Config& config) {
  toml::table root;
  try {
    root = toml::parse(files::read_input_file(path), path.string());
  } catch (const toml::parse_error& error) {
    throw UserError(fmt::format("{}:{}:{}: {}", path.string(), error.source().begin.line,
                                error.source().begin.column, error.description()));
  }
  TomlReader reader(path.string(), env);
  for (const auto& [toml_key, node] : root) {
    std::string key(toml_key.str());
    if (key == "out") {
      config.out = path_under(config.dir, reader.string(node, key));
    } else if (key == "schema") {
      config.schema = reader.strings(node, key);
    } else if (key == "dialect") {
      config.dialect = reader.string(node, key);
      if (config.dialect != "postgresql") {
        reader.fail(
            node, key,
            fmt::format("\"{}\" is not supported (Flick supports \"postgresql\")", config.dialect));
      }
    } else if (key == "verbose") {
      config.verbose = reader.boolean(node, key);
    } else if (key == "strict") {
      config.strict = reader.boolean(node, key);
    } else if (key == "breakpoints") {
      config.breakpoints = reader.boolean(node, key);
    } else if (key == "schemaFilter") {
      config.schema_filter = reader.strings(node, key);
    } else if (key == "tablesFilter") {
      config.tables_filter = reader.strings(node, key);
    } else if (key == "dbCredentials") {
      for (const auto& [inner_key, inner] : reader.table(node, key)) {
        std::string name = key + "." + std::string(inner_key.str());
        if (inner_key.str() != "url") reader.unknown(inner, name, "url");
        config.url = reader.string(inner, name);
      }
    } else if (key == "migrations") {
      for (const auto& [inner_key, inner] : reader.table(node, key)) {
        std::string name = key + "." + std::string(inner_key.str());
        if (inner_key.str() == "table") {
          config.migrations.table = reader.string(inner, name);
        } else if (inner_key.str() == "schema") {
          config.migrations.schema = reader.string(inner, name);
        } else if (inner_key.str() == "prefix") {
          config.migrations.prefix = parse_prefix_mode(
              reader.string(inner, name),
              fmt::format("{}:{}: {}", path.string(), inner.source().begin.line, name));
        } else if (inner_key.str() == "lockTimeout") {
          config.migrations.lock_timeout = reader.string(inner, name);
        } else if (inner_key.str() == "statementTimeout") {
          config.migrations.statement_timeout = reader.string(inner, name);
        } else if (inner_key.str() == "searchPath") {
          config.migrations.search_path = reader.string(inner, name);
        } else {
          reader.unknown(inner, name,
                         "table, schema, prefix, lockTimeout, statementTimeout, searchPath");
        }
      }
    } else if (key == "lint") {
      for (const auto& [inner_key, inner] : reader.table(node, key)) {
        std::string name = key + "." + std::string(inner_key.str());
        if (inner_key.str() != "rules") reader.unknown(inner, name, "rules");
        for (const auto& [rule, severity_node] : reader.table(inner, name)) {
          std::string rule_key = name + "." + std::string(rule.str());
          std::string severity = reader.string(severity_node, rule_key);
          if (severity != "error" && severity != "warning" && severity != "off") {
            reader.fail(severity_node, rule_key,
                        fmt::format("\"{}\" is not a severity (expected \"error\", \"warning\" "
                                    "or \"off\")",
                                    severity));
          }
          config.lint_rules[std::string(rule.str())] = severity;
        }
      }
    } else if (key == "generate") {
      for (const auto& [inner_key, inner] : reader.table(node, key)) {
        std::string name = key + "." + std::string(inner_key.str());
        if (inner_key.str() != "safe") reader.unknown(inner, name, "safe");
        config.generate_safe = reader.boolean(inner, name);
      }
    } else if (key == "docs") {
      for (const auto& [inner_key, inner] : reader.table(node, key)) {
        std::string name = key + "." + std::string(inner_key.str());
        if (inner_key.str() != "out") reader.unknown(inner, name, "out");
        config.docs_out = path_under(config.dir, reader.string(inner, name));
      }
    } else if (key == "privileges") {
      for (const auto& [inner_key, inner] : reader.table(node, key)) {
        std::string name = key + "." + std::string(inner_key.str());
        if (inner_key.str() != "manage") reader.unknown(inner, name, "manage");
        config.manage_privileges = reader.boolean(inner, name);
      }
    } else if (key == "fleet") {
      read_fleet(reader, node, config.fleet);
    } else {
      reader.unknown(node, key,
                     "out, schema, dialect, verbose, strict, breakpoints, schemaFilter, "
                     "tablesFilter, dbCredentials, migrations, lint, generate, docs, privileges, "
                     "fleet");
    }
  }
}

void add_sql_files_under(const fs::path& dir, std::vector<fs::path>& out) {
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".sql") out.push_back(entry.path());
  }
}

void glob_into(const std::string& pattern, std::vector<fs::path>& out) {
  glob_t result{};
  int status = glob(pattern.c_str(), GLOB_MARK, nullptr, &result);
  if (status == 0) {
    for (std::size_t i = 0; i < result.gl_pathc; ++i) {
      std::string match = result.gl_pathv[i];
      if (!match.empty() && match.back() == '/') {
        add_sql_files_under(match, out);
      } else {
        out.emplace_back(match);
      }
    }
  }
  globfree(&result);
}

// glob(3) has no "**": expand "<dirs>/**/<rest>" by globbing <rest> in each directory <dirs>
// matches and in every directory below them.
void expand_pattern(const std::string& pattern, std::vector<fs::path>& out) {
  std::size_t stars = pattern.find("**/");
  if (stars == std::string::npos) return glob_into(pattern, out);
  std::string head = stars == 0 ? std::string(".") : pattern.substr(0, stars);
  std::string rest = pattern.substr(stars + 3);
  std::vector<fs::path> roots;
  glob_t result{};
  if (glob(head.c_str(), GLOB_ONLYDIR, nullptr, &result) == 0) {
    for (std::size_t i = 0; i < result.gl_pathc; ++i) roots.emplace_back(result.gl_pathv[i]);
  }
  globfree(&result);
  for (const fs::path& root : roots) {
    std::error_code error;
    if (!fs::is_directory(root, error)) continue;
    expand_pattern((root / rest).string(), out);
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root)) {
      if (entry.is_directory()) expand_pattern((entry.path() / rest).string(), out);
    }
  }
}

}  // namespace

std::vector<fs::path> resolve_schema_globs(const std::vector<std::string>& globs,
                                           const fs::path& base, const std::string& context) {
  std::vector<fs::path> files;
  for (const std::string& pattern : globs) {
    std::vector<fs::path> matches;
    expand_pattern(path_under(base, pattern).string(), matches);
    if (matches.empty()) {
      throw UserError(fmt::format("{}: schema \"{}\" matches no file", context, pattern));
    }
    for (fs::path& match : matches) files.push_back(match.lexically_normal());
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

Config load_config(const ConfigOverrides& overrides) {
  Config config;
  config.dir = ".";
  fs::path file;
  std::error_code error;
  if (overrides.config) {
    file = *overrides.config;
    if (!fs::exists(file, error)) {
      throw UserError(fmt::format("{}: config file not found", file.string()));
    }
  } else if (fs::exists("flick.toml", error)) {
    // Whatever it is: a flick.toml that is a directory or a FIFO is refused when read, never
    // silently skipped.
    file = "flick.toml";
  } else if (std::optional<fs::path> drizzle = find_drizzle_config(".")) {
    // An existing drizzle project: its config, read statically.
    config.config_path = *drizzle;
    read_drizzle_config(*drizzle, Environment::beside("."), config);
  }
  if (!file.empty()) {
    config.config_path = file;
    config.dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
    config.out = path_under(config.dir, config.out);
    config.docs_out = path_under(config.dir, config.docs_out);
  }
  Environment env = Environment::beside(config.dir);
  if (!file.empty()) read_file(file, env, config);

  if (overrides.out) {
    config.out = *overrides.out;
    config.out_error.clear();
  }
  if (!config.out_error.empty()) throw UserError(config.out_error + " (or pass --out)");
  if (overrides.dialect) {
    if (*overrides.dialect != "postgresql") {
      throw UserError(
          fmt::format("--dialect: \"{}\" is not supported (Flick supports "
                      "\"postgresql\")",
                      *overrides.dialect));
    }
    config.dialect = *overrides.dialect;
  }
  if (overrides.url) {
    config.url = *overrides.url;
    config.url_error.clear();
  }
  if (overrides.prefix) config.migrations.prefix = parse_prefix_mode(*overrides.prefix, "--prefix");
  if (overrides.breakpoints) config.breakpoints = *overrides.breakpoints;
  if (overrides.verbose) config.verbose = *overrides.verbose;
  if (overrides.strict) config.strict = *overrides.strict;

  config.schema_base = config.dir;
  config.schema_context = file.empty() ? "--schema" : file.string() + ": schema";
  if (overrides.schema) {
    config.schema = *overrides.schema;
    config.schema_base = ".";
    config.schema_context = "--schema";
  }
  if (overrides.resolve_schema) config.schema_files = resolve_schema_files(config);
  return config;
}

std::vector<fs::path> resolve_schema_files(const Config& config) {
  if (config.schema.empty()) return {};
  return resolve_schema_globs(config.schema, config.schema_base, config.schema_context);
}

fs::path path_under(const fs::path& base, const fs::path& path) {
  if (path.is_absolute() || base.empty() || base == ".") return path;
  return base / path;
}

}  // namespace flick::store

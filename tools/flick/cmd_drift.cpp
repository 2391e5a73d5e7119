// flick drift: compares the live database with the last snapshot of the migration folder (or the
// schema files with --schema): the differences in words, the SQL that would reconcile, exit 1
// when the database has drifted.

#include <fmt/core.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "diagnostics/diagnostics.hpp"
#include "fleet_options.hpp"
#include "flick/fleet.hpp"
#include "migrate_options.hpp"
#include "toolkit/project_state.hpp"

namespace flick::cli {
namespace {

struct DriftOptions {
  DatabaseOptions database;
  bool against_schema = false;
  bool json = false;
  FleetFlags fleet;
};

// drift --fleet: targets grouped by their differences; exit 1 when one drifted, else 3 when one
// was unreachable.
int run_fleet_drift(const DriftOptions& options, const toolkit::FleetOptions& fleet) {
  toolkit::Project project =
      toolkit::project_from_config(load_project(options.database.project, options.against_schema));
  toolkit::FleetDriftReport report =
      toolkit::fleet_drift(project, fleet, {.against_schema = options.against_schema});
  int code = report.any_drifted() ? 1 : report.any_unreachable() ? 3 : 0;
  if (options.json) {
    nlohmann::ordered_json out;
    out["drifted"] = report.any_drifted();
    out["targets"] = nlohmann::ordered_json::array();
    for (const toolkit::FleetDriftResult& result : report.targets) {
      nlohmann::ordered_json item = {{"name", result.target.name}};
      if (!result.target.schema.empty()) item["schema"] = result.target.schema;
      if (result.drift) {
        item["drifted"] = result.drift->drifted();
        item["differences"] = result.drift->differences;
        item["sql"] = result.drift->sql;
      } else {
        item["error"] = result.error;
        item["unreachable"] = result.unreachable;
      }
      out["targets"].push_back(item);
    }
    out["groups"] = nlohmann::ordered_json::array();
    for (const toolkit::FleetDriftGroup& group : report.groups) {
      nlohmann::ordered_json item = {{"differences", group.differences}};
      if (!group.error.empty()) {
        item["error"] = group.error;
        item["unreachable"] = group.unreachable;
      }
      item["targets"] = group.targets;
      out["groups"].push_back(item);
    }
    fmt::print("{}\n", out.dump(2));
    return code;
  }
  for (const toolkit::FleetDriftGroup& group : report.groups) {
    std::size_t count = group.targets.size();
    std::string targets = fmt::format("{} target{}", count, count == 1 ? "" : "s");
    if (!group.error.empty()) {
      fmt::print("{} {}: {}\n  {}\n", targets, group.unreachable ? "unreachable" : "not compared",
                 group.error, name_list(group.targets));
    } else if (group.differences.empty()) {
      fmt::print("{}: no drift\n  {}\n", targets, name_list(group.targets));
    } else {
      fmt::print("{} drifted ({} difference{}):\n  {}\n", targets, group.differences.size(),
                 group.differences.size() == 1 ? "" : "s", name_list(group.targets));
      for (const std::string& difference : group.differences) {
        fmt::print("    - {}\n", difference);
      }
    }
  }
  if (report.any_drifted()) {
    fmt::print("\n`flick drift --url URL` on one target shows the SQL that reconciles it\n");
  }
  return code;
}

int run_drift(const DriftOptions& options) {
  toolkit::FleetOptions fleet = fleet_options(options.fleet);
  if (options.fleet.fleet) return run_fleet_drift(options, fleet);
  toolkit::Project project =
      toolkit::project_from_config(load_project(options.database.project, options.against_schema));
  toolkit::DriftReport drift = toolkit::drift(project, {.against_schema = options.against_schema});
  if (options.json) {
    nlohmann::ordered_json out;
    out["drifted"] = drift.drifted();
    out["against"] = drift.against;
    out["differences"] = drift.differences;
    out["changes"] = drift.changes;
    out["risks"] = drift.risks;
    out["sql"] = drift.sql;
    out["diagnostics"] = nlohmann::ordered_json::array();
    for (const Diagnostic& diagnostic : toolkit::to_diagnostics(drift)) {
      out["diagnostics"].push_back(diagnostics::to_json(diagnostic));
    }
    out["notCovered"] = nlohmann::ordered_json::array();
    for (const toolkit::NotCovered& item : drift.not_covered) {
      out["notCovered"].push_back({{"kind", item.kind}, {"name", item.name}});
    }
    fmt::print("{}\n", out.dump(2));
    return drift.drifted() ? 1 : 0;
  }
  if (!drift.drifted()) {
    fmt::print("No drift: the database matches {}\n", drift.against);
    return 0;
  }
  fmt::print("The database has drifted from {}:\n", drift.against);
  for (const std::string& difference : drift.differences) fmt::print("  - {}\n", difference);
  fmt::print("\nTo reconcile it:\n");
  for (const std::string& change : drift.changes) fmt::print("  - {}\n", change);
  if (!drift.risks.empty()) {
    fmt::print("\nThe data it touches:\n");
    for (const std::string& risk : drift.risks) fmt::print("  - {}\n", risk);
  }
  fmt::print("\nSQL:\n");
  for (const std::string& statement : drift.sql) {
    fmt::print("{}{}", statement, statement.ends_with('\n') ? "" : "\n");
  }
  return 1;
}

}  // namespace

void setup_drift(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<DriftOptions>();
  CLI::App* command = app.add_subcommand(
      "drift", "compare the live database with the last snapshot (or the schema files)");
  add_database_options(*command, options->database, /*with_timeouts=*/false);
  // --schema alone compares with the configured schema files; with globs, with those files.
  command->get_option("--schema")
      ->expected(0, CLI::detail::expected_max_vector_size)
      ->description("compare with the schema files (flick.toml's, or the globs given)");
  command->add_flag("--json", options->json, "print the result as JSON");
  add_fleet_options(*command, options->fleet, /*with_failure_policy=*/false);
  command->callback([options, command, &status] {
    options->against_schema = command->count("--schema") > 0;
    status.code = run_drift(*options);
  });
}

}  // namespace flick::cli

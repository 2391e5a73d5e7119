#pragma once

// Fleets: one migration folder applied to many databases, and to many tenant schemas of one
// database. No coordinator: each target keeps its own bookkeeping table and advisory lock, so a
// fleet run is only a client that fans out, at most `parallel` connections at once, and running
// it again resumes (each target converges by its own bookkeeping).
//
//   flick::toolkit::FleetMigrateReport report = flick::toolkit::fleet_migrate(project, {});
//   for (const auto& target : report.targets) std::cout << target.target.name << "\n";
//   return report.exit_code();  // 0 all converged, 1 some failed, 3 some unreachable
//
// Targets come from flick.toml's [fleet] (targets, targetsQuery + controlUrl, schemas) or from
// FleetOptions::targets. A schema target runs with search_path set to its schema, and keeps its
// bookkeeping in that schema ("<tenant>"."__drizzle_migrations"), so tenants lock and record
// apart.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "flick/toolkit.hpp"

namespace flick::toolkit {

// One database, or one tenant schema of a database.
struct FleetTarget {
  std::string name{};    // unique in the fleet: the configured name, else host:port/database
                         // (+ "/<schema>"); the only way outputs name a target
  std::string url{};     // may hold a password: never print it
  std::string schema{};  // schema-per-tenant: the tenant's schema; "" = the whole database
};

struct FleetOptions {
  // "URL" or "NAME=URL" (--target); when not empty they replace [fleet] targets and targetsQuery.
  std::vector<std::string> targets{};
  std::optional<int> parallel{};  // connections open at once; default [fleet] parallel (4)
  std::optional<int> canary{};    // the first K targets run first; default [fleet] canary (0)
  bool fail_fast = false;         // start no target after one did not converge
};

// The fleet's targets, in order: listed, then the rows of [fleet] targetsQuery; a database with a
// schema pattern is replaced by its matching schemas in name order. Throws flick::UserError for
// no targets, two targets with one name, a bad URL or option; flick::EnvironmentError when the
// control database cannot be reached.
std::vector<FleetTarget> fleet_targets(const Project& project, const FleetOptions& options = {});

// ---- migrate --fleet ---------------------------------------------------------------------------

enum class FleetOutcome {
  kApplied,      // pending migrations were applied: converged
  kUpToDate,     // nothing to apply: converged
  kFailed,       // a statement failed (report.failure: file, statement, SQLSTATE)
  kRefused,      // the folder was refused before anything ran (an edited applied migration, ...)
  kLockTimeout,  // another run held this target's migration lock
  kUnreachable,  // the server could not be reached, refused the login, or went away
  kNotRun,       // a canary failed, or --fail-fast after a failure
};

// "applied", "up to date", "failed", "refused", "lock timeout", "unreachable", "not run".
const char* to_string(FleetOutcome outcome);

struct FleetMigrateResult {
  FleetTarget target{};
  FleetOutcome outcome = FleetOutcome::kNotRun;
  MigrateReport report{};  // what ran on the target (failure set when kFailed)
  std::string error{};     // refused / lock timeout / unreachable / not run: why, redacted
  std::int64_t duration_ms = 0;
  bool converged() const {
    return outcome == FleetOutcome::kApplied || outcome == FleetOutcome::kUpToDate;
  }
};

struct FleetMigrateReport {
  std::vector<FleetMigrateResult> targets{};  // target order
  bool canary_stopped = false;                // a canary did not converge: the rest did not run
  // About the run as a whole, before it started: e.g. migrations naming the search-path schema
  // ("public"."users") while schema targets run (the name still means public, not the tenant's).
  std::vector<std::string> warnings{};
  std::size_t count(FleetOutcome outcome) const;
  // 0 every target converged; 1 some failed, were refused, timed out on the lock or did not run;
  // 3 the only problem is unreachable targets.
  int exit_code() const;
};

struct FleetMigrateOptions {
  FleetOptions fleet{};
  // Per-target migrate options (transactions, to_tag, timeouts...); `url` and the callbacks are
  // not used; dry_run is refused.
  MigrateOptions migrate{};
  // Called one at a time (never concurrently), from the worker threads.
  std::function<void(const std::vector<FleetTarget>& targets)> on_targets{};  // before any runs
  std::function<void(const FleetTarget&)> on_target_start{};
  std::function<void(const FleetTarget&, const PlannedMigration&, std::int64_t duration_ms)>
      on_migration_applied{};
  std::function<void(const FleetMigrateResult&)> on_target_done{};
};

// Applies the folder to every target. The folder itself is checked first (a missing journal is a
// flick::UserError before any target runs); what goes wrong on a target is its result.
FleetMigrateReport fleet_migrate(const Project& project, const FleetMigrateOptions& options = {});

// ---- status --fleet ----------------------------------------------------------------------------

struct FleetStatusResult {
  FleetTarget target{};
  std::optional<StatusReport> status{};  // empty when the target could not be read
  std::string error{};                   // why not (redacted)
  bool unreachable = false;
};

// Targets at the same position: the same last applied migration, pending count, edited files
// and unknown rows (or the same error).
struct FleetPosition {
  std::string last_applied{};  // "" = nothing applied
  std::size_t pending = 0;
  std::vector<std::string> edited{};
  std::size_t unknown_rows = 0;
  std::string error{};  // "" when the targets were read
  bool unreachable = false;
  std::vector<std::string> targets{};  // names, target order
};

struct FleetStatusReport {
  std::vector<FleetStatusResult> targets{};
  std::vector<FleetPosition> positions{};  // furthest first (journal order), errors last
  bool any_unreachable() const;
};

FleetStatusReport fleet_status(const Project& project, const FleetOptions& options = {});

// ---- check --fleet -----------------------------------------------------------------------------

// What a fleet's bookkeeping says about the folder, one finding per group of targets:
//   error "fleet-edited"        targets applied a migration whose file has changed since
//   error "fleet-unknown-rows"  targets recorded migrations the journal does not list
//   error "fleet-unreachable"   targets that could not be read
//   warning "fleet-out-of-order" targets with a migration pending before an applied one
//   warning "fleet-diverged"    targets at different positions (the furthest is named)
// Targets in step with each other and the folder give none.
std::vector<Diagnostic> fleet_findings(const FleetStatusReport& report);

// ---- drift --fleet -----------------------------------------------------------------------------

struct FleetDriftResult {
  FleetTarget target{};
  std::optional<DriftReport> drift{};  // empty when not compared
  std::string error{};                 // why not (redacted)
  bool unreachable = false;
};

// Targets with the same differences (or the same error).
struct FleetDriftGroup {
  std::vector<std::string> differences{};  // empty: no drift
  std::string error{};
  bool unreachable = false;
  std::vector<std::string> targets{};
};

struct FleetDriftReport {
  std::vector<FleetDriftResult> targets{};
  std::vector<FleetDriftGroup> groups{};  // no drift first, then by size
  bool any_drifted() const;
  bool any_unreachable() const;
};

// Compares every database target with the last snapshot (or the schema files); schema targets
// are not compared (drift reads whole databases) and say so in `error`.
FleetDriftReport fleet_drift(const Project& project, const FleetOptions& options = {},
                             const DriftOptions& drift = {});

}  // namespace flick::toolkit

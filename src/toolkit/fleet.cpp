// toolkit::fleet_migrate / fleet_status / fleet_drift: one folder against many targets.

#include "flick/fleet.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>

#include "fleet/scheduler.hpp"
#include "fleet/targets.hpp"
#include "migrate/advisory_lock.hpp"
#include "migrate/statements.hpp"
#include "store/folder.hpp"
#include "store/json_access.hpp"
#include "toolkit/project_state.hpp"

namespace flick::toolkit {
namespace {

using Clock = std::chrono::steady_clock;

std::vector<fleet::Target> resolve(const store::Config& config, const FleetOptions& options) {
  fleet::TargetSources sources;
  if (!options.targets.empty()) {
    for (const std::string& value : options.targets) {
      sources.listed.push_back(fleet::parse_target_flag(value));
    }
  } else {
    sources.listed = config.fleet.targets;
    sources.query = config.fleet.targets_query;
    sources.control_url = config.fleet.control_url;
  }
  sources.schemas = config.fleet.schemas;
  // Schema-per-tenant in the project's own database: [fleet] schemas without targets.
  if (sources.listed.empty() && sources.query.empty() && !sources.schemas.empty()) {
    sources.listed.push_back({.url = database_url(config)});
  }
  return fleet::resolve_targets(sources);
}

fleet::Policy policy_of(const store::Config& config, const FleetOptions& options) {
  fleet::Policy policy;
  policy.parallel = options.parallel.value_or(config.fleet.parallel);
  policy.canary = options.canary.value_or(config.fleet.canary);
  policy.fail_fast = options.fail_fast;
  if (policy.parallel < 1 || policy.parallel > 256) {
    throw UserError(fmt::format("--parallel {}: expected 1 to 256", policy.parallel));
  }
  if (policy.canary < 0)
    throw UserError(fmt::format("--canary {}: expected 0 or more", policy.canary));
  return policy;
}

FleetTarget public_target(const fleet::Target& target) {
  return {.name = target.name, .url = target.url, .schema = target.schema};
}

// Opens a target's connection: for a schema target, search_path set to its schema, then the
// shared schemas.
pg::Connection open_target(const fleet::Target& target, const std::vector<std::string>& shared) {
  pg::Connection connection(target.url, {.application_name = "flick fleet"});
  if (!target.schema.empty()) {
    std::string path = connection.quote_identifier(target.schema);
    for (const std::string& schema : shared) path += ", " + connection.quote_identifier(schema);
    connection.exec("SET search_path TO " + path);
  }
  return connection;
}

// `text` on one line: libpq's "\n\tIs the server running..." continuations joined with a space.
std::string one_line(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\t' || c == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string redacted(const std::exception& error, const fleet::Target& target) {
  return one_line(pg::redact_secret_of(error.what(), target.url));
}

std::string skip_reason(fleet::Skip skip) {
  return skip == fleet::Skip::kCanaryFailed ? "a canary target did not converge"
                                            : "--fail-fast: another target did not converge";
}

// Where the folder's migrations qualify names with `schema` ("public"."users", public.users), as
// "file:line" (at most `limit`): what migrate::move_schema moves on tenant schemas. `files` is
// the folder as read_folder_files read it, or nullptr (it could not be read whole) to read each
// regular file here.
std::vector<std::string> qualified_names(const store::MigrationFolder& folder,
                                         const migrate::FolderFiles* files,
                                         const std::string& schema, std::size_t limit) {
  std::vector<std::string> found;
  const std::string marker = "\x01";
  const std::vector<store::JournalEntry>& entries = folder.journal().entries;
  for (std::size_t index = 0; index < entries.size(); ++index) {
    std::filesystem::path path = folder.sql_path(entries[index]);
    std::string text;
    if (files != nullptr) {
      if (!files->texts[index]) continue;  // missing
      text = *files->texts[index];
    } else {
      std::error_code error;
      if (!std::filesystem::is_regular_file(path, error)) continue;
      text = store::read_text_file(path.string());
    }
    // Moved to a marker schema: each marker is one qualifier (the replacement holds no newline,
    // so lines stay where they were).
    std::string moved = migrate::move_schema(text, schema, marker);
    int line = 1;
    int last_reported = 0;
    for (std::size_t i = 0; i < moved.size() && found.size() < limit; ++i) {
      if (moved[i] == '\n') ++line;
      if (moved.compare(i, marker.size() + 2, "\"" + marker + "\"") == 0 && line != last_reported) {
        found.push_back(fmt::format("{}:{}", path.filename().string(), line));
        last_reported = line;
      }
    }
  }
  return found;
}

// Reads every target, at most `parallel` at once (no canary, no fail-fast): `read` fills a
// result from the target's connection. An unresolved target, or an error connecting or reading,
// sets the result's `error` (and `unreachable`) instead; `skip`, when it gives a reason, leaves a
// target unread with that reason as its `error`. Results are in target order.
template <typename Result>
std::vector<Result> read_targets(
    const store::Config& config, const FleetOptions& options,
    const std::function<void(const fleet::Target&, pg::Connection&, Result&)>& read,
    const std::function<std::string(const fleet::Target&)>& skip = {}) {
  fleet::Policy policy = policy_of(config, options);
  policy.canary = 0;
  policy.fail_fast = false;
  std::vector<fleet::Target> targets = resolve(config, options);
  std::vector<Result> results(targets.size());
  fleet::run_targets(targets.size(), policy, [&](std::size_t index) {
    const fleet::Target& target = targets[index];
    Result& result = results[index];
    result.target = public_target(target);
    if (!target.unresolved.empty()) {
      result.error = one_line(target.unresolved);
      result.unreachable = true;
      return fleet::Verdict::kUnreachable;
    }
    if (skip) {
      result.error = skip(target);
      if (!result.error.empty()) return fleet::Verdict::kConverged;
    }
    try {
      pg::Connection connection = open_target(target, config.fleet.shared_schemas);
      read(target, connection, result);
      return fleet::Verdict::kConverged;
    } catch (const pg::PgError& error) {
      result.error = redacted(error, target);
      result.unreachable = pg::is_environment_sqlstate(error.sqlstate());
    } catch (const std::exception& error) {
      result.error = redacted(error, target);
    }
    return result.unreachable ? fleet::Verdict::kUnreachable : fleet::Verdict::kFailed;
  });
  return results;
}

}  // namespace

const char* to_string(FleetOutcome outcome) {
  switch (outcome) {
    case FleetOutcome::kApplied:
      return "applied";
    case FleetOutcome::kUpToDate:
      return "up to date";
    case FleetOutcome::kFailed:
      return "failed";
    case FleetOutcome::kRefused:
      return "refused";
    case FleetOutcome::kLockTimeout:
      return "lock timeout";
    case FleetOutcome::kUnreachable:
      return "unreachable";
    case FleetOutcome::kNotRun:
      break;
  }
  return "not run";
}

std::size_t FleetMigrateReport::count(FleetOutcome outcome) const {
  return static_cast<std::size_t>(
      std::count_if(targets.begin(), targets.end(),
                    [&](const FleetMigrateResult& result) { return result.outcome == outcome; }));
}

int FleetMigrateReport::exit_code() const {
  bool unreachable = false;
  for (const FleetMigrateResult& result : targets) {
    if (result.converged()) continue;
    if (result.outcome != FleetOutcome::kUnreachable) return 1;
    unreachable = true;
  }
  return unreachable ? 3 : 0;
}

std::vector<FleetTarget> fleet_targets(const Project& project, const FleetOptions& options) {
  std::vector<FleetTarget> targets;
  for (const fleet::Target& target : resolve(config_of(project), options)) {
    targets.push_back(public_target(target));
  }
  return targets;
}

FleetMigrateReport fleet_migrate(const Project& project, const FleetMigrateOptions& options) {
  const store::Config& config = config_of(project);
  if (options.migrate.dry_run) {
    throw UserError(
        "--dry-run with --fleet: `flick status --fleet` shows what each target has pending");
  }
  fleet::Policy policy = policy_of(config, options.fleet);
  store::MigrationFolder folder(config.out);
  if (!folder.has_journal()) {
    throw UserError(fmt::format("{}: no meta/_journal.json (is --out the migration folder?)",
                                config.out.string()));
  }
  migrate::MigrateOptions base = run_options(config, options.migrate);
  std::vector<fleet::Target> targets = resolve(config, options.fleet);

  // Read and hashed once for every target. A problem with the files is each target's refusal,
  // raised where reading them used to fail: after its connection opened.
  migrate::FolderFiles files;
  std::exception_ptr files_error;
  try {
    files = migrate::read_folder_files(folder);
  } catch (const UserError&) {
    files_error = std::current_exception();
  }
  FleetMigrateReport report;
  report.targets.resize(targets.size());
  bool schema_targets =
      std::any_of(targets.begin(), targets.end(),
                  [](const fleet::Target& target) { return !target.schema.empty(); });
  const std::string& home = config.migrations.search_path;
  bool move = config.fleet.move_qualified_names;
  if (schema_targets) {
    std::vector<std::string> places =
        qualified_names(folder, files_error ? nullptr : &files, home, 6);
    if (!places.empty()) {
      std::string list;
      for (std::size_t i = 0; i < places.size() && i < 5; ++i) list += (i ? ", " : "") + places[i];
      if (places.size() > 5) list += ", ...";
      report.warnings.push_back(
          move ? fmt::format("the migrations qualify names with \"{}\" ({}): on tenant schemas "
                             "they run qualified with the tenant's schema instead ([fleet] "
                             "moveQualifiedNames = false keeps \"{}\")",
                             home, list, home)
               : fmt::format("the migrations name schema \"{}\" explicitly ({}): on tenant "
                             "schemas those names still mean \"{}\", not the tenant's own "
                             "objects (moveQualifiedNames = false)",
                             home, list, home));
    }
  }
  std::mutex callbacks;
  if (options.on_targets) {
    std::vector<FleetTarget> listed;
    for (const fleet::Target& target : targets) listed.push_back(public_target(target));
    options.on_targets(listed);
  }
  auto finish = [&](FleetMigrateResult& result) {
    if (!options.on_target_done) return;
    std::lock_guard<std::mutex> lock(callbacks);
    options.on_target_done(result);
  };
  auto job = [&](std::size_t index) -> fleet::Verdict {
    const fleet::Target& target = targets[index];
    FleetMigrateResult& result = report.targets[index];
    result.target = public_target(target);
    if (!target.unresolved.empty()) {
      result.outcome = FleetOutcome::kUnreachable;
      result.error = one_line(target.unresolved);
      finish(result);
      return fleet::Verdict::kUnreachable;
    }
    if (options.on_target_start) {
      std::lock_guard<std::mutex> lock(callbacks);
      options.on_target_start(result.target);
    }
    auto started = Clock::now();
    try {
      pg::Connection connection = open_target(target, config.fleet.shared_schemas);
      migrate::MigrateOptions run = base;
      if (!target.schema.empty()) {
        run.schema = target.schema;  // bookkeeping per tenant
        if (move) run.move_schema = std::make_pair(home, target.schema);
      }
      migrate::MigrateObserver observer;
      if (options.on_migration_applied) {
        observer.on_applied = [&](const migrate::PendingMigration& migration, std::int64_t ms) {
          PlannedMigration applied = planned(migration);
          std::lock_guard<std::mutex> lock(callbacks);
          options.on_migration_applied(result.target, applied, ms);
        };
      }
      if (files_error) std::rethrow_exception(files_error);
      result.report = to_report(migrate::run_migrations(connection, folder, files, run, observer));
      if (result.report.failure) {
        bool gone = pg::is_environment_sqlstate(result.report.failure->sqlstate);
        result.outcome = gone ? FleetOutcome::kUnreachable : FleetOutcome::kFailed;
        if (gone) result.error = one_line(result.report.failure->message);
      } else {
        result.outcome =
            result.report.applied.empty() ? FleetOutcome::kUpToDate : FleetOutcome::kApplied;
      }
    } catch (const migrate::LockTimeout& error) {
      result.outcome = FleetOutcome::kLockTimeout;
      result.error = one_line(error.what());
    } catch (const UserError& error) {
      result.outcome = FleetOutcome::kRefused;
      result.error = redacted(error, target);
    } catch (const pg::PgError& error) {
      bool gone = pg::is_environment_sqlstate(error.sqlstate());
      result.outcome = gone ? FleetOutcome::kUnreachable : FleetOutcome::kFailed;
      result.error = redacted(error, target);
    } catch (const std::exception& error) {
      result.outcome = FleetOutcome::kFailed;
      result.error = redacted(error, target);
    }
    result.duration_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    finish(result);
    if (result.converged()) return fleet::Verdict::kConverged;
    return result.outcome == FleetOutcome::kUnreachable ? fleet::Verdict::kUnreachable
                                                        : fleet::Verdict::kFailed;
  };
  fleet::RunSummary summary = fleet::run_targets(targets.size(), policy, job);
  report.canary_stopped = summary.canary_stopped;
  for (std::size_t index = 0; index < targets.size(); ++index) {
    if (summary.skipped[index] == fleet::Skip::kRan) continue;
    FleetMigrateResult& result = report.targets[index];
    result.target = public_target(targets[index]);
    result.outcome = FleetOutcome::kNotRun;
    result.error = skip_reason(summary.skipped[index]);
    finish(result);
  }
  return report;
}

bool FleetStatusReport::any_unreachable() const {
  return std::any_of(targets.begin(), targets.end(),
                     [](const FleetStatusResult& result) { return result.unreachable; });
}

FleetStatusReport fleet_status(const Project& project, const FleetOptions& options) {
  const store::Config& config = config_of(project);
  store::MigrationFolder folder(config.out);
  migrate::MigrateOptions base = bookkeeping_options(config);
  FleetStatusReport report;
  report.targets = read_targets<FleetStatusResult>(
      config, options,
      [&](const fleet::Target& target, pg::Connection& connection, FleetStatusResult& result) {
        migrate::MigrateOptions read = base;
        if (!target.schema.empty()) read.schema = target.schema;
        result.status = to_report(migrate::read_status(connection, folder, read));
      });
  // Group by position; the furthest position (latest journal entry applied) first.
  std::map<std::string, std::size_t> journal_index;
  for (std::size_t i = 0; i < folder.journal().entries.size(); ++i) {
    journal_index[folder.journal().entries[i].tag] = i + 1;
  }
  struct Key {
    std::size_t order;  // journal position of the last applied entry + 1; 0 = none
    std::size_t pending;
    std::vector<std::string> edited;
    std::size_t unknown_rows;
    std::string error;
    auto operator<=>(const Key&) const = default;
  };
  std::map<Key, FleetPosition> groups;
  for (const FleetStatusResult& result : report.targets) {
    FleetPosition position;
    if (result.status) {
      for (const EntryStatus& entry : result.status->entries) {
        if (entry.state != EntryState::kPending) position.last_applied = entry.tag;
        if (entry.state == EntryState::kEdited) position.edited.push_back(entry.tag);
      }
      position.pending = result.status->pending();
      position.unknown_rows = result.status->unknown_rows.size();
    } else {
      position.error = result.error;
      position.unreachable = result.unreachable;
    }
    std::size_t order = position.last_applied.empty() ? 0 : journal_index[position.last_applied];
    // Errors sort last; positions furthest first.
    Key key{result.status ? folder.journal().entries.size() + 1 - order
                          : folder.journal().entries.size() + 2,
            position.pending, position.edited, position.unknown_rows, position.error};
    auto [it, inserted] = groups.try_emplace(key, std::move(position));
    it->second.targets.push_back(result.target.name);
  }
  for (auto& [key, position] : groups) report.positions.push_back(std::move(position));
  return report;
}

namespace {

// "3 targets (a, b, c)".
std::string targets_text(const std::vector<std::string>& names) {
  std::string list;
  for (std::size_t i = 0; i < names.size() && i < 5; ++i) list += (i > 0 ? ", " : "") + names[i];
  if (names.size() > 5) list += fmt::format(" and {} more", names.size() - 5);
  return fmt::format("{} target{} ({})", names.size(), names.size() == 1 ? "" : "s", list);
}

}  // namespace

std::vector<Diagnostic> fleet_findings(const FleetStatusReport& report) {
  std::vector<Diagnostic> findings;
  auto add = [&](Severity severity, std::string rule, std::string message, std::string why,
                 std::string fix) {
    findings.push_back({.severity = severity,
                        .rule = std::move(rule),
                        .message = std::move(message),
                        .why = std::move(why),
                        .fix = std::move(fix)});
  };
  // Per migration tag: the targets where it is edited / out of order.
  std::map<std::string, std::vector<std::string>> edited;
  std::map<std::string, std::vector<std::string>> out_of_order;
  std::vector<std::string> unknown;
  std::map<std::string, std::vector<std::string>> unreachable;  // error -> targets
  for (const FleetStatusResult& result : report.targets) {
    if (!result.status) {
      unreachable[result.error].push_back(result.target.name);
      continue;
    }
    for (const EntryStatus& entry : result.status->entries) {
      if (entry.state == EntryState::kEdited) edited[entry.tag].push_back(result.target.name);
      if (entry.out_of_order) out_of_order[entry.tag].push_back(result.target.name);
    }
    if (!result.status->unknown_rows.empty()) unknown.push_back(result.target.name);
  }
  for (const auto& [tag, names] : edited) {
    add(Severity::kError, "fleet-edited",
        fmt::format("{}.sql changed after {} applied it", tag, targets_text(names)),
        "their schema was built by the old file; the new one never ran there",
        "restore the file as it was, or, when the change is only cosmetic, `flick migrate "
        "--fleet --accept-edited` records the new hash");
  }
  if (!unknown.empty()) {
    add(Severity::kError, "fleet-unknown-rows",
        fmt::format("{} recorded migrations the journal does not list", targets_text(unknown)),
        "they were migrated from another folder or branch; the folder does not describe them",
        "`flick status --url URL` on one of them lists the rows; bring the migrations into the "
        "folder or remove the rows");
  }
  for (const auto& [tag, names] : out_of_order) {
    add(Severity::kWarning, "fleet-out-of-order",
        fmt::format("{} pending on {} although later migrations are applied", tag,
                    targets_text(names)),
        "drizzle-orm's migrator would skip it there for good; flick migrate applies it",
        "check it does not depend on what the later migrations changed; `--strict` refuses it");
  }
  for (const auto& [error, names] : unreachable) {
    add(Severity::kError, "fleet-unreachable",
        fmt::format("{} could not be read: {}", targets_text(names), error), "", "");
  }
  std::size_t read_positions = 0;
  for (const FleetPosition& position : report.positions) read_positions += position.error.empty();
  if (read_positions > 1) {
    const FleetPosition& furthest = report.positions.front();
    std::string behind;
    for (const FleetPosition& position : report.positions) {
      if (&position == &furthest || !position.error.empty()) continue;
      behind +=
          fmt::format("; {} at {}", targets_text(position.targets),
                      position.last_applied.empty() ? "nothing applied" : position.last_applied);
    }
    add(Severity::kWarning, "fleet-diverged",
        fmt::format("targets are at {} positions: {} at {}{}", read_positions,
                    targets_text(furthest.targets),
                    furthest.last_applied.empty() ? "nothing applied" : furthest.last_applied,
                    behind),
        "code deployed against the furthest schema may fail on the others",
        "`flick migrate --fleet` brings every target to the folder's last migration");
  }
  return findings;
}

bool FleetDriftReport::any_drifted() const {
  return std::any_of(targets.begin(), targets.end(), [](const FleetDriftResult& result) {
    return result.drift && result.drift->drifted();
  });
}

bool FleetDriftReport::any_unreachable() const {
  return std::any_of(targets.begin(), targets.end(),
                     [](const FleetDriftResult& result) { return result.unreachable; });
}

FleetDriftReport fleet_drift(const Project& project, const FleetOptions& options,
                             const DriftOptions& drift) {
  const store::Config& config = config_of(project);
  DriftExpected expected = drift_expected(project, drift.against_schema);
  FleetDriftReport report;
  report.targets = read_targets<FleetDriftResult>(
      config, options,
      [&](const fleet::Target&, pg::Connection& connection, FleetDriftResult& result) {
        result.drift = drift_on(config, expected, connection);
      },
      [](const fleet::Target& target) {
        return target.schema.empty() ? std::string()
                                     : "drift reads whole databases, not one tenant schema";
      });
  std::map<std::pair<std::vector<std::string>, std::string>, FleetDriftGroup> groups;
  for (const FleetDriftResult& result : report.targets) {
    FleetDriftGroup group;
    if (result.drift) group.differences = result.drift->differences;
    group.error = result.error;
    group.unreachable = result.unreachable;
    auto [it, inserted] =
        groups.try_emplace(std::make_pair(group.differences, group.error), std::move(group));
    it->second.targets.push_back(result.target.name);
  }
  for (auto& [key, group] : groups) report.groups.push_back(std::move(group));
  // No drift first, then differences (largest groups first), errors last.
  std::stable_sort(report.groups.begin(), report.groups.end(),
                   [](const FleetDriftGroup& a, const FleetDriftGroup& b) {
                     auto rank = [](const FleetDriftGroup& group) {
                       if (!group.error.empty()) return 2;
                       return group.differences.empty() ? 0 : 1;
                     };
                     if (rank(a) != rank(b)) return rank(a) < rank(b);
                     return a.targets.size() > b.targets.size();
                   });
  return report;
}

}  // namespace flick::toolkit

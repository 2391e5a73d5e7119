// check --replay: the folder applied to a scratch database migration by migration, the live
// catalog read back after each one and compared with that migration's snapshot.

#include <fmt/core.h>

#include <algorithm>
#include <cctype>

#include "check/check.hpp"
#include "diff/diff.hpp"
#include "flick/error.hpp"
#include "introspect/introspect.hpp"
#include "pg/pg.hpp"
#include "store/json_access.hpp"
#include "store/uuid.hpp"

namespace flick::check {
namespace {

// `url` with its database replaced by `database` (URL or key=value conninfo).
std::string with_database(const std::string& url, const std::string& database) {
  for (const char* scheme : {"postgresql://", "postgres://"}) {
    std::string prefix = scheme;
    if (url.rfind(prefix, 0) != 0) continue;
    std::size_t query = url.find('?');
    std::string base = url.substr(0, query);
    std::string rest = query == std::string::npos ? "" : url.substr(query);
    std::size_t slash = base.find('/', prefix.size());
    if (slash != std::string::npos) base = base.substr(0, slash);
    return base + "/" + database + rest;
  }
  return url + " dbname=" + database;
}

bool blank(const std::string& text) {
  bool in_comment = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_comment) {
      in_comment = c != '\n';
    } else if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      in_comment = true;
    } else if (!std::isspace(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

// Runs every migration; returns after the first failure (a finding).
void replay_into(pg::Connection& connection, const store::MigrationFolder& folder, Report& report) {
  for (const store::JournalEntry& entry : folder.journal().entries) {
    std::filesystem::path path = folder.sql_path(entry);
    std::string file = path.filename().string();
    if (!std::filesystem::exists(path)) return;
    std::string sql = store::read_text_file(path.string());
    for (const store::SqlChunk& chunk : store::split_breakpoints(sql)) {
      if (blank(chunk.text)) continue;
      try {
        connection.exec(chunk.text);
      } catch (const pg::PgError& error) {
        report.findings.push_back(
            {Severity::kError, "replay-live", file, chunk.line,
             fmt::format("{}:{}: fails on PostgreSQL after the migrations before it: {}", file,
                         chunk.line, error.what())});
        return;
      }
    }
    std::filesystem::path snapshot_path = folder.snapshot_path(entry);
    if (!std::filesystem::exists(snapshot_path)) continue;
    store::Snapshot snapshot;
    try {
      snapshot = store::read_snapshot(snapshot_path);
    } catch (const UserError&) {
      continue;  // reported by the static checks
    }
    model::Catalog wanted = snapshot.catalog;
    model::normalise(wanted);
    introspect::Filters filters;
    // Privileges are compared when the snapshot records some (they were managed).
    filters.privileges =
        !wanted.roles.empty() || !wanted.grants.empty() || !wanted.default_privileges.empty();
    model::Catalog live = introspect::read_catalog(connection, filters);
    introspect::align(connection, live, wanted);
    ChangesDescription differences = snapshot_differences(live, wanted);
    if (differences.count == 0) continue;
    std::string statements;
    for (std::size_t i = 0; i < differences.statements.size() && i < 3; ++i) {
      std::string statement = differences.statements[i];
      std::replace(statement.begin(), statement.end(), '\n', ' ');
      statements += "\n    " + statement;
    }
    report.findings.push_back(
        {Severity::kError, "live-snapshot-mismatch", "meta/" + snapshot_path.filename().string(), 0,
         fmt::format("does not match the database the migrations up to {} build ({} "
                     "difference{}); from the live schema to the snapshot's, generate would "
                     "write:{}",
                     file, differences.count, differences.count == 1 ? "" : "s", statements)});
  }
}

}  // namespace

void check_live_replay(const store::MigrationFolder& folder, const std::string& url,
                       Report& report) {
  std::string id = store::random_uuid_v4();
  id.erase(std::remove(id.begin(), id.end(), '-'), id.end());
  std::string database = "flick_replay_" + id.substr(0, 12);
  pg::Connection admin(url);
  admin.exec("CREATE DATABASE " + database);
  try {
    pg::Connection scratch(with_database(url, database));
    scratch.exec("SET client_min_messages = warning");
    replay_into(scratch, folder, report);
  } catch (...) {
    admin.exec("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    throw;
  }
  admin.exec("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  explain(report.findings);
}

}  // namespace flick::check

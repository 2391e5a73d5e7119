#include "results.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace flick::bench {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) fields.push_back(field);
  if (!line.empty() && line.back() == '\t') fields.emplace_back();  // an empty last field
  return fields;
}

}  // namespace

Results read_results(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot read", path));
  Results results;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line.rfind("size", 0) == 0) continue;
    const auto fields = split_tabs(line);
    if (fields.size() != 5) {
      throw std::runtime_error(fmt::format("{}:{}: expected 5 tab-separated fields, found {}", path,
                                           number, fields.size()));
    }
    try {
      RowKey key{fields[1], std::stol(fields[0]), fields[2]};
      Measurement m;
      if (fields[3] == "FAIL") {
        m.failed = true;
      } else {
        m.timed_out = fields[3].starts_with('>');
        m.wall_s = std::stod(fields[3].substr(m.timed_out ? 1 : 0));
        if (!fields[4].empty() && fields[4] != "-" && fields[4] != "FAIL") {
          m.peak_rss_kb = std::stol(fields[4]);
        }
      }
      results[key] = m;
    } catch (const std::invalid_argument&) {
      throw std::runtime_error(fmt::format("{}:{}: not a number in '{}'", path, number, line));
    }
  }
  return results;
}

const std::vector<CaseSpec>& expected_cases() {
  static const std::vector<CaseSpec> cases = {
      {"generate-empty",
       "first migration of an N-table schema into an empty folder",
       {10, 100, 1000},
       {{"flick", Role::kFlick}, {"drizzle-kit", Role::kPeer}, {"parse", Role::kFloor}}},
      {"generate-change",
       "one table added to an N-table schema (new migration over the first)",
       {10, 100, 1000},
       {{"flick", Role::kFlick}, {"drizzle-kit", Role::kPeer}}},
      {"generate-noop",
       "generate again with no schema change",
       {10, 100, 1000},
       {{"flick", Role::kFlick}, {"drizzle-kit", Role::kPeer}, {"parse", Role::kFloor}}},
      {"export",
       "the schema as SQL on stdout",
       {10, 100, 1000},
       {{"flick", Role::kFlick}, {"drizzle-kit", Role::kPeer}, {"parse", Role::kFloor}}},
      {"check",
       "check a folder of N migration files (every statement parsed)",
       {1000},
       {{"flick", Role::kFlick}, {"drizzle-kit", Role::kPeer}, {"parse", Role::kFloor}}},
      {"migrate-apply",
       "apply N small migrations to an empty database",
       {1000},
       {{"flick", Role::kFlick}, {"drizzle-orm", Role::kPeer}, {"psql", Role::kFloor}}},
      {"migrate-noop",
       "migrate with all N migrations already applied",
       {1000},
       {{"flick", Role::kFlick}, {"drizzle-orm", Role::kPeer}, {"psql", Role::kFloor}}},
      {"pull",
       "introspect an N-table database and write the schema",
       {100, 1000},
       {{"flick", Role::kFlick}, {"drizzle-kit", Role::kPeer}, {"pg_dump", Role::kFloor}}},
      {"push-noop",
       "push with no changes against an N-table database",
       {100, 1000},
       {{"flick", Role::kFlick}, {"drizzle-kit", Role::kPeer}}},
      {"client-select",
       "N point selects by primary key, one after another",
       {100000},
       {{"flick", Role::kFlick},
        {"libpq", Role::kFloor},
        {"node-postgres", Role::kPeer},
        {"drizzle-orm", Role::kPeer}},
       true},
      {"client-insert",
       "N single-row inserts, one after another",
       {100000},
       {{"flick", Role::kFlick},
        {"libpq", Role::kFloor},
        {"node-postgres", Role::kPeer},
        {"drizzle-orm", Role::kPeer}},
       true},
      {"client-select-pipeline",
       "N point selects batched through pipeline mode",
       {100000},
       {{"flick", Role::kFlick}, {"libpq", Role::kFloor}},
       true},
      {"client-insert-pipeline",
       "N single-row inserts batched through pipeline mode",
       {100000},
       {{"flick", Role::kFlick}, {"libpq", Role::kFloor}},
       true},
      {"client-feed",
       "N runs of a feed query on the Flick example schema (200 users, 5000 posts, 20000 "
       "comments): the latest 50 public posts with their author's username and comment count "
       "(join, left join, group by, order by, limit); flick's typed builder builds it each time, "
       "libpq and node-postgres run its SQL text, drizzle-orm its own select builder (the same "
       "SQL), drizzle-orm-relational its relational query (findMany with the author's username "
       "and a comment-count extra: the same rows)",
       {300},
       {{"flick", Role::kFlick},
        {"libpq", Role::kFloor},
        {"node-postgres", Role::kPeer},
        {"drizzle-orm", Role::kPeer},
        {"drizzle-orm-relational", Role::kPeer}},
       true},
      {"client-feed-prepared",
       "the feed query prepared once (flick's prepare<bool>(), PQprepare), then run N times",
       {300},
       {{"flick", Role::kFlick}, {"libpq", Role::kFloor}},
       true},
      {"client-feed-relational",
       "N runs of the latest 50 public posts with their author, in the relational form (flick's "
       "query(posts).with(...), drizzle-orm's findMany with: { author: true }); "
       "drizzle-orm+count adds a comment-count extra (more work: flick's relational form has no "
       "extras)",
       {300},
       {{"flick", Role::kFlick}, {"drizzle-orm", Role::kPeer}, {"drizzle-orm+count", Role::kPeer}},
       true},
  };
  return cases;
}

}  // namespace flick::bench

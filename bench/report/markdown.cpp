#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "report.hpp"

namespace flick::bench {
namespace {

const Measurement* find(const Results& results, const RowKey& key) {
  auto it = results.find(key);
  return it == results.end() ? nullptr : &it->second;
}

std::string missing_text(Role role) { return role == Role::kPeer ? "peer unavailable" : "not run"; }

std::string time_text(double seconds) {
  if (seconds < 1) return fmt::format("{:.1f} ms", seconds * 1000);
  return fmt::format("{:.2f} s", seconds);
}

std::string cell(const Results& results, const CaseSpec& spec, long size, const ToolSpec& tool) {
  const Measurement* m = find(results, {spec.name, size, tool.name});
  if (m == nullptr) return missing_text(tool.role);
  if (m->failed) return "FAILED";
  if (m->timed_out) return fmt::format("> {} (cut off)", time_text(m->wall_s));
  std::string text = spec.throughput && m->wall_s > 0
                         ? fmt::format("{:.0f}/s ({})", size / m->wall_s, time_text(m->wall_s))
                         : time_text(m->wall_s);
  if (m->peak_rss_kb) text += fmt::format(", {:.1f} MB", *m->peak_rss_kb / 1024.0);
  return text;
}

// The sizes a case's table shows: its expected sizes, or for a throughput case (its size is a
// statement count the run chooses, BENCH_CLIENT_COUNT) the counts the run measured, when any.
std::vector<long> shown_sizes(const Results& results, const CaseSpec& spec) {
  if (!spec.throughput) return spec.sizes;
  std::vector<long> measured;
  for (const auto& [key, measurement] : results) {
    if (key.case_name == spec.name &&
        std::find(measured.begin(), measured.end(), key.size) == measured.end()) {
      measured.push_back(key.size);
    }
  }
  std::sort(measured.begin(), measured.end());
  return measured.empty() ? spec.sizes : measured;
}

// The statement count of a throughput case in this run (the expected one when it did not run).
long run_size(const Results& results, const std::string& case_name) {
  for (const CaseSpec& spec : expected_cases()) {
    if (spec.name == case_name) return shown_sizes(results, spec).front();
  }
  return 0;
}

std::string case_table(const Results& results, const CaseSpec& spec) {
  std::string out = fmt::format("### {}\n\n{}.\n\n| N |", spec.name, spec.description);
  std::string rule = "|---:|";
  for (const auto& tool : spec.tools) {
    out += fmt::format(" {} |", tool.name);
    rule += "---:|";
  }
  std::vector<const ToolSpec*> compared;
  for (const auto& tool : spec.tools) {
    if (tool.role == Role::kFlick) continue;
    compared.push_back(&tool);
    out += tool.role == Role::kPeer ? fmt::format(" {} / flick |", tool.name)
                                    : fmt::format(" flick / {} (floor) |", tool.name);
    rule += "---:|";
  }
  out += "\n" + rule + "\n";
  for (long size : shown_sizes(results, spec)) {
    out += fmt::format("| {} |", size);
    for (const auto& tool : spec.tools) out += " " + cell(results, spec, size, tool) + " |";
    for (const ToolSpec* tool : compared) {
      const RowKey flick{spec.name, size, "flick"};
      const RowKey other{spec.name, size, tool->name};
      out += " " +
             (tool->role == Role::kPeer ? ratio_text(results, other, flick)
                                        : ratio_text(results, flick, other)) +
             " |";
    }
    out += "\n";
  }
  return out + "\n";
}

// A target the page checks: flick's time (or memory, or its ratio to another tool) at one size.
struct Goal {
  const char* work;
  RowKey flick;
  enum Kind { kSeconds, kMegabytes, kRatioToFloor, kPeerRatio } kind;
  double bound;       // seconds, MB, flick/floor at most, or peer/flick at least
  const char* other;  // the floor or peer of the ratio kinds
};

const std::vector<Goal>& goals() {
  static const std::vector<Goal> list = {
      {"generate, empty folder -> 1000 tables",
       {"generate-empty", 1000, "flick"},
       Goal::kSeconds,
       0.060,
       nullptr},
      {"generate, empty folder -> 1000 tables",
       {"generate-empty", 1000, "flick"},
       Goal::kMegabytes,
       30,
       nullptr},
      {"generate, empty folder -> 1000 tables",
       {"generate-empty", 1000, "flick"},
       Goal::kPeerRatio,
       25,
       "drizzle-kit"},
      {"generate, no change, 1000 tables",
       {"generate-noop", 1000, "flick"},
       Goal::kSeconds,
       0.040,
       nullptr},
      {"export, 1000 tables", {"export", 1000, "flick"}, Goal::kSeconds, 0.040, nullptr},
      {"check, 1000 migration files", {"check", 1000, "flick"}, Goal::kSeconds, 0.080, nullptr},
      {"pull, 1000 tables", {"pull", 1000, "flick"}, Goal::kRatioToFloor, 0.3, "pg_dump"},
      {"migrate no-op, 1000 applied",
       {"migrate-noop", 1000, "flick"},
       Goal::kRatioToFloor,
       1.1,
       "psql"},
      {"migrate 1000 small files",
       {"migrate-apply", 1000, "flick"},
       Goal::kRatioToFloor,
       0.8,
       "psql"},
      // Throughput >= 0.95x raw libpq's: time <= 1 / 0.95 of libpq's.
      {"feed query, typed builder, 300 runs",
       {"client-feed", 300, "flick"},
       Goal::kRatioToFloor,
       1 / 0.95,
       "libpq"},
      {"feed query, typed builder, 300 runs",
       {"client-feed", 300, "flick"},
       Goal::kPeerRatio,
       2,
       "drizzle-orm-relational"},
  };
  return list;
}

std::string goals_table(const Results& results) {
  std::string out =
      "## Goals\n\nFlick's targets on this machine, checked against this run.\n\n"
      "| work | goal | this run | |\n|---|---|---:|---|\n";
  for (const Goal& goal : goals()) {
    const Measurement* m = find(results, goal.flick);
    RowKey other_key{goal.flick.case_name, goal.flick.size, goal.other ? goal.other : ""};
    const Measurement* other = goal.other ? find(results, other_key) : nullptr;
    std::string target;
    std::string value = "not run";
    std::optional<bool> met;
    bool usable = m != nullptr && !m->failed && !m->timed_out;
    switch (goal.kind) {
      case Goal::kSeconds:
        target = "<= " + time_text(goal.bound);
        if (usable) {
          value = time_text(m->wall_s);
          met = m->wall_s <= goal.bound;
        }
        break;
      case Goal::kMegabytes:
        target = fmt::format("<= {:.0f} MB peak RSS", goal.bound);
        if (usable && m->peak_rss_kb) {
          double mb = *m->peak_rss_kb / 1024.0;
          value = fmt::format("{:.1f} MB", mb);
          met = mb <= goal.bound;
        }
        break;
      case Goal::kRatioToFloor:
        target = fmt::format("flick / {} <= {:.2f}x", goal.other, goal.bound);
        if (usable && other != nullptr && !other->failed && other->wall_s > 0) {
          double ratio = m->wall_s / other->wall_s;
          value = fmt::format("{:.2f}x", ratio);
          met = ratio <= goal.bound;
        }
        break;
      case Goal::kPeerRatio:
        target = fmt::format("{} / flick >= {:.0f}x", goal.other, goal.bound);
        if (usable && other != nullptr && !other->failed && m->wall_s > 0) {
          double ratio = other->wall_s / m->wall_s;
          value = fmt::format("{}{:.2f}x", other->timed_out ? "> " : "", ratio);
          met = ratio >= goal.bound;
        }
        break;
    }
    out += fmt::format("| {} | {} | {} | {} |\n", goal.work, target, value,
                       !met   ? ""
                       : *met ? "met"
                              : "missed");
  }
  return out + "\n";
}

}  // namespace

std::string ratio_text(const Results& results, const RowKey& numerator, const RowKey& denominator) {
  const Measurement* n = find(results, numerator);
  const Measurement* d = find(results, denominator);
  if (n == nullptr || d == nullptr || n->failed || d->failed || d->wall_s <= 0) return "n/a";
  if (d->timed_out) return "n/a";
  return fmt::format("{}{:.2f}x", n->timed_out ? "> " : "", n->wall_s / d->wall_s);
}

std::string benchmarks_markdown(const Results& results, const RunInfo& info,
                                const std::string& plot_file) {
  std::string out =
      "# Benchmarks\n\n"
      "Written by `make bench` (bench/run.sh, then bench/report); every figure below comes from "
      "one run on the machine described here. Times are medians of the repetitions, each timed "
      "from just before the command starts to the moment it is reaped (bench/timer); peak RSS is "
      "the median of the runs' maximum resident set sizes. Ratios: `peer / flick` is "
      "how many times longer the peer took; `flick / floor` is flick's time against the lowest "
      "possible cost of the same work, 1.00x being the floor: `parse` is PostgreSQL's parser "
      "alone over the same files (bench/parse), `psql` runs the same SQL (or `select 1` for a "
      "migrate with nothing to do), `pg_dump` dumps the same schema, `libpq` is raw libpq."
      "\n\n## The run\n\n";
  for (const auto& [key, value] : info) out += fmt::format("- {}: {}\n", key, value);
  out += "\n## Headline\n\n";
  out += fmt::format("- generate, 1000 tables: drizzle-kit / flick = {}\n",
                     ratio_text(results, {"generate-empty", 1000, "drizzle-kit"},
                                {"generate-empty", 1000, "flick"}));
  out += fmt::format("- pull, 1000 tables: drizzle-kit / flick = {}\n",
                     ratio_text(results, {"pull", 1000, "drizzle-kit"}, {"pull", 1000, "flick"}));
  out += fmt::format(
      "- push with no changes, 1000 tables: drizzle-kit / flick = {}\n",
      ratio_text(results, {"push-noop", 1000, "drizzle-kit"}, {"push-noop", 1000, "flick"}));
  out += fmt::format("- check, 1000 files: drizzle-kit / flick = {}\n",
                     ratio_text(results, {"check", 1000, "drizzle-kit"}, {"check", 1000, "flick"}));
  out += fmt::format(
      "- migrate 1000 files: flick / psql -1 -f = {}\n",
      ratio_text(results, {"migrate-apply", 1000, "flick"}, {"migrate-apply", 1000, "psql"}));
  const long selects = run_size(results, "client-select");
  out += fmt::format(
      "- point selects: flick / raw libpq time = {}; drizzle-orm / flick = {}\n",
      ratio_text(results, {"client-select", selects, "flick"}, {"client-select", selects, "libpq"}),
      ratio_text(results, {"client-select", selects, "drizzle-orm"},
                 {"client-select", selects, "flick"}));
  out += fmt::format(
      "- feed query (typed builder): flick / raw libpq time = {}; drizzle-orm's relational query "
      "/ flick = {}; drizzle-orm's select builder (the same SQL) / flick = {}\n\n",
      ratio_text(results, {"client-feed", 300, "flick"}, {"client-feed", 300, "libpq"}),
      ratio_text(results, {"client-feed", 300, "drizzle-orm-relational"},
                 {"client-feed", 300, "flick"}),
      ratio_text(results, {"client-feed", 300, "drizzle-orm"}, {"client-feed", 300, "flick"}));
  out += goals_table(results);
  out += fmt::format("![time against table count]({})\n\n## Results\n\n", plot_file);
  for (const auto& spec : expected_cases()) out += case_table(results, spec);
  return out;
}

}  // namespace flick::bench

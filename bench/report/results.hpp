#pragma once

// The rows every bench script appends to one TSV file (size, case, tool, wall seconds, peak RSS
// in KiB or "-"), and the catalogue of rows a complete `make bench` run is expected to fill.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace flick::bench {

struct Measurement {
  double wall_s = 0;
  std::optional<long> peak_rss_kb;
  bool failed = false;
  // The run was cut off after wall_s seconds (written ">N"): the real time is longer.
  bool timed_out = false;
};

// Key: case, size, tool.
struct RowKey {
  std::string case_name;
  long size = 0;
  std::string tool;
  auto operator<=>(const RowKey&) const = default;
};

using Results = std::map<RowKey, Measurement>;

// Reads the TSV (a header line starting with "size" is skipped). Throws std::runtime_error naming
// the line of a malformed row.
Results read_results(const std::string& path);

enum class Role { kFlick, kPeer, kFloor };

struct ToolSpec {
  std::string name;
  Role role;
};

// One benchmark the report shows: the sizes it runs at and the tools compared.
struct CaseSpec {
  std::string name;
  std::string description;
  std::vector<long> sizes;
  std::vector<ToolSpec> tools;
  // Shown as operations per second (size = operations) instead of seconds.
  bool throughput = false;
};

const std::vector<CaseSpec>& expected_cases();

}  // namespace flick::bench

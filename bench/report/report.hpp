#pragma once

// docs/benchmarks.md and its plot from the results of one `make bench` run.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "results.hpp"

namespace flick::bench {

// "key: value" lines describing the run (machine, versions, repetitions), in the given order.
using RunInfo = std::vector<std::pair<std::string, std::string>>;

// The whole Markdown page; `plot_file` is the SVG's name relative to the page.
std::string benchmarks_markdown(const Results& results, const RunInfo& info,
                                const std::string& plot_file);

// Time against table count for generate-empty and pull, flick vs drizzle-kit, log-log axes.
std::string time_plot_svg(const Results& results);

// "12.3x" style ratio text; "n/a" when either side is missing or failed.
std::string ratio_text(const Results& results, const RowKey& numerator, const RowKey& denominator);

}  // namespace flick::bench

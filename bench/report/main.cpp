// flick_bench_report --results FILE --info FILE --out docs/benchmarks.md --plot docs/benchmarks.svg
//                    [--append SECTION.md ...]
// Turns one `make bench` run's results into the published comparison; the --append files
// (Markdown sections a suite wrote whole, such as the fleet's) follow the results.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "report.hpp"

namespace {

flick::bench::RunInfo read_info(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read");
  flick::bench::RunInfo info;
  std::string line;
  while (std::getline(in, line)) {
    const auto colon = line.find(": ");
    if (colon == std::string::npos) continue;
    info.emplace_back(line.substr(0, colon), line.substr(colon + 2));
  }
  return info;
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error(path + ": cannot write");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Writes docs/benchmarks.md and its plot from a make bench results file"};
  std::string results_path, info_path, out_path, plot_path;
  app.add_option("--results", results_path, "results TSV")->required();
  app.add_option("--info", info_path, "run description, 'key: value' lines")->required();
  app.add_option("--out", out_path, "Markdown page to write")->required();
  app.add_option("--plot", plot_path, "SVG plot to write")->required();
  std::vector<std::string> sections;
  app.add_option("--append", sections, "Markdown sections to add after the results");
  CLI11_PARSE(app, argc, argv);
  try {
    const auto results = flick::bench::read_results(results_path);
    const auto plot_name = std::filesystem::path(plot_path).filename().string();
    std::string page = flick::bench::benchmarks_markdown(results, read_info(info_path), plot_name);
    for (const std::string& section : sections) {
      std::ifstream in(section, std::ios::binary);
      if (!in) throw std::runtime_error(section + ": cannot read");
      page += std::string(std::istreambuf_iterator<char>(in), {}) + "\n";
    }
    write_file(out_path, page);
    write_file(plot_path, flick::bench::time_plot_svg(results));
  } catch (const std::exception& e) {
    fmt::print(stderr, "flick_bench_report: {}\n", e.what());
    return 1;
  }
  return 0;
}

#include "report.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "results.hpp"

namespace flick::bench {
namespace {

std::string write_temp(const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("flick_bench_results_" + std::to_string(::getpid()) + ".tsv");
  std::ofstream(path) << text;
  return path.string();
}

Results sample() {
  return read_results(
      write_temp("size\tcase\ttool\twall_s\tpeak_rss_kb\n"
                 "1000\tgenerate-empty\tflick\t0.25\t30720\n"
                 "1000\tgenerate-empty\tdrizzle-kit\t2.50\t204800\n"
                 "1000\tmigrate-apply\tflick\t1.10\t-\n"
                 "1000\tmigrate-apply\tpsql\t1.00\t-\n"
                 "100\tpull\tflick\tFAIL\tFAIL\n"
                 "100000\tclient-select\tflick\t8.0\t-\n"
                 "1000\tpull\tflick\t0.5\t20480\n"
                 "1000\tpull\tdrizzle-kit\t>150\t\n"
                 "1000\tgenerate-empty\tparse\t0.05\t10240\n"
                 "1000\tpull\tpg_dump\t1.0\t-\n"
                 "1000\tmigrate-noop\tflick\t0.1\t-\n"
                 "1000\tmigrate-noop\tpsql\t0.1\t-\n"));
}

TEST(BenchReport, ReadsRowsAndFailures) {
  const Results results = sample();
  ASSERT_EQ(results.size(), 12u);
  EXPECT_TRUE(results.at({"pull", 1000, "drizzle-kit"}).timed_out);
  EXPECT_FALSE(results.at({"pull", 1000, "drizzle-kit"}).peak_rss_kb.has_value());
  const auto& row = results.at({"generate-empty", 1000, "flick"});
  EXPECT_DOUBLE_EQ(row.wall_s, 0.25);
  EXPECT_EQ(row.peak_rss_kb, 30720);
  EXPECT_FALSE(results.at({"migrate-apply", 1000, "psql"}).peak_rss_kb.has_value());
  EXPECT_TRUE(results.at({"pull", 100, "flick"}).failed);
}

TEST(BenchReport, MalformedRowNamesTheLine) {
  const auto path = write_temp("size\tcase\ttool\twall_s\tpeak_rss_kb\n10\tx\tflick\n");
  try {
    read_results(path);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(":2: expected 5"), std::string::npos) << e.what();
  }
}

TEST(BenchReport, RatiosAgainstPeerAndFloor) {
  const Results results = sample();
  EXPECT_EQ(ratio_text(results, {"generate-empty", 1000, "drizzle-kit"},
                       {"generate-empty", 1000, "flick"}),
            "10.00x");
  EXPECT_EQ(ratio_text(results, {"migrate-apply", 1000, "flick"}, {"migrate-apply", 1000, "psql"}),
            "1.10x");
  EXPECT_EQ(ratio_text(results, {"pull", 100, "drizzle-kit"}, {"pull", 100, "flick"}), "n/a");
  EXPECT_EQ(ratio_text(results, {"pull", 1000, "drizzle-kit"}, {"pull", 1000, "flick"}),
            "> 300.00x");
}

TEST(BenchReport, PageFillsEveryRowOrSaysWhy) {
  const std::string page = benchmarks_markdown(sample(), {{"machine", "test box"}}, "plot.svg");
  EXPECT_NE(page.find("- machine: test box"), std::string::npos);
  // Columns: the tools, then each peer's ratio and flick's ratio to each floor.
  EXPECT_NE(page.find("| 1000 | 250.0 ms, 30.0 MB | 2.50 s, 200.0 MB | 50.0 ms, 10.0 MB | 10.00x "
                      "| 5.00x |"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("| 1000 | 1.10 s | peer unavailable | 1.00 s | n/a | 1.10x |"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("| 100 | FAILED | peer unavailable | not run | n/a | n/a |"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("| 100000 | 12500/s (8.00 s) | not run |"), std::string::npos) << page;
  // A client loop run with another statement count shows that count, not an empty 100000 row.
  Results fewer = sample();
  fewer[{"client-insert", 20000, "flick"}].wall_s = 4.0;
  fewer[{"client-insert", 20000, "libpq"}].wall_s = 5.0;
  const std::string other = benchmarks_markdown(fewer, {}, "plot.svg");
  EXPECT_NE(other.find("| 20000 | 5000/s (4.00 s) | 4000/s (5.00 s) | peer unavailable"),
            std::string::npos)
      << other;
  const std::size_t inserts = other.find("### client-insert\n");
  ASSERT_NE(inserts, std::string::npos);
  const std::string section = other.substr(inserts, other.find("###", inserts + 3) - inserts);
  EXPECT_EQ(section.find("| 100000 |"), std::string::npos) << section;
  EXPECT_NE(page.find("| 1000 | 500.0 ms, 20.0 MB | > 150.00 s (cut off) | 1.00 s | > 300.00x "
                      "| 0.50x |"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("![time against table count](plot.svg)"), std::string::npos);
}

TEST(BenchReport, GoalsSayMetMissedOrNotRun) {
  const std::string page = benchmarks_markdown(sample(), {}, "plot.svg");
  for (const char* row : {
           "| generate, empty folder -> 1000 tables | <= 60.0 ms | 250.0 ms | missed |",
           "| generate, empty folder -> 1000 tables | <= 30 MB peak RSS | 30.0 MB | met |",
           "| generate, empty folder -> 1000 tables | drizzle-kit / flick >= 25x | 10.00x | missed "
           "|",
           "| pull, 1000 tables | flick / pg_dump <= 0.30x | 0.50x | missed |",
           "| migrate no-op, 1000 applied | flick / psql <= 1.10x | 1.00x | met |",
           "| migrate 1000 small files | flick / psql <= 0.80x | 1.10x | missed |",
           "| check, 1000 migration files | <= 80.0 ms | not run |  |",
       }) {
    EXPECT_NE(page.find(row), std::string::npos) << row << "\n" << page;
  }
  // The goals come before the per-case tables.
  EXPECT_LT(page.find("## Goals"), page.find("## Results"));
}

TEST(BenchReport, PlotHasOneLinePerMeasuredSeries) {
  const std::string svg = time_plot_svg(sample());
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("flick generate"), std::string::npos);
  EXPECT_NE(svg.find("drizzle-kit generate"), std::string::npos);
  EXPECT_NE(svg.find("flick pull"), std::string::npos);  // the 1000-table pull
}

}  // namespace
}  // namespace flick::bench

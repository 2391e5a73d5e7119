#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report.hpp"

namespace flick::bench {
namespace {

struct Series {
  std::string case_name;
  std::string tool;
  std::string label;
  std::string colour;
  bool dashed;
};

constexpr double kWidth = 640, kHeight = 400, kLeft = 70, kRight = 170, kTop = 30, kBottom = 50;

}  // namespace

std::string time_plot_svg(const Results& results) {
  const std::vector<Series> series = {
      {"generate-empty", "flick", "flick generate", "#1b7837", false},
      {"generate-empty", "drizzle-kit", "drizzle-kit generate", "#762a83", false},
      {"pull", "flick", "flick pull", "#1b7837", true},
      {"pull", "drizzle-kit", "drizzle-kit pull", "#762a83", true},
  };
  double min_time = 1e9, max_time = 0;
  long min_size = 1L << 30, max_size = 0;
  for (const auto& [key, m] : results) {
    for (const auto& s : series) {
      if (key.case_name != s.case_name || key.tool != s.tool || m.failed || m.wall_s <= 0) continue;
      min_time = std::min(min_time, m.wall_s);
      max_time = std::max(max_time, m.wall_s);
      min_size = std::min(min_size, key.size);
      max_size = std::max(max_size, key.size);
    }
  }
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" font-size=\"12\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      "<text x=\"{2}\" y=\"18\" font-size=\"14\">Time against table count (log-log)</text>\n",
      kWidth, kHeight, kLeft);
  if (max_size == 0) return out + "<text x=\"70\" y=\"200\">no data</text>\n</svg>\n";
  const double y_lo = std::floor(std::log10(min_time));
  const double y_hi = std::max(std::ceil(std::log10(max_time)), y_lo + 1);
  const double x_lo = std::log10(static_cast<double>(min_size));
  const double x_hi = std::max(std::log10(static_cast<double>(max_size)), x_lo + 1);
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  auto x_of = [&](long size) {
    return kLeft + (std::log10(static_cast<double>(size)) - x_lo) / (x_hi - x_lo) * plot_w;
  };
  auto y_of = [&](double t) {
    return kTop + plot_h - (std::log10(t) - y_lo) / (y_hi - y_lo) * plot_h;
  };
  out += fmt::format(
      "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#444\"/>\n", kLeft,
      kTop, plot_w, plot_h);
  for (double e = y_lo; e <= y_hi; e += 1) {
    const double y = y_of(std::pow(10, e));
    out += fmt::format(
        "<line x1=\"{0}\" x2=\"{1}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"#ddd\"/>"
        "<text x=\"{3}\" y=\"{4:.1f}\" text-anchor=\"end\">{5}</text>\n",
        kLeft, kLeft + plot_w, y, kLeft - 6, y + 4,
        std::pow(10, e) >= 1 ? fmt::format("{:g} s", std::pow(10, e))
                             : fmt::format("{:g} ms", std::pow(10, e) * 1000));
  }
  for (double e = std::ceil(x_lo); e <= x_hi; e += 1) {
    const long size = std::lround(std::pow(10, e));
    const double x = x_of(size);
    out += fmt::format(
        "<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#ddd\"/>"
        "<text x=\"{0:.1f}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
        x, kTop, kTop + plot_h, kTop + plot_h + 18, size);
  }
  out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">tables</text>\n",
                     kLeft + plot_w / 2, kHeight - 10);
  double legend_y = kTop + 10;
  for (const auto& s : series) {
    std::string points;
    bool cut_off = false;
    for (const auto& [key, m] : results) {
      if (key.case_name != s.case_name || key.tool != s.tool || m.failed || m.wall_s <= 0) continue;
      points += fmt::format("{:.1f},{:.1f} ", x_of(key.size), y_of(m.wall_s));
      cut_off = cut_off || m.timed_out;
    }
    if (points.empty()) continue;
    const std::string dash = s.dashed ? " stroke-dasharray=\"6 4\"" : "";
    out +=
        fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{}/>\n",
                    points, s.colour, dash);
    out += fmt::format(
        "<line x1=\"{0}\" x2=\"{1}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"{3}\" "
        "stroke-width=\"2\"{4}/><text x=\"{5}\" y=\"{6:.1f}\">{7}</text>\n",
        kLeft + plot_w + 10, kLeft + plot_w + 35, legend_y, s.colour, dash, kLeft + plot_w + 40,
        legend_y + 4, s.label + (cut_off ? " (cut off: at least)" : ""));
    legend_y += 20;
  }
  return out + "</svg>\n";
}

}  // namespace flick::bench

#include "support/line_diff.hpp"

#include <sstream>
#include <vector>

namespace flick::testing {

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

constexpr std::size_t kContext = 2;

}  // namespace

std::string line_diff(const std::string& expected, const std::string& actual) {
  if (expected == actual) return "";
  std::vector<std::string> a = split_lines(expected);
  std::vector<std::string> b = split_lines(actual);
  // Longest common subsequence table; the dumps are a few thousand lines at most.
  std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  struct Line {
    char mark;
    const std::string* text;
  };
  std::vector<Line> script;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      script.push_back({' ', &a[i++]});
      ++j;
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      script.push_back({'-', &a[i++]});
    } else {
      script.push_back({'+', &b[j++]});
    }
  }
  std::vector<bool> shown(script.size(), false);
  for (std::size_t k = 0; k < script.size(); ++k) {
    if (script[k].mark == ' ') continue;
    std::size_t from = k >= kContext ? k - kContext : 0;
    std::size_t to = std::min(script.size(), k + kContext + 1);
    for (std::size_t m = from; m < to; ++m) shown[m] = true;
  }
  std::string out;
  for (std::size_t k = 0; k < script.size(); ++k) {
    if (!shown[k]) {
      if (k == 0 || shown[k - 1]) out += "  ...\n";
      continue;
    }
    out += script[k].mark;
    out += ' ';
    out += *script[k].text;
    out += '\n';
  }
  return out;
}

::testing::AssertionResult same_text(const std::string& expected_name, const std::string& expected,
                                     const std::string& actual_name, const std::string& actual) {
  if (expected == actual) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << expected_name << " and " << actual_name << " differ (- "
                                       << expected_name << ", + " << actual_name << "):\n"
                                       << line_diff(expected, actual);
}

}  // namespace flick::testing

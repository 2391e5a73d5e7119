#include "docs/markdown.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <cstddef>

namespace flick::docs {
namespace {

// The longest run of `c` in `text`.
std::size_t longest_run(std::string_view text, char c) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (char ch : text) {
    run = ch == c ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

std::string table_cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string table_row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const std::string& cell : cells) out += " " + table_cell(cell) + " |";
  return out + "\n";
}

}  // namespace

std::string code(std::string_view text) {
  std::string fence(longest_run(text, '`') + 1, '`');
  bool pad = fence.size() > 1 || text.empty() || text.front() == '`' || text.back() == '`';
  std::string space = pad ? " " : "";
  return fence + space + std::string(text) + space + fence;
}

std::string escape_text(std::string_view text) {
  auto word_char = [&text](std::size_t i) {
    return i < text.size() && std::isalnum(static_cast<unsigned char>(text[i]));
  };
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    // '_' inside a word ("display_name") never starts emphasis; '<' matters before a tag name.
    bool needs_escape = std::string_view("\\`*[]").find(c) != std::string_view::npos ||
                        (c == '_' && !(i > 0 && word_char(i - 1) && word_char(i + 1))) ||
                        (c == '<' && i + 1 < text.size() &&
                         (std::isalpha(static_cast<unsigned char>(text[i + 1])) ||
                          std::string_view("/!?").find(text[i + 1]) != std::string_view::npos));
    if (needs_escape) out += '\\';
    out += c;
  }
  return out;
}

std::string link(std::string_view label, std::string_view target) {
  return fmt::format("[{}]({})", label, target);
}

std::string code_list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ", ";
    out += code(item);
  }
  return out;
}

MarkdownTable::MarkdownTable(std::vector<std::string> header) : header_(std::move(header)) {}

void MarkdownTable::add_row(std::vector<std::string> cells) {
  cells.resize(header_.size());
  rows_.push_back(std::move(cells));
}

std::string MarkdownTable::str() const {
  std::string out = table_row(header_);
  out += "|";
  for (std::size_t i = 0; i < header_.size(); ++i) out += " --- |";
  out += "\n";
  for (const std::vector<std::string>& row : rows_) out += table_row(row);
  return out;
}

std::string fenced(std::string_view language, std::string_view text) {
  std::string fence(std::max<std::size_t>(3, longest_run(text, '`') + 1), '`');
  std::string body(text);
  if (body.empty() || body.back() != '\n') body += '\n';
  return fence + std::string(language) + "\n" + body + fence + "\n";
}

std::string count_of(std::size_t n, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", n, n == 1 ? singular : plural);
}

}  // namespace flick::docs

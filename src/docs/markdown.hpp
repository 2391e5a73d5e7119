#pragma once

// Small Markdown writers for the subset flick docs emits (and its viewer renders): headings,
// paragraphs, "- " lists, pipe tables, inline code, links and fenced code blocks.

#include <string>
#include <string_view>
#include <vector>

namespace flick::docs {

// `text` as an inline code span, with a longer backtick fence when the text holds backticks.
std::string code(std::string_view text);

// `text` with the Markdown punctuation that could start markup escaped and line breaks as
// spaces, for user text such as comments. ('|' is left alone: MarkdownTable escapes it.)
std::string escape_text(std::string_view text);

// [label](target); `label` is Markdown already (escape it first).
std::string link(std::string_view label, std::string_view target);

// "`a`, `b`, `c`".
std::string code_list(const std::vector<std::string>& items);

// A pipe table. Cells are Markdown already; '|' in them is escaped and line breaks become spaces.
class MarkdownTable {
 public:
  explicit MarkdownTable(std::vector<std::string> header);
  void add_row(std::vector<std::string> cells);
  bool empty() const { return rows_.empty(); }
  // The table text, ending in a newline.
  std::string str() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// A fenced code block (``` or longer when the text holds ```), ending in a newline.
std::string fenced(std::string_view language, std::string_view text);

// "1 table" / "2 tables".
std::string count_of(std::size_t n, std::string_view singular, std::string_view plural);

}  // namespace flick::docs

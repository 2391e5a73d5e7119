#include <fmt/format.h>

#include <cctype>
#include <sstream>

#include "diff/diff.hpp"
#include "files/input_file.hpp"
#include "flick/error.hpp"

namespace flick::diff {
namespace {

constexpr std::pair<ObjectKind, std::string_view> kKindNames[] = {
    {ObjectKind::kSchema, "schema"},
    {ObjectKind::kTable, "table"},
    {ObjectKind::kColumn, "column"},
    {ObjectKind::kEnum, "enum"},
    {ObjectKind::kEnumValue, "enum-value"},
    {ObjectKind::kSequence, "sequence"},
    {ObjectKind::kIndex, "index"},
    {ObjectKind::kConstraint, "constraint"},
    {ObjectKind::kView, "view"},
};

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

std::string known_kinds() {
  std::string list;
  for (const auto& [kind, name] : kKindNames) {
    if (!list.empty()) list += ", ";
    list += name;
  }
  return list;
}

// Splits "KIND:REST" and returns the kind; `rest` receives the text after ':'.
ObjectKind split_kind(std::string_view text, std::string_view& rest, std::string_view form) {
  std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    throw UserError(fmt::format("bad hint '{}': expected {}", text, form));
  }
  std::string_view kind_text = trim(text.substr(0, colon));
  rest = trim(text.substr(colon + 1));
  for (const auto& [kind, name] : kKindNames) {
    if (kind_text == name) return kind;
  }
  throw UserError(
      fmt::format("bad hint '{}': unknown kind '{}' (known: {})", text, kind_text, known_kinds()));
}

// The first `wanted` outside double quotes ("a=b".c has none), or npos.
std::size_t find_unquoted(std::string_view text, char wanted) {
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;  // a doubled "" inside quotes toggles twice
    if (!quoted && text[i] == wanted) return i;
  }
  return std::string_view::npos;
}

void check_name(std::string_view hint, std::string_view name) {
  if (name.empty() || name.front() == '.' || name.back() == '.' ||
      name.find("..") != std::string_view::npos) {
    throw UserError(fmt::format("bad hint '{}': '{}' is not a name", hint, name));
  }
}

}  // namespace

std::string_view kind_name(ObjectKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "?";
}

RenameHint parse_rename_hint(std::string_view text) {
  text = trim(text);
  std::string_view rest;
  ObjectKind kind = split_kind(text, rest, "KIND:OLD=NEW");
  std::size_t equals = find_unquoted(rest, '=');
  if (equals == std::string_view::npos) {
    throw UserError(fmt::format("bad rename hint '{}': expected KIND:OLD=NEW", text));
  }
  std::string_view from = trim(rest.substr(0, equals));
  std::string_view to = trim(rest.substr(equals + 1));
  check_name(text, from);
  check_name(text, to);
  return RenameHint{kind, std::string(from), std::string(to)};
}

DropHint parse_drop_hint(std::string_view text) {
  text = trim(text);
  std::string_view rest;
  ObjectKind kind = split_kind(text, rest, "KIND:NAME");
  if (find_unquoted(rest, '=') != std::string_view::npos) {
    throw UserError(fmt::format("bad drop hint '{}': expected KIND:NAME", text));
  }
  check_name(text, rest);
  return DropHint{kind, std::string(rest)};
}

void read_hints_file(const std::filesystem::path& path, std::vector<RenameHint>& renames,
                     std::vector<DropHint>& drops) {
  std::istringstream in(files::read_input_file(path));
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string_view text = line;
    std::size_t hash = find_unquoted(text, '#');  // "a#b" is a name, not a comment
    if (hash != std::string_view::npos) text = text.substr(0, hash);
    text = trim(text);
    if (text.empty()) continue;
    std::size_t space = text.find_first_of(" \t");
    std::string_view verb = text.substr(0, space);
    std::string_view argument = space == std::string_view::npos ? "" : trim(text.substr(space));
    try {
      if (verb == "rename") {
        renames.push_back(parse_rename_hint(argument));
      } else if (verb == "drop") {
        drops.push_back(parse_drop_hint(argument));
      } else {
        throw UserError(
            fmt::format("expected 'rename KIND:OLD=NEW' or 'drop KIND:NAME', got '{}'", text));
      }
    } catch (const UserError& error) {
      throw UserError(fmt::format("{}:{}: {}", path.string(), number, error.what()));
    }
  }
}

}  // namespace flick::diff

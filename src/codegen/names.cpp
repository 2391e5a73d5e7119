#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "codegen/codegen.hpp"

namespace flick::codegen {

namespace {

// Lower-case words of an SQL name: split at non-alphanumerics and at lower->upper case changes.
std::vector<std::string> words(const std::string& name) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(word);
    word.clear();
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (!std::isalnum(c)) {
      flush();
      continue;
    }
    bool upper = std::isupper(c) != 0;
    if (upper && i > 0) {
      unsigned char previous = static_cast<unsigned char>(name[i - 1]);
      bool next_lower =
          i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1])) != 0;
      // "emailDomain" -> email|domain; "HTTPServer" -> http|server.
      if (std::islower(previous) || std::isdigit(previous) ||
          (std::isupper(previous) && next_lower)) {
        flush();
      }
    }
    word += static_cast<char>(std::tolower(c));
  }
  flush();
  return out;
}

const std::set<std::string>& cpp_keywords() {
  static const std::set<std::string> keywords = {"alignas",       "alignof",     "and",
                                                 "and_eq",        "asm",         "auto",
                                                 "bitand",        "bitor",       "bool",
                                                 "break",         "case",        "catch",
                                                 "char",          "char8_t",     "char16_t",
                                                 "char32_t",      "class",       "compl",
                                                 "concept",       "const",       "consteval",
                                                 "constexpr",     "constinit",   "const_cast",
                                                 "continue",      "co_await",    "co_return",
                                                 "co_yield",      "decltype",    "default",
                                                 "delete",        "do",          "double",
                                                 "dynamic_cast",  "else",        "enum",
                                                 "explicit",      "export",      "extern",
                                                 "false",         "float",       "for",
                                                 "friend",        "goto",        "if",
                                                 "inline",        "int",         "long",
                                                 "mutable",       "namespace",   "new",
                                                 "noexcept",      "not",         "not_eq",
                                                 "nullptr",       "operator",    "or",
                                                 "or_eq",         "private",     "protected",
                                                 "public",        "register",    "reinterpret_cast",
                                                 "requires",      "return",      "short",
                                                 "signed",        "sizeof",      "static",
                                                 "static_assert", "static_cast", "struct",
                                                 "switch",        "template",    "this",
                                                 "thread_local",  "throw",       "true",
                                                 "try",           "typedef",     "typeid",
                                                 "typename",      "union",       "unsigned",
                                                 "using",         "virtual",     "void",
                                                 "volatile",      "wchar_t",     "while",
                                                 "xor",           "xor_eq"};
  return keywords;
}

}  // namespace

std::string snake_name(const std::string& sql_name) {
  std::string out;
  for (const std::string& word : words(sql_name)) out += (out.empty() ? "" : "_") + word;
  if (out.empty()) out = "unnamed";
  if (std::isdigit(static_cast<unsigned char>(out[0]))) out = "c_" + out;
  if (cpp_keywords().count(out) > 0) out += '_';
  return out;
}

bool is_plain_identifier(const std::string& name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return cpp_keywords().count(name) == 0;
}

std::vector<std::string> member_names(const std::vector<std::string>& sql_names,
                                      const std::set<std::string>& reserved) {
  std::vector<std::string> members;
  std::map<std::string, int> uses;
  for (const std::string& sql_name : sql_names) {
    members.push_back(snake_name(sql_name));
    if (reserved.count(members.back()) > 0) members.back() += '_';
    ++uses[members.back()];
  }
  for (std::size_t i = 0; i < members.size(); ++i) {
    // A shared snake_case name stays with the column already spelled that way; the others keep
    // their SQL spelling when it is a C++ name ("createdAt" beside created_at).
    if (uses[members[i]] > 1 && members[i] != sql_names[i] && is_plain_identifier(sql_names[i]) &&
        reserved.count(sql_names[i]) == 0) {
      members[i] = sql_names[i];
    }
  }
  return members;
}

std::string pascal_name(const std::string& sql_name) {
  std::string out;
  for (std::string word : words(sql_name)) {
    word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    out += word;
  }
  if (out.empty()) out = "Unnamed";
  if (std::isdigit(static_cast<unsigned char>(out[0]))) out = "T" + out;
  return out;
}

std::string enumerator_name(const std::string& label) {
  std::string pascal = pascal_name(label);
  if (pascal == "Unnamed" && !label.empty()) pascal = "Unnamed";
  if (label.empty()) pascal = "Empty";
  return "k" + pascal;
}

}  // namespace flick::codegen

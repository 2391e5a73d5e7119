#include "docs/page_paths.hpp"

#include <fmt/core.h>

#include <vector>

#include "flick/model.hpp"

namespace flick::docs {
namespace {

std::string file_name_part(std::string_view name) {
  std::string out;
  for (char c : name) {
    unsigned char byte = static_cast<unsigned char>(c);
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '_' || c == '-';
    out += plain ? std::string(1, c) : fmt::format("~{:02x}", byte);
  }
  return out;
}

std::vector<std::string_view> directories_of(std::string_view path) {
  std::vector<std::string_view> dirs;
  std::size_t start = 0;
  for (std::size_t slash = path.find('/'); slash != std::string_view::npos;
       slash = path.find('/', start)) {
    dirs.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return dirs;
}

}  // namespace

std::string table_page_path(const std::string& schema, const std::string& name) {
  return "tables/" + file_name_part(schema) + "." + file_name_part(name) + ".md";
}

std::string enum_page_path(const std::string& schema, const std::string& name) {
  return "enums/" + file_name_part(schema) + "." + file_name_part(name) + ".md";
}

std::string type_page_path(const std::string& schema, const std::string& name) {
  return "types/" + file_name_part(schema) + "." + file_name_part(name) + ".md";
}

std::string function_page_path(const std::string& schema, const std::string& name,
                               const std::string& arguments) {
  // Distinct signatures give distinct files even when a name holds parentheses: the argument
  // list is balanced, so the "(" matching the final ")" is the one that opens it.
  return "functions/" + file_name_part(schema) + "." + file_name_part(name) + "~28" +
         file_name_part(arguments) + "~29.md";
}

std::string relative_link(std::string_view from, std::string_view to) {
  std::vector<std::string_view> from_dirs = directories_of(from);
  std::vector<std::string_view> to_dirs = directories_of(to);
  std::size_t common = 0;
  while (common < from_dirs.size() && common < to_dirs.size() &&
         from_dirs[common] == to_dirs[common]) {
    ++common;
  }
  std::string out;
  for (std::size_t i = common; i < from_dirs.size(); ++i) out += "../";
  for (std::size_t i = common; i < to_dirs.size(); ++i) out += std::string(to_dirs[i]) + "/";
  std::size_t last_slash = to.rfind('/');
  out += std::string(last_slash == std::string_view::npos ? to : to.substr(last_slash + 1));
  return out;
}

std::string display_name(const std::string& schema, const std::string& name) {
  return schema == model::kDefaultSchema ? name : schema + "." + name;
}

std::string routine_name(const std::string& schema, const std::string& name,
                         const std::string& arguments) {
  return display_name(schema, name) + "(" + arguments + ")";
}

}  // namespace flick::docs

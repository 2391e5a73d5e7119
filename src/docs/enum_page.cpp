// The page of one enum: its values in order and the columns, domains and composite types that
// use it.

#include <fmt/core.h>

#include "docs/markdown.hpp"
#include "docs/page_paths.hpp"
#include "docs/pages.hpp"
#include "docs/schema_facts.hpp"

namespace flick::docs {

Page enum_page(const Context& context, const model::Enum& enum_type) {
  std::string path = enum_page_path(enum_type.schema, enum_type.name);
  std::string name = display_name(enum_type.schema, enum_type.name);
  std::vector<SearchTerm> terms;
  std::string out = fmt::format("# Enum {}\n\n", code(name));
  out += fmt::format("{} · schema {}\n\n", link("Index", relative_link(path, kIndexPage)),
                     code(enum_type.schema));
  out += comment_paragraph(context, "type", enum_type.schema, enum_type.name);
  out += "## Values\n\n";
  for (const std::string& value : enum_type.values) {
    out += "- " + code(value) + "\n";
    terms.push_back({"value", value});
  }
  if (enum_type.values.empty()) out += "None.\n";
  out += "\n" + type_uses_section(context, path, enum_type.schema, enum_type.name, "enum");
  return Page{path, name, out, terms};
}

}  // namespace flick::docs

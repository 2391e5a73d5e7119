#pragma once

// The page writers build_pages() calls, one per kind of page.

#include <optional>
#include <string>
#include <string_view>

#include "check/check.hpp"
#include "docs/docs.hpp"

namespace flick::docs {

struct Context {
  const Sources& sources;
  std::vector<const model::Table*> tables;                   // sorted by (schema, name)
  std::vector<const model::Enum*> enums;                     // sorted by (schema, name)
  std::vector<const model::Domain*> domains;                 // sorted by (schema, name)
  std::vector<const model::CompositeType*> composite_types;  // sorted by (schema, name)
  std::vector<const model::Function*> functions;             // sorted by (schema, name, arguments)
  std::optional<check::Report> check;  // absent when there is no migration folder
};

Page index_page(const Context& context);
Page table_page(const Context& context, const model::Table& table);
Page enum_page(const Context& context, const model::Enum& enum_type);
Page domain_page(const Context& context, const model::Domain& domain);
Page composite_type_page(const Context& context, const model::CompositeType& type);
// A range type's page, also the page of its multirange type.
Page range_type_page(const Context& context, const model::RangeType& range);
// Functions, procedures and aggregates alike.
Page function_page(const Context& context, const model::Function& function);

// The comment of an object of kind `kind` (model::Comment) as a paragraph ("text\n\n"), or "" when
// it has none.
std::string comment_paragraph(const Context& context, const std::string& kind,
                              const std::string& schema, const std::string& name,
                              const std::string& arguments = "");

// The "## Used by" section of the page at `path` of the user type `schema`.`name`: the columns
// of that type (or an array of it), then the domains over it and the composite attributes of it
// when there are any; `noun` ("enum", "domain") says what the type is when no column uses it.
std::string type_uses_section(const Context& context, const std::string& path,
                              const std::string& schema, const std::string& name,
                              std::string_view noun);
Page migrations_page(const Context& context);
Page check_page(const Context& context);

}  // namespace flick::docs

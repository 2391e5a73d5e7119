#pragma once

// The page writers build_pages() calls, one per kind of page.

#include <optional>

#include "check/check.hpp"
#include "docs/docs.hpp"

namespace flick::docs {

struct Context {
  const Sources& sources;
  std::vector<const model::Table*> tables;  // sorted by (schema, name)
  std::vector<const model::Enum*> enums;    // sorted by (schema, name)
  std::optional<check::Report> check;       // absent when there is no migration folder
};

Page index_page(const Context& context);
Page table_page(const Context& context, const model::Table& table);
Page enum_page(const Context& context, const model::Enum& enum_type);
Page migrations_page(const Context& context);
Page check_page(const Context& context);

}  // namespace flick::docs

#include <algorithm>

#include "docs/docs.hpp"
#include "docs/pages.hpp"
#include "docs/schema_facts.hpp"

namespace flick::docs {
namespace {

// Every page ends in exactly one newline.
void end_with_one_newline(std::string& text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  text += '\n';
}

}  // namespace

std::vector<Page> build_pages(const Sources& sources) {
  Context context{sources,
                  sorted_tables(sources.schema),
                  sorted_enums(sources.schema),
                  sorted_domains(sources.schema),
                  sorted_composite_types(sources.schema),
                  sorted_functions(sources.schema),
                  {}};
  if (sources.folder) {
    context.check =
        check::check_folder(*sources.folder, sources.schema_from_files ? &sources.schema : nullptr);
  }
  std::vector<Page> pages;
  pages.push_back(index_page(context));
  for (const model::Table* table : context.tables) pages.push_back(table_page(context, *table));
  for (const model::Enum* enum_type : context.enums) {
    pages.push_back(enum_page(context, *enum_type));
  }
  for (const model::Domain* domain : context.domains) {
    pages.push_back(domain_page(context, *domain));
  }
  for (const model::CompositeType* type : context.composite_types) {
    pages.push_back(composite_type_page(context, *type));
  }
  for (const model::RangeType& range : sources.schema.range_types) {
    pages.push_back(range_type_page(context, range));
  }
  for (const model::Function* function : context.functions) {
    pages.push_back(function_page(context, *function));
  }
  pages.push_back(migrations_page(context));
  pages.push_back(check_page(context));
  std::sort(pages.begin() + 1, pages.end(),
            [](const Page& a, const Page& b) { return a.path < b.path; });
  for (Page& page : pages) end_with_one_newline(page.markdown);
  return pages;
}

}  // namespace flick::docs

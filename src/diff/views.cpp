#include "diff/context.hpp"
#include "diff/references.hpp"

namespace flick::diff {
namespace {

// Whether the view's query mentions a table whose columns change type or go away.
bool reads_changing_table(const Context& context, const model::View& view) {
  if (context.tables_changing_shape.empty()) return false;
  std::unordered_set<std::string> names = referenced_identifiers(view.definition);
  for (const model::Table* table : context.tables_changing_shape) {
    if (names.count(table->name)) return true;
  }
  return false;
}

bool same_definition(const model::View& a, const model::View& b) {
  return a.definition == b.definition && a.materialized == b.materialized && a.with == b.with &&
         a.with_no_data == b.with_no_data;
}

}  // namespace

void diff_views(Context& context) {
  const auto& olds = context.from.views;
  const auto& news = context.to.views;
  for (const auto& [o, n] : context.views.pairs) {
    const model::View& from = olds[o];
    const model::View& to = news[n];
    QualifiedName carried{context.mapped_schema(from.schema), from.name};
    if (!same_definition(from, to) || reads_changing_table(context, from)) {
      context.add(kDropViews, DropView{carried, from.materialized});
      context.add(kCreateViews, CreateView{to});
      continue;
    }
    if (carried.schema != to.schema) {
      context.add(kRenameViews, MoveView{carried, to.schema, to.materialized});
    }
    if (from.name != to.name) {
      context.add(kRenameViews, RenameView{{to.schema, from.name}, to.name, to.materialized});
    }
  }
  for (std::size_t o : context.views.dropped) {
    context.add(kDropViews, DropView{{context.mapped_schema(olds[o].schema), olds[o].name},
                                     olds[o].materialized});
  }
  for (std::size_t n : context.views.created) context.add(kCreateViews, CreateView{news[n]});
}

}  // namespace flick::diff

#include <algorithm>
#include <unordered_set>

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

// The names of the functions dropped and created again (their result type changes): a view
// calling one goes and comes back around it.
std::unordered_set<std::string> recreated_functions(const Context& context) {
  std::unordered_set<std::string> names;
  for (const model::Function& now : context.to.functions) {
    for (const model::Function& before : context.from.functions) {
      if (before.schema == now.schema && before.name == now.name &&
          before.arguments == now.arguments && result_changes(before, now)) {
        names.insert(now.name);
      }
    }
  }
  return names;
}

bool calls_recreated_function(const model::View& view,
                              const std::unordered_set<std::string>& recreated) {
  if (recreated.empty()) return false;
  for (const std::string& name : referenced_identifiers(view.definition)) {
    if (recreated.count(name)) return true;
  }
  return false;
}

bool same_definition(const model::View& a, const model::View& b) {
  return a.definition == b.definition && a.materialized == b.materialized && a.with == b.with &&
         a.with_no_data == b.with_no_data;
}

void create_indexes(Context& context, const model::View& view) {
  for (const model::Index& index : view.indexes) {
    context.add(kCreateViewIndexes, CreateIndex{{view.schema, view.name}, index});
  }
}

// The indexes of a materialized view that stays: dropped when gone or changed, created when new
// or changed.
void diff_indexes(Context& context, const model::View& from, const model::View& to) {
  for (const model::Index& index : from.indexes) {
    auto now = std::find_if(to.indexes.begin(), to.indexes.end(),
                            [&](const model::Index& i) { return i.name == index.name; });
    if (now == to.indexes.end() || !(*now == index)) {
      context.add(kDropIndexes, DropIndex{{to.schema, index.name}});
    }
  }
  for (const model::Index& index : to.indexes) {
    auto before = std::find_if(from.indexes.begin(), from.indexes.end(),
                               [&](const model::Index& i) { return i.name == index.name; });
    if (before == from.indexes.end() || !(*before == index)) {
      context.add(kCreateViewIndexes, CreateIndex{{to.schema, to.name}, index});
    }
  }
}

}  // namespace

void diff_views(Context& context) {
  const auto& olds = context.from.views;
  const auto& news = context.to.views;
  std::unordered_set<std::string> recreated = recreated_functions(context);
  for (const auto& [o, n] : context.views.pairs) {
    const model::View& from = olds[o];
    const model::View& to = news[n];
    QualifiedName carried{context.mapped_schema(from.schema), from.name};
    if (!same_definition(from, to) || reads_changing_table(context, from) ||
        calls_recreated_function(from, recreated)) {
      context.add(kDropViews, DropView{carried, from.materialized});
      context.add(kCreateViews, CreateView{to});
      create_indexes(context, to);
      continue;
    }
    diff_indexes(context, from, to);
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
  for (std::size_t n : context.views.created) {
    context.add(kCreateViews, CreateView{news[n]});
    create_indexes(context, news[n]);
  }
}

}  // namespace flick::diff

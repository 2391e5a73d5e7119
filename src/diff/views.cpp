#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <unordered_set>

#include "diff/context.hpp"
#include "diff/references.hpp"
#include "flick/error.hpp"

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

// `views` with each after the views of the list it reads (by name in its query), otherwise in
// the order given. A cycle is a UserError naming its views.
std::vector<const model::View*> dependency_order(const std::vector<const model::View*>& views) {
  std::vector<std::vector<std::size_t>> reads(views.size());
  for (std::size_t i = 0; i < views.size(); ++i) {
    std::unordered_set<std::string> names = referenced_identifiers(views[i]->definition);
    for (std::size_t j = 0; j < views.size(); ++j) {
      if (i != j && names.count(views[j]->name)) reads[i].push_back(j);
    }
  }
  std::vector<const model::View*> ordered;
  std::vector<int> state(views.size(), 0);  // 0 not yet, 1 being placed, 2 placed
  std::vector<std::size_t> path;
  std::function<void(std::size_t)> place = [&](std::size_t i) {
    if (state[i] == 2) return;
    if (state[i] == 1) {
      std::string cycle;
      auto from = std::find(path.begin(), path.end(), i);
      for (auto it = from; it != path.end(); ++it) {
        cycle += fmt::format("\"{}\".\"{}\" -> ", views[*it]->schema, views[*it]->name);
      }
      cycle += fmt::format("\"{}\".\"{}\"", views[i]->schema, views[i]->name);
      throw UserError("views read each other in a cycle, PostgreSQL cannot create them: " + cycle);
    }
    state[i] = 1;
    path.push_back(i);
    for (std::size_t j : reads[i]) place(j);
    path.pop_back();
    state[i] = 2;
    ordered.push_back(views[i]);
  };
  for (std::size_t i = 0; i < views.size(); ++i) place(i);
  return ordered;
}

}  // namespace

void diff_views(Context& context) {
  const auto& olds = context.from.views;
  const auto& news = context.to.views;
  std::unordered_set<std::string> recreated = recreated_functions(context);
  // Which kept views go and come back: a changed one, and then every view reading one that goes
  // (PostgreSQL drops no view another reads).
  std::vector<bool> recreate(context.views.pairs.size(), false);
  std::unordered_set<std::string> going;  // names of the old views dropped
  for (std::size_t o : context.views.dropped) going.insert(olds[o].name);
  for (std::size_t i = 0; i < context.views.pairs.size(); ++i) {
    const auto& [o, n] = context.views.pairs[i];
    recreate[i] = !same_definition(olds[o], news[n]) || reads_changing_table(context, olds[o]) ||
                  calls_recreated_function(olds[o], recreated);
    if (recreate[i]) going.insert(olds[o].name);
  }
  for (bool changed = !going.empty(); changed;) {
    changed = false;
    for (std::size_t i = 0; i < context.views.pairs.size(); ++i) {
      if (recreate[i]) continue;
      const model::View& from = olds[context.views.pairs[i].first];
      for (const std::string& name : referenced_identifiers(from.definition)) {
        if (name != from.name && going.count(name)) {
          recreate[i] = changed = true;
          going.insert(from.name);
          break;
        }
      }
    }
  }

  std::vector<const model::View*> drops, creates;
  for (std::size_t i = 0; i < context.views.pairs.size(); ++i) {
    const auto& [o, n] = context.views.pairs[i];
    const model::View& from = olds[o];
    const model::View& to = news[n];
    if (recreate[i]) {
      drops.push_back(&from);
      creates.push_back(&to);
      continue;
    }
    QualifiedName carried{context.mapped_schema(from.schema), from.name};
    diff_indexes(context, from, to);
    if (carried.schema != to.schema) {
      context.add(kRenameViews, MoveView{carried, to.schema, to.materialized});
    }
    if (from.name != to.name) {
      context.add(kRenameViews, RenameView{{to.schema, from.name}, to.name, to.materialized});
    }
  }
  for (std::size_t o : context.views.dropped) drops.push_back(&olds[o]);
  for (std::size_t n : context.views.created) creates.push_back(&news[n]);
  // Dropped readers first; created after what they read; otherwise in catalog order.
  std::reverse(drops.begin(), drops.end());
  std::vector<const model::View*> drop_order = dependency_order(drops);
  for (auto it = drop_order.rbegin(); it != drop_order.rend(); ++it) {
    const model::View& view = **it;
    context.add(kDropViews,
                DropView{{context.mapped_schema(view.schema), view.name}, view.materialized});
  }
  for (const model::View* view : dependency_order(creates)) {
    context.add(kCreateViews, CreateView{*view});
    create_indexes(context, *view);
  }
}

}  // namespace flick::diff

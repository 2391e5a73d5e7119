#include <algorithm>
#include <unordered_set>

#include "diff/context.hpp"
#include "diff/names.hpp"

namespace flick::diff {
namespace {

bool is_array_type(const std::string& type) { return type.find('[') != std::string::npos; }

std::string element_type(const std::string& type) { return type.substr(0, type.find('[')); }

// The new-catalog column an old column becomes, or nullptr when it is dropped.
const model::Column* successor(const Context& context, const model::Table& old_table,
                               const model::Column& old_column) {
  auto pair_it = context.pair_by_old_table.find(table_key(old_table.schema, old_table.name));
  if (pair_it == context.pair_by_old_table.end()) return nullptr;
  const TablePair& pair = context.table_pairs[pair_it->second];
  for (const auto& [o, n] : pair.columns.pairs) {
    if (&pair.old_table->columns[o] == &old_column) return &pair.new_table->columns[n];
  }
  return nullptr;
}

RebuildEnum plan_rebuild(Context& context, const model::Enum& old_enum,
                         const model::Enum& new_enum) {
  RebuildEnum rebuild;
  rebuild.enum_type = new_enum;
  rebuild.aside_name = fitted_name(new_enum.name, "_old");
  for (const model::Table& table : context.from.tables) {
    for (const model::Column& column : table.columns) {
      if (column.type_schema != old_enum.schema || element_type(column.type) != old_enum.name) {
        continue;
      }
      EnumDependent dependent;
      dependent.table = QualifiedName{context.mapped_schema(table.schema), table.name};
      dependent.column = column.name;
      dependent.is_array = is_array_type(column.type);
      dependent.old_default = column.default_expr;
      const model::Column* next = successor(context, table, column);
      bool keeps_type = next != nullptr && next->type_schema == new_enum.schema &&
                        element_type(next->type) == new_enum.name &&
                        is_array_type(next->type) == dependent.is_array;
      if (dependent.old_default) {
        dependent.new_default = keeps_type ? next->default_expr : std::nullopt;
        context.default_overrides[&column] = dependent.new_default;
      }
      context.tables_changing_shape.insert(&table);
      rebuild.dependents.push_back(std::move(dependent));
    }
  }
  return rebuild;
}

void diff_values(Context& context, const model::Enum& old_enum, const model::Enum& new_enum) {
  NameParts scope{new_enum.schema, new_enum.name};
  NameParts alt_scope{old_enum.schema, old_enum.name};
  std::vector<ScopedName> old_values, new_values;
  for (const std::string& value : old_enum.values) old_values.push_back({scope, alt_scope, value});
  for (const std::string& value : new_enum.values) new_values.push_back({scope, {}, value});
  Matching matching = match_names(ObjectKind::kEnumValue, old_values, new_values, false,
                                  context.hints, context.options);
  QualifiedName name{new_enum.schema, new_enum.name};
  // Surviving old values, renamed, in their old order.
  std::vector<std::string> kept;
  std::vector<std::string> renamed_old(old_enum.values.size());
  std::vector<bool> survives(old_enum.values.size(), false);
  for (const auto& [o, n] : matching.pairs) {
    survives[o] = true;
    renamed_old[o] = new_enum.values[n];
    if (old_enum.values[o] != new_enum.values[n]) {
      context.add(kEnumValues, RenameEnumValue{name, old_enum.values[o], new_enum.values[n]});
    }
  }
  for (std::size_t o = 0; o < old_enum.values.size(); ++o) {
    if (survives[o]) kept.push_back(renamed_old[o]);
  }
  // Appending and inserting keeps old values in order: the kept values must appear in the new
  // list in the same relative order.
  std::unordered_set<std::string> kept_set(kept.begin(), kept.end());
  std::vector<std::string> kept_in_new_order;
  for (const std::string& value : new_enum.values) {
    if (kept_set.count(value)) kept_in_new_order.push_back(value);
  }
  if (!matching.dropped.empty() || kept_in_new_order != kept) {
    context.add(kRebuildEnums, plan_rebuild(context, old_enum, new_enum));
    return;
  }
  const auto& values = new_enum.values;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (kept_set.count(values[i])) continue;
    AddEnumValue add{name, values[i], std::nullopt, std::nullopt};
    // The next value already present (an old one, or one added just before): BEFORE it.
    // Trailing additions append in order, so they need no position.
    for (std::size_t j = i + 1; j < values.size(); ++j) {
      if (kept_set.count(values[j])) {
        add.before = values[j];
        break;
      }
    }
    context.add(kEnumValues, std::move(add));
  }
}

}  // namespace

void diff_enums(Context& context) {
  const auto& olds = context.from.enums;
  const auto& news = context.to.enums;
  for (std::size_t n : context.enums.created) context.add(kCreateEnums, CreateEnum{news[n]});
  for (const auto& [o, n] : context.enums.pairs) diff_values(context, olds[o], news[n]);
  for (std::size_t o : context.enums.dropped) {
    context.add(kDropEnums, DropEnum{{context.mapped_schema(olds[o].schema), olds[o].name}});
  }
}

}  // namespace flick::diff

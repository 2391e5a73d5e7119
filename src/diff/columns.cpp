#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "diff/casts.hpp"
#include "diff/names.hpp"
#include "diff/references.hpp"
#include "diff/table_diff.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::diff {
namespace {

bool is_serial(const std::string& type) {
  return type == "serial" || type == "bigserial" || type == "smallserial";
}

// The old column's type as the new catalog names it: a moved or renamed enum keeps its columns.
ColumnType current_type(const Context& context, const model::Column& column) {
  if (column.type_schema.empty() || context.enum_renames.empty()) {
    return {column.type, column.type_schema};
  }
  std::size_t bracket = column.type.find('[');
  std::string base = column.type.substr(0, bracket);
  auto it = context.enum_renames.find(table_key(column.type_schema, base));
  if (it == context.enum_renames.end()) return {column.type, column.type_schema};
  std::string array = bracket == std::string::npos ? "" : column.type.substr(bracket);
  return {it->second.name + array, it->second.schema};
}

bool type_changed(const Context& context, const model::Column& from, const model::Column& to) {
  if (from.type_schema.empty() || context.enum_renames.empty()) {
    return from.type != to.type || from.type_schema != to.type_schema;
  }
  ColumnType type = current_type(context, from);
  return type.type != to.type || type.type_schema != to.type_schema;
}

std::string meta_column_name(const QualifiedName& table, const std::string& column) {
  return fmt::format("\"{}\".\"{}\".\"{}\"", table.schema, table.name, column);
}

// Generated columns that must be dropped and re-added: their expression is new or changed, or
// it reads a column whose type changes (PostgreSQL refuses to change such a type).
std::unordered_set<std::string> columns_to_regenerate(const Context& context,
                                                      const TablePair& pair) {
  const auto& olds = pair.old_table->columns;
  const auto& news = pair.new_table->columns;
  std::unordered_set<std::string> retyped;
  for (const auto& [o, n] : pair.columns.pairs) {
    if (type_changed(context, olds[o], news[n])) retyped.insert(news[n].name);
  }
  std::unordered_set<std::string> regenerate;
  for (const auto& [o, n] : pair.columns.pairs) {
    const model::Column& column = news[n];
    if (!column.generated) continue;
    if (olds[o].generated != column.generated) {
      regenerate.insert(column.name);
      continue;
    }
    if (retyped.empty()) continue;
    for (const std::string& name : referenced_identifiers(*column.generated)) {
      if (retyped.count(name) && name != column.name) {
        regenerate.insert(column.name);
        break;
      }
    }
  }
  return regenerate;
}

void diff_identity(Context& context, const TablePair& pair, const model::Column& from,
                   const model::Column& to) {
  const QualifiedName& table = pair.target;
  if (!from.identity && to.identity) {
    context.add(kAlterColumns, AddIdentity{table, to.name, *to.identity});
  } else if (from.identity && !to.identity) {
    context.add(kAlterColumns, DropIdentity{table, to.name});
  } else if (from.identity && to.identity) {
    if (from.identity->sequence_name != to.identity->sequence_name) {
      context.add(kFollowRenames, RenameSequence{{table.schema, from.identity->sequence_name},
                                                 to.identity->sequence_name});
    }
    if (from.identity->kind != to.identity->kind ||
        !(from.identity->options == to.identity->options)) {
      context.add(kAlterColumns, AlterIdentity{table, to.name, *from.identity, *to.identity});
    }
  }
}

void diff_column(Context& context, const TablePair& pair, const model::Column& from,
                 const model::Column& to) {
  const QualifiedName& table = pair.target;
  if (from.generated && !to.generated) context.add(kAlterColumns, DropExpression{table, to.name});
  std::optional<std::string> old_default = from.default_expr;
  if (!context.default_overrides.empty()) {
    if (auto it = context.default_overrides.find(&from); it != context.default_overrides.end()) {
      old_default = it->second;
    }
  }
  bool retyped = type_changed(context, from, to);
  if (retyped || from.collation != to.collation) {
    bool using_cast =
        retyped && needs_using(current_type(context, from), {to.type, to.type_schema});
    bool user_type = !from.type_schema.empty() || !to.type_schema.empty();
    if (retyped && (using_cast || user_type) && old_default) {
      // The old default may not cast to the new type, and an enum default keeps depending on
      // its type after the column is re-typed; it is set again below.
      context.add(kAlterColumns, DropDefault{table, to.name});
      old_default.reset();
    }
    context.add(kAlterColumns,
                AlterColumnType{table, to.name, to.type, to.type_schema, using_cast, to.collation});
    context.tables_changing_shape.insert(pair.old_table);
  }
  if (old_default != to.default_expr && !to.identity) {
    if (to.default_expr) {
      context.add(kAlterColumns, SetDefault{table, to.name, *to.default_expr});
    } else {
      context.add(kAlterColumns, DropDefault{table, to.name});
    }
  }
  if (!from.not_null && to.not_null) {
    std::optional<std::string> backfill;
    if (to.default_expr && !to.identity && !to.generated) backfill = to.default_expr;
    context.add(kAlterColumns, SetNotNull{table, to.name, backfill});
  } else if (from.not_null && !to.not_null) {
    context.add(kAlterColumns, DropNotNull{table, to.name});
  }
  diff_identity(context, pair, from, to);
  if (from.comment != to.comment) {
    context.add(kComments, SetColumnComment{table, to.name, to.comment});
  }
}

}  // namespace

void diff_columns(Context& context, const TablePair& pair) {
  const model::Table& old_table = *pair.old_table;
  const model::Table& new_table = *pair.new_table;
  const auto& olds = old_table.columns;
  const auto& news = new_table.columns;
  // What a parent it inherits from before and after passes down: the parent's ALTER TABLE
  // reaches this table too (added, dropped, renamed, altered), so it is not written here.
  std::vector<const model::Table*> kept_before, kept_after;  // the same parents, old and new
  if (!new_table.inherits.empty()) {
    std::vector<model::TableParent> old_parents = mapped_parents(context, old_table);
    for (std::size_t i = 0; i < old_parents.size(); ++i) {
      const model::TableParent& now = old_parents[i];
      if (std::find(new_table.inherits.begin(), new_table.inherits.end(), now) ==
          new_table.inherits.end()) {
        continue;
      }
      const model::TableParent& before = old_table.inherits[i];
      kept_before.push_back(context.from.find_table(before.schema, before.name));
      kept_after.push_back(context.to.find_table(now.schema, now.name));
    }
  }
  auto passed_down = [](const model::Column& column, const std::vector<const model::Table*>& by) {
    return column.inherited && std::any_of(by.begin(), by.end(), [&](const model::Table* parent) {
             return parent != nullptr && model::find_column(*parent, column.name) != nullptr;
           });
  };
  // Each paired old column as PostgreSQL leaves it once the kept parents' ALTERs have reached it
  // (their type, NOT NULL, default and generation changes pass down to the children, whose own
  // ALTER of an inherited column's type PostgreSQL refuses).
  std::vector<model::Column> effective(olds.begin(), olds.end());
  std::unordered_set<std::string> from_parents;  // columns a kept parent has
  for (std::size_t i = 0; i < kept_before.size(); ++i) {
    if (kept_before[i] == nullptr || kept_after[i] == nullptr) continue;
    for (model::Column& column : effective) {
      const model::Column* was = model::find_column(*kept_before[i], column.name);
      const model::Column* now = model::find_column(*kept_after[i], column.name);
      if (was == nullptr || now == nullptr) continue;
      from_parents.insert(column.name);
      if (was->type != now->type || was->type_schema != now->type_schema ||
          was->collation != now->collation) {
        column.type = now->type;
        column.type_schema = now->type_schema;
        column.collation = now->collation;
      }
      if (was->not_null != now->not_null) column.not_null = now->not_null;
      if (was->default_expr != now->default_expr) column.default_expr = now->default_expr;
      if (was->generated != now->generated) column.generated = now->generated;
    }
  }
  for (const auto& [o, n] : pair.columns.pairs) {
    const model::Column& from = olds[o];
    const model::Column& to = news[n];
    if (from.name != to.name) {
      context.add(kRenameColumns, RenameColumn{pair.target, from.name, to.name});
      context.result.renamed_columns.emplace_back(
          meta_column_name({old_table.schema, old_table.name}, from.name),
          meta_column_name(pair.target, to.name));
    }
    if (is_serial(from.type) && is_serial(to.type)) {
      std::string old_sequence = sqlparse::implicit_name(old_table.name, {from.name}, "seq");
      std::string new_sequence = sqlparse::implicit_name(new_table.name, {to.name}, "seq");
      if (old_sequence != new_sequence) {
        context.add(kFollowRenames,
                    RenameSequence{{pair.target.schema, old_sequence}, new_sequence});
      }
    }
  }

  std::unordered_set<std::string> regenerate = columns_to_regenerate(context, pair);
  for (const std::string& name : from_parents) regenerate.erase(name);  // the parent's to do
  for (const auto& [o, n] : pair.columns.pairs) {
    if (regenerate.count(news[n].name)) {
      context.add(kAlterColumns, DropColumn{pair.target, news[n].name});
      context.tables_changing_shape.insert(&old_table);
    }
  }
  for (const auto& [o, n] : pair.columns.pairs) {
    if (regenerate.count(news[n].name)) continue;
    // (The original where no parent reaches it: default overrides are keyed by its address.)
    diff_column(context, pair, from_parents.count(olds[o].name) ? effective[o] : olds[o], news[n]);
  }
  for (const auto& [o, n] : pair.columns.pairs) {
    if (regenerate.count(news[n].name)) {
      context.add(kAlterColumns, AddColumn{pair.target, news[n]});
    }
  }

  for (std::size_t n : pair.columns.created) {
    if (passed_down(news[n], kept_after)) continue;
    context.add(kAddColumns, AddColumn{pair.target, news[n]});
    if (news[n].comment) {
      context.add(kComments, SetColumnComment{pair.target, news[n].name, news[n].comment});
    }
  }
  for (std::size_t o : pair.columns.dropped) {
    if (passed_down(olds[o], kept_before)) continue;
    context.add(kDropColumns, DropColumn{pair.target, olds[o].name});
    context.tables_changing_shape.insert(&old_table);
  }
}

}  // namespace flick::diff

#include "diff/diff.hpp"

#include <fmt/format.h>

#include "diff/context.hpp"

namespace flick::diff {
namespace {

template <typename T>
std::vector<ScopedName> old_scoped(const Context& context, const std::vector<T>& items) {
  std::vector<ScopedName> names;
  names.reserve(items.size());
  for (const T& item : items) {
    std::string carried = context.mapped_schema(item.schema);
    names.push_back(ScopedName{
        {carried}, carried == item.schema ? NameParts{} : NameParts{item.schema}, item.name});
  }
  return names;
}

template <typename T>
std::vector<ScopedName> new_scoped(const std::vector<T>& items) {
  std::vector<ScopedName> names;
  names.reserve(items.size());
  for (const T& item : items) names.push_back(ScopedName{{item.schema}, {}, item.name});
  return names;
}

void diff_schemas(Context& context) {
  std::vector<ScopedName> old_names, new_names;
  for (const std::string& schema : context.from.schemas) old_names.push_back({{}, {}, schema});
  for (const std::string& schema : context.to.schemas) new_names.push_back({{}, {}, schema});
  Matching matching =
      match_names(ObjectKind::kSchema, old_names, new_names, false, context.hints, context.options);
  for (const auto& [o, n] : matching.pairs) {
    const std::string& old_name = context.from.schemas[o];
    const std::string& new_name = context.to.schemas[n];
    if (old_name == new_name) continue;
    context.schema_map[old_name] = new_name;
    context.add(kRenameSchemas, RenameSchema{old_name, new_name});
    context.result.renamed_schemas.emplace_back(old_name, new_name);
  }
  for (std::size_t n : matching.created) {
    context.add(kCreateSchemas, CreateSchema{context.to.schemas[n]});
  }
  for (std::size_t o : matching.dropped) {
    context.add(kDropSchemas, DropSchema{context.from.schemas[o]});
  }
}

// Move then rename, so the object is where the new catalog has it.
template <typename MoveChange, typename RenameChange>
void move_and_rename(Context& context, Phase move_phase, Phase rename_phase,
                     const std::string& old_schema, const std::string& old_name,
                     const std::string& new_schema, const std::string& new_name) {
  std::string carried = context.mapped_schema(old_schema);
  if (carried != new_schema) {
    context.add(move_phase, MoveChange{QualifiedName{carried, old_name}, new_schema});
  }
  if (old_name != new_name) {
    context.add(rename_phase, RenameChange{QualifiedName{new_schema, old_name}, new_name});
  }
}

void diff_sequences(Context& context) {
  const auto& olds = context.from.sequences;
  const auto& news = context.to.sequences;
  for (const auto& [o, n] : context.sequences.pairs) {
    move_and_rename<MoveSequence, RenameSequence>(context, kMoveSequences, kRenameSequences,
                                                  olds[o].schema, olds[o].name, news[n].schema,
                                                  news[n].name);
    if (!(olds[o].options == news[n].options)) {
      context.add(kAlterSequences, AlterSequence{news[n], olds[o].options.cycle});
    }
  }
  for (std::size_t n : context.sequences.created) {
    context.add(kCreateSequences, CreateSequence{news[n]});
  }
  for (std::size_t o : context.sequences.dropped) {
    context.add(kDropSequences,
                DropSequence{{context.mapped_schema(olds[o].schema), olds[o].name}});
  }
}

}  // namespace

std::string table_key(const std::string& schema, const std::string& name) {
  return schema + '\x1f' + name;
}

ChangeSet diff(const model::Catalog& from, const model::Catalog& to, const Options& options) {
  Context context(from, to, options);
  diff_schemas(context);
  context.enums = match_names(ObjectKind::kEnum, old_scoped(context, from.enums),
                              new_scoped(to.enums), true, context.hints, options);
  context.sequences = match_names(ObjectKind::kSequence, old_scoped(context, from.sequences),
                                  new_scoped(to.sequences), true, context.hints, options);
  context.tables = match_names(ObjectKind::kTable, old_scoped(context, from.tables),
                               new_scoped(to.tables), true, context.hints, options);
  match_tables(context);
  context.views = match_names(ObjectKind::kView, old_scoped(context, from.views),
                              new_scoped(to.views), true, context.hints, options);

  for (const auto& [o, n] : context.enums.pairs) {
    const model::Enum& old_enum = from.enums[o];
    const model::Enum& new_enum = to.enums[n];
    if (old_enum.schema != new_enum.schema || old_enum.name != new_enum.name) {
      context.enum_renames[table_key(old_enum.schema, old_enum.name)] = {new_enum.schema,
                                                                         new_enum.name};
    }
    move_and_rename<MoveEnum, RenameEnum>(context, kMoveEnums, kRenameEnums, from.enums[o].schema,
                                          from.enums[o].name, to.enums[n].schema, to.enums[n].name);
  }
  diff_enums(context);
  diff_sequences(context);
  // Most changes of a schema's first migration are its tables.
  context.phases[kCreateTables].reserve(to.tables.size());
  diff_tables(context);
  diff_views(context);
  diff_routines(context);
  diff_comments(context);
  diff_privileges(context);
  context.hints.check_all_used();

  ChangeSet& result = context.result;
  std::size_t total = 0;
  for (const auto& phase : context.phases) total += phase.size();
  result.changes.reserve(total);
  for (auto& phase : context.phases) {
    for (Change& change : phase) result.changes.push_back(std::move(change));
  }
  return std::move(result);
}

}  // namespace flick::diff

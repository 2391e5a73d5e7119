#include <fmt/format.h>

#include <algorithm>

#include "ddl/builder.hpp"
#include "ddl/options.hpp"

namespace flick::ddl {

void transform_create_sequence(PgQuery__CreateSeqStmt& statement, const Source& source,
                               CatalogBuilder& builder) {
  const PgQuery__RangeVar* range = statement.sequence;
  if (std::string(range->relpersistence) != "p") {
    source.unsupported(range->location, "unsupported clause TEMPORARY/UNLOGGED in CREATE SEQUENCE");
  }
  QualifiedName name = qualified_name(range, source);
  if (builder.catalog().find_sequence(name.schema, name.name) != nullptr) {
    if (statement.if_not_exists) return;
    source.fail(range->location,
                fmt::format("sequence \"{}\".\"{}\" already exists", name.schema, name.name));
  }
  SequenceClauses clauses =
      read_sequence_options(statement.options, statement.n_options, false, source);
  model::SequenceOptions& options = clauses.options;
  if (!clauses.as_type.empty()) {
    // The model's sequences are bigint; spell out the limits a smaller type implies.
    bool ascending = options.increment.empty() || options.increment[0] != '-';
    model::SequenceOptions limits = model::default_sequence_options(clauses.as_type, ascending);
    if (options.min_value.empty()) options.min_value = limits.min_value;
    if (options.max_value.empty()) options.max_value = limits.max_value;
  }
  builder.use_schema(name.schema, source.position(range->location));
  builder.claim_relation_name(name.schema, name.name);
  model::Sequence sequence;
  sequence.schema = name.schema;
  sequence.name = name.name;
  sequence.options = options;
  builder.catalog().sequences.push_back(std::move(sequence));
}

void transform_alter_sequence(PgQuery__AlterSeqStmt& statement, const Source& source,
                              CatalogBuilder& builder) {
  QualifiedName name = qualified_name(statement.sequence, source);
  auto& sequences = builder.catalog().sequences;
  auto sequence = std::find_if(sequences.begin(), sequences.end(), [&](const model::Sequence& s) {
    return s.schema == name.schema && s.name == name.name;
  });
  if (sequence == sequences.end()) {
    if (statement.missing_ok) return;
    source.fail(statement.sequence->location,
                fmt::format("sequence \"{}\".\"{}\" is not created", name.schema, name.name));
  }
  merge_sequence_options(sequence->options, statement.options, statement.n_options, source);
  for (std::size_t i = 0; i < statement.n_options; ++i) {
    const PgQuery__DefElem& option = *statement.options[i]->def_elem;
    if (std::string(option.defname) != "owned_by") continue;
    const PgQuery__List& parts = *option.arg->list;
    if (parts.n_items == 1) continue;  // OWNED BY NONE
    if (parts.n_items < 2 || parts.n_items > 3) {
      source.fail(option.location, "OWNED BY names a column as [schema.]table.column");
    }
    QualifiedName table = qualified_name(parts.items, parts.n_items - 1, option.location, source);
    builder.own_sequence(name, table, sqlparse::string_value(parts.items[parts.n_items - 1]),
                         source.position(option.location));
  }
}

}  // namespace flick::ddl

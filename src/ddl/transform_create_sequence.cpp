#include <fmt/format.h>

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

}  // namespace flick::ddl

#include <fmt/format.h>

#include <algorithm>

#include "ddl/table_parts.hpp"

namespace flick::ddl {
namespace {

using sqlparse::is_set;

void reject_table_clauses(const PgQuery__CreateStmt& statement, const Source& source) {
  std::string clause;
  std::string persistence = statement.relation->relpersistence;
  if (persistence == "t") clause = "TEMPORARY";
  if (statement.of_typename != nullptr) clause = "OF <type>";
  if (statement.n_options != 0) clause = "WITH (...)";
  if (is_set(statement.tablespacename)) clause = "TABLESPACE";
  if (is_set(statement.access_method)) clause = "USING <access method>";
  if (statement.oncommit != PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_NOOP &&
      statement.oncommit != PG_QUERY__ON_COMMIT_ACTION__ON_COMMIT_ACTION_UNDEFINED) {
    clause = "ON COMMIT";
  }
  if (!clause.empty()) {
    source.unsupported(statement.relation->location,
                       fmt::format("unsupported clause {} in CREATE TABLE", clause));
  }
}

std::vector<std::string> key_columns(const PendingConstraint& item) {
  if (item.constraint->n_keys == 0) return {item.column};
  return string_list(item.constraint->keys, item.constraint->n_keys);
}

// PostgreSQL builds one index for a PRIMARY KEY and a UNIQUE on the same columns written in the
// same CREATE TABLE: the primary key, named after the first of the two that has a name
// (`"id" text PRIMARY KEY, CONSTRAINT "t_id_unique" UNIQUE("id")` is one key, t_id_unique).
void fold_unique_into_primary_key(std::vector<PendingConstraint>& pending) {
  auto key = std::find_if(pending.begin(), pending.end(), [](const PendingConstraint& item) {
    return item.constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
  });
  if (key == pending.end()) return;
  for (auto it = pending.begin(); it != pending.end(); ++it) {
    const PgQuery__Constraint& unique = *it->constraint;
    if (unique.contype != PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE || unique.nulls_not_distinct ||
        unique.n_including != 0 || unique.n_options != 0 ||
        unique.deferrable != key->constraint->deferrable || key_columns(*it) != key_columns(*key)) {
      continue;
    }
    const PendingConstraint& first = it < key ? *it : *key;
    const PendingConstraint& second = it < key ? *key : *it;
    if (!sqlparse::is_set(first.constraint->conname)) {
      key->constraint->conname = second.constraint->conname;
    } else {
      key->constraint->conname = first.constraint->conname;
    }
    pending.erase(it);
    return;
  }
}

}  // namespace

void transform_create_table(PgQuery__CreateStmt& statement, const Source& source,
                            CatalogBuilder& builder) {
  reject_table_clauses(statement, source);
  QualifiedName name = qualified_name(statement.relation, source);
  int location = statement.relation->location;
  if (builder.find_table(name.schema, name.name) != nullptr) {
    if (statement.if_not_exists) return;
    source.fail(location,
                fmt::format("table \"{}\".\"{}\" is already defined", name.schema, name.name));
  }
  refuse_type_name_clash(builder, name.schema, name.name, "table", source, location);
  builder.use_schema(name.schema, source.position(location));
  builder.claim_relation_name(name.schema, name.name);

  model::Table table;
  table.schema = name.schema;
  table.name = name.name;
  table.unlogged = std::string(statement.relation->relpersistence) == "u";
  if (statement.partbound != nullptr) {
    // PARTITION OF: the parent's columns, as PostgreSQL gives them (an identity stays the
    // parent's); the statement may add constraints of its own, not columns.
    QualifiedName parent_name = qualified_name(statement.inh_relations[0]->range_var, source);
    const model::Table* parent = builder.find_table(parent_name.schema, parent_name.name);
    if (parent == nullptr) {
      source.fail(statement.inh_relations[0]->range_var->location,
                  fmt::format("PARTITION OF names table \"{}\".\"{}\", which is not created (yet)",
                              parent_name.schema, parent_name.name));
    }
    if (parent->partition_by.empty()) {
      source.fail(statement.inh_relations[0]->range_var->location,
                  fmt::format("table \"{}\".\"{}\" is not partitioned (no PARTITION BY)",
                              parent_name.schema, parent_name.name));
    }
    table.columns = parent->columns;  // settled by model::copy_partition_columns
    table.partition_of = model::PartitionOf{parent_name.schema, parent_name.name,
                                            sqlparse::partition_bound_text(*statement.partbound)};
  }
  std::vector<const model::Table*> parents;
  if (statement.partbound == nullptr) {
    for (std::size_t i = 0; i < statement.n_inh_relations; ++i) {
      const PgQuery__RangeVar& reference = *statement.inh_relations[i]->range_var;
      QualifiedName parent_name = qualified_name(statement.inh_relations[i]->range_var, source);
      const model::Table* parent = builder.find_table(parent_name.schema, parent_name.name);
      if (parent == nullptr) {
        source.fail(reference.location,
                    fmt::format("INHERITS names table \"{}\".\"{}\", which is not created (yet)",
                                parent_name.schema, parent_name.name));
      }
      if (!parent->partition_by.empty() || parent->partition_of || statement.partspec != nullptr) {
        source.fail(reference.location,
                    "PostgreSQL does not let a partitioned table or a partition inherit or be "
                    "inherited (INHERITS with PARTITION BY / of a partitioned table)");
      }
      model::TableParent link{parent_name.schema, parent_name.name};
      if (std::find(table.inherits.begin(), table.inherits.end(), link) != table.inherits.end()) {
        source.fail(reference.location, fmt::format("INHERITS names \"{}\".\"{}\" twice",
                                                    parent_name.schema, parent_name.name));
      }
      table.inherits.push_back(std::move(link));
      parents.push_back(parent);
    }
  }
  std::vector<PendingConstraint> pending;
  table.columns.reserve(table.columns.size() + statement.n_table_elts);
  for (std::size_t i = 0; i < statement.n_table_elts; ++i) {
    Node* element = statement.table_elts[i];
    switch (element->node_case) {
      case PG_QUERY__NODE__NODE_COLUMN_DEF: {
        PgQuery__ColumnDef& definition = *element->column_def;
        if (table.partition_of) {
          source.unsupported(definition.location,
                             fmt::format("unsupported column options for \"{}\" in PARTITION OF "
                                         "(a partition has its parent's columns)",
                                         definition.colname));
        }
        if (model::find_column(table, definition.colname) != nullptr) {
          source.fail(definition.location,
                      fmt::format("column \"{}\" is declared twice", definition.colname));
        }
        table.columns.push_back(transform_column(definition, name, &pending, source, builder));
        for (const model::Table* parent : parents) {
          const model::Column* theirs = model::find_column(*parent, definition.colname);
          const model::Column& mine = table.columns.back();
          if (theirs != nullptr &&
              (theirs->type != mine.type || theirs->type_schema != mine.type_schema)) {
            source.fail(definition.location,
                        fmt::format("column \"{}\" is {} here but {} in \"{}\".\"{}\", which it "
                                    "inherits from; PostgreSQL merges only columns of one type",
                                    definition.colname, mine.type, theirs->type, parent->schema,
                                    parent->name));
          }
        }
        break;
      }
      case PG_QUERY__NODE__NODE_CONSTRAINT:
        pending.push_back({element->constraint, ""});
        break;
      case PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE:
        source.unsupported(element->table_like_clause->relation->location,
                           "unsupported clause LIKE in CREATE TABLE");
      default:
        source.unsupported(location, "unsupported table element " + sqlparse::node_kind(element));
    }
  }
  // A generated column cannot read a generated column (itself included): PostgreSQL refuses it.
  for (const model::Column& column : table.columns) {
    if (!column.generated) continue;
    std::string tokens = " " + sqlparse::canonical_tokens(*column.generated) + " ";
    for (const model::Column& other : table.columns) {
      if (!other.generated) continue;
      bool named = tokens.find(" " + other.name + " ") != std::string::npos ||
                   tokens.find(" \"" + other.name + "\" ") != std::string::npos;
      if (named) {
        source.fail(location, fmt::format("generated column \"{}\" of \"{}\" reads generated "
                                          "column \"{}\"; PostgreSQL does not allow that",
                                          column.name, table.name, other.name));
      }
    }
  }
  constexpr std::size_t kMaxColumns = 1600;  // PostgreSQL's MaxHeapAttributeNumber
  if (table.columns.size() > kMaxColumns) {
    source.fail(location, fmt::format("table \"{}\".\"{}\" has {} columns; PostgreSQL allows at "
                                      "most {}",
                                      name.schema, name.name, table.columns.size(), kMaxColumns));
  }
  if (statement.partspec != nullptr) {
    for (std::size_t i = 0; i < statement.partspec->n_part_params; ++i) {
      const PgQuery__PartitionElem& element = *statement.partspec->part_params[i]->partition_elem;
      if (sqlparse::is_set(element.name) && model::find_column(table, element.name) == nullptr) {
        source.fail(element.location,
                    fmt::format("PARTITION BY names column \"{}\", which table \"{}\" does not "
                                "have",
                                element.name, table.name));
      }
    }
    table.partition_by = sqlparse::partition_key_text(*statement.partspec);
  }
  fold_unique_into_primary_key(pending);
  for (const PendingConstraint& item : pending) {
    PgQuery__ConstrType kind = item.constraint->contype;
    if (kind != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK &&
        kind != PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY &&
        kind != PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE &&
        kind != PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION &&
        kind != PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN) {
      add_constraint(table, *item.constraint, item.column, source, builder);  // reports it
    }
  }
  model::Table& created = builder.add_table(std::move(table));
  if (!created.inherits.empty()) builder.settle_inherited_columns();

  // PostgreSQL names CHECK constraints when it creates the table, then the indexes behind
  // PRIMARY KEY / UNIQUE / EXCLUDE, then foreign keys; implicit names depend on that order.
  for (const PendingConstraint& item : pending) {
    claim_new_constraint_name(created, *item.constraint, source, builder);
  }
  const PgQuery__ConstrType kOrder[][3] = {
      {PG_QUERY__CONSTR_TYPE__CONSTR_CHECK, PG_QUERY__CONSTR_TYPE__CONSTR_CHECK,
       PG_QUERY__CONSTR_TYPE__CONSTR_CHECK},
      {PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY, PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE,
       PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION},
      {PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN, PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN,
       PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN},
  };
  for (const auto& kinds : kOrder) {
    for (const PendingConstraint& item : pending) {
      PgQuery__ConstrType kind = item.constraint->contype;
      if (kind == kinds[0] || kind == kinds[1] || kind == kinds[2]) {
        add_constraint(created, *item.constraint, item.column, source, builder);
      }
    }
  }
}

}  // namespace flick::ddl

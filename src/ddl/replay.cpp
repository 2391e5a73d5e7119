#include "ddl/replay.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "ddl/replay_internal.hpp"
#include "ddl/statement_traits.hpp"
#include "ddl/table_parts.hpp"
#include "flick/error.hpp"

namespace flick::ddl {
namespace {

using sqlparse::is_set;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Releases the names a table claimed, so a table created again under the same name gets the
// same implicit names. Index names are kept when `keep_indexes`.
void release_table_names(CatalogBuilder& builder, const model::Table& table, bool keep_indexes) {
  builder.release_relation_name(table.schema, table.name);
  std::string key = primary_key_name(table);
  if (!key.empty()) {
    builder.release_relation_name(table.schema, key);
    builder.release_constraint_name(table.schema, key);
  }
  for (const auto& unique : table.uniques) {
    builder.release_relation_name(table.schema, unique.name);
    builder.release_constraint_name(table.schema, unique.name);
  }
  for (const auto& check : table.checks) builder.release_constraint_name(table.schema, check.name);
  for (const auto& exclusion : table.exclusions) {
    builder.release_relation_name(table.schema, exclusion.name);
    builder.release_constraint_name(table.schema, exclusion.name);
  }
  for (const auto& key : table.foreign_keys) {
    builder.release_constraint_name(table.schema, key.name);
  }
  if (!keep_indexes) {
    for (const auto& index : table.indexes) builder.release_relation_name(table.schema, index.name);
  }
}

void replay_create_table(PgQuery__CreateStmt& statement, const Source& source, ReplayState& state) {
  QualifiedName name = qualified_name(statement.relation, source);
  bool temporary = std::string_view(statement.relation->relpersistence) == "t" &&
                   state.temporary_tables != nullptr;
  if (temporary) {
    // A temporary table (a migration's scratch space): followed like any other until the end of
    // its file, when the session or transaction that made it is over.
    static char permanent[] = "p";
    statement.relation->relpersistence = permanent;
    statement.oncommit = PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_NOOP;
    transform_create_table(statement, source, state.builder);
    state.temporary_tables->push_back(name);
    return;
  }
  CatalogBuilder& builder = state.builder;
  model::Table* existing = builder.find_table(name.schema, name.name);
  if (existing == nullptr || statement.if_not_exists || !state.replace_existing) {
    if (existing != nullptr && statement.if_not_exists) state.skipped = true;
    return transform_create_table(statement, source, builder);
  }
  model::Table old = *existing;
  release_table_names(builder, old, /*keep_indexes=*/true);
  auto& tables = builder.catalog().tables;
  std::size_t position = static_cast<std::size_t>(existing - tables.data());
  tables.erase(tables.begin() + static_cast<std::ptrdiff_t>(position));
  builder.reindex_tables();
  transform_create_table(statement, source, builder);
  // Put the new definition where the old one was, with what CREATE TABLE cannot define.
  model::Table created = std::move(tables.back());
  tables.pop_back();
  created.indexes = old.indexes;
  created.policies = old.policies;
  created.rls_enabled = old.rls_enabled;
  if (!created.comment) created.comment = old.comment;
  for (const model::ForeignKey& key : old.foreign_keys) {
    if (has_constraint(created, key.name)) continue;
    bool columns_exist = std::all_of(key.columns.begin(), key.columns.end(), [&](const auto& c) {
      return model::find_column(created, c) != nullptr;
    });
    if (!columns_exist) continue;
    builder.claim_constraint_name(created.schema, key.name);
    created.foreign_keys.push_back(key);
  }
  tables.insert(tables.begin() + static_cast<std::ptrdiff_t>(position), std::move(created));
  builder.reindex_tables();
  state.recreated = true;
}

void replay_create_index(PgQuery__IndexStmt& statement, const Source& source, ReplayState& state) {
  if (is_set(statement.idxname)) {
    QualifiedName table = qualified_name(statement.relation, source);
    std::vector<model::Index>* owner = nullptr;
    model::Index* existing = find_index(state.builder, table.schema, statement.idxname, &owner);
    if (existing != nullptr) {
      if (statement.if_not_exists || state.duplicates_ignored) {
        state.skipped = true;
        return;
      }
      if (state.replace_existing) {
        owner->erase(owner->begin() + (existing - owner->data()));
        state.builder.release_relation_name(table.schema, statement.idxname);
        state.recreated = true;
      }
    }
  }
  transform_index(statement, source, state.builder);
}

void replay_create_enum(PgQuery__CreateEnumStmt& statement, const Source& source,
                        ReplayState& state) {
  QualifiedName name = qualified_name(statement.type_name, statement.n_type_name, -1, source);
  auto& enums = state.builder.catalog().enums;
  auto existing = std::find_if(enums.begin(), enums.end(), [&](const model::Enum& e) {
    return e.schema == name.schema && e.name == name.name;
  });
  if (existing != enums.end() && state.duplicates_ignored) {
    state.skipped = true;
    return;
  }
  if (existing != enums.end() && state.replace_existing) {
    existing->values = string_list(statement.vals, statement.n_vals);
    state.recreated = true;
    return;
  }
  transform_create_enum(statement, source, state.builder);
}

void replay_create_sequence(PgQuery__CreateSeqStmt& statement, const Source& source,
                            ReplayState& state) {
  QualifiedName name = qualified_name(statement.sequence, source);
  auto& sequences = state.builder.catalog().sequences;
  auto existing = std::find_if(sequences.begin(), sequences.end(), [&](const model::Sequence& s) {
    return s.schema == name.schema && s.name == name.name;
  });
  if (existing != sequences.end()) {
    if (statement.if_not_exists) {
      state.skipped = true;
      return;
    }
    if (state.replace_existing) {
      sequences.erase(existing);
      state.builder.release_relation_name(name.schema, name.name);
      state.recreated = true;
    }
  }
  transform_create_sequence(statement, source, state.builder);
}

void replay_create_schema(PgQuery__CreateSchemaStmt& statement, const Source& source,
                          ReplayState& state) {
  const auto& schemas = state.builder.catalog().schemas;
  bool exists = std::find(schemas.begin(), schemas.end(), statement.schemaname) != schemas.end();
  if (exists && statement.if_not_exists) state.skipped = true;
  if (exists && !statement.if_not_exists && state.replace_existing) {
    state.recreated = true;
    return;
  }
  transform_create_schema(statement, source, state.builder);
}

void replay_create_view(const PgQuery__RangeVar& relation, bool replace, const Source& source,
                        ReplayState& state) {
  QualifiedName name = qualified_name(&relation, source);
  auto& views = state.builder.catalog().views;
  auto existing = std::find_if(views.begin(), views.end(), [&](const model::View& v) {
    return v.schema == name.schema && v.name == name.name;
  });
  if (existing == views.end() || replace || !state.replace_existing) return;
  views.erase(existing);
  state.builder.release_relation_name(name.schema, name.name);
  state.recreated = true;
}

void replay_create_policy(PgQuery__CreatePolicyStmt& statement, const Source& source,
                          ReplayState& state) {
  model::Table& table = state.builder.table(qualified_name(statement.table, source),
                                            statement.table->location, source);
  auto existing =
      std::find_if(table.policies.begin(), table.policies.end(),
                   [&](const model::Policy& p) { return p.name == statement.policy_name; });
  if (existing != table.policies.end() && state.replace_existing) {
    table.policies.erase(existing);
    state.recreated = true;
  }
  transform_policy(statement, source, state.builder);
}

// An inner statement's message without its "DO block:<line>:<col>: " prefix.
std::string without_position(const std::string& message) {
  constexpr std::string_view kPrefix = "DO block:";
  if (message.rfind(kPrefix, 0) != 0) return message;
  std::size_t end = message.find(": ", kPrefix.size());
  return end == std::string::npos ? message : message.substr(end + 2);
}

void replay_do(PgQuery__DoStmt& statement, const Source& source, ReplayState& state) {
  std::string body;
  for (std::size_t i = 0; i < statement.n_args; ++i) {
    const PgQuery__DefElem& arg = *statement.args[i]->def_elem;
    if (std::string(arg.defname) == "as") body = sqlparse::string_value(arg.arg);
    if (std::string(arg.defname) == "language" &&
        lower(sqlparse::string_value(arg.arg)) != "plpgsql") {
      source.unsupported(-1, "unsupported statement DO in a language other than plpgsql");
    }
  }
  std::string where = source.position(-1);
  std::vector<sqlparse::PlpgsqlStatement> inner =
      sqlparse::plpgsql_statements(body, where + ": in DO block");
  bool saved = state.duplicates_ignored;
  for (const sqlparse::PlpgsqlStatement& step : inner) {
    if (step.dynamic) {
      state.not_understood += fmt::format(
          "{}in DO block, line {}: EXECUTE of a computed string (what it runs is not "
          "followed)",
          state.not_understood.empty() ? "" : "; ", step.line);
      continue;
    }
    try {
      sqlparse::ParsedSql parsed = sqlparse::parse_sql(step.sql, "DO block");
      for (std::size_t i = 0; i < parsed.size(); ++i) {
        Node* node = parsed.statement(i).stmt;
        Source inner_source(parsed, i, source.default_schema());
        for (Effect& effect : statement_effects(node, source.default_schema())) {
          effect.guarded = effect.guarded || step.guarded;
          state.block_effects.push_back(std::move(effect));
        }
        state.duplicates_ignored = saved || step.guarded;
        replay_statement(node, inner_source, state);
        state.duplicates_ignored = saved;
      }
    } catch (const ProvidedElsewhere&) {
      // The database runs it on its own object; the rest of the block goes on.
      state.duplicates_ignored = saved;
    } catch (const UnsupportedStatement& error) {
      state.duplicates_ignored = saved;
      throw UnsupportedStatement(fmt::format("{}: in DO block, line {}: {}", where, step.line,
                                             without_position(error.what())));
    } catch (const UserError& error) {
      state.duplicates_ignored = saved;
      throw UserError(fmt::format("{}: in DO block, line {}: {}", where, step.line,
                                  without_position(error.what())));
    }
  }
}

// SET / RESET: a search_path moves where unqualified names go; no setting changes the model.
void replay_set(const PgQuery__VariableSetStmt& statement, ReplayState& state) {
  state.skipped = true;
  if (state.search_path != nullptr) follow_search_path(statement, *state.search_path);
}

}  // namespace

namespace {

// GRANT / REVOKE, roles and default privileges: modelled like in a schema file; one the model
// cannot follow (an object it does not have) is not understood rather than an error, as
// privileges count only when the project manages them.
void replay_privileges(Node* statement, const Source& source, ReplayState& state) {
  try {
    if (statement->node_case == PG_QUERY__NODE__NODE_DROP_ROLE_STMT) {
      const PgQuery__DropRoleStmt& drop = *statement->drop_role_stmt;
      for (std::size_t i = 0; i < drop.n_roles; ++i) {
        const Node* role = drop.roles[i];
        if (role->node_case == PG_QUERY__NODE__NODE_ROLE_SPEC &&
            sqlparse::is_set(role->role_spec->rolename)) {
          drop_role(state.builder.catalog(), role->role_spec->rolename);
        }
      }
      return;
    }
    transform_statement(statement, source, state.builder);
  } catch (const UserError&) {
    state.skipped = true;
  }
}

void replay_one(Node* statement, const Source& source, ReplayState& state);
// replay_one, with grants following renames and drops and default privileges given to new
// objects.
void replay_privileges_and_objects(Node* statement, const Source& source, ReplayState& state);

}  // namespace

void replay_statement(Node* statement, const Source& source, ReplayState& state) {
  // Comments follow their objects' renames and go with their drops.
  bool comments = !state.builder.catalog().comments.empty();
  if (comments && statement->node_case == PG_QUERY__NODE__NODE_RENAME_STMT) {
    rename_in_comments(state.builder.catalog(), *statement->rename_stmt, source);
  }
  replay_privileges_and_objects(statement, source, state);
  if (comments && statement->node_case == PG_QUERY__NODE__NODE_DROP_STMT) {
    prune_comments(state.builder.catalog());
  }
}

namespace {

void replay_privileges_and_objects(Node* statement, const Source& source, ReplayState& state) {
  model::Catalog& catalog = state.builder.catalog();
  if (catalog.default_privileges.empty() && catalog.grants.empty() && catalog.owners.empty()) {
    return replay_one(statement, source, state);
  }
  CreatedCounts before = created_counts(catalog);
  if (statement->node_case == PG_QUERY__NODE__NODE_RENAME_STMT) {
    rename_in_grants(catalog, *statement->rename_stmt, source);
    rename_in_owners(catalog, *statement->rename_stmt, source);
  }
  replay_one(statement, source, state);
  grant_defaults_to_new_objects(state.builder.catalog(), before);
  // Only a DROP or an ALTER TABLE (DROP COLUMN) takes grants' objects away.
  if (statement->node_case == PG_QUERY__NODE__NODE_DROP_STMT ||
      statement->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) {
    prune_grants(state.builder.catalog());
    prune_owners(state.builder.catalog());
  }
}

void replay_one(Node* statement, const Source& source, ReplayState& state) {
  if (statement_traits(*statement).data) {
    state.skipped = true;
    return;
  }
  switch (statement->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT:
      return replay_create_table(*statement->create_stmt, source, state);
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      return replay_create_index(*statement->index_stmt, source, state);
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
      return replay_create_enum(*statement->create_enum_stmt, source, state);
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      return replay_create_sequence(*statement->create_seq_stmt, source, state);
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
      return replay_create_schema(*statement->create_schema_stmt, source, state);
    case PG_QUERY__NODE__NODE_VIEW_STMT:
      replay_create_view(*statement->view_stmt->view, statement->view_stmt->replace, source, state);
      return transform_statement(statement, source, state.builder);
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      if (statement->create_table_as_stmt->into != nullptr &&
          std::string_view(statement->create_table_as_stmt->into->rel->relpersistence) == "t") {
        // CREATE TEMP TABLE ... AS: scratch data, gone with the session; only its name is kept,
        // for the DROP that usually follows.
        if (state.temporary_names != nullptr) {
          state.temporary_names->insert(
              qualified_name(statement->create_table_as_stmt->into->rel, source).name);
        }
        state.skipped = true;
        return;
      }
      if (statement->create_table_as_stmt->into != nullptr &&
          !statement->create_table_as_stmt->if_not_exists) {
        replay_create_view(*statement->create_table_as_stmt->into->rel, false, source, state);
      }
      return transform_statement(statement, source, state.builder);
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
      return replay_create_policy(*statement->create_policy_stmt, source, state);
    case PG_QUERY__NODE__NODE_COMMENT_STMT:
      switch (statement->comment_stmt->objtype) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
        case PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION:
        case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
        case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE:
          // The object may have been made in a way the replay does not follow (a DO block's
          // EXECUTE, a statement it could not read): not understood rather than an error.
          try {
            return transform_comment(*statement->comment_stmt, source, state.builder);
          } catch (const UnsupportedStatement&) {
            throw;
          } catch (const UserError& error) {
            throw UnsupportedStatement(error.what());
          }
        default:
          state.skipped = true;  // comments on what the model does not hold comments for
          return;
      }
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      return replay_alter_table(*statement->alter_table_stmt, source, state);
    case PG_QUERY__NODE__NODE_DROP_STMT:
      if (replay_drop_other(statement, source, state)) return;
      return replay_drop(*statement->drop_stmt, source, state);
    case PG_QUERY__NODE__NODE_RENAME_STMT:
      return replay_rename(*statement->rename_stmt, source, state);
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT:
      return replay_set_schema(*statement->alter_object_schema_stmt, source, state);
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
      return replay_alter_enum(*statement->alter_enum_stmt, source, state);
    case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT:
      return replay_alter_sequence(*statement->alter_seq_stmt, source, state);
    case PG_QUERY__NODE__NODE_ALTER_POLICY_STMT:
      return replay_alter_policy(*statement->alter_policy_stmt, source, state);
    case PG_QUERY__NODE__NODE_DO_STMT:
      return replay_do(*statement->do_stmt, source, state);
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
      return replay_set(*statement->variable_set_stmt, state);
    case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT:
      return replay_alter_domain(*statement->alter_domain_stmt, source, state);
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT:
      return replay_create_other(statement, source, state);
    case PG_QUERY__NODE__NODE_DEFINE_STMT:
      if (statement->define_stmt->kind != PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE &&
          statement->define_stmt->kind != PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION) {
        state.skipped = true;  // operators, base types, text search: not in the model
        return;
      }
      return replay_create_other(statement, source, state);
    case PG_QUERY__NODE__NODE_LOCK_STMT:
    case PG_QUERY__NODE__NODE_NOTIFY_STMT:
    case PG_QUERY__NODE__NODE_EXPLAIN_STMT:
    case PG_QUERY__NODE__NODE_VACUUM_STMT:
    case PG_QUERY__NODE__NODE_REINDEX_STMT:
    case PG_QUERY__NODE__NODE_CLUSTER_STMT:
    case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT:
    case PG_QUERY__NODE__NODE_CHECK_POINT_STMT:
    case PG_QUERY__NODE__NODE_DISCARD_STMT:
    case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
    case PG_QUERY__NODE__NODE_GRANT_STMT:
    case PG_QUERY__NODE__NODE_GRANT_ROLE_STMT:
    case PG_QUERY__NODE__NODE_ALTER_DEFAULT_PRIVILEGES_STMT:
    case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT:
    case PG_QUERY__NODE__NODE_ALTER_ROLE_STMT:
    case PG_QUERY__NODE__NODE_DROP_ROLE_STMT:
      return replay_privileges(statement, source, state);
    case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT:
      return transform_alter_owner(*statement->alter_owner_stmt, source, state.builder);
    // No effect on what the model holds: role settings, function attributes, extension updates,
    // statistics, publications.
    case PG_QUERY__NODE__NODE_ALTER_ROLE_SET_STMT:
    case PG_QUERY__NODE__NODE_ALTER_FUNCTION_STMT:
    case PG_QUERY__NODE__NODE_ALTER_EXTENSION_STMT:
    case PG_QUERY__NODE__NODE_CREATE_STATS_STMT:
    case PG_QUERY__NODE__NODE_CREATE_PUBLICATION_STMT:
    case PG_QUERY__NODE__NODE_ALTER_PUBLICATION_STMT:
    case PG_QUERY__NODE__NODE_SEC_LABEL_STMT:
      state.skipped = true;
      return;
    default:
      source.unsupported(-1, "unsupported statement " + sqlparse::node_kind(statement));
  }
}

}  // namespace

Replayer::Replayer(Existing existing)
    : existing_(existing), builder_(std::make_unique<CatalogBuilder>()) {}

Replayer::~Replayer() = default;

Replayer::Replayer(const Replayer& other)
    : existing_(other.existing_),
      lenient_(other.lenient_),
      search_path_(other.search_path_),
      builder_(std::make_unique<CatalogBuilder>(*other.builder_)) {}

Replayer& Replayer::operator=(const Replayer& other) {
  existing_ = other.existing_;
  lenient_ = other.lenient_;
  search_path_ = other.search_path_;
  builder_ = std::make_unique<CatalogBuilder>(*other.builder_);
  return *this;
}

void Replayer::apply(std::string_view sql, const std::string& file_name, const Observer& observe) {
  builder_->set_other_types_allowed(true);
  sqlparse::ParsedSql parsed = sqlparse::parse_migration(sql, file_name);
  std::vector<QualifiedName> temporary_tables;
  std::set<std::string> temporary_names;
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    Node* node = parsed.statement(i).stmt;
    ReplayState state{.builder = *builder_, .replace_existing = existing_ == Existing::kReplace};
    state.search_path = &search_path_;
    state.temporary_tables = &temporary_tables;
    state.temporary_names = &temporary_names;
    Source source(parsed, i, search_path_);
    ReplayedStatement replayed;
    try {
      if (observe) replayed.effects = statement_effects(node, search_path_);
      replay_statement(node, source, state);
      builder_->resolve_deferred();
      model::copy_partition_columns(builder_->catalog());
      model::copy_inherited_columns(builder_->catalog());
    } catch (const UnsupportedStatement& error) {
      builder_->clear_deferred();
      if (!lenient_) throw;
      replayed.not_understood = error.what();
    } catch (const ProvidedElsewhere&) {
      builder_->clear_deferred();
      state.skipped = true;
    } catch (const UserError& error) {
      builder_->clear_deferred();
      if (!lenient_) throw;
      replayed.error = error.what();
    }
    if (!state.not_understood.empty() && replayed.not_understood.empty()) {
      replayed.not_understood = source.position(-1) + ": " + state.not_understood;
    }
    if (!observe) continue;
    replayed.index = i;
    replayed.begin = parsed.statement_offset(i);
    replayed.end = parsed.statement_end(i);
    replayed.line = parsed.lines().line_of(replayed.begin);
    replayed.recreated = state.recreated;
    replayed.skipped = state.skipped;
    replayed.kind = sqlparse::node_kind(node);
    StatementTraits traits = statement_traits(*node);
    replayed.data = traits.data;
    replayed.control = traits.control;
    replayed.outside_transaction = traits.outside_transaction;
    for (Effect& effect : state.block_effects) replayed.effects.push_back(std::move(effect));
    observe(replayed);
  }
  for (const QualifiedName& name : temporary_tables) {
    if (builder_->find_table(name.schema, name.name) != nullptr) {
      remove_table(*builder_, name.schema, name.name);
    }
  }
}

void Replayer::set_provided_elsewhere(std::function<bool(const std::string& schema)> provided) {
  builder_->set_provided_elsewhere(std::move(provided));
}

std::vector<std::string> Replayer::assumed_existing() const { return builder_->assumed_existing(); }

model::Catalog Replayer::catalog() const {
  model::Catalog copy = builder_->catalog();
  model::normalise(copy);
  return copy;
}

}  // namespace flick::ddl

#include "ddl/replay.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "ddl/replay_internal.hpp"
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
  for (const auto& key : table.foreign_keys) {
    builder.release_constraint_name(table.schema, key.name);
  }
  if (!keep_indexes) {
    for (const auto& index : table.indexes) builder.release_relation_name(table.schema, index.name);
  }
}

void replay_create_table(PgQuery__CreateStmt& statement, const Source& source, ReplayState& state) {
  QualifiedName name = qualified_name(statement.relation, source);
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
    model::Table* owner = nullptr;
    model::Index* existing = find_index(state.builder, table.schema, statement.idxname, &owner);
    if (existing != nullptr) {
      if (statement.if_not_exists || state.duplicates_ignored) {
        state.skipped = true;
        return;
      }
      if (state.replace_existing) {
        owner->indexes.erase(owner->indexes.begin() + (existing - owner->indexes.data()));
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

// The statements between BEGIN and EXCEPTION (or END) of a DO block's body.
std::string do_block_statements(const std::string& body, const Source& source) {
  std::string folded = lower(body);
  auto word_at = [&](const std::string& word, std::size_t from) {
    for (std::size_t at = folded.find(word, from); at != std::string::npos;
         at = folded.find(word, at + 1)) {
      bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(folded[at - 1]));
      std::size_t after = at + word.size();
      bool ends =
          after >= folded.size() || !std::isalnum(static_cast<unsigned char>(folded[after]));
      if (starts && ends) return at;
    }
    return std::string::npos;
  };
  std::size_t begin = word_at("begin", 0);
  if (begin == std::string::npos) {
    source.fail(-1, "unsupported statement DO: only a BEGIN ... END block of plain statements");
  }
  begin += 5;
  std::size_t end = word_at("exception", begin);
  if (end == std::string::npos) end = folded.rfind("end");
  if (end == std::string::npos || end < begin) {
    source.fail(-1, "unsupported statement DO: only a BEGIN ... END block of plain statements");
  }
  return body.substr(begin, end - begin);
}

void replay_do(PgQuery__DoStmt& statement, const Source& source, ReplayState& state) {
  std::string body;
  for (std::size_t i = 0; i < statement.n_args; ++i) {
    const PgQuery__DefElem& arg = *statement.args[i]->def_elem;
    if (std::string(arg.defname) == "as") body = sqlparse::string_value(arg.arg);
    if (std::string(arg.defname) == "language" &&
        lower(sqlparse::string_value(arg.arg)) != "plpgsql") {
      source.fail(-1, "unsupported statement DO in a language other than plpgsql");
    }
  }
  std::string inner = do_block_statements(body, source);
  std::string folded = lower(body);
  bool ignores_duplicates = folded.find("duplicate_object") != std::string::npos ||
                            folded.find("when others") != std::string::npos;
  std::string where = source.position(-1);
  try {
    sqlparse::ParsedSql parsed = sqlparse::parse_sql(inner, "DO block");
    bool saved = state.duplicates_ignored;
    state.duplicates_ignored = saved || ignores_duplicates;
    for (std::size_t i = 0; i < parsed.size(); ++i) {
      Node* node = parsed.statement(i).stmt;
      if (node->node_case == PG_QUERY__NODE__NODE_DO_STMT) {
        throw UserError("nested DO blocks are not supported");
      }
      replay_statement(node, Source(parsed, i), state);
    }
    state.duplicates_ignored = saved;
  } catch (const UserError& error) {
    throw UserError(fmt::format("{}: in DO block: {}", where, error.what()));
  }
}

}  // namespace

void replay_statement(Node* statement, const Source& source, ReplayState& state) {
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
          !statement->create_table_as_stmt->if_not_exists) {
        replay_create_view(*statement->create_table_as_stmt->into->rel, false, source, state);
      }
      return transform_statement(statement, source, state.builder);
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
      return replay_create_policy(*statement->create_policy_stmt, source, state);
    case PG_QUERY__NODE__NODE_COMMENT_STMT:
      return transform_comment(*statement->comment_stmt, source, state.builder);
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      return replay_alter_table(*statement->alter_table_stmt, source, state);
    case PG_QUERY__NODE__NODE_DROP_STMT:
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
    case PG_QUERY__NODE__NODE_INSERT_STMT:
    case PG_QUERY__NODE__NODE_UPDATE_STMT:
    case PG_QUERY__NODE__NODE_DELETE_STMT:
    case PG_QUERY__NODE__NODE_SELECT_STMT:
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
      state.skipped = true;
      return;
    default:
      source.fail(-1, "unsupported statement " + sqlparse::node_kind(statement));
  }
}

Replayer::Replayer(Existing existing)
    : existing_(existing), builder_(std::make_unique<CatalogBuilder>()) {}

Replayer::~Replayer() = default;

Replayer::Replayer(const Replayer& other)
    : existing_(other.existing_), builder_(std::make_unique<CatalogBuilder>(*other.builder_)) {}

Replayer& Replayer::operator=(const Replayer& other) {
  existing_ = other.existing_;
  builder_ = std::make_unique<CatalogBuilder>(*other.builder_);
  return *this;
}

void Replayer::apply(std::string_view sql, const std::string& file_name, const Observer& observe) {
  sqlparse::ParsedSql parsed = sqlparse::parse_sql(sql, file_name);
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    ReplayState state{*builder_, existing_ == Existing::kReplace};
    Source source(parsed, i);
    replay_statement(parsed.statement(i).stmt, source, state);
    builder_->resolve_deferred();
    if (observe) {
      ReplayedStatement replayed;
      replayed.index = i;
      replayed.begin = parsed.statement_offset(i);
      replayed.end = parsed.statement_end(i);
      replayed.line = sqlparse::location_of(parsed.text(), replayed.begin).line;
      replayed.recreated = state.recreated;
      replayed.skipped = state.skipped;
      observe(replayed);
    }
  }
}

model::Catalog Replayer::catalog() const {
  model::Catalog copy = builder_->catalog();
  model::normalise(copy);
  return copy;
}

}  // namespace flick::ddl

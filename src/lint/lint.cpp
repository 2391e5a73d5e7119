// lint_sql: walks the statements of one file in order, keeping what earlier statements did
// (tables created, BEGIN, SET lock_timeout, enum values added), and turns the rules' findings
// into Findings with severities, ignore comments applied.

#include "lint/lint.hpp"

#include <fmt/core.h>

#include "ddl/replay.hpp"
#include "ddl/statement_traits.hpp"
#include "flick/error.hpp"
#include "lint/linter.hpp"

namespace flick::lint {
namespace {

bool drops_existing(const PgQuery__DropStmt& drop, const FileState& state) {
  for (std::size_t i = 0; i < drop.n_objects; ++i) {
    const PgQuery__Node* object = drop.objects[i];
    if (object->node_case != PG_QUERY__NODE__NODE_LIST) continue;
    std::string key = names_key(object->list->items, object->list->n_items);
    if (drop.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE &&
        state.created_tables.count(key) == 0) {
      return true;
    }
    if (drop.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX && !drop.concurrent &&
        state.created_indexes.count(key) == 0) {
      return true;
    }
  }
  return false;
}

// Whether the statement takes an ACCESS EXCLUSIVE lock on a table the file did not create; the
// name of that table for the message, or "".
std::string access_exclusive_target(const PgQuery__Node* node, const FileState& state) {
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: {
      const auto* alter = node->alter_table_stmt;
      if (alter->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE ||
          !is_existing_table(state, alter->relation)) {
        return "";
      }
      for (std::size_t i = 0; i < alter->n_cmds; ++i) {
        const PgQuery__AlterTableCmd* command = alter->cmds[i]->alter_table_cmd;
        if (command != nullptr &&
            command->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint) {
          return relation_display(alter->relation);
        }
      }
      return "";
    }
    case PG_QUERY__NODE__NODE_RENAME_STMT: {
      const auto* rename = node->rename_stmt;
      return is_existing_table(state, rename->relation) ? relation_display(rename->relation) : "";
    }
    case PG_QUERY__NODE__NODE_DROP_STMT:
      return drops_existing(*node->drop_stmt, state) ? "the dropped object's table" : "";
    case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
      return "the truncated table";
    default:
      return "";
  }
}

// Reports string constants equal to an enum value added earlier in the file.
void lint_enum_value_use(PgQuery__Node* node, StatementLint& lint) {
  if (lint.state.added_enum_values.empty()) return;
  std::set<std::string> reported;
  sqlparse::visit_messages(&node->base, [&](ProtobufCMessage* message) {
    if (message->descriptor != &pg_query__a__const__descriptor) return;
    const auto* constant = reinterpret_cast<const PgQuery__AConst*>(message);
    if (constant->val_case != PG_QUERY__A__CONST__VAL_SVAL || constant->sval == nullptr) return;
    for (const auto& [type, value] : lint.state.added_enum_values) {
      if (value == constant->sval->sval && reported.insert(value).second) {
        lint.report("enum-value-added-and-used",
                    fmt::format("uses '{}', which ALTER TYPE {} ADD VALUE added earlier in this "
                                "migration",
                                value, type));
      }
    }
  });
}

void lint_statement(PgQuery__Node* node, StatementLint& lint) {
  FileState& state = lint.state;
  std::string locked = access_exclusive_target(node, state);
  if (!locked.empty() && !state.lock_timeout_set && !state.lock_timeout_reported) {
    state.lock_timeout_reported = true;
    lint.report("missing-lock-timeout",
                fmt::format("takes an ACCESS EXCLUSIVE lock on {} with no SET lock_timeout "
                            "earlier in the migration",
                            locked));
  }
  ddl::TransactionControl control = ddl::statement_traits(*node).control;
  if (control == ddl::TransactionControl::kBegin) state.in_transaction = true;
  if (control == ddl::TransactionControl::kCommit ||
      control == ddl::TransactionControl::kRollback) {
    state.in_transaction = false;
  }
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
      if (std::string_view(node->variable_set_stmt->name) == "lock_timeout") {
        state.lock_timeout_set = true;
      }
      break;
    case PG_QUERY__NODE__NODE_CREATE_STMT:
      lint_create_table(*node->create_stmt, lint);
      break;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      lint_alter_table(*node->alter_table_stmt, lint);
      break;
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      lint_index(*node->index_stmt, lint);
      break;
    case PG_QUERY__NODE__NODE_DROP_STMT:
      lint_drop(*node->drop_stmt, lint);
      break;
    case PG_QUERY__NODE__NODE_RENAME_STMT:
      lint_rename(*node->rename_stmt, lint);
      break;
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: {
      const auto* alter = node->alter_enum_stmt;
      if (sqlparse::is_set(alter->new_val) && !sqlparse::is_set(alter->old_val)) {
        state.added_enum_values.emplace_back(names_display(alter->type_name, alter->n_type_name),
                                             alter->new_val);
      }
      return;  // its own new value is not a use
    }
    default:
      break;
  }
  lint_enum_value_use(node, lint);
}

// What one statement created, renamed or dropped, from the interpreter's effects.
void apply_effects(const std::vector<ddl::Effect>& effects, FileState& state) {
  auto set_of = [&](const std::string& key) -> std::set<std::string>* {
    if (key.rfind("table ", 0) == 0 || key.rfind("view ", 0) == 0) return &state.created_tables;
    if (key.rfind("index ", 0) == 0) return &state.created_indexes;
    return nullptr;
  };
  for (const ddl::Effect& effect : effects) {
    std::set<std::string>* names = set_of(effect.key);
    if (names == nullptr) continue;
    std::string name = effect.key.substr(effect.key.find(' ') + 1);
    switch (effect.action) {
      case ddl::Effect::Action::kCreated:
        names->insert(name);
        break;
      case ddl::Effect::Action::kDropped:
        names->erase(name);
        break;
      case ddl::Effect::Action::kRenamed:
        if (names->erase(name) != 0) {
          names->insert(effect.renamed_to.substr(effect.renamed_to.find(' ') + 1));
        }
        break;
      case ddl::Effect::Action::kAltered:
        break;
    }
  }
}

}  // namespace

std::vector<Finding> lint_sql(std::string_view sql, const std::string& file,
                              const Settings& settings) {
  sqlparse::ParsedSql parsed = sqlparse::parse_migration(sql, file);
  const std::string& text = parsed.text();
  // The interpreter's effects of each statement, in the same order (it parses the same way).
  std::vector<std::vector<ddl::Effect>> effects(parsed.size());
  ddl::Replayer replayer;
  replayer.set_lenient(true);
  replayer.apply(sql, file, [&](const ddl::ReplayedStatement& statement) {
    if (statement.index < effects.size()) effects[statement.index] = statement.effects;
  });
  FileState state;
  std::vector<Finding> findings;
  int line = 1;
  std::size_t counted_to = 0;  // `line` is the line of byte counted_to
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    std::size_t offset = parsed.statement_offset(i);
    for (; counted_to < offset; ++counted_to) line += text[counted_to] == '\n';
    std::set<std::string> ignored = ignored_rules(text, offset, file);

    std::vector<RawFinding> raw;
    StatementLint lint{state, raw};
    lint_statement(parsed.statement(i).stmt, lint);
    apply_effects(effects[i], state);
    std::size_t end = std::max(offset, parsed.statement_end(i));
    lint_identifier_lengths(std::string_view(text).substr(offset, end - offset), lint);

    for (RawFinding& finding : raw) {
      Severity severity = settings.severity_of(finding.rule);
      if (severity == Severity::kOff || ignored.count(finding.rule) != 0) continue;
      const Rule* rule = find_rule(finding.rule);
      findings.push_back({.severity = severity == Severity::kError ? flick::Severity::kError
                                                                   : flick::Severity::kWarning,
                          .rule = finding.rule,
                          .file = file,
                          .line = line,
                          .message = std::move(finding.message),
                          .why = std::string(rule->why),
                          .fix = std::string(rule->safer)});
    }
  }
  return findings;
}

}  // namespace flick::lint

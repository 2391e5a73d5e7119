// The effects a statement has on named objects, read from its parse tree: the replayer attaches
// them to every ReplayedStatement (check follows objects across a history with them, lint and
// docs describe statements with them).

#include <fmt/format.h>

#include "ddl/replay_internal.hpp"

namespace flick::ddl {
namespace {

using sqlparse::is_set;
using Action = Effect::Action;

class EffectList {
 public:
  explicit EffectList(const std::string& default_schema) : default_schema_(default_schema) {}

  std::string relation(const PgQuery__RangeVar* relation) const {
    return (is_set(relation->schemaname) ? relation->schemaname : default_schema_) + "." +
           relation->relname;
  }
  // "schema.name" of a name list; the schema defaults to the search_path's first.
  std::string names(PgQuery__Node* const* items, std::size_t count) const {
    std::string schema = default_schema_;
    std::string name;
    if (count >= 2) schema = sqlparse::string_value(items[count - 2]);
    if (count >= 1) name = sqlparse::string_value(items[count - 1]);
    return schema + "." + name;
  }
  std::string object(const PgQuery__Node* object) const {
    switch (object->node_case) {
      case PG_QUERY__NODE__NODE_LIST:
        return names(object->list->items, object->list->n_items);
      case PG_QUERY__NODE__NODE_TYPE_NAME:
        return names(object->type_name->names, object->type_name->n_names);
      case PG_QUERY__NODE__NODE_STRING:
        return sqlparse::string_value(object);
      case PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS: {
        const auto* function = object->object_with_args;
        std::string key = names(function->objname, function->n_objname);
        if (function->args_unspecified) return key;
        return key + "(" + argument_types(function->objargs, function->n_objargs) + ")";
      }
      default:
        return "";
    }
  }
  std::string argument_types(PgQuery__Node* const* types, std::size_t count) const {
    std::string list;
    for (std::size_t i = 0; i < count; ++i) {
      if (types[i]->node_case != PG_QUERY__NODE__NODE_TYPE_NAME) continue;
      list += (list.empty() ? "" : ", ") + type_text(types[i]->type_name);
    }
    return list;
  }
  std::string type_text(const PgQuery__TypeName* type) const {
    return routine_type(type, default_schema_);
  }

  void add(Action action, std::string key, std::string owner = "", bool guarded = false) {
    effects_.push_back({action, std::move(key), std::move(owner), "", guarded});
  }
  void rename(std::string from, std::string to, bool guarded) {
    effects_.push_back({Action::kRenamed, std::move(from), "", std::move(to), guarded});
  }
  std::vector<Effect> take() { return std::move(effects_); }

 private:
  const std::string& default_schema_;
  std::vector<Effect> effects_;
};

const char* dropped_kind(PgQuery__ObjectType type) {
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
      return "table";
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
      return "index";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
      return "type";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      return "sequence";
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
      return "view";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
      return "schema";
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
      return "function";
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
      return "procedure";
    case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE:
      return "aggregate";
    case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:
      return "extension";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
      return "trigger";
    case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
      return "policy";
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION:
      return "collation";
    default:
      return nullptr;
  }
}

void constraint_created(const PgQuery__Constraint* constraint, const std::string& table,
                        EffectList& effects, bool guarded) {
  if (!is_set(constraint->conname)) return;
  effects.add(Action::kCreated, "constraint " + table + "." + constraint->conname, "table " + table,
              guarded);
}

void alter_table_effects(const PgQuery__AlterTableStmt& alter, EffectList& effects) {
  if (alter.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) return;
  std::string table = effects.relation(alter.relation);
  std::string owner = "table " + table;
  effects.add(Action::kAltered, owner, "", alter.missing_ok);
  for (std::size_t i = 0; i < alter.n_cmds; ++i) {
    const PgQuery__AlterTableCmd* command = alter.cmds[i]->alter_table_cmd;
    if (command == nullptr) continue;
    switch (command->subtype) {
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
        if (command->def && command->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
          constraint_created(command->def->constraint, table, effects, false);
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
        effects.add(Action::kDropped, "constraint " + table + "." + command->name, owner,
                    command->missing_ok);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        if (command->def && command->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
          effects.add(Action::kCreated, "column " + table + "." + command->def->column_def->colname,
                      owner, command->missing_ok);
        }
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        effects.add(Action::kDropped, "column " + table + "." + command->name, owner,
                    command->missing_ok);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
        effects.add(Action::kAltered, "trigger " + table + "." + command->name, owner);
        break;
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser:
      case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser:
        break;
      default:
        if (is_set(command->name)) {
          effects.add(Action::kAltered, "column " + table + "." + command->name, owner);
        }
        break;
    }
  }
}

void rename_effects(const PgQuery__RenameStmt& rename, EffectList& effects) {
  bool guarded = rename.missing_ok;
  switch (rename.rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: {
      const char* kind = dropped_kind(rename.rename_type);
      std::string from = effects.relation(rename.relation);
      std::string schema = from.substr(0, from.find('.'));
      effects.rename(std::string(kind) + " " + from,
                     std::string(kind) + " " + schema + "." + rename.newname, guarded);
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: {
      std::string table = effects.relation(rename.relation);
      effects.add(Action::kAltered, "table " + table, "", guarded);
      effects.rename("column " + table + "." + rename.subname,
                     "column " + table + "." + rename.newname, guarded);
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: {
      std::string table = effects.relation(rename.relation);
      effects.add(Action::kAltered, "table " + table, "", guarded);
      effects.rename("constraint " + table + "." + rename.subname,
                     "constraint " + table + "." + rename.newname, guarded);
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
      std::string from = effects.object(rename.object);
      std::string schema = from.substr(0, from.find('.'));
      effects.rename("type " + from, "type " + schema + "." + rename.newname, guarded);
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
      effects.rename(std::string("schema ") + rename.subname,
                     std::string("schema ") + rename.newname, guarded);
      return;
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE: {
      const char* kind = dropped_kind(rename.rename_type);
      std::string from = effects.object(rename.object);
      std::size_t dot = from.find('.');
      std::size_t arguments = from.find('(');
      std::string to = from.substr(0, dot + 1) + rename.newname +
                       (arguments == std::string::npos ? "" : from.substr(arguments));
      effects.rename(std::string(kind) + " " + from, std::string(kind) + " " + to, guarded);
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: {
      std::string table = effects.relation(rename.relation);
      effects.rename("trigger " + table + "." + rename.subname,
                     "trigger " + table + "." + rename.newname, guarded);
      return;
    }
    default:
      return;
  }
}

}  // namespace

std::string display_key(const std::string& key) {
  std::size_t space = key.find(' ');
  std::string name = key.substr(space + 1);
  if (name.rfind("public.", 0) == 0) name = name.substr(7);
  return key.substr(0, space) + " \"" + name + "\"";
}

std::vector<Effect> statement_effects(const Node* node, const std::string& default_schema) {
  EffectList effects(default_schema);
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT: {
      const auto* create = node->create_stmt;
      std::string table = effects.relation(create->relation);
      bool guarded = create->if_not_exists;
      effects.add(Action::kCreated, "table " + table, "", guarded);
      for (std::size_t i = 0; i < create->n_table_elts; ++i) {
        const PgQuery__Node* element = create->table_elts[i];
        if (element->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
          constraint_created(element->constraint, table, effects, guarded);
        }
      }
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT: {
      const auto* create = node->create_enum_stmt;
      effects.add(Action::kCreated,
                  "type " + effects.names(create->type_name, create->n_type_name));
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: {
      const auto* create = node->create_domain_stmt;
      effects.add(Action::kCreated,
                  "type " + effects.names(create->domainname, create->n_domainname));
      break;
    }
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
      effects.add(Action::kCreated, "type " + effects.relation(node->composite_type_stmt->typevar));
      break;
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT: {
      const auto* create = node->create_range_stmt;
      effects.add(Action::kCreated,
                  "type " + effects.names(create->type_name, create->n_type_name));
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      effects.add(Action::kCreated, "sequence " + effects.relation(node->create_seq_stmt->sequence),
                  "", node->create_seq_stmt->if_not_exists);
      break;
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
      effects.add(Action::kCreated, std::string("schema ") + node->create_schema_stmt->schemaname,
                  "", node->create_schema_stmt->if_not_exists);
      break;
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
      effects.add(Action::kCreated,
                  std::string("extension ") + node->create_extension_stmt->extname, "",
                  node->create_extension_stmt->if_not_exists);
      break;
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT: {
      const auto* create = node->create_function_stmt;
      std::string arguments;
      for (std::size_t i = 0; i < create->n_parameters; ++i) {
        const auto* parameter = create->parameters[i]->function_parameter;
        if (parameter == nullptr || parameter->arg_type == nullptr) continue;
        if (parameter->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT ||
            parameter->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE) {
          continue;
        }
        arguments += (arguments.empty() ? "" : ", ") + effects.type_text(parameter->arg_type);
      }
      effects.add(Action::kCreated,
                  std::string(create->is_procedure ? "procedure " : "function ") +
                      effects.names(create->funcname, create->n_funcname) + "(" + arguments + ")",
                  "", create->replace);
      break;
    }
    case PG_QUERY__NODE__NODE_DEFINE_STMT: {
      const auto* define = node->define_stmt;
      if (define->kind == PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION) {
        effects.add(Action::kCreated,
                    "collation " + effects.names(define->defnames, define->n_defnames), "",
                    define->if_not_exists);
        break;
      }
      if (define->kind != PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE || define->n_args < 1 ||
          define->args[0]->node_case != PG_QUERY__NODE__NODE_LIST) {
        break;
      }
      std::string arguments;
      const PgQuery__List& parameters = *define->args[0]->list;
      for (std::size_t i = 0; i < parameters.n_items; ++i) {
        const auto* parameter = parameters.items[i]->function_parameter;
        if (parameter == nullptr || parameter->arg_type == nullptr) continue;
        arguments += (arguments.empty() ? "" : ", ") + effects.type_text(parameter->arg_type);
      }
      effects.add(Action::kCreated,
                  "aggregate " + effects.names(define->defnames, define->n_defnames) + "(" +
                      arguments + ")",
                  "", define->replace);
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: {
      const auto* create = node->create_trig_stmt;
      std::string table = effects.relation(create->relation);
      effects.add(Action::kAltered, "table " + table);
      effects.add(Action::kCreated, "trigger " + table + "." + create->trigname, "table " + table,
                  create->replace);
      break;
    }
    case PG_QUERY__NODE__NODE_INDEX_STMT: {
      const auto* index = node->index_stmt;
      std::string table = effects.relation(index->relation);
      effects.add(Action::kAltered, "table " + table);
      if (is_set(index->idxname)) {
        std::string schema = table.substr(0, table.find('.'));
        effects.add(Action::kCreated, "index " + schema + "." + index->idxname, "table " + table,
                    index->if_not_exists);
      }
      break;
    }
    case PG_QUERY__NODE__NODE_VIEW_STMT:
      effects.add(Action::kCreated, "view " + effects.relation(node->view_stmt->view), "",
                  node->view_stmt->replace);
      break;
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT: {
      const auto* create = node->create_table_as_stmt;
      if (create->into == nullptr || std::string_view(create->into->rel->relpersistence) == "t") {
        break;  // a temporary table is a session's scratch space
      }
      bool view = create->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW;
      effects.add(Action::kCreated,
                  std::string(view ? "view " : "table ") + effects.relation(create->into->rel), "",
                  create->if_not_exists);
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT: {
      const auto* create = node->create_policy_stmt;
      std::string table = effects.relation(create->table);
      effects.add(Action::kAltered, "table " + table);
      effects.add(Action::kCreated, "policy " + table + "." + create->policy_name,
                  "table " + table);
      break;
    }
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      alter_table_effects(*node->alter_table_stmt, effects);
      break;
    case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: {
      const auto* alter = node->alter_enum_stmt;
      effects.add(Action::kAltered, "type " + effects.names(alter->type_name, alter->n_type_name));
      break;
    }
    case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT:
      effects.add(Action::kAltered, "sequence " + effects.relation(node->alter_seq_stmt->sequence),
                  "", node->alter_seq_stmt->missing_ok);
      break;
    case PG_QUERY__NODE__NODE_RENAME_STMT:
      rename_effects(*node->rename_stmt, effects);
      break;
    case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT: {
      const auto* move = node->alter_object_schema_stmt;
      const char* kind = dropped_kind(move->object_type);
      if (kind == nullptr) break;
      std::string from = move->relation != nullptr ? effects.relation(move->relation)
                                                   : effects.object(move->object);
      std::string name = from.substr(from.find('.') + 1);
      effects.rename(std::string(kind) + " " + from,
                     std::string(kind) + " " + move->newschema + "." + name, move->missing_ok);
      break;
    }
    case PG_QUERY__NODE__NODE_DROP_STMT: {
      const auto* drop = node->drop_stmt;
      const char* kind = dropped_kind(drop->remove_type);
      if (kind == nullptr) break;
      for (std::size_t i = 0; i < drop->n_objects; ++i) {
        const PgQuery__Node* object = drop->objects[i];
        std::string name = effects.object(object);
        if (name.empty()) continue;
        if (drop->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER ||
            drop->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_POLICY) {
          // [schema.]table.name
          const PgQuery__List& parts = *object->list;
          std::string table = effects.names(parts.items, parts.n_items - 1);
          name = table + "." + sqlparse::string_value(parts.items[parts.n_items - 1]);
          effects.add(Action::kDropped, std::string(kind) + " " + name, "table " + table,
                      drop->missing_ok);
          continue;
        }
        effects.add(Action::kDropped, std::string(kind) + " " + name, "", drop->missing_ok);
      }
      break;
    }
    default:
      break;
  }
  return effects.take();
}

}  // namespace flick::ddl

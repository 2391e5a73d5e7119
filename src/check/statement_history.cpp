// Every statement of every migration parsed with the PostgreSQL grammar, and the objects each one
// creates, drops or alters followed across the history (from an empty database): an object
// created twice, or dropped / altered before it exists, fails `migrate` on a real database.

#include <fmt/core.h>

#include <map>
#include <vector>

#include "check/check.hpp"
#include "sqlparse/parse_tree.hpp"
#include "store/json_access.hpp"

namespace flick::check {
namespace {

using sqlparse::is_set;

enum class Op { kCreate, kDrop, kAlter };

// One object a statement touches. Keys are "<kind> <schema>.<name>" (columns and constraints:
// "<kind> <schema>.<table>.<name>"); `owner` is the table key for objects that go with a table.
struct Effect {
  Op op;
  std::string key;
  std::string owner;
  bool guarded = false;  // IF [NOT] EXISTS
};

std::string relation_name(const PgQuery__RangeVar* relation) {
  std::string schema = is_set(relation->schemaname) ? relation->schemaname : "public";
  return schema + "." + relation->relname;
}

std::string qualified(PgQuery__Node** names, std::size_t count) {
  std::string schema = "public";
  std::string name;
  if (count >= 2) schema = sqlparse::string_value(names[count - 2]);
  if (count >= 1) name = sqlparse::string_value(names[count - 1]);
  return schema + "." + name;
}

std::string display(const std::string& key) {
  std::size_t space = key.find(' ');
  std::string name = key.substr(space + 1);
  if (name.rfind("public.", 0) == 0) name = name.substr(7);
  return key.substr(0, space) + " \"" + name + "\"";
}

void constraint_effect(const PgQuery__Constraint* constraint, const std::string& table,
                       std::vector<Effect>& effects) {
  if (!is_set(constraint->conname)) return;
  effects.push_back(
      {Op::kCreate, "constraint " + table + "." + constraint->conname, "table " + table});
}

std::vector<Effect> effects_of(const PgQuery__Node* node) {
  std::vector<Effect> effects;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_STMT: {
      const auto* create = node->create_stmt;
      std::string table = relation_name(create->relation);
      effects.push_back({Op::kCreate, "table " + table, "", create->if_not_exists != 0});
      for (std::size_t i = 0; i < create->n_table_elts; ++i) {
        const PgQuery__Node* element = create->table_elts[i];
        if (element->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
          constraint_effect(element->constraint, table, effects);
        }
      }
      break;
    }
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
      effects.push_back({Op::kCreate,
                         "type " + qualified(node->create_enum_stmt->type_name,
                                             node->create_enum_stmt->n_type_name),
                         ""});
      break;
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      effects.push_back({Op::kCreate, "sequence " + relation_name(node->create_seq_stmt->sequence),
                         "", node->create_seq_stmt->if_not_exists != 0});
      break;
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
      effects.push_back({Op::kCreate, std::string("schema ") + node->create_schema_stmt->schemaname,
                         "", node->create_schema_stmt->if_not_exists != 0});
      break;
    case PG_QUERY__NODE__NODE_INDEX_STMT: {
      const auto* index = node->index_stmt;
      std::string table = relation_name(index->relation);
      effects.push_back({Op::kAlter, "table " + table, ""});
      if (is_set(index->idxname)) {
        std::string schema = table.substr(0, table.find('.'));
        effects.push_back({Op::kCreate, "index " + schema + "." + index->idxname, "table " + table,
                           index->if_not_exists != 0});
      }
      break;
    }
    case PG_QUERY__NODE__NODE_VIEW_STMT:
      effects.push_back({Op::kCreate, "view " + relation_name(node->view_stmt->view), "",
                         node->view_stmt->replace != 0});
      break;
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      effects.push_back({Op::kCreate,
                         "view " + relation_name(node->create_table_as_stmt->into->rel), "",
                         node->create_table_as_stmt->if_not_exists != 0});
      break;
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT: {
      const auto* alter = node->alter_table_stmt;
      if (alter->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) break;
      std::string table = relation_name(alter->relation);
      effects.push_back({Op::kAlter, "table " + table, "", alter->missing_ok != 0});
      for (std::size_t i = 0; i < alter->n_cmds; ++i) {
        const PgQuery__AlterTableCmd* command = alter->cmds[i]->alter_table_cmd;
        if (command == nullptr) continue;
        if (command->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint && command->def &&
            command->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
          constraint_effect(command->def->constraint, table, effects);
        } else if (command->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint) {
          effects.push_back({Op::kDrop, "constraint " + table + "." + command->name,
                             "table " + table, command->missing_ok != 0});
        }
      }
      break;
    }
    case PG_QUERY__NODE__NODE_DROP_STMT: {
      const auto* drop = node->drop_stmt;
      const char* kind = nullptr;
      switch (drop->remove_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
          kind = "table";
          break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
          kind = "index";
          break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
          kind = "type";
          break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
          kind = "sequence";
          break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
          kind = "view";
          break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
          kind = "view";
          break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
          kind = "schema";
          break;
        default:
          break;
      }
      if (kind == nullptr) break;
      for (std::size_t i = 0; i < drop->n_objects; ++i) {
        const PgQuery__Node* object = drop->objects[i];
        std::string name;
        if (object->node_case == PG_QUERY__NODE__NODE_LIST) {
          name = qualified(object->list->items, object->list->n_items);
        } else if (object->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
          name = qualified(object->type_name->names, object->type_name->n_names);
        } else if (object->node_case == PG_QUERY__NODE__NODE_STRING) {
          name = sqlparse::string_value(object);
        }
        effects.push_back({Op::kDrop, std::string(kind) + " " + name, "", drop->missing_ok != 0});
      }
      break;
    }
    default:
      break;
  }
  return effects;
}

struct Origin {
  std::string file;
  int line = 0;
  std::string owner;
};

// Objects re-created by one migration that an earlier one created, gathered into one finding.
struct Recreation {
  std::string origin_file;
  int first_line = 0;
  std::vector<std::string> objects;
};

}  // namespace

void check_statement_history(const store::MigrationFolder& folder, Report& report) {
  std::map<std::string, Origin> existing;
  for (const store::JournalEntry& entry : folder.journal().entries) {
    std::filesystem::path path = folder.sql_path(entry);
    if (!std::filesystem::exists(path)) continue;  // reported by check_structure
    std::string file = path.filename().string();
    std::string text = store::read_text_file(path.string());
    sqlparse::SyntaxError syntax;
    std::unique_ptr<sqlparse::ParsedSql> parsed = sqlparse::try_parse_sql(text, file, &syntax);
    if (!parsed) {
      sqlparse::Location at = sqlparse::location_of(text, syntax.offset);
      report.findings.push_back(
          {Severity::kError, "syntax", file, at.line,
           fmt::format("{}:{}:{}: {}", file, at.line, at.column, syntax.message)});
      continue;
    }
    std::map<std::string, Recreation> recreations;  // by origin file, in first-seen order
    std::vector<std::string> recreation_order;
    for (std::size_t i = 0; i < parsed->size(); ++i) {
      const PgQuery__RawStmt& statement = parsed->statement(i);
      int line = sqlparse::location_of(text, parsed->statement_offset(i)).line;
      for (const Effect& effect : effects_of(statement.stmt)) {
        auto found = existing.find(effect.key);
        switch (effect.op) {
          case Op::kCreate:
            if (found == existing.end()) {
              existing[effect.key] = {file, line, effect.owner};
            } else if (!effect.guarded) {
              Recreation& group = recreations[found->second.file];
              if (group.objects.empty()) {
                group.origin_file = found->second.file;
                group.first_line = line;
                recreation_order.push_back(found->second.file);
              }
              group.objects.push_back(display(effect.key));
            }
            break;
          case Op::kDrop:
            if (found == existing.end()) {
              if (!effect.guarded) {
                report.findings.push_back(
                    {Severity::kError, "drop-before-create", file, line,
                     fmt::format("{}:{}: drops {}, which no earlier migration created", file, line,
                                 display(effect.key))});
              }
            } else {
              std::string dropped = effect.key;
              existing.erase(found);
              for (auto it = existing.begin(); it != existing.end();) {
                it = it->second.owner == dropped ? existing.erase(it) : std::next(it);
              }
            }
            break;
          case Op::kAlter:
            if (found == existing.end() && !effect.guarded) {
              report.findings.push_back(
                  {Severity::kError, "alter-before-create", file, line,
                   fmt::format("{}:{}: alters {}, which no earlier migration created", file, line,
                               display(effect.key))});
            }
            break;
        }
      }
    }
    for (const std::string& origin : recreation_order) {
      const Recreation& group = recreations[origin];
      std::string objects;
      for (const std::string& object : group.objects) {
        objects += (objects.empty() ? "" : ", ") + object;
      }
      report.findings.push_back(
          {Severity::kError, "recreated-object", file, group.first_line,
           fmt::format("{}:{}: re-creates what {} already created ({}); on a database where {} "
                       "is applied, this migration fails with \"already exists\"",
                       file, group.first_line, origin, objects, origin)});
    }
  }
}

}  // namespace flick::check

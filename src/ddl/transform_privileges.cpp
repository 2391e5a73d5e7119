// Roles and privileges: CREATE / ALTER / DROP ROLE, GRANT / REVOKE on schemas, tables, columns,
// sequences, routines and types, GRANT role TO role, ALTER DEFAULT PRIVILEGES. The catalog holds
// them as model::Role, model::Grant and model::DefaultPrivilege (see flick/model.hpp for what a
// grant entry means); whether they count is the project's choice (strip_privileges).

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <tuple>

#include "ddl/builder.hpp"
#include "sqlparse/parse_tree.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::ddl {
namespace {

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// A grantee or a role a statement names: a role name or "PUBLIC". CURRENT_USER and friends
// depend on who runs the migration, which a schema cannot say.
std::string grantee_name(const Node* node, const Source& source) {
  if (node == nullptr || node->node_case != PG_QUERY__NODE__NODE_ROLE_SPEC) {
    source.fail(-1, "expected a role name");
  }
  const PgQuery__RoleSpec& role = *node->role_spec;
  switch (role.roletype) {
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING:
      return role.rolename;
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC:
      return "PUBLIC";
    default:
      source.fail(role.location,
                  "name the role: CURRENT_ROLE, CURRENT_USER and SESSION_USER depend on who runs "
                  "the migration");
  }
}

void refuse_reserved_role_name(const std::string& name, const Source& source) {
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "public" || lower == "none" || name.starts_with("pg_")) {
    source.fail(-1, fmt::format("role name \"{}\" is reserved", name));
  }
}

bool option_bool(const PgQuery__DefElem& option) {
  if (option.arg == nullptr) return true;
  if (option.arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN) return option.arg->boolean->boolval;
  if (option.arg->node_case == PG_QUERY__NODE__NODE_INTEGER) return option.arg->integer->ival != 0;
  return true;
}

// The role options of CREATE / ALTER ROLE applied to `role`. Passwords, superuser, replication
// and expiry are refused: they are secrets or cluster administration, not schema.
void apply_role_options(Node** options, std::size_t count, model::Role& role, bool create,
                        const Source& source) {
  for (std::size_t i = 0; i < count; ++i) {
    if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem& option = *options[i]->def_elem;
    std::string name = option.defname;
    if (name == "canlogin") {
      role.login = option_bool(option);
    } else if (name == "createdb") {
      role.create_db = option_bool(option);
    } else if (name == "createrole") {
      role.create_role = option_bool(option);
    } else if (name == "inherit") {
      role.inherit = option_bool(option);
    } else if (name == "bypassrls") {
      role.bypass_rls = option_bool(option);
    } else if (name == "connectionlimit" && option.arg != nullptr &&
               option.arg->node_case == PG_QUERY__NODE__NODE_INTEGER) {
      role.connection_limit = option.arg->integer->ival;
    } else if (name == "addroleto" && create && option.arg != nullptr &&
               option.arg->node_case == PG_QUERY__NODE__NODE_LIST) {
      for (std::size_t r = 0; r < option.arg->list->n_items; ++r) {
        role.member_of.push_back(grantee_name(option.arg->list->items[r], source));
      }
    } else if (name == "password") {
      source.fail(option.location,
                  fmt::format("role \"{}\": a password does not belong in a schema file (it would "
                              "be committed); set it outside the migrations (ALTER ROLE ... "
                              "PASSWORD)",
                              role.name));
    } else {
      source.unsupported(option.location,
                         fmt::format("role \"{}\": option {} is cluster administration, not "
                                     "schema (supported: LOGIN, CREATEDB, CREATEROLE, INHERIT, "
                                     "BYPASSRLS, CONNECTION LIMIT, IN ROLE)",
                                     role.name, name));
    }
  }
}

model::Role* find_role(model::Catalog& catalog, const std::string& name) {
  for (model::Role& role : catalog.roles) {
    if (role.name == name) return &role;
  }
  return nullptr;
}

// One object a GRANT names, resolved against the catalog.
struct Target {
  std::string kind;
  std::string schema;
  std::string name;
  std::string arguments;
  std::vector<std::string> columns;  // of a column privilege: set per privilege
};

const char* kind_of_object_type(PgQuery__ObjectType type) {
  switch (type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
      return "table";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      return "sequence";
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
      return "schema";
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
      return "routine";
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
      return "type";
    default:
      return nullptr;
  }
}

bool is_relation_of_table_kind(const model::Catalog& catalog, const std::string& schema,
                               const std::string& name) {
  return catalog.find_table(schema, name) != nullptr || catalog.find_view(schema, name) != nullptr;
}

std::vector<const model::Function*> routines_named(const model::Catalog& catalog,
                                                   const std::string& schema,
                                                   const std::string& name) {
  std::vector<const model::Function*> found;
  for (const model::Function& function : catalog.functions) {
    if (function.schema == schema && function.name == name) found.push_back(&function);
  }
  return found;
}

std::vector<Target> targets_of(const PgQuery__GrantStmt& statement, const char* kind,
                               const Source& source, const model::Catalog& catalog) {
  std::vector<Target> targets;
  std::string grant_kind = kind;
  if (statement.targtype == PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_ALL_IN_SCHEMA) {
    for (std::size_t i = 0; i < statement.n_objects; ++i) {
      std::string schema = sqlparse::string_value(statement.objects[i]);
      if (!catalog.has_schema(schema)) {
        source.fail(-1, fmt::format("schema \"{}\" does not exist", schema));
      }
      if (grant_kind == "table") {
        for (const model::Table& table : catalog.tables) {
          if (table.schema == schema) targets.push_back({"table", schema, table.name, "", {}});
        }
        for (const model::View& view : catalog.views) {
          if (view.schema == schema) targets.push_back({"table", schema, view.name, "", {}});
        }
      } else if (grant_kind == "sequence") {
        for (const model::Sequence& sequence : catalog.sequences) {
          if (sequence.schema == schema) {
            targets.push_back({"sequence", schema, sequence.name, "", {}});
          }
        }
      } else if (grant_kind == "routine") {
        for (const model::Function& function : catalog.functions) {
          bool wanted =
              statement.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE ||
              (statement.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE) == function.procedure;
          if (function.schema == schema && wanted) {
            targets.push_back({"routine", schema, function.name, function.arguments, {}});
          }
        }
      }
    }
    return targets;
  }
  for (std::size_t i = 0; i < statement.n_objects; ++i) {
    const Node* object = statement.objects[i];
    if (grant_kind == "table" || grant_kind == "sequence") {
      if (object->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) continue;
      QualifiedName name = qualified_name(object->range_var, source);
      bool sequence = catalog.find_sequence(name.schema, name.name) != nullptr ||
                      is_implicit_sequence(catalog, name.schema, name.name);
      if (!sequence && !is_relation_of_table_kind(catalog, name.schema, name.name)) {
        source.fail(object->range_var->location,
                    fmt::format("relation \"{}.{}\" does not exist", name.schema, name.name));
      }
      if (grant_kind == "sequence" && !sequence) {
        source.fail(object->range_var->location,
                    fmt::format("\"{}.{}\" is not a sequence", name.schema, name.name));
      }
      targets.push_back({sequence ? "sequence" : "table", name.schema, name.name, "", {}});
    } else if (grant_kind == "schema") {
      std::string schema = sqlparse::string_value(object);
      if (!catalog.has_schema(schema)) {
        source.fail(-1, fmt::format("schema \"{}\" does not exist", schema));
      }
      targets.push_back({"schema", schema, "", "", {}});
    } else if (grant_kind == "routine") {
      if (object->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) continue;
      const model::Function& found = resolve_routine(catalog, *object->object_with_args, source);
      targets.push_back({"routine", found.schema, found.name, found.arguments, {}});
    } else if (grant_kind == "type") {
      if (object->node_case != PG_QUERY__NODE__NODE_LIST &&
          object->node_case != PG_QUERY__NODE__NODE_TYPE_NAME) {
        continue;
      }
      QualifiedName name = object_name(object, source);
      if (!catalog.has_user_type(name.schema, name.name)) {
        source.fail(-1, fmt::format("type \"{}.{}\" does not exist", name.schema, name.name));
      }
      targets.push_back({"type", name.schema, name.name, "", {}});
    }
  }
  return targets;
}

// Whether `a` and `b` are the same privilege of the same grantee on the same object, whatever
// their grant option; with `any_column`, `b` without a column also matches `a` on a column of its
// table (REVOKE on a table takes the column privileges too).
bool same_privilege(const model::Grant& a, const model::Grant& b, bool any_column = false) {
  return std::tie(a.object_kind, a.schema, a.name, a.arguments, a.grantee, a.privilege) ==
             std::tie(b.object_kind, b.schema, b.name, b.arguments, b.grantee, b.privilege) &&
         (a.column == b.column || (any_column && b.column.empty()));
}

}  // namespace

void grant_privilege(model::Catalog& catalog, model::Grant grant) {
  auto same = [&](const model::Grant& other) { return same_privilege(other, grant); };
  if (grant.grantee == "PUBLIC" && grant.column.empty() &&
      model::public_by_default(grant.object_kind, grant.schema, grant.name, grant.privilege)) {
    std::erase_if(catalog.grants, same);  // back to what PostgreSQL gives by itself
    return;
  }
  for (const model::Grant& other : catalog.grants) {
    if (same(other) && !other.revoked)
      grant.grant_option = grant.grant_option || other.grant_option;
  }
  std::erase_if(catalog.grants, same);
  grant.revoked = false;
  catalog.grants.push_back(std::move(grant));
}

void revoke_privilege(model::Catalog& catalog, const model::Grant& grant, bool only_grant_option) {
  auto same = [&](const model::Grant& other) {
    return same_privilege(other, grant, true) && !other.revoked;
  };
  if (only_grant_option) {
    for (model::Grant& other : catalog.grants) {
      if (same(other)) other.grant_option = false;
    }
    return;
  }
  std::erase_if(catalog.grants, same);
  if (grant.grantee == "PUBLIC" && grant.column.empty() &&
      model::public_by_default(grant.object_kind, grant.schema, grant.name, grant.privilege)) {
    model::Grant revoked = grant;
    revoked.grant_option = false;
    revoked.revoked = true;
    catalog.grants.push_back(std::move(revoked));
  }
}

void transform_grant(PgQuery__GrantStmt& statement, const Source& source, CatalogBuilder& builder) {
  const char* kind = kind_of_object_type(statement.objtype);
  // GRANT on a database, tablespace, language, foreign server, large object, parameter: the
  // cluster's, outside a schema.
  if (kind == nullptr) return;
  model::Catalog& catalog = builder.catalog();
  std::vector<Target> targets = targets_of(statement, kind, source, catalog);
  std::vector<std::string> grantees;
  for (std::size_t i = 0; i < statement.n_grantees; ++i) {
    grantees.push_back(grantee_name(statement.grantees[i], source));
  }
  for (const Target& target : targets) {
    const std::vector<std::string>& all = model::privileges_of_kind(target.kind);
    std::vector<std::pair<std::string, std::vector<std::string>>> privileges;  // name, columns
    if (statement.n_privileges == 0) {
      for (const std::string& privilege : all) privileges.push_back({privilege, {}});
    }
    for (std::size_t i = 0; i < statement.n_privileges; ++i) {
      if (statement.privileges[i]->node_case != PG_QUERY__NODE__NODE_ACCESS_PRIV) continue;
      const PgQuery__AccessPriv& access = *statement.privileges[i]->access_priv;
      std::vector<std::string> columns;
      for (std::size_t c = 0; c < access.n_cols; ++c) {
        columns.push_back(sqlparse::string_value(access.cols[c]));
      }
      if (!sqlparse::is_set(access.priv_name)) {  // ALL (columns)
        for (const std::string& privilege : all) privileges.push_back({privilege, columns});
        continue;
      }
      std::string privilege = upper(access.priv_name);
      if (std::find(all.begin(), all.end(), privilege) == all.end()) {
        source.fail(-1, fmt::format("invalid privilege type {} for {}", privilege, target.kind));
      }
      privileges.push_back({privilege, columns});
    }
    for (const auto& [privilege, columns] : privileges) {
      std::vector<std::string> column_list =
          columns.empty() ? std::vector<std::string>{""} : columns;
      for (const std::string& column : column_list) {
        if (!column.empty()) {
          const model::Table* table = catalog.find_table(target.schema, target.name);
          if (table == nullptr || model::find_column(*table, column) == nullptr) {
            source.fail(-1, fmt::format("column \"{}\" of relation \"{}.{}\" does not exist",
                                        column, target.schema, target.name));
          }
        }
        for (const std::string& grantee : grantees) {
          model::Grant grant{target.kind, target.schema, target.name, target.arguments,
                             column,      grantee,       privilege,   statement.grant_option != 0,
                             false};
          if (statement.is_grant) {
            grant_privilege(catalog, std::move(grant));
          } else {
            grant.grant_option = false;
            revoke_privilege(catalog, grant, statement.grant_option);
          }
        }
      }
    }
  }
}

void transform_alter_default_privileges(PgQuery__AlterDefaultPrivilegesStmt& statement,
                                        const Source& source, CatalogBuilder& builder) {
  std::vector<std::string> roles, schemas;
  for (std::size_t i = 0; i < statement.n_options; ++i) {
    if (statement.options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) continue;
    const PgQuery__DefElem& option = *statement.options[i]->def_elem;
    if (option.arg == nullptr || option.arg->node_case != PG_QUERY__NODE__NODE_LIST) continue;
    for (std::size_t j = 0; j < option.arg->list->n_items; ++j) {
      const Node* item = option.arg->list->items[j];
      if (std::string(option.defname) == "roles") {
        roles.push_back(grantee_name(item, source));
      } else if (std::string(option.defname) == "schemas") {
        schemas.push_back(sqlparse::string_value(item));
      }
    }
  }
  if (roles.empty()) roles.push_back("");
  if (schemas.empty()) schemas.push_back("");
  const PgQuery__GrantStmt& action = *statement.action;
  const char* kind = kind_of_object_type(action.objtype);
  if (kind == nullptr)
    source.unsupported(-1, "unsupported object kind in ALTER DEFAULT PRIVILEGES");
  model::Catalog& catalog = builder.catalog();
  for (const std::string& schema : schemas) {
    if (!schema.empty() && !catalog.has_schema(schema)) {
      source.fail(-1, fmt::format("schema \"{}\" does not exist", schema));
    }
  }
  const std::vector<std::string>& all = model::privileges_of_kind(kind);
  std::vector<std::string> privileges;
  if (action.n_privileges == 0) privileges = all;
  for (std::size_t i = 0; i < action.n_privileges; ++i) {
    if (action.privileges[i]->node_case != PG_QUERY__NODE__NODE_ACCESS_PRIV) continue;
    const PgQuery__AccessPriv& access = *action.privileges[i]->access_priv;
    if (!sqlparse::is_set(access.priv_name)) {
      privileges.insert(privileges.end(), all.begin(), all.end());
      continue;
    }
    std::string privilege = upper(access.priv_name);
    if (std::find(all.begin(), all.end(), privilege) == all.end()) {
      source.fail(-1, fmt::format("invalid privilege type {} for {}", privilege, kind));
    }
    privileges.push_back(privilege);
  }
  for (const std::string& role : roles) {
    for (const std::string& schema : schemas) {
      for (std::size_t g = 0; g < action.n_grantees; ++g) {
        std::string grantee = grantee_name(action.grantees[g], source);
        for (const std::string& privilege : privileges) {
          model::DefaultPrivilege entry{role, schema, kind, grantee, privilege, false, false};
          auto same = [&](const model::DefaultPrivilege& other) {
            return other.for_role == role && other.schema == schema && other.object_kind == kind &&
                   other.grantee == grantee && other.privilege == privilege;
          };
          bool built_in = schema.empty() && grantee == "PUBLIC" &&
                          model::public_by_default(kind, "", "x", privilege);
          auto& list = catalog.default_privileges;
          if (action.is_grant) {
            std::erase_if(list, same);
            if (built_in) continue;
            entry.grant_option = action.grant_option != 0;
            list.push_back(entry);
          } else if (action.grant_option) {
            for (model::DefaultPrivilege& other : list) {
              if (same(other)) other.grant_option = false;
            }
          } else {
            std::erase_if(list, same);
            if (built_in) {
              entry.revoked = true;
              list.push_back(entry);
            }
          }
        }
      }
    }
  }
}

void transform_create_role(PgQuery__CreateRoleStmt& statement, const Source& source,
                           CatalogBuilder& builder) {
  model::Role role;
  role.name = statement.role;
  refuse_reserved_role_name(role.name, source);
  if (find_role(builder.catalog(), role.name) != nullptr) {
    source.fail(-1, fmt::format("role \"{}\" already exists", role.name));
  }
  role.login = statement.stmt_type == PG_QUERY__ROLE_STMT_TYPE__ROLESTMT_USER;
  apply_role_options(statement.options, statement.n_options, role, true, source);
  std::sort(role.member_of.begin(), role.member_of.end());
  builder.catalog().roles.push_back(std::move(role));
}

void transform_alter_role(PgQuery__AlterRoleStmt& statement, const Source& source,
                          CatalogBuilder& builder) {
  if (statement.role == nullptr ||
      statement.role->roletype != PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING) {
    source.fail(-1, "name the role ALTER ROLE changes");
  }
  model::Role* role = find_role(builder.catalog(), statement.role->rolename);
  if (role == nullptr) {
    source.fail(
        statement.role->location,
        fmt::format("role \"{}\" is not created in the schema files", statement.role->rolename));
  }
  apply_role_options(statement.options, statement.n_options, *role, false, source);
}

void drop_role(model::Catalog& catalog, const std::string& name) {
  std::erase_if(catalog.roles, [&](const model::Role& role) { return role.name == name; });
  std::erase_if(catalog.grants, [&](const model::Grant& grant) { return grant.grantee == name; });
  std::erase_if(catalog.default_privileges, [&](const model::DefaultPrivilege& entry) {
    return entry.grantee == name || entry.for_role == name;
  });
  for (model::Role& role : catalog.roles) std::erase(role.member_of, name);
}

void transform_grant_role(PgQuery__GrantRoleStmt& statement, const Source& source,
                          CatalogBuilder& builder) {
  for (std::size_t g = 0; g < statement.n_grantee_roles; ++g) {
    std::string member = grantee_name(statement.grantee_roles[g], source);
    model::Role* role = find_role(builder.catalog(), member);
    if (role == nullptr) {
      source.fail(-1, fmt::format("role \"{}\" is not created in the schema files: Flick records "
                                  "the memberships of the roles it creates",
                                  member));
    }
    for (std::size_t i = 0; i < statement.n_granted_roles; ++i) {
      if (statement.granted_roles[i]->node_case != PG_QUERY__NODE__NODE_ACCESS_PRIV) continue;
      std::string granted = statement.granted_roles[i]->access_priv->priv_name;
      auto& list = role->member_of;
      std::erase(list, granted);
      if (statement.is_grant) list.push_back(granted);
    }
    std::sort(role->member_of.begin(), role->member_of.end());
  }
}

}  // namespace flick::ddl

namespace flick::ddl {
namespace {

// What the default privileges of the role that runs the migrations give a new object.
void grant_defaults(model::Catalog& catalog, const std::string& kind, const std::string& schema,
                    const std::string& name, const std::string& arguments) {
  std::vector<model::DefaultPrivilege> defaults = catalog.default_privileges;
  for (const model::DefaultPrivilege& entry : defaults) {
    if (!model::default_privilege_applies(entry, kind, schema)) continue;
    model::Grant grant{kind,
                       kind == "schema" ? name : schema,
                       kind == "schema" ? "" : name,
                       arguments,
                       "",
                       entry.grantee,
                       entry.privilege,
                       entry.grant_option,
                       false};
    if (entry.revoked) {
      revoke_privilege(catalog, grant, false);
    } else {
      grant_privilege(catalog, std::move(grant));
    }
  }
}

}  // namespace

const model::Function& resolve_routine(const model::Catalog& catalog,
                                       const PgQuery__ObjectWithArgs& routine,
                                       const Source& source) {
  QualifiedName name = qualified_name(routine.objname, routine.n_objname, -1, source);
  const model::Function* found = nullptr;
  if (routine.args_unspecified) {
    std::vector<const model::Function*> candidates =
        routines_named(catalog, name.schema, name.name);
    if (candidates.size() > 1) {
      source.fail(-1, fmt::format("routine name \"{}.{}\" is not unique: give its argument "
                                  "types",
                                  name.schema, name.name));
    }
    if (!candidates.empty()) found = candidates.front();
  } else {
    std::string arguments;
    for (std::size_t a = 0; a < routine.n_objargs; ++a) {
      if (routine.objargs[a]->node_case != PG_QUERY__NODE__NODE_TYPE_NAME) continue;
      arguments += (arguments.empty() ? "" : ", ") +
                   routine_type(routine.objargs[a]->type_name, source.default_schema());
    }
    found = catalog.find_function(name.schema, name.name, arguments);
    if (found == nullptr) {
      source.fail(
          -1, fmt::format("function {}.{}({}) does not exist", name.schema, name.name, arguments));
    }
  }
  if (found == nullptr) {
    source.fail(-1, fmt::format("function {}.{} does not exist", name.schema, name.name));
  }
  return *found;
}

bool is_implicit_sequence(const model::Catalog& catalog, const std::string& schema,
                          const std::string& name) {
  for (const model::Table& table : catalog.tables) {
    if (table.schema != schema) continue;
    for (const model::Column& column : table.columns) {
      bool serial = column.identity.has_value() || !model::serial_type_of(column.type).empty() ||
                    column.type.ends_with("serial");
      // Its name was chosen when it was created; the table may have been renamed since.
      if (serial && name.ends_with("_seq")) return true;
    }
  }
  return false;
}

CreatedCounts created_counts(const model::Catalog& catalog) {
  return {catalog.schemas.size(),   catalog.tables.size(),         catalog.views.size(),
          catalog.sequences.size(), catalog.functions.size(),      catalog.enums.size(),
          catalog.domains.size(),   catalog.composite_types.size()};
}

void grant_defaults_to_new_objects(model::Catalog& catalog, const CreatedCounts& before) {
  CreatedCounts after = created_counts(catalog);
  for (std::size_t i = before.schemas; i < after.schemas; ++i) {
    grant_defaults(catalog, "schema", "", catalog.schemas[i], "");
  }
  for (std::size_t i = before.tables; i < after.tables; ++i) {
    model::Table table = catalog.tables[i];
    grant_defaults(catalog, "table", table.schema, table.name, "");
    // The sequence of a serial or identity column is created with the table; a partition has
    // none of its own (its columns are the parent's, and the parent's sequence serves them).
    if (table.partition_of) continue;
    for (const model::Column& column : table.columns) {
      if (column.identity) {
        grant_defaults(catalog, "sequence", table.schema, column.identity->sequence_name, "");
      } else if (column.type.ends_with("serial")) {
        grant_defaults(catalog, "sequence", table.schema,
                       sqlparse::implicit_name(table.name, {column.name}, "seq"), "");
      }
    }
  }
  for (std::size_t i = before.views; i < after.views; ++i) {
    grant_defaults(catalog, "table", catalog.views[i].schema, catalog.views[i].name, "");
  }
  for (std::size_t i = before.sequences; i < after.sequences; ++i) {
    grant_defaults(catalog, "sequence", catalog.sequences[i].schema, catalog.sequences[i].name, "");
  }
  for (std::size_t i = before.functions; i < after.functions; ++i) {
    const model::Function function = catalog.functions[i];
    grant_defaults(catalog, "routine", function.schema, function.name, function.arguments);
  }
  for (std::size_t i = before.enums; i < after.enums; ++i) {
    grant_defaults(catalog, "type", catalog.enums[i].schema, catalog.enums[i].name, "");
  }
  for (std::size_t i = before.domains; i < after.domains; ++i) {
    grant_defaults(catalog, "type", catalog.domains[i].schema, catalog.domains[i].name, "");
  }
  for (std::size_t i = before.composite_types; i < after.composite_types; ++i) {
    grant_defaults(catalog, "type", catalog.composite_types[i].schema,
                   catalog.composite_types[i].name, "");
  }
}

}  // namespace flick::ddl

namespace flick::ddl {

void prune_grants(model::Catalog& catalog) {
  std::erase_if(catalog.grants, [&](const model::Grant& grant) {
    const std::string& kind = grant.object_kind;
    if (kind == "schema") return !catalog.has_schema(grant.schema);
    if (kind == "table") {
      if (!grant.column.empty()) {
        const model::Table* table = catalog.find_table(grant.schema, grant.name);
        return table == nullptr || model::find_column(*table, grant.column) == nullptr;
      }
      return !is_relation_of_table_kind(catalog, grant.schema, grant.name);
    }
    if (kind == "sequence") {
      return catalog.find_sequence(grant.schema, grant.name) == nullptr &&
             !is_implicit_sequence(catalog, grant.schema, grant.name);
    }
    if (kind == "routine") {
      return catalog.find_function(grant.schema, grant.name, grant.arguments) == nullptr;
    }
    if (kind == "type") {
      return !catalog.has_user_type(grant.schema, grant.name);
    }
    return true;
  });
}

void rename_in_grants(model::Catalog& catalog, const PgQuery__RenameStmt& statement,
                      const Source& source) {
  if (catalog.grants.empty() || !sqlparse::is_set(statement.newname)) return;
  std::string new_name = statement.newname;
  switch (statement.rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
      if (statement.relation == nullptr) return;
      QualifiedName old = qualified_name(statement.relation, source);
      for (model::Grant& grant : catalog.grants) {
        if ((grant.object_kind == "table" || grant.object_kind == "sequence") &&
            grant.schema == old.schema && grant.name == old.name) {
          grant.name = new_name;
        }
      }
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: {
      if (statement.relation == nullptr || !sqlparse::is_set(statement.subname)) return;
      QualifiedName table = qualified_name(statement.relation, source);
      for (model::Grant& grant : catalog.grants) {
        if (grant.object_kind == "table" && grant.schema == table.schema &&
            grant.name == table.name && grant.column == statement.subname) {
          grant.column = new_name;
        }
      }
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
      if (!sqlparse::is_set(statement.subname)) return;
      for (model::Grant& grant : catalog.grants) {
        if (grant.schema == statement.subname) grant.schema = new_name;
      }
      for (model::DefaultPrivilege& entry : catalog.default_privileges) {
        if (entry.schema == statement.subname) entry.schema = new_name;
      }
      return;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
      if (statement.object == nullptr || statement.object->node_case != PG_QUERY__NODE__NODE_LIST) {
        return;
      }
      QualifiedName old = qualified_name(statement.object->list->items,
                                         statement.object->list->n_items, -1, source);
      for (model::Grant& grant : catalog.grants) {
        if (grant.object_kind == "type" && grant.schema == old.schema && grant.name == old.name) {
          grant.name = new_name;
        }
      }
      return;
    }
    default:
      return;
  }
}

}  // namespace flick::ddl

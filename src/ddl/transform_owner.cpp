// Ownership: ALTER ... OWNER TO (tables, views, sequences, routines, types, domains, schemas) and
// CREATE SCHEMA ... AUTHORIZATION, kept as model::Owner entries (one per object, the last one
// written wins). Like grants they count only when the project manages privileges
// (strip_privileges removes them otherwise). Ownership of what the model does not hold
// (collations, text search configurations, servers, ...) stays outside it.

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "ddl/builder.hpp"
#include "flick/error.hpp"

namespace flick::ddl {
namespace {

bool same_object(const model::Owner& a, const model::Owner& b) {
  return std::tie(a.object_kind, a.schema, a.name, a.arguments) ==
         std::tie(b.object_kind, b.schema, b.name, b.arguments);
}

}  // namespace

std::string owner_role(const PgQuery__RoleSpec& role, const Source& source) {
  switch (role.roletype) {
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING:
      return role.rolename;
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC:
      source.fail(role.location, "PUBLIC cannot own an object: name a role");
    default:
      return "";  // CURRENT_USER, CURRENT_ROLE, SESSION_USER: the role running the migrations
  }
}

void set_owner(model::Catalog& catalog, model::Owner owner) {
  std::erase_if(catalog.owners, [&](const model::Owner& o) { return same_object(o, owner); });
  if (!owner.role.empty()) catalog.owners.push_back(std::move(owner));
}

void set_relation_owner(model::Catalog& catalog, const QualifiedName& name, std::string role,
                        const Source& source, int location) {
  // A serial's or identity's sequence follows its table's owner: nothing of its own.
  if (catalog.find_sequence(name.schema, name.name) == nullptr &&
      is_implicit_sequence(catalog, name.schema, name.name)) {
    return;
  }
  const char* kind = nullptr;
  if (catalog.find_sequence(name.schema, name.name) != nullptr) {
    kind = "sequence";
  } else if (catalog.find_table(name.schema, name.name) != nullptr ||
             catalog.find_view(name.schema, name.name) != nullptr) {
    kind = "table";
  } else {
    source.fail(location, fmt::format("OWNER TO names relation \"{}\".\"{}\", which is not "
                                      "created (yet)",
                                      name.schema, name.name));
  }
  set_owner(catalog, {kind, name.schema, name.name, "", std::move(role)});
}

void transform_alter_owner(PgQuery__AlterOwnerStmt& statement, const Source& source,
                           CatalogBuilder& builder) {
  model::Catalog& catalog = builder.catalog();
  std::string role = owner_role(*statement.newowner, source);
  switch (statement.object_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
    case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE: {
      if (statement.object == nullptr ||
          statement.object->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) {
        source.fail(-1, "expected a routine with its argument types");
      }
      const model::Function& routine =
          resolve_routine(catalog, *statement.object->object_with_args, source);
      set_owner(catalog,
                {"routine", routine.schema, routine.name, routine.arguments, std::move(role)});
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
      QualifiedName name = object_name(statement.object, source);
      if (!catalog.has_user_type(name.schema, name.name)) {
        source.fail(-1, fmt::format("OWNER TO names type \"{}\".\"{}\", which is not created (yet)",
                                    name.schema, name.name));
      }
      set_owner(catalog, {"type", name.schema, name.name, "", std::move(role)});
      return;
    }
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: {
      std::string schema = sqlparse::string_value(statement.object);
      if (!catalog.has_schema(schema)) {
        source.fail(
            -1, fmt::format("OWNER TO names schema \"{}\", which is not created (yet)", schema));
      }
      set_owner(catalog, {"schema", schema, "", "", std::move(role)});
      return;
    }
    default:
      return;  // the owner of an object the model does not hold
  }
}

void prune_owners(model::Catalog& catalog) {
  std::erase_if(catalog.owners, [&](const model::Owner& owner) {
    const std::string& kind = owner.object_kind;
    if (kind == "schema") return !catalog.has_schema(owner.schema);
    if (kind == "table") {
      return catalog.find_table(owner.schema, owner.name) == nullptr &&
             catalog.find_view(owner.schema, owner.name) == nullptr;
    }
    if (kind == "sequence") return catalog.find_sequence(owner.schema, owner.name) == nullptr;
    if (kind == "routine") {
      return catalog.find_function(owner.schema, owner.name, owner.arguments) == nullptr;
    }
    return !catalog.has_user_type(owner.schema, owner.name);
  });
}

void rename_in_owners(model::Catalog& catalog, const PgQuery__RenameStmt& statement,
                      const Source& source) {
  if (catalog.owners.empty() || !sqlparse::is_set(statement.newname)) return;
  std::string new_name = statement.newname;
  auto rename = [&](const std::vector<std::string>& kinds, const QualifiedName& old) {
    for (model::Owner& owner : catalog.owners) {
      bool kind = std::find(kinds.begin(), kinds.end(), owner.object_kind) != kinds.end();
      if (kind && owner.schema == old.schema && owner.name == old.name) owner.name = new_name;
    }
  };
  switch (statement.rename_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      if (statement.relation != nullptr) {
        rename({"table", "sequence"}, qualified_name(statement.relation, source));
      }
      return;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
      if (statement.object != nullptr) rename({"type"}, object_name(statement.object, source));
      return;
    case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
      if (!sqlparse::is_set(statement.subname)) return;
      for (model::Owner& owner : catalog.owners) {
        if (owner.schema == statement.subname) owner.schema = new_name;
      }
      return;
    default:
      return;
  }
}

}  // namespace flick::ddl

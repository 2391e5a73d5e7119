// Roles, grants and default privileges (Filters::privileges): each object's access list as
// PostgreSQL applies it (aclexplode of the list, or of acldefault when it has none), less its
// owner's own entries and what PostgreSQL gives PUBLIC by itself; a privilege PUBLIC has by
// default and lost is read as a `revoked` grant. Default privileges of the role reading are read
// as the migrations' own (for_role "").

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "introspect/reader_state.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::introspect {
namespace {

// The canonical identity argument list the model uses ("integer, public.mood") of a list of
// format_type outputs read with search_path = public.
std::string canonical_arguments(const std::vector<std::string>& types) {
  std::string list;
  for (const std::string& text : types) {
    sqlparse::TypeName type = sqlparse::canonical_type(text);
    std::string name = type.type;
    if (type.is_user_type) {
      name = (type.type_schema.empty() ? std::string(model::kDefaultSchema) : type.type_schema) +
             "." + type.type;
    } else if (!type.type_schema.empty()) {
      name = type.type_schema + "." + type.type;
    }
    list += (list.empty() ? "" : ", ") + name;
  }
  return list;
}

bool in_model(const ReaderState& state, const std::string& kind, const std::string& schema,
              const std::string& name) {
  const model::Catalog& catalog = state.catalog;
  if (kind == "schema") {
    return (schema == model::kDefaultSchema && state.schemas_in_scope.count(schema) != 0) ||
           std::find(catalog.schemas.begin(), catalog.schemas.end(), schema) !=
               catalog.schemas.end();
  }
  if (kind == "table") {
    return catalog.find_table(schema, name) != nullptr ||
           catalog.find_view(schema, name) != nullptr;
  }
  if (kind == "sequence") {
    return catalog.find_sequence(schema, name) != nullptr ||
           (state.schemas_in_scope.count(schema) != 0 &&
            state.owned_sequences.count(schema + "." + name) != 0);
  }
  if (kind == "type") {
    return catalog.has_user_type(schema, name);
  }
  return false;
}

// kind, acldefault's letter, the objects' rows (kind, schema, name, argument types, acl, owner).
constexpr const char* kObjectAcls = R"SQL(
WITH objects AS (
  SELECT 'schema' AS kind, 'n' AS letter, n.nspname AS schema, '' AS name, NULL::json AS args,
         n.nspacl AS acl, n.nspowner AS owner
    FROM pg_namespace n WHERE {user_schema}
  UNION ALL
  SELECT CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END,
         CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END, n.nspname, c.relname, NULL, c.relacl,
         c.relowner
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND {user_schema}
  UNION ALL
  SELECT 'routine', 'f', n.nspname, p.proname,
         (SELECT json_agg(format_type(a.t, NULL) ORDER BY a.o)
            FROM unnest(p.proargtypes) WITH ORDINALITY a(t, o)),
         p.proacl, p.proowner
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE {user_schema}
  UNION ALL
  SELECT 'type', 'T', n.nspname, t.typname, NULL, t.typacl, t.typowner
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
   WHERE (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND
          (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')) AND {user_schema}
),
entries AS (
  SELECT o.kind, o.schema, o.name, o.args, a.grantee, a.privilege_type, a.is_grantable,
         o.letter, o.owner, o.acl
    FROM objects o, aclexplode(coalesce(o.acl, acldefault(o.letter::"char", o.owner))) a
   WHERE a.grantee <> o.owner
)
SELECT kind, schema, name, args::text,
       CASE WHEN grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(grantee) END, privilege_type,
       is_grantable, false
  FROM entries
UNION ALL
SELECT o.kind, o.schema, o.name, o.args::text, 'PUBLIC', d.privilege_type, false, true
  FROM objects o, aclexplode(acldefault(o.letter::"char", o.owner)) d
 WHERE o.acl IS NOT NULL AND d.grantee = 0 AND NOT EXISTS (
         SELECT 1 FROM aclexplode(o.acl) x
          WHERE x.grantee = 0 AND x.privilege_type = d.privilege_type)
ORDER BY 1, 2, 3, 4, 5, 6
)SQL";

// Each object's owner other than the role reading (what it owns, it created) and than
// PostgreSQL's own owner of schema public (pg_database_owner, 15 on): kind, schema, name,
// argument types, role.
constexpr const char* kOwners = R"SQL(
SELECT * FROM (
SELECT 'schema' AS kind, n.nspname AS schema, '' AS name, NULL AS args,
       pg_get_userbyid(n.nspowner) AS role
  FROM pg_namespace n WHERE {user_schema}
UNION ALL
SELECT CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END, n.nspname, c.relname, NULL,
       pg_get_userbyid(c.relowner)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND {user_schema}
UNION ALL
SELECT 'routine', n.nspname, p.proname,
       (SELECT json_agg(format_type(a.t, NULL) ORDER BY a.o)
          FROM unnest(p.proargtypes) WITH ORDINALITY a(t, o))::text,
       pg_get_userbyid(p.proowner)
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE {user_schema}
UNION ALL
SELECT 'type', n.nspname, t.typname, NULL, pg_get_userbyid(t.typowner)
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND
        (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')) AND {user_schema}
) o WHERE o.role <> current_user::text
  AND NOT (o.kind = 'schema' AND o.schema = 'public' AND o.role = 'pg_database_owner')
ORDER BY 1, 2, 3, 4
)SQL";

constexpr const char* kColumnAcls = R"SQL(
SELECT n.nspname, c.relname, a.attname,
       CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee) END,
       x.privilege_type, x.is_grantable
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(a.attacl) x
 WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND x.grantee <> c.relowner
   AND {user_schema}
 ORDER BY 1, 2, 3, 4, 5
)SQL";

constexpr const char* kDefaultAcls = R"SQL(
WITH defaults AS (
  SELECT d.defaclrole AS role, coalesce(n.nspname, '') AS schema, d.defaclnamespace = 0 AS global,
         d.defaclobjtype AS objtype, d.defaclacl AS acl,
         CASE d.defaclobjtype WHEN 'S' THEN 's' ELSE d.defaclobjtype END AS letter
    FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
)
SELECT CASE WHEN d.role = current_user::regrole THEN '' ELSE pg_get_userbyid(d.role) END,
       d.schema, d.objtype,
       CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END,
       a.privilege_type, a.is_grantable, false
  FROM defaults d, aclexplode(d.acl) a
 WHERE a.grantee <> d.role AND NOT (d.global AND EXISTS (
         SELECT 1 FROM aclexplode(acldefault(d.letter::"char", d.role)) x
          WHERE x.grantee = a.grantee AND x.privilege_type = a.privilege_type))
UNION ALL
SELECT CASE WHEN d.role = current_user::regrole THEN '' ELSE pg_get_userbyid(d.role) END,
       d.schema, d.objtype, 'PUBLIC', x.privilege_type, false, true
  FROM defaults d, aclexplode(acldefault(d.letter::"char", d.role)) x
 WHERE d.global AND x.grantee = 0 AND NOT EXISTS (
         SELECT 1 FROM aclexplode(d.acl) a
          WHERE a.grantee = 0 AND a.privilege_type = x.privilege_type)
ORDER BY 1, 2, 3, 4, 5
)SQL";

std::string with_user_schema(const char* sql, const std::string& alias = "n") {
  std::string text = sql;
  std::string condition = user_schema_condition(alias);
  for (std::size_t at = text.find("{user_schema}"); at != std::string::npos;
       at = text.find("{user_schema}")) {
    text.replace(at, 13, condition);
  }
  return text;
}

std::string default_kind(const std::string& objtype) {
  if (objtype == "r") return "table";
  if (objtype == "S") return "sequence";
  if (objtype == "f") return "routine";
  if (objtype == "T") return "type";
  return "schema";
}

}  // namespace

const model::Function* find_routine(const model::Catalog& catalog, const std::string& schema,
                                    const std::string& name,
                                    const std::vector<std::string>& types) {
  std::vector<const model::Function*> candidates;
  for (const model::Function& function : catalog.functions) {
    if (function.schema == schema && function.name == name) candidates.push_back(&function);
  }
  if (candidates.size() == 1) return candidates.front();
  std::string arguments = canonical_arguments(types);
  for (const model::Function* function : candidates) {
    if (function->arguments == arguments) return function;
  }
  return nullptr;
}

void read_privileges(ReaderState& state) {
  if (!state.filters.privileges) return;
  model::Catalog& catalog = state.catalog;
  pg::Result objects = state.connection.exec(with_user_schema(kObjectAcls));
  for (int row = 0; row < objects.rows(); ++row) {
    model::Grant grant;
    grant.object_kind = objects.value(row, 0);
    grant.schema = objects.value(row, 1);
    grant.name = objects.value(row, 2);
    grant.grantee = objects.value(row, 4);
    grant.privilege = objects.value(row, 5);
    grant.grant_option = objects.value(row, 6) == "t";
    grant.revoked = objects.value(row, 7) == "t";
    if (grant.object_kind == "routine") {
      const model::Function* routine =
          find_routine(catalog, grant.schema, grant.name, json_strings(objects, row, 3));
      if (routine == nullptr) continue;  // an extension's, or out of scope
      grant.arguments = routine->arguments;
    } else if (grant.object_kind == "schema") {
      if (!in_model(state, "schema", grant.schema, "")) continue;
    } else if (!in_model(state, grant.object_kind, grant.schema, grant.name)) {
      continue;
    }
    if (!grant.revoked && grant.grantee == "PUBLIC" &&
        model::public_by_default(grant.object_kind, grant.schema, grant.name, grant.privilege)) {
      continue;  // what PostgreSQL gives by itself
    }
    if (grant.revoked &&
        !model::public_by_default(grant.object_kind, grant.schema, grant.name, grant.privilege)) {
      continue;
    }
    catalog.grants.push_back(std::move(grant));
  }
  pg::Result owners = state.connection.exec(with_user_schema(kOwners));
  for (int row = 0; row < owners.rows(); ++row) {
    model::Owner owner{owners.value(row, 0), owners.value(row, 1), owners.value(row, 2), "",
                       owners.value(row, 4)};
    if (owner.object_kind == "routine") {
      const model::Function* routine =
          find_routine(catalog, owner.schema, owner.name, json_strings(owners, row, 3));
      if (routine == nullptr) continue;  // an extension's, or out of scope
      owner.arguments = routine->arguments;
    } else if (owner.object_kind == "sequence") {
      // A serial or identity column's sequence follows its table's owner.
      if (catalog.find_sequence(owner.schema, owner.name) == nullptr) continue;
    } else if (!in_model(state, owner.object_kind, owner.schema, owner.name)) {
      continue;
    }
    catalog.owners.push_back(std::move(owner));
  }
  pg::Result columns = state.connection.exec(with_user_schema(kColumnAcls));
  for (int row = 0; row < columns.rows(); ++row) {
    if (catalog.find_table(columns.value(row, 0), columns.value(row, 1)) == nullptr) continue;
    catalog.grants.push_back({"table", columns.value(row, 0), columns.value(row, 1), "",
                              columns.value(row, 2), columns.value(row, 3), columns.value(row, 4),
                              columns.value(row, 5) == "t", false});
  }
  pg::Result defaults = state.connection.exec(kDefaultAcls);
  for (int row = 0; row < defaults.rows(); ++row) {
    std::string schema = defaults.value(row, 1);
    if (!schema.empty() && state.schemas_in_scope.count(schema) == 0) continue;
    catalog.default_privileges.push_back(
        {defaults.value(row, 0), schema, default_kind(defaults.value(row, 2)),
         defaults.value(row, 3), defaults.value(row, 4), defaults.value(row, 5) == "t",
         defaults.value(row, 6) == "t"});
  }
  // The roles these name (roles are the cluster's: the ones this database uses).
  std::set<std::string> names;
  for (const model::Grant& grant : catalog.grants) names.insert(grant.grantee);
  for (const model::DefaultPrivilege& entry : catalog.default_privileges) {
    names.insert(entry.grantee);
    names.insert(entry.for_role);
  }
  names.erase("PUBLIC");
  names.erase("");
  read_roles(state.connection, catalog, std::vector<std::string>(names.begin(), names.end()));
}

void read_roles(pg::Connection& connection, model::Catalog& catalog,
                const std::vector<std::string>& names) {
  if (names.empty()) return;
  std::string list;
  for (const std::string& name : names) {
    list += (list.empty() ? "" : ", ") + connection.quote_literal(name);
  }
  pg::Result roles = connection.exec(fmt::format(
      "SELECT r.rolname, r.rolcreatedb, r.rolcreaterole, r.rolinherit, r.rolcanlogin, "
      "r.rolbypassrls, r.rolconnlimit, (SELECT json_agg(g.rolname ORDER BY g.rolname) "
      "FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid) "
      "FROM pg_roles r WHERE r.rolname IN ({}) AND NOT r.rolsuper AND r.rolname <> current_user "
      "ORDER BY 1",
      list));
  for (int row = 0; row < roles.rows(); ++row) {
    std::string name = roles.value(row, 0);
    if (std::any_of(catalog.roles.begin(), catalog.roles.end(),
                    [&](const model::Role& role) { return role.name == name; })) {
      continue;
    }
    model::Role role;
    role.name = name;
    role.create_db = roles.value(row, 1) == "t";
    role.create_role = roles.value(row, 2) == "t";
    role.inherit = roles.value(row, 3) == "t";
    role.login = roles.value(row, 4) == "t";
    role.bypass_rls = roles.value(row, 5) == "t";
    role.connection_limit = std::stoi(roles.value(row, 6));
    role.member_of = json_strings(roles, row, 7);
    catalog.roles.push_back(std::move(role));
  }
}

}  // namespace flick::introspect

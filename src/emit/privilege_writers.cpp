// Roles, GRANT / REVOKE and ALTER DEFAULT PRIVILEGES.

#include <fmt/format.h>

#include <algorithm>

#include "emit/sql_text.hpp"
#include "emit/writers.hpp"

namespace flick::emit {
namespace {

std::string grantee(const std::string& name) { return name == "PUBLIC" ? name : quoted(name); }

// "ON TABLE "s"."t"", "ON SCHEMA "s"", "ON ROUTINE "s"."f"(integer)", ...
std::string object_clause(const model::Grant& grant) {
  std::string name = quoted(grant.schema);
  if (grant.object_kind == "schema") return "ON SCHEMA " + name;
  name += "." + quoted(grant.name);
  if (grant.object_kind == "routine") return "ON ROUTINE " + name + "(" + grant.arguments + ")";
  if (grant.object_kind == "sequence") return "ON SEQUENCE " + name;
  if (grant.object_kind == "type") return "ON TYPE " + name;
  return "ON TABLE " + name;
}

// The privileges of one statement's entries: "SELECT, INSERT" or "SELECT ("a", "b")".
std::string privilege_list(const std::vector<model::Grant>& grants) {
  if (!grants.front().column.empty()) {
    std::string columns;
    for (const model::Grant& grant : grants) {
      columns += (columns.empty() ? "" : ", ") + quoted(grant.column);
    }
    return grants.front().privilege + " (" + columns + ")";
  }
  std::string list;
  for (const model::Grant& grant : grants) list += (list.empty() ? "" : ", ") + grant.privilege;
  return list;
}

// GRANT (`give`) or REVOKE the entries, a `revoked` entry the other way round.
void write_grants(const std::vector<model::Grant>& grants, bool give, Statements& out) {
  const model::Grant& first = grants.front();
  bool grant = give != first.revoked;
  std::string object = object_clause(first);
  if (grant) {
    out.push_back(fmt::format("GRANT {} {} TO {}{};", privilege_list(grants), object,
                              grantee(first.grantee),
                              first.grant_option ? " WITH GRANT OPTION" : ""));
  } else {
    out.push_back(fmt::format("REVOKE {} {} FROM {};", privilege_list(grants), object,
                              grantee(first.grantee)));
  }
}

const char* default_objects(const std::string& kind) {
  if (kind == "table") return "TABLES";
  if (kind == "sequence") return "SEQUENCES";
  if (kind == "routine") return "FUNCTIONS";
  if (kind == "type") return "TYPES";
  return "SCHEMAS";
}

void write_defaults(const std::vector<model::DefaultPrivilege>& entries, bool give,
                    Statements& out) {
  const model::DefaultPrivilege& first = entries.front();
  bool grant = give != first.revoked;
  std::string text = "ALTER DEFAULT PRIVILEGES";
  if (!first.for_role.empty()) text += " FOR ROLE " + quoted(first.for_role);
  if (!first.schema.empty()) text += " IN SCHEMA " + quoted(first.schema);
  std::string list;
  for (const model::DefaultPrivilege& entry : entries) {
    list += (list.empty() ? "" : ", ") + entry.privilege;
  }
  if (grant) {
    text += fmt::format(" GRANT {} ON {} TO {}{}", list, default_objects(first.object_kind),
                        grantee(first.grantee), first.grant_option ? " WITH GRANT OPTION" : "");
  } else {
    text += fmt::format(" REVOKE {} ON {} FROM {}", list, default_objects(first.object_kind),
                        grantee(first.grantee));
  }
  out.push_back(text + ";");
}

// The role attributes CREATE ROLE / ALTER ROLE spell out.
std::string role_attributes(const model::Role& role) {
  std::string text = role.login ? "LOGIN" : "NOLOGIN";
  text += role.create_db ? " CREATEDB" : " NOCREATEDB";
  text += role.create_role ? " CREATEROLE" : " NOCREATEROLE";
  text += role.inherit ? " INHERIT" : " NOINHERIT";
  text += role.bypass_rls ? " BYPASSRLS" : " NOBYPASSRLS";
  text += fmt::format(" CONNECTION LIMIT {}", role.connection_limit);
  return text;
}

std::string membership(const std::string& parent, const std::string& member) {
  return fmt::format("GRANT {} TO {};", quoted(parent), quoted(member));
}

}  // namespace

std::vector<std::string> create_role_statements(const model::Role& role) {
  std::vector<std::string> out = {
      fmt::format("CREATE ROLE {} WITH {};", quoted(role.name), role_attributes(role))};
  for (const std::string& parent : role.member_of) out.push_back(membership(parent, role.name));
  return out;
}

// Roles are the cluster's: another database of the same server (staging beside production, a
// database created again) may have created it already; it then gets the attributes this schema
// gives it.
void write(const diff::CreateRole& change, Statements& out) {
  std::string name = quoted(change.role.name);
  std::string attributes = role_attributes(change.role);
  out.push_back(fmt::format(
      "DO $$ BEGIN CREATE ROLE {0} WITH {1}; EXCEPTION WHEN duplicate_object THEN ALTER ROLE {0} "
      "WITH {1}; END $$;",
      name, attributes));
  for (const std::string& parent : change.role.member_of) {
    out.push_back(membership(parent, change.role.name));
  }
}
void write(const diff::AlterRole& change, Statements& out) {
  model::Role from = change.from, to = change.to;
  from.member_of.clear();
  to.member_of.clear();
  if (!(from == to)) {
    out.push_back(fmt::format("ALTER ROLE {} WITH {};", quoted(to.name), role_attributes(to)));
  }
  for (const std::string& parent : change.to.member_of) {
    if (std::find(change.from.member_of.begin(), change.from.member_of.end(), parent) ==
        change.from.member_of.end()) {
      out.push_back(fmt::format("GRANT {} TO {};", quoted(parent), quoted(to.name)));
    }
  }
  for (const std::string& parent : change.from.member_of) {
    if (std::find(change.to.member_of.begin(), change.to.member_of.end(), parent) ==
        change.to.member_of.end()) {
      out.push_back(fmt::format("REVOKE {} FROM {};", quoted(parent), quoted(to.name)));
    }
  }
}
void write(const diff::DropRole& change, Statements& out) {
  out.push_back(fmt::format("DROP ROLE {};", quoted(change.name)));
}
void write(const diff::SetOwner& change, Statements& out) {
  std::string name = quoted(change.object.schema);
  if (change.sql_kind != "SCHEMA") name += "." + quoted(change.object.name);
  if (change.sql_kind == "FUNCTION" || change.sql_kind == "PROCEDURE" ||
      change.sql_kind == "AGGREGATE") {
    name += "(" + change.arguments + ")";
  }
  out.push_back(
      fmt::format("ALTER {} {} OWNER TO {};", change.sql_kind, name, quoted(change.role)));
}
void write(const diff::GrantPrivileges& change, Statements& out) {
  write_grants(change.grants, true, out);
}
void write(const diff::RevokePrivileges& change, Statements& out) {
  write_grants(change.grants, false, out);
}
void write(const diff::GrantDefaultPrivileges& change, Statements& out) {
  write_defaults(change.entries, true, out);
}
void write(const diff::RevokeDefaultPrivileges& change, Statements& out) {
  write_defaults(change.entries, false, out);
}

}  // namespace flick::emit

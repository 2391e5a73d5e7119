// Roles, grants and default privileges. Old grants follow their objects' renames and moves; an
// object created (or created again) by this diff gets every grant the new catalog gives it, since
// CREATE starts from PostgreSQL's defaults; grants on objects that go away, and of roles that go
// away together with nothing else, need no REVOKE.

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include "diff/context.hpp"

namespace flick::diff {
std::optional<ObjectKey> carried_object(const Context& context, const ObjectKey& object) {
  const auto& [kind, old_schema, old_name, old_arguments] = object;
  const model::Catalog& from = context.from;
  const model::Catalog& to = context.to;
  auto matched = [](const Matching& matching, std::size_t old_index) -> std::optional<std::size_t> {
    for (const auto& [o, n] : matching.pairs) {
      if (o == old_index) return n;
    }
    return std::nullopt;
  };
  if (kind == "schema") {
    std::string schema = context.mapped_schema(old_schema);
    bool exists = schema == model::kDefaultSchema ||
                  std::find(to.schemas.begin(), to.schemas.end(), schema) != to.schemas.end();
    if (!exists) return std::nullopt;
    return ObjectKey{kind, schema, "", ""};
  }
  if (kind == "table") {
    for (std::size_t i = 0; i < from.tables.size(); ++i) {
      if (from.tables[i].schema != old_schema || from.tables[i].name != old_name) continue;
      std::optional<std::size_t> n = matched(context.tables, i);
      if (!n) return std::nullopt;
      return ObjectKey{kind, to.tables[*n].schema, to.tables[*n].name, ""};
    }
    for (std::size_t i = 0; i < from.views.size(); ++i) {
      if (from.views[i].schema != old_schema || from.views[i].name != old_name) continue;
      std::optional<std::size_t> n = matched(context.views, i);
      if (!n) return std::nullopt;
      return ObjectKey{kind, to.views[*n].schema, to.views[*n].name, ""};
    }
    return std::nullopt;
  }
  if (kind == "sequence") {
    for (std::size_t i = 0; i < from.sequences.size(); ++i) {
      if (from.sequences[i].schema != old_schema || from.sequences[i].name != old_name) {
        continue;
      }
      std::optional<std::size_t> n = matched(context.sequences, i);
      if (!n) return std::nullopt;
      return ObjectKey{kind, to.sequences[*n].schema, to.sequences[*n].name, ""};
    }
    // A serial or identity column's sequence: it follows the renames this diff makes of it.
    std::string schema = context.mapped_schema(old_schema);
    std::string name = old_name;
    for (const auto& phase : context.phases) {
      for (const Change& change : phase) {
        if (const auto* moved = std::get_if<MoveSequence>(&change)) {
          if (moved->from.schema == schema && moved->from.name == name) schema = moved->to_schema;
        } else if (const auto* renamed = std::get_if<RenameSequence>(&change)) {
          if (renamed->from.schema == schema && renamed->from.name == name) name = renamed->to;
        }
      }
    }
    return ObjectKey{kind, schema, name, ""};
  }
  if (kind == "type") {
    auto renamed = context.enum_renames.find(table_key(old_schema, old_name));
    if (renamed != context.enum_renames.end()) {
      return ObjectKey{kind, renamed->second.schema, renamed->second.name, ""};
    }
    std::string schema = context.mapped_schema(old_schema);
    if (!to.has_user_type(schema, old_name)) return std::nullopt;
    return ObjectKey{kind, schema, old_name, ""};
  }
  if (kind == "collation") {
    std::string schema = context.mapped_schema(old_schema);
    if (to.find_collation(schema, old_name) == nullptr) return std::nullopt;
    return ObjectKey{kind, schema, old_name, ""};
  }
  if (kind == "routine") {
    std::string schema = context.mapped_schema(old_schema);
    if (to.find_function(schema, old_name, old_arguments) == nullptr) return std::nullopt;
    return ObjectKey{kind, schema, old_name, old_arguments};
  }
  return std::nullopt;
}

std::set<ObjectKey> created_objects(const Context& context) {
  std::set<ObjectKey> created;
  for (const auto& phase : context.phases) {
    for (const Change& change : phase) {
      if (const auto* c = std::get_if<CreateSchema>(&change)) {
        created.insert({"schema", c->name, "", ""});
      } else if (const auto* c = std::get_if<CreateTable>(&change)) {
        created.insert({"table", c->table->schema, c->table->name, ""});
      } else if (const auto* c = std::get_if<CreateView>(&change)) {
        created.insert({"table", c->view.schema, c->view.name, ""});
      } else if (const auto* c = std::get_if<CreateSequence>(&change)) {
        created.insert({"sequence", c->sequence.schema, c->sequence.name, ""});
      } else if (const auto* c = std::get_if<CreateFunction>(&change)) {
        created.insert({"routine", c->function.schema, c->function.name, c->function.arguments});
      } else if (const auto* c = std::get_if<CreateEnum>(&change)) {
        created.insert({"type", c->enum_type.schema, c->enum_type.name, ""});
      } else if (const auto* c = std::get_if<RebuildEnum>(&change)) {
        created.insert({"type", c->enum_type.schema, c->enum_type.name, ""});
      } else if (const auto* c = std::get_if<CreateDomain>(&change)) {
        created.insert({"type", c->domain.schema, c->domain.name, ""});
      } else if (const auto* c = std::get_if<CreateCompositeType>(&change)) {
        created.insert({"type", c->type.schema, c->type.name, ""});
      } else if (const auto* c = std::get_if<CreateRangeType>(&change)) {
        created.insert({"type", c->type.schema, c->type.name, ""});
      } else if (const auto* c = std::get_if<CreateCollation>(&change)) {
        created.insert({"collation", c->collation.schema, c->collation.name, ""});
      }
    }
  }
  return created;
}

namespace {

// Consecutive entries that one statement can carry, grouped.
template <typename T, typename Same>
std::vector<std::vector<T>> grouped(const std::vector<T>& items, Same same) {
  std::vector<std::vector<T>> groups;
  for (const T& item : items) {
    if (groups.empty() || !same(groups.back().front(), item)) groups.emplace_back();
    groups.back().push_back(item);
  }
  return groups;
}

// The entries only `olds` has become Revoke changes in `revoke_phase`, those only `news` has
// Grant changes in `grant_phase`, one per group of entries `same` puts in one statement (both
// sets are sorted, so such entries are consecutive).
template <typename Revoke, typename Grant, typename T, typename Same>
void add_statements(Context& context, const std::set<T>& olds, const std::set<T>& news, Same same,
                    Phase revoke_phase, Phase grant_phase) {
  std::vector<T> granted, revoked;
  std::set_difference(news.begin(), news.end(), olds.begin(), olds.end(),
                      std::back_inserter(granted));
  std::set_difference(olds.begin(), olds.end(), news.begin(), news.end(),
                      std::back_inserter(revoked));
  for (auto& group : grouped(revoked, same)) context.add(revoke_phase, Revoke{std::move(group)});
  for (auto& group : grouped(granted, same)) context.add(grant_phase, Grant{std::move(group)});
}

bool same_statement(const model::Grant& a, const model::Grant& b) {
  return std::tie(a.object_kind, a.schema, a.name, a.arguments, a.grantee, a.grant_option,
                  a.revoked) == std::tie(b.object_kind, b.schema, b.name, b.arguments, b.grantee,
                                         b.grant_option, b.revoked) &&
         a.column.empty() == b.column.empty() && (a.column.empty() || a.privilege == b.privilege);
}

bool same_default_statement(const model::DefaultPrivilege& a, const model::DefaultPrivilege& b) {
  return std::tie(a.for_role, a.schema, a.object_kind, a.grantee, a.grant_option, a.revoked) ==
         std::tie(b.for_role, b.schema, b.object_kind, b.grantee, b.grant_option, b.revoked);
}

void diff_roles(Context& context) {
  std::map<std::string, const model::Role*> old_roles, new_roles;
  for (const model::Role& role : context.from.roles) old_roles[role.name] = &role;
  for (const model::Role& role : context.to.roles) new_roles[role.name] = &role;
  for (const auto& [name, role] : new_roles) {
    auto old = old_roles.find(name);
    if (old == old_roles.end()) {
      model::Role bare = *role;
      bare.member_of.clear();
      context.add(kCreateRoles, CreateRole{bare});
      if (!role->member_of.empty()) context.add(kRoleMemberships, AlterRole{bare, *role});
    } else if (!(*old->second == *role)) {
      context.add(kRoleMemberships, AlterRole{*old->second, *role});
    }
  }
  for (const auto& [name, role] : old_roles) {
    if (new_roles.count(name) == 0) context.add(kDropRoles, DropRole{name});
  }
}

void diff_grants(Context& context) {
  std::set<ObjectKey> fresh = created_objects(context);
  std::set<model::Grant> old_grants;
  for (const model::Grant& grant : context.from.grants) {
    std::optional<ObjectKey> now =
        carried_object(context, {grant.object_kind, grant.schema, grant.name, grant.arguments});
    if (!now || fresh.count(*now) != 0) continue;  // gone, or created again from defaults
    model::Grant moved = grant;
    std::tie(moved.object_kind, moved.schema, moved.name, moved.arguments) = *now;
    old_grants.insert(std::move(moved));
  }
  std::set<model::Grant> new_grants(context.to.grants.begin(), context.to.grants.end());
  // A created object starts with what the default privileges give it (they are set before it
  // is created): that is its old state.
  for (const ObjectKey& object : fresh) {
    const auto& [kind, schema, name, arguments] = object;
    for (const model::DefaultPrivilege& entry : context.to.default_privileges) {
      if (!model::default_privilege_applies(entry, kind, schema)) continue;
      model::Grant implied{kind,
                           schema,
                           name,
                           arguments,
                           "",
                           entry.grantee,
                           entry.privilege,
                           entry.grant_option,
                           entry.revoked};
      if (!entry.revoked) old_grants.insert(implied);
    }
  }
  add_statements<RevokePrivileges, GrantPrivileges>(context, old_grants, new_grants, same_statement,
                                                    kRevokePrivileges, kGrantPrivileges);
}

void diff_default_privileges(Context& context) {
  std::set<model::DefaultPrivilege> olds(context.from.default_privileges.begin(),
                                         context.from.default_privileges.end());
  std::set<model::DefaultPrivilege> news(context.to.default_privileges.begin(),
                                         context.to.default_privileges.end());
  add_statements<RevokeDefaultPrivileges, GrantDefaultPrivileges>(
      context, olds, news, same_default_statement, kDefaultPrivileges, kDefaultPrivileges);
}

}  // namespace

std::string privileges_text(const std::vector<model::Grant>& grants) {
  const model::Grant& first = grants.front();
  std::string list;
  for (const model::Grant& grant : grants) {
    list += (list.empty() ? "" : ", ") + grant.privilege;
    if (!grant.column.empty()) list += " (" + grant.column + ")";
  }
  std::string object = first.object_kind + " " + first.schema;
  if (first.object_kind != "schema") object += "." + first.name;
  if (first.object_kind == "routine") object += "(" + first.arguments + ")";
  if (first.revoked) return "PUBLIC's default " + list + " on " + object;
  return list + " on " + object + " to " + first.grantee +
         (first.grant_option ? " with grant option" : "");
}

std::string default_privileges_text(const std::vector<model::DefaultPrivilege>& entries) {
  const model::DefaultPrivilege& first = entries.front();
  std::string list;
  for (const model::DefaultPrivilege& entry : entries) {
    list += (list.empty() ? "" : ", ") + entry.privilege;
  }
  std::string scope = first.object_kind + "s" +
                      (first.schema.empty() ? "" : " in schema " + first.schema) + " created by " +
                      (first.for_role.empty() ? "the migrating role" : first.for_role);
  if (first.revoked) return "PUBLIC's default " + list + " on new " + scope;
  return list + " on new " + scope + " to " + first.grantee;
}

std::string owned_object_text(const SetOwner& change) {
  std::string kind = change.sql_kind;
  for (char& c : kind) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (change.sql_kind == "SCHEMA") return kind + " \"" + change.object.schema + "\"";
  std::string text = kind + " \"" + change.object.schema + "\".\"" + change.object.name + "\"";
  bool routine = change.sql_kind == "FUNCTION" || change.sql_kind == "PROCEDURE" ||
                 change.sql_kind == "AGGREGATE";
  return routine ? text + "(" + change.arguments + ")" : text;
}

namespace {

// The SQL keyword ALTER ... OWNER TO needs for `owner`'s object in `catalog`.
std::string owner_sql_kind(const model::Catalog& catalog, const model::Owner& owner) {
  if (owner.object_kind == "schema") return "SCHEMA";
  if (owner.object_kind == "sequence") return "SEQUENCE";
  if (owner.object_kind == "routine") {
    const model::Function* routine =
        catalog.find_function(owner.schema, owner.name, owner.arguments);
    if (routine != nullptr && routine->aggregate) return "AGGREGATE";
    return routine != nullptr && routine->procedure ? "PROCEDURE" : "FUNCTION";
  }
  if (owner.object_kind == "type") {
    return catalog.find_domain(owner.schema, owner.name) != nullptr ? "DOMAIN" : "TYPE";
  }
  const model::View* view = catalog.find_view(owner.schema, owner.name);
  if (view != nullptr) return view->materialized ? "MATERIALIZED VIEW" : "VIEW";
  return "TABLE";
}

// An owner the new catalog names that the object does not have yet (it is new, created again,
// or had another): ALTER ... OWNER TO. An entry that goes changes nothing: an owner entry is an
// opinion, and its absence is none.
void diff_owners(Context& context) {
  std::set<ObjectKey> fresh = created_objects(context);
  std::map<ObjectKey, std::string> old_roles;
  for (const model::Owner& owner : context.from.owners) {
    std::optional<ObjectKey> now =
        carried_object(context, {owner.object_kind, owner.schema, owner.name, owner.arguments});
    if (now && fresh.count(*now) == 0) old_roles[*now] = owner.role;
  }
  for (const model::Owner& owner : context.to.owners) {
    auto old = old_roles.find({owner.object_kind, owner.schema, owner.name, owner.arguments});
    if (old != old_roles.end() && old->second == owner.role) continue;
    context.add(kSetOwners, SetOwner{owner_sql_kind(context.to, owner),
                                     {owner.schema, owner.name},
                                     owner.arguments,
                                     owner.role,
                                     old == old_roles.end() ? "" : old->second});
  }
}

}  // namespace

void diff_privileges(Context& context) {
  diff_roles(context);
  diff_default_privileges(context);
  diff_grants(context);
  diff_owners(context);
}

}  // namespace flick::diff

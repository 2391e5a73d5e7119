#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "ddl/builder.hpp"

namespace flick::ddl {
namespace {

std::string role_name(const PgQuery__RoleSpec& role) {
  switch (role.roletype) {
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING:
      return role.rolename;
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_ROLE:
      return "current_role";
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_USER:
      return "current_user";
    case PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_SESSION_USER:
      return "session_user";
    default:
      return "public";
  }
}

}  // namespace

void transform_policy(PgQuery__CreatePolicyStmt& statement, const Source& source,
                      CatalogBuilder& builder) {
  model::Table& table =
      builder.table(qualified_name(statement.table, source), statement.table->location, source);
  model::Policy policy;
  policy.name = statement.policy_name;
  if (std::any_of(table.policies.begin(), table.policies.end(),
                  [&](const model::Policy& other) { return other.name == policy.name; })) {
    source.fail(-1, fmt::format("policy \"{}\" is already defined on table \"{}\"", policy.name,
                                table.name));
  }
  policy.as = statement.permissive ? "PERMISSIVE" : "RESTRICTIVE";
  policy.for_command = statement.cmd_name;
  std::transform(policy.for_command.begin(), policy.for_command.end(), policy.for_command.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (statement.n_roles != 0) {
    policy.to.clear();
    for (std::size_t i = 0; i < statement.n_roles; ++i) {
      policy.to.push_back(role_name(*statement.roles[i]->role_spec));
    }
  }
  if (statement.qual != nullptr) {
    policy.using_expr =
        sqlparse::deparse_table_expression_node(statement.qual, table.schema, table.name);
  }
  if (statement.with_check != nullptr) {
    policy.with_check =
        sqlparse::deparse_table_expression_node(statement.with_check, table.schema, table.name);
  }
  table.policies.push_back(std::move(policy));
}

}  // namespace flick::ddl

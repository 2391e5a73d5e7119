#include "seed/create_admin.hpp"

#include <fmt/core.h>

#include <vector>

#include "auth/auth.hpp"
#include "flick/error.hpp"
#include "seed/advisory_lock.hpp"

namespace flick::seed {

AdminCredentials admin_credentials(
    const std::function<std::optional<std::string>(const std::string&)>& lookup,
    const std::string& where) {
  std::vector<std::string> missing;
  auto value_of = [&](const std::string& name) {
    std::optional<std::string> value = lookup(name);
    if (!value || value->empty()) missing.push_back(name);
    return value.value_or("");
  };
  AdminCredentials credentials{.email = value_of("ADMIN_EMAIL"),
                               .password = value_of("ADMIN_PASSWORD")};
  if (!missing.empty()) {
    std::string names = missing[0];
    if (missing.size() > 1) names += " and " + missing[1];
    throw UserError(fmt::format("create-admin: {} not set: set {} in the environment or in {}",
                                names, missing.size() > 1 ? "them" : "it", where));
  }
  return credentials;
}

AdminReport create_admin(client::Pool& pool, const AdminCredentials& credentials,
                         client::Transaction* parent) {
  auth::Auth auth(pool);
  return client::run_transaction(
      pool,
      [&](client::Transaction& tx) {
        lock_for_transaction(tx, "flick create-admin");
        AdminReport report;
        std::optional<auth::User> user = auth.find_user_by_email(credentials.email, &tx);
        if (!user) {
          user = auth.sign_up({.email = credentials.email,
                               .password = credentials.password,
                               .name = std::string(kAdminName)},
                              &tx);
          report.signed_up = true;
        } else {
          report.password_matches = auth.password_matches(user->id, credentials.password, &tx);
        }
        report.user_id = user->id;
        report.email = user->email;
        if (user->role != kAdminRole) {
          auth.set_role(user->id, std::string(kAdminRole), &tx);
          report.role_granted = true;
        }
        if (!user->email_verified) {
          auth.verify_email(user->id, &tx);
          report.verified_now = true;
        }
        return report;
      },
      parent);
}

}  // namespace flick::seed

#pragma once

// The Flick app's admin account, as the TypeScript server's create-admin.ts makes it: the user
// with ADMIN_EMAIL (signed up with ADMIN_PASSWORD when absent), role "admin", email verified.
// Idempotent: a second run writes nothing. An existing user's password is left as it is.

#include <functional>
#include <optional>
#include <string>

#include "flick/client.hpp"

namespace flick::seed {

inline constexpr std::string_view kAdminRole = "admin";
inline constexpr std::string_view kAdminName = "Admin";

struct AdminCredentials {
  std::string email{};
  std::string password{};
};

// ADMIN_EMAIL and ADMIN_PASSWORD through `lookup` (the environment, then a .env file). Throws
// flick::UserError naming each variable that is missing or empty, and `where` to set them.
AdminCredentials admin_credentials(
    const std::function<std::optional<std::string>(const std::string&)>& lookup,
    const std::string& where);

struct AdminReport {
  std::string user_id{};
  std::string email{};
  bool signed_up = false;        // created by this run
  bool role_granted = false;     // role set to admin by this run
  bool verified_now = false;     // email_verified set by this run
  bool password_matches = true;  // ADMIN_PASSWORD signs in (false: an older password is kept)

  bool unchanged() const { return !signed_up && !role_granted && !verified_now; }
};

// Ensures the admin in one transaction (or on `parent`) under an advisory lock. Throws
// client::Error and auth::AuthError (e.g. a password outside the length rules).
AdminReport create_admin(client::Pool& pool, const AdminCredentials& credentials,
                         client::Transaction* parent = nullptr);

}  // namespace flick::seed

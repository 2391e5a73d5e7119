#pragma once

// Email + password auth over the Flick schema's Better Auth tables (auth, account, session),
// on the client. Every operation runs in client::run_transaction: on `parent` when one is given
// (no BEGIN of its own), else in a new transaction. Emails are compared lower-cased, as Better
// Auth stores them. Times are the server's now() in UTC (the client sets TimeZone UTC).
//
//   auth::Auth auth(pool);
//   auth::User user = auth.sign_up({.email = "a@flick.com", .password = "...", .name = "a"});
//   auth::Session session = auth.sign_in("a@flick.com", "...", {.ip_address = "10.0.0.1"});
//   std::optional<auth::User> who = auth.user_for_session(session.token);

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flick/client.hpp"
#include "flick/error.hpp"

namespace flick::auth {

using client::Timestamp;

// A row of the auth table.
struct User {
  std::string id{};
  std::string name{};
  std::string email{};
  bool email_verified = false;
  std::optional<std::string> role{};  // NULL: an ordinary user
  std::optional<std::string> image{};
  bool banned = false;
  std::optional<std::string> ban_reason{};
  std::optional<Timestamp> ban_expires{};  // NULL while banned: banned for good
  Timestamp created_at{};
};

// A row of the session table.
struct Session {
  std::string id{};
  std::string token{};
  std::string user_id{};
  Timestamp expires_at{};
  Timestamp created_at{};
  std::optional<std::string> ip_address{};
  std::optional<std::string> user_agent{};
};

struct NewUser {
  std::string email{};
  std::string password{};
  std::string name{};
  std::optional<std::string> image{};
};

// Where a sign-in comes from; stored on the session.
struct RequestInfo {
  std::optional<std::string> ip_address{};
  std::optional<std::string> user_agent{};
};

enum class AuthFailure {
  kEmailTaken,          // sign-up with an email another user has
  kInvalidCredentials,  // unknown email or wrong password (deliberately not told apart)
  kBanned,              // sign-in of a user whose ban has not expired
  kNoSuchUser,          // an admin operation on a user id that does not exist
  kInvalidInput,        // an empty email or name, a password outside the length rules
};

// A refused auth operation. A UserError, so the CLI reports it and exits 2.
class AuthError : public UserError {
 public:
  AuthError(AuthFailure failure, const std::string& message)
      : UserError(message), failure_(failure) {}
  AuthFailure failure() const { return failure_; }

 private:
  AuthFailure failure_;
};

struct AuthOptions {
  // Better Auth's default session lifetime.
  std::chrono::seconds session_lifetime = std::chrono::hours(24 * 7);
};

class Auth {
 public:
  explicit Auth(client::Pool& pool, AuthOptions options = {});

  // Creates the auth row and its "credential" account row holding the argon2id hash.
  // Throws AuthError kEmailTaken (naming the email) or kInvalidInput.
  User sign_up(const NewUser& user, client::Transaction* parent = nullptr);

  // Verifies the password and opens a session with a fresh 256-bit token that expires after
  // session_lifetime. A ban whose expiry has passed is lifted here. Throws AuthError
  // kInvalidCredentials or kBanned.
  Session sign_in(std::string_view email, std::string_view password,
                  const RequestInfo& request = {}, client::Transaction* parent = nullptr);

  // Deletes the session with `token`; false when there was none.
  bool sign_out(std::string_view token, client::Transaction* parent = nullptr);

  // The user of an unexpired session; std::nullopt for an unknown or expired token, or when the
  // user is banned.
  std::optional<User> user_for_session(std::string_view token,
                                       client::Transaction* parent = nullptr);

  std::optional<User> find_user_by_email(std::string_view email,
                                         client::Transaction* parent = nullptr);
  // Throws AuthError kNoSuchUser.
  User get_user(std::string_view user_id, client::Transaction* parent = nullptr);

  // True when `password` matches the user's credential account.
  bool password_matches(std::string_view user_id, std::string_view password,
                        client::Transaction* parent = nullptr);

  // The admin operations below throw AuthError kNoSuchUser for an unknown id and leave the row
  // untouched (updated_at included) when it already has the requested value.
  void verify_email(std::string_view user_id, client::Transaction* parent = nullptr);
  // std::nullopt clears the role (an ordinary user).
  void set_role(std::string_view user_id, std::optional<std::string> role,
                client::Transaction* parent = nullptr);
  // Bans the user (for good when `expires_in` is empty) and ends all their sessions.
  void ban(std::string_view user_id, std::string_view reason,
           std::optional<std::chrono::seconds> expires_in = std::nullopt,
           client::Transaction* parent = nullptr);
  void unban(std::string_view user_id, client::Transaction* parent = nullptr);

  // The user's unexpired sessions, newest first.
  std::vector<Session> list_sessions(std::string_view user_id,
                                     client::Transaction* parent = nullptr);

 private:
  client::Pool* pool_;
  AuthOptions options_;
};

// The normalised form of an email: trimmed and lower-cased (ASCII).
std::string normalize_email(std::string_view email);

}  // namespace flick::auth

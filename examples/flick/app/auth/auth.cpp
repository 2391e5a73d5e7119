#include "auth/auth.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>

#include "auth/password.hpp"
#include "auth/rows.hpp"
#include "auth/token.hpp"

namespace flick::auth {
namespace {

constexpr std::string_view kCredentialProvider = "credential";
constexpr std::string_view kUniqueViolation = "23505";

std::optional<User> find_by_email(client::Executor& db, const std::string& email) {
  return db.query_first<User>(
      fmt::format("SELECT {} FROM auth a WHERE a.email = $1", rows::kUserColumns), email);
}

User require_user(client::Executor& db, std::string_view user_id) {
  std::optional<User> user = db.query_first<User>(
      fmt::format("SELECT {} FROM auth a WHERE a.id = $1", rows::kUserColumns), user_id);
  if (!user) {
    throw AuthError(AuthFailure::kNoSuchUser, fmt::format("no user with id {}", user_id));
  }
  return *user;
}

// The password hash of the user's credential account; std::nullopt when there is none.
std::optional<std::string> credential_hash(client::Executor& db, std::string_view user_id) {
  return db
      .query_first<std::optional<std::string>>(
          "SELECT password FROM account WHERE user_id = $1 AND provider_id = $2 "
          "ORDER BY created_at LIMIT 1",
          user_id, kCredentialProvider)
      .value_or(std::nullopt);
}

// Verifying against a fixed hash when the email is unknown keeps the answer time the same, so
// timing does not tell which emails have accounts.
bool verify_or_burn_time(const std::optional<std::string>& stored_hash, std::string_view password) {
  static const std::string kDecoy = hash_password("flick decoy password");
  return verify_password(stored_hash ? *stored_hash : kDecoy, password) && stored_hash;
}

std::string describe_ban(const User& user) {
  std::string text = fmt::format("user {} is banned", user.email);
  if (user.ban_reason && !user.ban_reason->empty()) text += ": " + *user.ban_reason;
  return text;
}

}  // namespace

std::string normalize_email(std::string_view email) {
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  auto begin = std::find_if(email.begin(), email.end(), not_space);
  auto end = std::find_if(email.rbegin(), email.rend(), not_space).base();
  std::string out(begin, begin < end ? end : begin);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Auth::Auth(client::Pool& pool, AuthOptions options) : pool_(&pool), options_(options) {}

User Auth::sign_up(const NewUser& user, client::Transaction* parent) {
  std::string email = normalize_email(user.email);
  if (email.find('@') == std::string::npos || email.front() == '@' || email.back() == '@') {
    throw AuthError(AuthFailure::kInvalidInput, fmt::format("not an email address: '{}'", email));
  }
  if (user.name.empty()) {
    throw AuthError(AuthFailure::kInvalidInput, fmt::format("sign-up of {}: empty name", email));
  }
  try {
    check_password_rules(user.password);
  } catch (const UserError& error) {
    throw AuthError(AuthFailure::kInvalidInput,
                    fmt::format("sign-up of {}: {}", email, error.what()));
  }
  std::string password_hash = hash_password(user.password);
  auto email_taken = [&] {
    return AuthError(AuthFailure::kEmailTaken,
                     fmt::format("sign-up: the email {} is already registered", email));
  };
  return client::run_transaction(
      *pool_,
      [&](client::Transaction& tx) {
        if (find_by_email(tx, email)) throw email_taken();
        std::string id = new_auth_id();
        try {
          // A savepoint, so a concurrent sign-up's unique violation leaves the caller's
          // transaction usable.
          client::run_transaction(
              *pool_,
              [&](client::Transaction& inner) {
                inner.query(
                    "INSERT INTO auth (id, name, email, email_verified, image, created_at, "
                    "updated_at) VALUES ($1, $2, $3, false, $4, now(), now())",
                    id, user.name, email, user.image);
              },
              &tx, {.savepoint = true});
        } catch (const client::Error& error) {
          if (error.sqlstate() == kUniqueViolation && error.constraint() == "auth_email_unique") {
            throw email_taken();
          }
          throw;
        }
        tx.query(
            "INSERT INTO account (id, account_id, provider_id, user_id, password, created_at, "
            "updated_at) VALUES ($1, $2, $3, $2, $4, now(), now())",
            new_auth_id(), id, kCredentialProvider, password_hash);
        return require_user(tx, id);
      },
      parent);
}

Session Auth::sign_in(std::string_view email_text, std::string_view password,
                      const RequestInfo& request, client::Transaction* parent) {
  std::string email = normalize_email(email_text);
  return client::run_transaction(
      *pool_,
      [&](client::Transaction& tx) {
        std::optional<User> user = find_by_email(tx, email);
        std::optional<std::string> stored_hash;
        if (user) stored_hash = credential_hash(tx, user->id);
        if (!verify_or_burn_time(stored_hash, password)) {
          throw AuthError(AuthFailure::kInvalidCredentials,
                          fmt::format("sign-in of {}: invalid email or password", email));
        }
        if (user->banned) {
          bool expired = tx.query_value<bool>(
              "SELECT ban_expires IS NOT NULL AND ban_expires <= now() FROM auth WHERE id = $1",
              user->id);
          if (!expired) throw AuthError(AuthFailure::kBanned, describe_ban(*user));
          unban(user->id, &tx);
        }
        return tx
            .query_first<Session>(
                fmt::format("INSERT INTO session AS s (id, token, user_id, expires_at, "
                            "created_at, updated_at, ip_address, user_agent) VALUES ($1, $2, $3, "
                            "now() + make_interval(secs => $4), now(), now(), $5, $6) "
                            "RETURNING {}",
                            rows::kSessionColumns),
                new_auth_id(), new_session_token(), user->id,
                static_cast<long long>(options_.session_lifetime.count()), request.ip_address,
                request.user_agent)
            .value();
      },
      parent);
}

bool Auth::sign_out(std::string_view token, client::Transaction* parent) {
  return client::run_transaction(
      *pool_,
      [&](client::Transaction& tx) {
        return tx.query("DELETE FROM session WHERE token = $1", token).affected_rows() > 0;
      },
      parent);
}

std::optional<User> Auth::user_for_session(std::string_view token, client::Transaction* parent) {
  return client::run_transaction(
      *pool_,
      [&](client::Transaction& tx) {
        return tx.query_first<User>(
            fmt::format("SELECT {} FROM session s JOIN auth a ON a.id = s.user_id "
                        "WHERE s.token = $1 AND s.expires_at > now() AND NOT (coalesce(a.banned, "
                        "false) AND (a.ban_expires IS NULL OR a.ban_expires > now()))",
                        rows::kUserColumns),
            token);
      },
      parent);
}

std::optional<User> Auth::find_user_by_email(std::string_view email, client::Transaction* parent) {
  std::string normalized = normalize_email(email);
  return client::run_transaction(
      *pool_, [&](client::Transaction& tx) { return find_by_email(tx, normalized); }, parent);
}

User Auth::get_user(std::string_view user_id, client::Transaction* parent) {
  return client::run_transaction(
      *pool_, [&](client::Transaction& tx) { return require_user(tx, user_id); }, parent);
}

bool Auth::password_matches(std::string_view user_id, std::string_view password,
                            client::Transaction* parent) {
  return client::run_transaction(
      *pool_,
      [&](client::Transaction& tx) {
        return verify_or_burn_time(credential_hash(tx, user_id), password);
      },
      parent);
}

void Auth::verify_email(std::string_view user_id, client::Transaction* parent) {
  client::run_transaction(
      *pool_,
      [&](client::Transaction& tx) {
        require_user(tx, user_id);
        tx.query(
            "UPDATE auth SET email_verified = true, updated_at = now() "
            "WHERE id = $1 AND NOT email_verified",
            user_id);
      },
      parent);
}

void Auth::set_role(std::string_view user_id, std::optional<std::string> role,
                    client::Transaction* parent) {
  client::run_transaction(
      *pool_,
      [&](client::Transaction& tx) {
        require_user(tx, user_id);
        tx.query(
            "UPDATE auth SET role = $2, updated_at = now() "
            "WHERE id = $1 AND role IS DISTINCT FROM $2",
            user_id, role);
      },
      parent);
}

void Auth::ban(std::string_view user_id, std::string_view reason,
               std::optional<std::chrono::seconds> expires_in, client::Transaction* parent) {
  std::optional<long long> seconds;
  if (expires_in) seconds = static_cast<long long>(expires_in->count());
  client::run_transaction(
      *pool_,
      [&](client::Transaction& tx) {
        require_user(tx, user_id);
        tx.query(
            "UPDATE auth SET banned = true, ban_reason = $2, ban_expires = now() + "
            "make_interval(secs => $3), updated_at = now() WHERE id = $1",
            user_id, reason, seconds);
        tx.query("DELETE FROM session WHERE user_id = $1", user_id);
      },
      parent);
}

void Auth::unban(std::string_view user_id, client::Transaction* parent) {
  client::run_transaction(
      *pool_,
      [&](client::Transaction& tx) {
        require_user(tx, user_id);
        tx.query(
            "UPDATE auth SET banned = false, ban_reason = NULL, ban_expires = NULL, "
            "updated_at = now() WHERE id = $1 AND (banned OR ban_reason IS NOT NULL OR "
            "ban_expires IS NOT NULL)",
            user_id);
      },
      parent);
}

std::vector<Session> Auth::list_sessions(std::string_view user_id, client::Transaction* parent) {
  return client::run_transaction(
      *pool_,
      [&](client::Transaction& tx) {
        return tx.query_as<Session>(
            fmt::format("SELECT {} FROM session s WHERE s.user_id = $1 AND s.expires_at > now() "
                        "ORDER BY s.created_at DESC, s.id",
                        rows::kSessionColumns),
            user_id);
      },
      parent);
}

}  // namespace flick::auth

#pragma once

// Internal to flick_auth: the column lists the queries select and how rows map to User/Session.

#include "auth/auth.hpp"

namespace flick::auth::rows {

// Columns of the auth table in the order RowTraits<User> reads them (alias "a").
inline constexpr std::string_view kUserColumns =
    "a.id, a.name, a.email, a.email_verified, a.role, a.image, coalesce(a.banned, false), "
    "a.ban_reason, a.ban_expires, a.created_at";

// Columns of the session table in the order RowTraits<Session> reads them (alias "s").
inline constexpr std::string_view kSessionColumns =
    "s.id, s.token, s.user_id, s.expires_at, s.created_at, s.ip_address, s.user_agent";

}  // namespace flick::auth::rows

namespace flick::client {

template <>
struct RowTraits<auth::User> {
  static auth::User read(const Row& row) {
    return auth::User{.id = row.get<std::string>(0),
                      .name = row.get<std::string>(1),
                      .email = row.get<std::string>(2),
                      .email_verified = row.get<bool>(3),
                      .role = row.get<std::optional<std::string>>(4),
                      .image = row.get<std::optional<std::string>>(5),
                      .banned = row.get<bool>(6),
                      .ban_reason = row.get<std::optional<std::string>>(7),
                      .ban_expires = row.get<std::optional<Timestamp>>(8),
                      .created_at = row.get<Timestamp>(9)};
  }
};

template <>
struct RowTraits<auth::Session> {
  static auth::Session read(const Row& row) {
    return auth::Session{.id = row.get<std::string>(0),
                         .token = row.get<std::string>(1),
                         .user_id = row.get<std::string>(2),
                         .expires_at = row.get<Timestamp>(3),
                         .created_at = row.get<Timestamp>(4),
                         .ip_address = row.get<std::optional<std::string>>(5),
                         .user_agent = row.get<std::optional<std::string>>(6)};
  }
};

}  // namespace flick::client

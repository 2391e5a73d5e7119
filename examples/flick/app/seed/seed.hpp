#pragma once

// The Flick app's development data, as the TypeScript server's seed.ts makes it: the college
// "Flick Test College" and the users test1..3@flick.com with the test password, each with a
// platform_user row in ONBOARDING and a verified email. Idempotent: a second run finds
// everything in place and writes nothing.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "flick/client.hpp"

namespace flick::seed {

inline constexpr std::string_view kTestPassword = "ChangeMeNow!123";
inline constexpr std::array<std::string_view, 3> kTestEmails = {
    "test1@flick.com", "test2@flick.com", "test3@flick.com"};

inline constexpr std::string_view kCollegeName = "Flick Test College";
inline constexpr std::string_view kCollegeEmailDomain = "flick.com";
inline constexpr std::string_view kCollegeCity = "San Francisco";
inline constexpr std::string_view kCollegeState = "CA";
inline constexpr std::string_view kDefaultCollegeProfile =
    "https://yourcdn.com/default-college-profile.png";

struct SeededUser {
  std::string email{};
  std::string auth_id{};
  std::string username{};
  bool signed_up = false;        // the auth row was created by this run
  bool profile_created = false;  // the platform_user row was created by this run
  bool verified_now = false;     // email_verified was set by this run
};

struct SeedReport {
  std::string college_id{};
  bool college_created = false;
  std::vector<SeededUser> users{};

  // True when the run wrote nothing.
  bool unchanged() const;
};

// Seeds in one transaction (or on `parent`), holding an advisory lock so concurrent seeds wait
// for each other instead of both creating the college. Throws client::Error (e.g. 42P01 when the
// schema is not migrated) and auth::AuthError.
SeedReport seed(client::Pool& pool, client::Transaction* parent = nullptr);

// `base` lower-cased when no platform_user has it, else base2, base3, ... (seed.ts's rule).
std::string unique_username(client::Executor& db, std::string_view base);

}  // namespace flick::seed

#include "seed/seed.hpp"

#include <fmt/core.h>

#include <cctype>

#include "auth/auth.hpp"
#include "flick_app/schema.hpp"
#include "seed/advisory_lock.hpp"

namespace flick::seed {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The seed college's id, created when no college has the seed's email domain.
client::Uuid ensure_college(client::Transaction& tx, bool& created) {
  using app::colleges;
  std::optional<app::CollegesRow> existing =
      tx.select(colleges)
          .where(colleges.email_domain == std::string(kCollegeEmailDomain))
          .order_by(colleges.created_at.asc())
          .first();
  created = !existing;
  if (existing) return existing->id;
  app::CollegesInsert college;
  college.name = kCollegeName;
  college.email_domain = kCollegeEmailDomain;
  college.city = kCollegeCity;
  college.state = kCollegeState;
  college.profile = std::string(kDefaultCollegeProfile);
  return tx.insert(colleges).values(college).returning().at(0).id;
}

SeededUser ensure_test_user(auth::Auth& auth, client::Transaction& tx, std::string_view email,
                            int index, const client::Uuid& college_id) {
  SeededUser seeded{.email = std::string(email)};
  std::optional<auth::User> user = auth.find_user_by_email(email, &tx);
  if (!user) {
    user = auth.sign_up({.email = std::string(email),
                         .password = std::string(kTestPassword),
                         .name = fmt::format("test{}", index)},
                        &tx);
    seeded.signed_up = true;
  }
  seeded.auth_id = user->id;
  using app::platform_user;
  std::optional<app::PlatformUserRow> profile =
      tx.select(platform_user).where(platform_user.auth_id == user->id).first();
  std::optional<std::string> username;
  if (profile) username = profile->username;
  if (!username) {
    username = unique_username(tx, fmt::format("test{}", index));
    app::PlatformUserInsert row;
    row.auth_id = user->id;
    row.username = *username;
    row.college_id = college_id;
    row.branch = std::nullopt;  // not chosen yet: the CHECK ties ONBOARDING to no branch
    row.status = app::UserStatus::kOnboarding;
    tx.insert(platform_user).values(row).run();
    seeded.profile_created = true;
  }
  seeded.username = *username;
  if (!user->email_verified) {
    auth.verify_email(user->id, &tx);
    seeded.verified_now = true;
  }
  return seeded;
}

}  // namespace

bool SeedReport::unchanged() const {
  if (college_created) return false;
  for (const SeededUser& user : users) {
    if (user.signed_up || user.profile_created || user.verified_now) return false;
  }
  return true;
}

std::string unique_username(client::Executor& db, std::string_view base) {
  using app::platform_user;
  std::string candidate = lower(base);
  for (int suffix = 2;; ++suffix) {
    if (!db.select(platform_user).where(platform_user.username == candidate).first()) {
      return candidate;
    }
    candidate = lower(fmt::format("{}{}", base, suffix));
  }
}

SeedReport seed(client::Pool& pool, client::Transaction* parent) {
  auth::Auth auth(pool);
  return client::run_transaction(
      pool,
      [&](client::Transaction& tx) {
        lock_for_transaction(tx, "flick seed");
        SeedReport report;
        client::Uuid college_id = ensure_college(tx, report.college_created);
        report.college_id = college_id.str();
        int index = 1;
        for (std::string_view email : kTestEmails) {
          report.users.push_back(ensure_test_user(auth, tx, email, index++, college_id));
        }
        return report;
      },
      parent);
}

}  // namespace flick::seed

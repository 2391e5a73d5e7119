// seed and create-admin against a real PostgreSQL 15 with the Flick schema migrated.

#include "seed/seed.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "app_database.hpp"
#include "auth/auth.hpp"
#include "flick/error.hpp"
#include "seed/create_admin.hpp"
#include "seed/schema_guard.hpp"
#include "support/test_cluster.hpp"

namespace flick::seed {
namespace {

class SeedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { url_ = new std::string(testing::flick_app_database("seed_test")); }
  static void TearDownTestSuite() {
    delete url_;
    url_ = nullptr;
  }
  void SetUp() override {
    pool_ = std::make_unique<client::Pool>(client::PoolOptions{.url = *url_, .size = 2});
    pool_->query("TRUNCATE auth, colleges CASCADE");
  }
  long long count(const std::string& sql) { return pool_->query_value<long long>(sql); }

  static std::string* url_;
  std::unique_ptr<client::Pool> pool_;
};

std::string* SeedTest::url_ = nullptr;

TEST_F(SeedTest, SeedTwiceMakesOneCollegeAndThreeUsers) {
  SeedReport first = seed(*pool_);
  EXPECT_TRUE(first.college_created);
  EXPECT_FALSE(first.unchanged());
  SeedReport second = seed(*pool_);
  EXPECT_TRUE(second.unchanged());
  EXPECT_EQ(second.college_id, first.college_id);

  EXPECT_EQ(count("SELECT count(*) FROM colleges"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM colleges WHERE name = 'Flick Test College' AND "
                  "\"emailDomain\" = 'flick.com' AND city = 'San Francisco' AND state = 'CA' "
                  "AND profile = 'https://yourcdn.com/default-college-profile.png'"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM auth"), 3);
  EXPECT_EQ(
      count("SELECT count(*) FROM auth WHERE email_verified AND email LIKE 'test_@flick.com'"), 3);
  EXPECT_EQ(count("SELECT count(*) FROM platform_user WHERE status = 'ONBOARDING' AND branch IS "
                  "NULL AND college_id = (SELECT id FROM colleges)"),
            3);
  auto usernames = pool_->query_as<std::string>(
      "SELECT p.username FROM platform_user p JOIN auth a ON a.id = p.auth_id ORDER BY a.email");
  EXPECT_EQ(usernames, (std::vector<std::string>{"test1", "test2", "test3"}));
  auto names = pool_->query_as<std::string>("SELECT name FROM auth ORDER BY email");
  EXPECT_EQ(names, (std::vector<std::string>{"test1", "test2", "test3"}));
}

TEST_F(SeedTest, SeededUsersSignInWithTheTestPassword) {
  seed(*pool_);
  auth::Auth auth(*pool_);
  for (std::string_view email : kTestEmails) {
    EXPECT_NO_THROW(auth.sign_in(email, kTestPassword)) << email;
  }
}

TEST_F(SeedTest, TakenUsernameGetsANumericSuffix) {
  auth::Auth auth(*pool_);
  std::string college = pool_->query_value<std::string>(
      "INSERT INTO colleges (name, \"emailDomain\", city, state) VALUES ('E', 'elsewhere.org', "
      "'A', 'B') RETURNING id::text");
  for (const char* taken : {"test1", "test12"}) {
    auth::User holder = auth.sign_up(
        {.email = std::string(taken) + "@elsewhere.org", .password = "correct horse", .name = "h"});
    pool_->query(
        "INSERT INTO platform_user (auth_id, username, college_id) VALUES ($1, $2, $3::uuid)",
        holder.id, taken, college);
  }
  SeedReport report = seed(*pool_);
  ASSERT_EQ(report.users.size(), 3u);
  EXPECT_EQ(report.users[0].username, "test13");
  EXPECT_EQ(report.users[1].username, "test2");
  EXPECT_TRUE(seed(*pool_).unchanged());
}

TEST_F(SeedTest, SeedCompletesAPartialEarlierRun) {
  auth::Auth auth(*pool_);
  auth.sign_up(
      {.email = "test2@flick.com", .password = std::string(kTestPassword), .name = "test2"});
  SeedReport report = seed(*pool_);
  EXPECT_FALSE(report.users[1].signed_up);
  EXPECT_TRUE(report.users[1].profile_created);
  EXPECT_TRUE(report.users[1].verified_now);
  EXPECT_EQ(count("SELECT count(*) FROM auth"), 3);
}

TEST_F(SeedTest, ConcurrentSeedsMakeOneCollege) {
  std::vector<std::thread> threads;
  std::atomic<int> failures = 0;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      try {
        client::Pool pool({.url = *url_, .size = 1});
        seed(pool);
      } catch (const std::exception& error) {
        ++failures;
        ADD_FAILURE() << error.what();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(count("SELECT count(*) FROM colleges"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM platform_user"), 3);
}

TEST_F(SeedTest, CreateAdminTwiceMakesOneVerifiedAdmin) {
  AdminCredentials credentials{.email = "Admin@Flick.com", .password = "admin password 1"};
  AdminReport first = create_admin(*pool_, credentials);
  EXPECT_TRUE(first.signed_up);
  EXPECT_TRUE(first.role_granted);
  EXPECT_TRUE(first.verified_now);
  AdminReport second = create_admin(*pool_, credentials);
  EXPECT_TRUE(second.unchanged());
  EXPECT_TRUE(second.password_matches);
  EXPECT_EQ(second.user_id, first.user_id);
  EXPECT_EQ(count("SELECT count(*) FROM auth"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM auth WHERE role = 'admin' AND email_verified AND "
                  "email = 'admin@flick.com'"),
            1);
  auth::Auth auth(*pool_);
  EXPECT_NO_THROW(auth.sign_in("admin@flick.com", "admin password 1"));
}

TEST_F(SeedTest, CreateAdminPromotesAnExistingUserAndKeepsTheirPassword) {
  auth::Auth auth(*pool_);
  auth.sign_up({.email = "boss@flick.com", .password = "old password", .name = "Boss"});
  AdminReport report =
      create_admin(*pool_, {.email = "boss@flick.com", .password = "new password"});
  EXPECT_FALSE(report.signed_up);
  EXPECT_TRUE(report.role_granted);
  EXPECT_TRUE(report.verified_now);
  EXPECT_FALSE(report.password_matches);
  EXPECT_NO_THROW(auth.sign_in("boss@flick.com", "old password"));
}

TEST_F(SeedTest, CreateAdminRejectsAShortPassword) {
  EXPECT_THROW(create_admin(*pool_, {.email = "a@flick.com", .password = "short"}), UserError);
  EXPECT_EQ(count("SELECT count(*) FROM auth"), 0);
}

TEST(AdminCredentialsTest, MissingVariablesAreNamed) {
  auto none = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
  try {
    admin_credentials(none, "examples/flick/.env");
    FAIL() << "expected UserError";
  } catch (const UserError& error) {
    std::string message = error.what();
    EXPECT_NE(message.find("ADMIN_EMAIL and ADMIN_PASSWORD"), std::string::npos) << message;
    EXPECT_NE(message.find("examples/flick/.env"), std::string::npos) << message;
  }
  auto only_email = [](const std::string& name) -> std::optional<std::string> {
    if (name == "ADMIN_EMAIL") return "a@b.c";
    if (name == "ADMIN_PASSWORD") return "";
    return std::nullopt;
  };
  try {
    admin_credentials(only_email, ".env");
    FAIL() << "expected UserError";
  } catch (const UserError& error) {
    std::string message = error.what();
    EXPECT_NE(message.find("ADMIN_PASSWORD not set"), std::string::npos) << message;
    EXPECT_EQ(message.find("ADMIN_EMAIL"), std::string::npos) << message;
  }
}

TEST(AdminCredentialsTest, ValuesAreTakenFromTheLookup) {
  auto both = [](const std::string& name) -> std::optional<std::string> {
    return name == "ADMIN_EMAIL" ? "root@flick.com" : "secret password";
  };
  AdminCredentials credentials = admin_credentials(both, ".env");
  EXPECT_EQ(credentials.email, "root@flick.com");
  EXPECT_EQ(credentials.password, "secret password");
}

TEST(SchemaGuardTest, EmptyDatabaseNamesTheMissingTableAndMigrate) {
  client::Pool pool({.url = testing::create_database("seed_empty"), .size = 1});
  try {
    require_flick_schema(pool);
    FAIL() << "expected UserError";
  } catch (const UserError& error) {
    std::string message = error.what();
    EXPECT_NE(message.find("\"auth\""), std::string::npos) << message;
    EXPECT_NE(message.find("flick migrate"), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace flick::seed

// Auth on the client against a real PostgreSQL 15 with the Flick schema migrated.

#include "auth/auth.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "app_database.hpp"

namespace flick::auth {
namespace {

using namespace std::chrono_literals;

class AuthTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { url_ = new std::string(testing::flick_app_database("auth_test")); }
  static void TearDownTestSuite() {
    delete url_;
    url_ = nullptr;
  }

  void SetUp() override {
    pool_ = std::make_unique<client::Pool>(client::PoolOptions{.url = *url_, .size = 2});
    pool_->query("TRUNCATE auth, colleges CASCADE");
  }

  User sign_up(const std::string& email, const std::string& password = "correct horse") {
    return auth().sign_up({.email = email, .password = password, .name = "someone"});
  }

  Auth& auth() {
    if (!auth_) auth_ = std::make_unique<Auth>(*pool_);
    return *auth_;
  }

  AuthFailure failure_of(const std::function<void()>& action) {
    try {
      action();
    } catch (const AuthError& error) {
      last_message_ = error.what();
      return error.failure();
    }
    ADD_FAILURE() << "expected an AuthError";
    return AuthFailure::kInvalidInput;
  }

  static std::string* url_;
  std::unique_ptr<client::Pool> pool_;
  std::unique_ptr<Auth> auth_;
  std::string last_message_;
};

std::string* AuthTest::url_ = nullptr;

TEST_F(AuthTest, SignUpStoresAnArgon2idCredentialAndALowerCasedEmail) {
  User user = sign_up("  Alice@Flick.COM ");
  EXPECT_EQ(user.email, "alice@flick.com");
  EXPECT_FALSE(user.email_verified);
  EXPECT_FALSE(user.banned);
  EXPECT_EQ(user.id.size(), 32u);
  auto [provider, account_id, hash] =
      pool_
          ->query_first<std::tuple<std::string, std::string, std::string>>(
              "SELECT provider_id, account_id, password FROM account WHERE user_id = $1", user.id)
          .value();
  EXPECT_EQ(provider, "credential");
  EXPECT_EQ(account_id, user.id);
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
}

TEST_F(AuthTest, DuplicateEmailIsAClearError) {
  sign_up("bob@flick.com");
  EXPECT_EQ(failure_of([&] { sign_up("BOB@flick.com", "another password"); }),
            AuthFailure::kEmailTaken);
  EXPECT_NE(last_message_.find("bob@flick.com"), std::string::npos) << last_message_;
  EXPECT_EQ(pool_->query_value<long long>("SELECT count(*) FROM auth"), 1);
}

TEST_F(AuthTest, SignUpRejectsBadInputWithoutWriting) {
  EXPECT_EQ(failure_of([&] { sign_up("carol@flick.com", "short"); }), AuthFailure::kInvalidInput);
  EXPECT_EQ(failure_of([&] { sign_up("not-an-email"); }), AuthFailure::kInvalidInput);
  EXPECT_EQ(pool_->query_value<long long>("SELECT count(*) FROM auth"), 0);
}

TEST_F(AuthTest, SignInOpensASessionWithTokenExpiryIpAndUserAgent) {
  User user = sign_up("dave@flick.com");
  Session session = auth().sign_in("Dave@flick.com", "correct horse",
                                   {.ip_address = "203.0.113.7", .user_agent = "flick-test/1"});
  EXPECT_EQ(session.user_id, user.id);
  EXPECT_EQ(session.token.size(), 43u);
  EXPECT_EQ(session.ip_address, "203.0.113.7");
  EXPECT_EQ(session.user_agent, "flick-test/1");
  auto lifetime = session.expires_at - session.created_at;
  EXPECT_EQ(std::chrono::duration_cast<std::chrono::hours>(lifetime), 24h * 7);
  std::optional<User> who = auth().user_for_session(session.token);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->id, user.id);
}

TEST_F(AuthTest, WrongPasswordAndUnknownEmailAreRejectedAlike) {
  sign_up("erin@flick.com");
  EXPECT_EQ(failure_of([&] { auth().sign_in("erin@flick.com", "wrong horse"); }),
            AuthFailure::kInvalidCredentials);
  std::string wrong_password = last_message_;
  EXPECT_EQ(failure_of([&] { auth().sign_in("nobody@flick.com", "correct horse"); }),
            AuthFailure::kInvalidCredentials);
  EXPECT_EQ(pool_->query_value<long long>("SELECT count(*) FROM session"), 0);
  EXPECT_EQ(wrong_password.find("wrong horse"), std::string::npos) << wrong_password;
}

TEST_F(AuthTest, SessionTokensAreUnique) {
  User user = sign_up("frank@flick.com");
  std::set<std::string> tokens;
  for (int i = 0; i < 20; ++i)
    tokens.insert(auth().sign_in("frank@flick.com", "correct horse").token);
  EXPECT_EQ(tokens.size(), 20u);
  EXPECT_EQ(auth().list_sessions(user.id).size(), 20u);
}

TEST_F(AuthTest, ExpiredSessionIsNotValid) {
  User user = sign_up("grace@flick.com");
  Auth short_lived(*pool_, {.session_lifetime = 60s});
  Session session = short_lived.sign_in("grace@flick.com", "correct horse");
  EXPECT_EQ(session.expires_at - session.created_at, 60s);
  Session lasting = auth().sign_in("grace@flick.com", "correct horse");
  EXPECT_TRUE(short_lived.user_for_session(session.token));
  // Its time runs out (set in the row rather than slept through: a loaded machine made a 1 s
  // lifetime end before the first check).
  pool_->execute(
      "UPDATE session SET expires_at = (now() AT TIME ZONE 'UTC') - interval '1 minute' "
      "WHERE id = $1",
      client::Params(session.id));
  EXPECT_FALSE(short_lived.user_for_session(session.token));
  std::vector<Session> sessions = auth().list_sessions(user.id);
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].token, lasting.token);
}

TEST_F(AuthTest, SignOutEndsTheSession) {
  sign_up("heidi@flick.com");
  Session session = auth().sign_in("heidi@flick.com", "correct horse");
  EXPECT_TRUE(auth().sign_out(session.token));
  EXPECT_FALSE(auth().user_for_session(session.token));
  EXPECT_FALSE(auth().sign_out(session.token));
}

TEST_F(AuthTest, BannedUserCannotSignInAndLosesSessions) {
  User user = sign_up("ivan@flick.com");
  Session before = auth().sign_in("ivan@flick.com", "correct horse");
  auth().ban(user.id, "spam");
  EXPECT_FALSE(auth().user_for_session(before.token));
  EXPECT_EQ(failure_of([&] { auth().sign_in("ivan@flick.com", "correct horse"); }),
            AuthFailure::kBanned);
  EXPECT_NE(last_message_.find("spam"), std::string::npos) << last_message_;
  User banned = auth().get_user(user.id);
  EXPECT_TRUE(banned.banned);
  EXPECT_EQ(banned.ban_reason, "spam");
  EXPECT_FALSE(banned.ban_expires);

  auth().unban(user.id);
  EXPECT_NO_THROW(auth().sign_in("ivan@flick.com", "correct horse"));
  EXPECT_FALSE(auth().get_user(user.id).ban_reason);
}

TEST_F(AuthTest, BanWithWrongPasswordStillSaysInvalidCredentials) {
  User user = sign_up("judy@flick.com");
  auth().ban(user.id, "spam");
  EXPECT_EQ(failure_of([&] { auth().sign_in("judy@flick.com", "wrong horse"); }),
            AuthFailure::kInvalidCredentials);
}

TEST_F(AuthTest, ExpiredBanNoLongerBlocks) {
  User user = sign_up("ken@flick.com");
  auth().ban(user.id, "cool off", 60s);
  EXPECT_EQ(failure_of([&] { auth().sign_in("ken@flick.com", "correct horse"); }),
            AuthFailure::kBanned);
  pool_->execute(
      "UPDATE auth SET ban_expires = (now() AT TIME ZONE 'UTC') - interval '1 minute' "
      "WHERE id = $1",
      client::Params(user.id));
  EXPECT_NO_THROW(auth().sign_in("ken@flick.com", "correct horse"));
  EXPECT_FALSE(auth().get_user(user.id).banned);
}

TEST_F(AuthTest, VerifyEmailAndSetRole) {
  User user = sign_up("leo@flick.com");
  auth().verify_email(user.id);
  auth().set_role(user.id, "admin");
  User updated = auth().get_user(user.id);
  EXPECT_TRUE(updated.email_verified);
  EXPECT_EQ(updated.role, "admin");
  auth().set_role(user.id, std::nullopt);
  EXPECT_FALSE(auth().get_user(user.id).role);
  EXPECT_EQ(failure_of([&] { auth().verify_email("no-such-id"); }), AuthFailure::kNoSuchUser);
}

TEST_F(AuthTest, NoOpAdminUpdatesLeaveTheRowAlone) {
  User user = sign_up("mia@flick.com");
  auth().verify_email(user.id);
  auth().set_role(user.id, "admin");
  std::string before =
      pool_->query_value<std::string>("SELECT updated_at::text FROM auth WHERE id = $1", user.id);
  std::this_thread::sleep_for(10ms);
  auth().verify_email(user.id);
  auth().set_role(user.id, "admin");
  auth().unban(user.id);
  EXPECT_EQ(
      pool_->query_value<std::string>("SELECT updated_at::text FROM auth WHERE id = $1", user.id),
      before);
}

TEST_F(AuthTest, WorkOnAParentTransactionRollsBackWithIt) {
  EXPECT_THROW(pool_->run_transaction([&](client::Transaction& tx) {
    auth().sign_up({.email = "nina@flick.com", .password = "correct horse", .name = "n"}, &tx);
    EXPECT_TRUE(auth().find_user_by_email("nina@flick.com", &tx));
    throw std::runtime_error("abort");
  }),
               std::runtime_error);
  EXPECT_FALSE(auth().find_user_by_email("nina@flick.com"));
}

TEST_F(AuthTest, DuplicateInsideAParentLeavesItUsable) {
  pool_->run_transaction([&](client::Transaction& tx) {
    auth().sign_up({.email = "oscar@flick.com", .password = "correct horse", .name = "o"}, &tx);
    EXPECT_THROW(
        auth().sign_up({.email = "oscar@flick.com", .password = "correct horse", .name = "o"}, &tx),
        AuthError);
    EXPECT_EQ(tx.query_value<long long>("SELECT count(*) FROM auth"), 1);
  });
  EXPECT_TRUE(auth().find_user_by_email("oscar@flick.com"));
}

class PlatformUserCheckTest : public AuthTest {
 protected:
  void insert_platform_user(const std::string& status, std::optional<std::string> branch) {
    User user = sign_up(fmt::format("p{}@flick.com", counter_++));
    std::string college = pool_->query_value<std::string>(
        "INSERT INTO colleges (name, \"emailDomain\", city, state) "
        "VALUES ('C', 'c.edu', 'X', 'Y') RETURNING id::text");
    pool_->query(
        "INSERT INTO platform_user (auth_id, username, college_id, branch, status) "
        "VALUES ($1, $2, $3::uuid, $4, $5::user_status)",
        user.id, user.email, college, branch, status);
  }
  int counter_ = 0;
};

TEST_F(PlatformUserCheckTest, ActiveUserWithoutBranchIsRejected) {
  try {
    insert_platform_user("ACTIVE", std::nullopt);
    FAIL() << "the CHECK let an ACTIVE user without a branch in";
  } catch (const client::Error& error) {
    EXPECT_EQ(error.sqlstate(), "23514");
    EXPECT_EQ(error.constraint(), "platform_user_status_branch_check");
  }
}

TEST_F(PlatformUserCheckTest, OnboardingUserWithABranchIsRejected) {
  EXPECT_THROW(insert_platform_user("ONBOARDING", "CSE"), client::Error);
}

TEST_F(PlatformUserCheckTest, ConsistentRowsAreAccepted) {
  EXPECT_NO_THROW(insert_platform_user("ONBOARDING", std::nullopt));
  EXPECT_NO_THROW(insert_platform_user("ACTIVE", "CSE"));
}

}  // namespace
}  // namespace flick::auth

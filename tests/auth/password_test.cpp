#include "auth/password.hpp"

#include <gtest/gtest.h>

#include "flick/error.hpp"

namespace flick::auth {
namespace {

TEST(PasswordTest, HashIsArgon2idAndVerifies) {
  std::string hash = hash_password("ChangeMeNow!123");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_TRUE(verify_password(hash, "ChangeMeNow!123"));
}

TEST(PasswordTest, WrongPasswordIsRejected) {
  std::string hash = hash_password("ChangeMeNow!123");
  EXPECT_FALSE(verify_password(hash, "ChangeMeNow!124"));
  EXPECT_FALSE(verify_password(hash, ""));
}

TEST(PasswordTest, SamePasswordGetsADifferentSalt) {
  EXPECT_NE(hash_password("same password"), hash_password("same password"));
}

TEST(PasswordTest, GarbageStoredHashNeverVerifies) {
  EXPECT_FALSE(verify_password("", "x"));
  EXPECT_FALSE(verify_password("plaintext", "plaintext"));
  EXPECT_FALSE(verify_password(std::string(300, 'a'), "a"));
}

TEST(PasswordTest, LengthRules) {
  EXPECT_THROW(check_password_rules("short"), UserError);
  EXPECT_THROW(check_password_rules(std::string(129, 'x')), UserError);
  EXPECT_NO_THROW(check_password_rules("12345678"));
  EXPECT_NO_THROW(check_password_rules(std::string(128, 'x')));
}

TEST(PasswordTest, RuleMessageDoesNotEchoThePassword) {
  try {
    check_password_rules("secret1");
    FAIL() << "expected UserError";
  } catch (const UserError& error) {
    EXPECT_EQ(std::string(error.what()).find("secret1"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace flick::auth

#include "auth/token.hpp"

#include <gtest/gtest.h>

#include <set>

namespace flick::auth {
namespace {

bool is_base64url(const std::string& text) {
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

TEST(TokenTest, SessionTokenHas256BitsInBase64Url) {
  std::string token = new_session_token();
  EXPECT_EQ(token.size(), 43u) << token;  // ceil(256 / 6) characters, no padding
  EXPECT_TRUE(is_base64url(token)) << token;
}

TEST(TokenTest, SessionTokensAreUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) seen.insert(new_session_token());
  EXPECT_EQ(seen.size(), 10000u);
}

TEST(TokenTest, AuthIdsAreAlphanumericAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) {
    std::string id = new_auth_id();
    ASSERT_EQ(id.size(), 32u);
    for (char c : id) ASSERT_TRUE(std::isalnum(static_cast<unsigned char>(c))) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 10000u);
}

TEST(TokenTest, AuthIdsUseTheWholeAlphabet) {
  std::set<char> letters;
  for (int i = 0; i < 200; ++i) {
    for (char c : new_auth_id()) letters.insert(c);
  }
  EXPECT_EQ(letters.size(), 62u);
}

}  // namespace
}  // namespace flick::auth

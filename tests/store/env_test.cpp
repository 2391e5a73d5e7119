#include "store/env.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "flick/error.hpp"

namespace flick::store {
namespace {

TEST(ParseDotenv, FollowsDotenvRules) {
  auto values = parse_dotenv(
      "# comment\n"
      "PLAIN=value\n"
      "export EXPORTED=yes\n"
      "SPACED = trimmed value  \n"
      "INLINE=abc # a comment\n"
      "SINGLE='keep ${X} \\n # raw'\n"
      "DOUBLE=\"line\\nnext # not a comment\"\n"
      "EMPTY=\n"
      "\n",
      ".env");
  EXPECT_EQ(values.at("PLAIN"), "value");
  EXPECT_EQ(values.at("EXPORTED"), "yes");
  EXPECT_EQ(values.at("SPACED"), "trimmed value");
  EXPECT_EQ(values.at("INLINE"), "abc");
  EXPECT_EQ(values.at("SINGLE"), "keep ${X} \\n # raw");
  EXPECT_EQ(values.at("DOUBLE"), "line\nnext # not a comment");
  EXPECT_EQ(values.at("EMPTY"), "");
}

TEST(ParseDotenv, RejectsLinesThatAreNotAssignments) {
  try {
    parse_dotenv("A=1\nthis is not valid\n", "config/.env");
    ADD_FAILURE();
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what()).find("config/.env:2"), std::string::npos) << error.what();
  }
}

TEST(Environment, ProcessEnvironmentWinsOverDotenv) {
  setenv("FLICK_ENV_TEST_SET", "from-process", 1);
  unsetenv("FLICK_ENV_TEST_UNSET");
  Environment env({{"FLICK_ENV_TEST_SET", "from-dotenv"}, {"FLICK_ENV_TEST_UNSET", "dotenv-only"}});
  EXPECT_EQ(env.lookup("FLICK_ENV_TEST_SET"), "from-process");
  EXPECT_EQ(env.lookup("FLICK_ENV_TEST_UNSET"), "dotenv-only");
  EXPECT_EQ(env.expand("a ${FLICK_ENV_TEST_SET} b ${FLICK_ENV_TEST_UNSET} $HOME $", "ctx"),
            "a from-process b dotenv-only $HOME $");
  unsetenv("FLICK_ENV_TEST_SET");
}

TEST(Environment, UnsetOrUnclosedVariablesAreErrors) {
  unsetenv("FLICK_ENV_TEST_MISSING");
  Environment env;
  try {
    env.expand("postgres://${FLICK_ENV_TEST_MISSING}/db", "flick.toml:7: dbCredentials.url");
    ADD_FAILURE();
  } catch (const UserError& error) {
    std::string message = error.what();
    EXPECT_NE(message.find("flick.toml:7: dbCredentials.url"), std::string::npos);
    EXPECT_NE(message.find("FLICK_ENV_TEST_MISSING"), std::string::npos);
  }
  EXPECT_THROW(env.expand("${OPEN", "ctx"), UserError);
}

}  // namespace
}  // namespace flick::store

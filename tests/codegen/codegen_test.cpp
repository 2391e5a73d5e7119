// flick codegen: the golden header for a small schema (exact text), names, and refusals.

#include "codegen/codegen.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ddl/ddl.hpp"
#include "flick/error.hpp"
#include "support/line_diff.hpp"

namespace flick::codegen {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string generate(const std::string& sql, const std::string& ns = "small") {
  Options options;
  options.cpp_namespace = ns;
  options.source = "data/*.sql";
  return generate_header(ddl::read_schema_sql(sql, "test.sql"), options);
}

TEST(Codegen, SmallSchemaMatchesTheGoldenHeader) {
  std::string sql = read_file(FLICK_CODEGEN_DATA "/small_schema.sql");
  std::string expected = read_file(FLICK_CODEGEN_DATA "/small_schema.hpp");
  ASSERT_FALSE(expected.empty());
  EXPECT_TRUE(testing::same_text("small_schema.hpp", expected, "generated", generate(sql)));
}

TEST(Codegen, NamesFollowTheStyleGuide) {
  EXPECT_EQ(snake_name("emailDomain"), "email_domain");
  EXPECT_EQ(snake_name("HTTPServer"), "http_server");
  EXPECT_EQ(snake_name("already_snake"), "already_snake");
  EXPECT_EQ(snake_name("class"), "class_");
  EXPECT_EQ(snake_name("2fa"), "c_2fa");
  EXPECT_EQ(pascal_name("platform_user"), "PlatformUser");
  EXPECT_EQ(pascal_name("authType"), "AuthType");
  EXPECT_EQ(enumerator_name("user:created:post"), "kUserCreatedPost");
  EXPECT_EQ(enumerator_name("Rant / Vent"), "kRantVent");
  EXPECT_EQ(enumerator_name("ONBOARDING"), "kOnboarding");
  EXPECT_EQ(enumerator_name(""), "kEmpty");
}

TEST(Codegen, UnsupportedTypeNamesTheColumn) {
  try {
    generate("CREATE TABLE files (id integer PRIMARY KEY, body bytea);");
    FAIL();
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what()).find("public.files.body"), std::string::npos)
        << error.what();
  }
}

// A domain is its base type to the client, through domains over domains and domains over enums;
// ranges travel as text.
TEST(Codegen, DomainsAndRangesMapToTheirClientTypes) {
  std::string header = generate(
      "CREATE TYPE mood AS ENUM ('ok', 'meh');\n"
      "CREATE DOMAIN cents AS bigint CHECK (VALUE >= 0);\n"
      "CREATE DOMAIN positive_cents AS cents CHECK (VALUE > 0);\n"
      "CREATE DOMAIN feeling AS mood;\n"
      "CREATE DOMAIN tags AS text[];\n"
      "CREATE TABLE t (id integer PRIMARY KEY, price positive_cents NOT NULL, f feeling, labels "
      "tags, during tstzrange NOT NULL);");
  EXPECT_NE(header.find("std::int64_t price{};"), std::string::npos) << header;
  EXPECT_NE(header.find("std::optional<Mood> f{};"), std::string::npos) << header;
  EXPECT_NE(header.find("std::optional<std::vector<std::string>> labels{};"), std::string::npos)
      << header;
  EXPECT_NE(header.find("std::string during{};"), std::string::npos) << header;
  try {
    generate("CREATE DOMAIN blob AS bytea;\nCREATE TABLE t (b blob);");
    FAIL() << "bytea under a domain has no mapping either";
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what()).find("public.t.b: type bytea has no client mapping"),
              std::string::npos)
        << error.what();
  }
}

TEST(Codegen, CollidingNamesAreAnError) {
  EXPECT_THROW(generate("CREATE TABLE t (\"userId\" integer, user_id integer);"), UserError);
  EXPECT_THROW(generate("CREATE TYPE e AS ENUM ('a-b', 'a b');"), UserError);
}

}  // namespace
}  // namespace flick::codegen

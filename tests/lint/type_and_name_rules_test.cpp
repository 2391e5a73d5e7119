// Column type rules and identifier length.

#include <gtest/gtest.h>

#include "lint_test_support.hpp"

namespace flick::lint {
namespace {

using testing::findings_of;
using testing::fires;

TEST(IntPrimaryKey, FiresOnIntegerAndSerialKeys) {
  EXPECT_TRUE(fires("CREATE TABLE a (id serial PRIMARY KEY);", "int-primary-key"));
  EXPECT_TRUE(fires("CREATE TABLE a (id integer NOT NULL, CONSTRAINT a_pk PRIMARY KEY (id));",
                    "int-primary-key"));
  EXPECT_TRUE(fires("CREATE TABLE a (id int4 GENERATED ALWAYS AS IDENTITY PRIMARY KEY);",
                    "int-primary-key"));
}

TEST(IntPrimaryKey, QuietOnBigintUuidAndNonKeyIntegers) {
  EXPECT_FALSE(fires("CREATE TABLE a (id bigserial PRIMARY KEY, n integer);", "int-primary-key"));
  EXPECT_FALSE(fires("CREATE TABLE a (id uuid PRIMARY KEY);", "int-primary-key"));
  // Composite keys of join tables inherit their range from the referenced tables.
  EXPECT_FALSE(fires("CREATE TABLE a (x int, y int, PRIMARY KEY (x, y));", "int-primary-key"));
}

TEST(VarcharLength, FiresOnVarcharWithALimit) {
  EXPECT_TRUE(fires("CREATE TABLE a (name varchar(255));", "varchar-length"));
  EXPECT_TRUE(fires("CREATE TABLE a (name character varying(20));", "varchar-length"));
  EXPECT_TRUE(fires("ALTER TABLE a ALTER COLUMN name TYPE varchar(40);", "varchar-length"));
}

TEST(VarcharLength, QuietOnTextAndUnlimitedVarchar) {
  EXPECT_FALSE(fires("CREATE TABLE a (name text, other varchar);", "varchar-length"));
}

TEST(TimestampWithoutTimeZone, FiresOnPlainTimestamp) {
  EXPECT_TRUE(fires("CREATE TABLE a (at timestamp);", "timestamp-without-time-zone"));
  EXPECT_TRUE(fires("CREATE TABLE a (at timestamp(3) without time zone DEFAULT now());",
                    "timestamp-without-time-zone"));
}

TEST(TimestampWithoutTimeZone, QuietOnTimestamptz) {
  EXPECT_FALSE(fires("CREATE TABLE a (at timestamptz, b timestamp with time zone);",
                     "timestamp-without-time-zone"));
}

TEST(IdentifierTooLong, FiresOnQuotedAndBareNamesOver63Bytes) {
  std::string long_name(64, 'x');
  EXPECT_TRUE(fires("CREATE TABLE \"" + long_name + "\" (id bigint);", "identifier-too-long"));
  EXPECT_TRUE(
      fires("CREATE INDEX CONCURRENTLY " + long_name + " ON t (c);", "identifier-too-long"));
  // 32 two-byte characters are 64 bytes.
  std::string wide;
  for (int i = 0; i < 32; ++i) wide += "\xc3\xa9";
  EXPECT_TRUE(fires("CREATE TABLE t (\"" + wide + "\" text);", "identifier-too-long"));
}

TEST(IdentifierTooLong, QuietAt63BytesAndInsideLiteralsAndComments) {
  std::string name(63, 'x');
  std::string long_text(100, 'y');
  EXPECT_EQ(
      findings_of("-- " + long_text + "\nCREATE TABLE \"" + name + "\" (c text DEFAULT '" +
                  long_text + "', d text DEFAULT $$" + long_text + "$$ /* " + long_text + " */);"),
      std::vector<std::string>{});
}

}  // namespace
}  // namespace flick::lint

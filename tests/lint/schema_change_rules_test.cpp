// Rules about ALTER TABLE on existing tables, drops and renames.

#include <gtest/gtest.h>

#include "lint_test_support.hpp"

namespace flick::lint {
namespace {

using testing::findings_of;
using testing::fires;

constexpr const char* kCreateUsers = "CREATE TABLE users (id bigint PRIMARY KEY);\n";

TEST(AddingNotNullColumnWithoutDefault, FiresOnExistingTable) {
  EXPECT_EQ(findings_of("SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN age int NOT NULL;"),
            (std::vector<std::string>{"adding-not-null-column-without-default@2"}));
}

TEST(AddingNotNullColumnWithoutDefault, QuietWithDefaultNullableOrNewTable) {
  EXPECT_FALSE(fires("ALTER TABLE users ADD COLUMN age int NOT NULL DEFAULT 0;",
                     "adding-not-null-column-without-default"));
  EXPECT_FALSE(
      fires("ALTER TABLE users ADD COLUMN age int;", "adding-not-null-column-without-default"));
  EXPECT_FALSE(fires(std::string(kCreateUsers) + "ALTER TABLE users ADD COLUMN age int NOT NULL;",
                     "adding-not-null-column-without-default"));
}

TEST(SettingNotNull, FiresOnExistingTable) {
  EXPECT_TRUE(
      fires("ALTER TABLE \"users\" ALTER COLUMN \"email\" SET NOT NULL;", "setting-not-null"));
}

TEST(SettingNotNull, QuietOnTableCreatedInTheFileAndOnDropNotNull) {
  EXPECT_FALSE(fires(std::string(kCreateUsers) + "ALTER TABLE users ALTER COLUMN id SET NOT NULL;",
                     "setting-not-null"));
  EXPECT_FALSE(fires("ALTER TABLE users ALTER COLUMN email DROP NOT NULL;", "setting-not-null"));
}

TEST(ChangingColumnType, FiresOnExistingTable) {
  EXPECT_TRUE(
      fires("ALTER TABLE users ALTER COLUMN age SET DATA TYPE bigint;", "changing-column-type"));
  EXPECT_TRUE(fires("ALTER TABLE users ALTER COLUMN age TYPE text USING age::text;",
                    "changing-column-type"));
}

TEST(ChangingColumnType, QuietOnNewTableAndOtherColumnChanges) {
  EXPECT_FALSE(fires(std::string(kCreateUsers) + "ALTER TABLE users ALTER COLUMN id TYPE int8;",
                     "changing-column-type"));
  EXPECT_FALSE(fires("ALTER TABLE users ALTER COLUMN age SET DEFAULT 1;", "changing-column-type"));
}

TEST(VolatileDefault, FiresOnVolatileCallsSerialAndIdentity) {
  EXPECT_TRUE(fires("ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();",
                    "volatile-default"));
  EXPECT_TRUE(
      fires("ALTER TABLE users ADD COLUMN r float8 DEFAULT random() * 10;", "volatile-default"));
  EXPECT_TRUE(fires("ALTER TABLE users ADD COLUMN at timestamptz DEFAULT clock_timestamp();",
                    "volatile-default"));
  EXPECT_TRUE(fires("ALTER TABLE users ADD COLUMN n bigserial;", "volatile-default"));
}

TEST(VolatileDefault, QuietOnStableAndConstantDefaultsAndNewTables) {
  EXPECT_FALSE(
      fires("ALTER TABLE users ADD COLUMN at timestamptz DEFAULT now();", "volatile-default"));
  EXPECT_FALSE(fires("ALTER TABLE users ADD COLUMN n int DEFAULT 0;", "volatile-default"));
  EXPECT_FALSE(fires(std::string(kCreateUsers) +
                         "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();",
                     "volatile-default"));
  EXPECT_FALSE(fires("CREATE TABLE t (id uuid DEFAULT gen_random_uuid());", "volatile-default"));
}

TEST(ConstraintWithoutNotValid, FiresOnForeignKeyAndCheck) {
  EXPECT_TRUE(
      fires("ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) "
            "REFERENCES users(id);",
            "constraint-without-not-valid"));
  EXPECT_TRUE(fires("ALTER TABLE posts ADD CONSTRAINT positive CHECK (n > 0);",
                    "constraint-without-not-valid"));
}

TEST(ConstraintWithoutNotValid, QuietWithNotValidOnNewTablesAndOnValidate) {
  EXPECT_FALSE(
      fires("ALTER TABLE posts ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES "
            "users(id) NOT VALID;\nALTER TABLE posts VALIDATE CONSTRAINT fk;",
            "constraint-without-not-valid"));
  EXPECT_FALSE(
      fires("CREATE TABLE posts (n int);\nALTER TABLE posts ADD CONSTRAINT positive "
            "CHECK (n > 0);",
            "constraint-without-not-valid"));
}

TEST(UniqueConstraintInsteadOfIndex, FiresOnAddUnique) {
  EXPECT_TRUE(fires("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
                    "unique-constraint-instead-of-index"));
}

TEST(UniqueConstraintInsteadOfIndex, QuietWithUsingIndexAndOnNewTables) {
  EXPECT_FALSE(
      fires("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX "
            "users_email_idx;",
            "unique-constraint-instead-of-index"));
  EXPECT_FALSE(fires(
      std::string(kCreateUsers) + "ALTER TABLE users ADD CONSTRAINT users_id_key UNIQUE (id);",
      "unique-constraint-instead-of-index"));
}

TEST(Dropping, FiresOnTableColumnAndSchema) {
  EXPECT_EQ(
      findings_of("SET lock_timeout = '1s';\nDROP TABLE old_logs;\nALTER TABLE users DROP "
                  "COLUMN legacy;\nDROP SCHEMA archive CASCADE;"),
      (std::vector<std::string>{"dropping-table@2", "dropping-column@3", "dropping-schema@4"}));
}

TEST(Dropping, QuietOnWhatTheFileCreated) {
  EXPECT_EQ(findings_of("CREATE TABLE scratch (id bigint, tmp text);\nALTER TABLE scratch DROP "
                        "COLUMN tmp;\nDROP TABLE scratch;"),
            std::vector<std::string>{});
}

TEST(Renaming, FiresOnTableAndColumn) {
  EXPECT_TRUE(fires("ALTER TABLE users RENAME TO accounts;", "renaming-table"));
  EXPECT_TRUE(fires("ALTER TABLE users RENAME COLUMN name TO full_name;", "renaming-column"));
}

TEST(Renaming, QuietOnTablesCreatedInTheFileAndOnIndexRenames) {
  EXPECT_FALSE(
      fires(std::string(kCreateUsers) + "ALTER TABLE users RENAME TO accounts;", "renaming-table"));
  EXPECT_FALSE(fires(std::string(kCreateUsers) + "ALTER TABLE users RENAME COLUMN id TO uid;",
                     "renaming-column"));
  EXPECT_FALSE(fires("ALTER INDEX users_idx RENAME TO accounts_idx;", "renaming-table"));
}

TEST(Findings, CarryWhyAndSaferForm) {
  std::vector<Finding> found =
      lint_sql("ALTER TABLE users ALTER COLUMN email SET NOT NULL;", "0002_x.sql", Settings());
  ASSERT_FALSE(found.empty());
  const Finding& finding = found.back();
  EXPECT_EQ(finding.rule, "setting-not-null");
  EXPECT_EQ(finding.severity, flick::Severity::kError);
  EXPECT_EQ(finding.file, "0002_x.sql");
  EXPECT_EQ(finding.line, 1);
  EXPECT_EQ(finding.message, "ALTER TABLE \"users\" ALTER COLUMN \"email\" SET NOT NULL");
  EXPECT_NE(finding.why.find("ACCESS EXCLUSIVE"), std::string::npos);
  EXPECT_NE(finding.fix.find("NOT VALID"), std::string::npos);
}

}  // namespace
}  // namespace flick::lint

// Ignore comments, severities from flick.toml, syntax errors.

#include <gtest/gtest.h>

#include <set>

#include "flick/error.hpp"
#include "lint_test_support.hpp"

namespace flick::lint {
namespace {

using testing::findings_of;

TEST(IgnoreComment, SilencesTheNamedRulesForTheNextStatementOnly) {
  EXPECT_EQ(findings_of("SET lock_timeout = '1s';\n"
                        "-- flick-lint-ignore: dropping-table\n"
                        "DROP TABLE a;\n"
                        "DROP TABLE b;\n"),
            (std::vector<std::string>{"dropping-table@4"}));
}

TEST(IgnoreComment, TakesACommaSeparatedListAboveABreakpointChunk) {
  EXPECT_EQ(findings_of("SET lock_timeout = '1s';\n--> statement-breakpoint\n"
                        "-- flick-lint-ignore: dropping-column, changing-column-type\n"
                        "ALTER TABLE a DROP COLUMN x, ALTER COLUMN y TYPE bigint;\n"),
            std::vector<std::string>{});
}

TEST(IgnoreComment, DoesNotReachAcrossAStatementBreakpoint) {
  EXPECT_EQ(findings_of("SET lock_timeout = '1s';\n-- flick-lint-ignore: dropping-table\n"
                        "--> statement-breakpoint\nDROP TABLE a;\n"),
            (std::vector<std::string>{"dropping-table@4"}));
}

TEST(IgnoreComment, WorksAfterDrizzlesEndOfLineBreakpoint) {
  EXPECT_EQ(findings_of("SET lock_timeout = '1s';--> statement-breakpoint\n"
                        "-- flick-lint-ignore: dropping-column\n"
                        "ALTER TABLE a DROP COLUMN x;--> statement-breakpoint\n"
                        "ALTER TABLE a DROP COLUMN y;"),
            (std::vector<std::string>{"dropping-column@4"}));
}

TEST(IgnoreComment, UnknownRuleIsAnErrorNamingTheLine) {
  try {
    lint_sql("SELECT 1;\n-- flick-lint-ignore: droping-table\nDROP TABLE a;", "m.sql", Settings());
    FAIL() << "no error";
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what()).find("m.sql:2:1:"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("droping-table"), std::string::npos);
  }
}

TEST(Settings, ConfigChangesSeveritiesAndTurnsRulesOff) {
  Settings settings = Settings::from_config(
      {{"dropping-table", "off"}, {"varchar-length", "error"}, {"setting-not-null", "warning"}},
      "flick.toml");
  EXPECT_EQ(settings.severity_of("dropping-table"), Severity::kOff);
  EXPECT_EQ(settings.severity_of("varchar-length"), Severity::kError);
  EXPECT_EQ(settings.severity_of("renaming-table"), Severity::kError);
  std::vector<Finding> found = lint_sql(
      "SET lock_timeout = '1s';\nDROP TABLE a;\nCREATE TABLE b (n varchar(9));\nALTER TABLE c "
      "ALTER COLUMN d SET NOT NULL;",
      "m.sql", settings);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].rule, "varchar-length");
  EXPECT_EQ(found[0].severity, flick::Severity::kError);
  EXPECT_EQ(found[1].rule, "setting-not-null");
  EXPECT_EQ(found[1].severity, flick::Severity::kWarning);
}

TEST(Settings, UnknownRuleOrSeverityIsAUserError) {
  EXPECT_THROW(Settings::from_config({{"no-such-rule", "off"}}, "flick.toml"), UserError);
  EXPECT_THROW(Settings::from_config({{"dropping-table", "fatal"}}, "flick.toml"), UserError);
}

TEST(Rules, EveryRuleHasAdviceAndAUniqueName) {
  std::set<std::string_view> names;
  for (const Rule& rule : all_rules()) {
    EXPECT_TRUE(names.insert(rule.name).second) << rule.name;
    EXPECT_FALSE(rule.why.empty()) << rule.name;
    EXPECT_FALSE(rule.safer.empty()) << rule.name;
  }
  EXPECT_EQ(names.size(), 20u);
}

TEST(SyntaxError, IsAUserErrorWithPosition) {
  try {
    lint_sql("SELECT 1;\nALTER TABEL x;", "bad.sql", Settings());
    FAIL() << "no error";
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what()).find("bad.sql:2:"), std::string::npos) << error.what();
  }
}

TEST(EmptyAndCommentOnlyFiles, HaveNoFindings) {
  EXPECT_TRUE(findings_of("").empty());
  EXPECT_TRUE(findings_of("-- Custom SQL migration file, put your code below! --").empty());
}

}  // namespace
}  // namespace flick::lint

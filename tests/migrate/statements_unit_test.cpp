// migrate::plan_statements: statement numbers, lines, and what must run outside a transaction.

#include <gtest/gtest.h>

#include "flick/error.hpp"
#include "migrate/statements.hpp"

namespace flick::migrate {
namespace {

TEST(PlanStatements, SplitsDrizzleFileWithNumbersAndLines) {
  std::string sql =
      "CREATE TABLE \"a\" (\n\t\"id\" integer\n);\n--> statement-breakpoint\n"
      "CREATE INDEX \"a_id\" ON \"a\" USING btree (\"id\");--> statement-breakpoint\n"
      "ALTER TABLE \"a\" ADD COLUMN \"b\" text;";
  std::vector<PlannedStatement> statements = plan_statements(sql, "0001_x.sql");
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_EQ(statements[0].number, 1);
  EXPECT_EQ(statements[0].line, 1);
  EXPECT_EQ(statements[0].first_line(), "CREATE TABLE \"a\" (");
  EXPECT_EQ(statements[1].number, 2);
  EXPECT_EQ(statements[1].line, 5);
  EXPECT_EQ(statements[2].line, 6);
  EXPECT_EQ(statements[2].first_line(), "ALTER TABLE \"a\" ADD COLUMN \"b\" text");
  for (const PlannedStatement& statement : statements) {
    EXPECT_FALSE(statement.outside_transaction) << statement.text;
  }
}

TEST(PlanStatements, ConcurrentlyAndVacuumRunOutsideATransaction) {
  std::string sql =
      "CREATE TABLE t (id int);\n"
      "CREATE INDEX CONCURRENTLY t_id ON t (id);\n"
      "DROP INDEX CONCURRENTLY t_id;\n"
      "REINDEX (CONCURRENTLY) TABLE t;\n"
      "VACUUM t;\n"
      "CREATE INDEX t_id2 ON t (id);\n"
      "DROP INDEX t_id2;\n";
  std::vector<PlannedStatement> statements = plan_statements(sql, "x.sql");
  ASSERT_EQ(statements.size(), 7u);
  std::vector<bool> outside;
  for (const PlannedStatement& statement : statements) {
    outside.push_back(statement.outside_transaction);
  }
  EXPECT_EQ(outside, (std::vector<bool>{false, true, true, true, true, false, false}));
}

TEST(PlanStatements, SyntaxErrorNamesFileLineAndColumn) {
  try {
    plan_statements("CREATE TABLE a (id int);\nCREATE TABEL b (id int);\n", "0002_bad.sql");
    FAIL() << "expected a UserError";
  } catch (const UserError& error) {
    std::string message = error.what();
    EXPECT_NE(message.find("0002_bad.sql:2:"), std::string::npos) << message;
  }
}

TEST(PlanStatements, EmptyFileHasNoStatements) {
  EXPECT_TRUE(plan_statements("", "0003_custom.sql").empty());
  EXPECT_TRUE(plan_statements("-- nothing yet\n", "0003_custom.sql").empty());
}

TEST(PlanStatements, ChunkWithoutSemicolonAndTransactionControl) {
  std::vector<PlannedStatement> statements = plan_statements(
      "BEGIN;--> statement-breakpoint\nDELETE FROM t WHERE x IS NULL--> statement-breakpoint\n"
      "COMMIT;--> statement-breakpoint\n--> statement-breakpoint\nCREATE INDEX CONCURRENTLY i ON t "
      "(x);",
      "0004_x.sql");
  ASSERT_EQ(statements.size(), 4u);
  EXPECT_EQ(statements[0].control, PlannedStatement::Control::kBegin);
  EXPECT_EQ(statements[1].text, "DELETE FROM t WHERE x IS NULL");
  EXPECT_EQ(statements[1].line, 2);
  EXPECT_EQ(statements[1].control, PlannedStatement::Control::kNone);
  EXPECT_EQ(statements[2].control, PlannedStatement::Control::kCommit);
  EXPECT_EQ(statements[3].number, 4);
  EXPECT_EQ(statements[3].line, 5);
  EXPECT_TRUE(statements[3].outside_transaction);
}

TEST(PlanStatements, ChunkTheGrammarCannotReadIsRefusedUnlessTheServerIsNewer) {
  const char* sql =
      "CREATE TABLE t (m text);--> statement-breakpoint\n"
      "ALTER TABLE t ADD COLUMN j boolean GENERATED ALWAYS AS (m IS JSON OBJECT) STORED;";
  try {
    plan_statements(sql, "0005_pg16.sql");
    FAIL() << "expected a UserError";
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what()).find("0005_pg16.sql:2:"), std::string::npos)
        << error.what();
  }
  std::vector<PlannedStatement> statements = plan_statements(sql, "0005_pg16.sql", true);
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_FALSE(statements[0].unparsed);
  EXPECT_TRUE(statements[1].unparsed);
  EXPECT_EQ(statements[1].line, 2);
  EXPECT_NE(statements[1].text.find("IS JSON OBJECT"), std::string::npos);
}

}  // namespace
}  // namespace flick::migrate

namespace flick::migrate {
namespace {

TEST(MoveSchema, QualifiersOfTheSchemaMoveEverythingElseStays) {
  EXPECT_EQ(
      move_schema("ALTER TABLE \"items\" ADD CONSTRAINT \"fk\" FOREIGN KEY (\"o\") REFERENCES "
                  "\"public\".\"owners\"(\"id\")",
                  "public", "tenant_7"),
      "ALTER TABLE \"items\" ADD CONSTRAINT \"fk\" FOREIGN KEY (\"o\") REFERENCES "
      "\"tenant_7\".\"owners\"(\"id\")");
  // Inside a DO block's dollar quotes too; unquoted and spaced qualifiers; case folds.
  EXPECT_EQ(
      move_schema("DO $$ BEGIN CREATE TYPE \"public\".\"k\" AS ENUM('a'); END $$", "public", "t"),
      "DO $$ BEGIN CREATE TYPE \"t\".\"k\" AS ENUM('a'); END $$");
  EXPECT_EQ(move_schema("SELECT * FROM public.a JOIN PUBLIC . b ON true", "public", "t"),
            "SELECT * FROM \"t\".a JOIN \"t\" . b ON true");
  // Not qualifiers: the schema itself, other schemas ending or starting alike, a column named
  // public, a name after a dot, string literals, comments.
  for (const char* unchanged :
       {"CREATE SCHEMA IF NOT EXISTS \"public\"", "GRANT USAGE ON SCHEMA public TO app",
        "SELECT * FROM my_public.a, \"public_x\".b, publicx.c", "SELECT t.public FROM t",
        "SELECT db.public.a FROM x", "COMMENT ON TABLE a IS 'see \"public\".a and public.b'",
        "SELECT E'it\\'s public.a'", "SELECT 1 -- public.a\n", "SELECT /* \"public\".a */ 1",
        "SELECT \"Public\".a FROM b"}) {
    EXPECT_EQ(move_schema(unchanged, "public", "t"), unchanged) << unchanged;
  }
  // A tenant name that needs quoting is quoted.
  EXPECT_EQ(move_schema("SELECT public.a", "public", "Tenant \"7\""),
            "SELECT \"Tenant \"\"7\"\"\".a");
}

}  // namespace
}  // namespace flick::migrate

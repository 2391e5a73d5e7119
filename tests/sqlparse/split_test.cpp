#include <gtest/gtest.h>

#include "flick/error.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::sqlparse {
namespace {

TEST(LocationOf, CountsLinesAndCharacters) {
  std::string_view text = "ab\ncd\n\xC3\xA4x";
  EXPECT_EQ(location_of(text, 0).line, 1);
  EXPECT_EQ(location_of(text, 0).column, 1);
  EXPECT_EQ(location_of(text, 4).line, 2);
  EXPECT_EQ(location_of(text, 4).column, 2);
  // After a two-byte UTF-8 character the column advances by one.
  EXPECT_EQ(location_of(text, 8).line, 3);
  EXPECT_EQ(location_of(text, 8).column, 2);
}

// Robustness class 10: every statement's line came from scanning the file from its start
// (quadratic in statements per file); LineIndex answers from the line starts, the same way.
TEST(LineIndex, AgreesWithLocationOfEverywhere) {
  std::string text = "ab\ncd\n\xC3\xA4x\n\n-- c\nSELECT 1;";
  LineIndex lines(text);
  for (std::size_t offset = 0; offset <= text.size() + 2; ++offset) {
    Location expected = location_of(text, offset);
    EXPECT_EQ(lines.line_of(offset), expected.line) << offset;
    EXPECT_EQ(lines.location_of(text, offset).line, expected.line) << offset;
    EXPECT_EQ(lines.location_of(text, offset).column, expected.column) << offset;
  }
  EXPECT_EQ(LineIndex("").line_of(0), 1);
}

TEST(SplitStatements, GivesTextOffsetAndKind) {
  std::string sql =
      "-- leading comment\nCREATE TABLE t (id int);\n--> statement-breakpoint\n"
      "CREATE INDEX i ON t (id);\n\n  ALTER TABLE t ADD CHECK (id > 0)";
  std::vector<Statement> statements = split_statements(sql, "a.sql");
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_EQ(statements[0].text, "CREATE TABLE t (id int)");
  EXPECT_EQ(statements[0].kind, "CreateStmt");
  EXPECT_EQ(statements[0].offset, sql.find("CREATE TABLE"));
  EXPECT_EQ(statements[1].text, "CREATE INDEX i ON t (id)");
  EXPECT_EQ(statements[1].kind, "IndexStmt");
  EXPECT_EQ(statements[2].text, "ALTER TABLE t ADD CHECK (id > 0)");
  EXPECT_EQ(statements[2].kind, "AlterTableStmt");
  EXPECT_EQ(location_of(sql, statements[2].offset).line, 6);
  EXPECT_EQ(location_of(sql, statements[2].offset).column, 3);
}

TEST(SplitStatements, SyntaxErrorNamesFileLineAndColumn) {
  try {
    split_statements("CREATE TABLE t (id int);\nCREATE TABEL u (id int);", "schema/a.sql");
    FAIL() << "expected a UserError";
  } catch (const UserError& error) {
    EXPECT_EQ(std::string(error.what()), "schema/a.sql:2:8: syntax error at or near \"TABEL\"");
  }
}

TEST(SplitStatements, EmptyTextHasNoStatements) {
  EXPECT_TRUE(split_statements("  -- nothing\n", "empty.sql").empty());
}

}  // namespace
}  // namespace flick::sqlparse

namespace flick::sqlparse {
namespace {

// Texts over a few kilobytes are parsed statement by statement; spans and positions must not
// change.
TEST(SplitStatements, LongTextsKeepAbsoluteOffsets) {
  std::string sql;
  std::vector<std::size_t> starts;
  for (int i = 0; i < 400; ++i) {
    sql += "-- table " + std::to_string(i) + "\n";
    starts.push_back(sql.size());
    sql += "CREATE TABLE t" + std::to_string(i) + " (id int);\n";
  }
  sql += "SELECT 1";  // the last statement has no ';'
  std::vector<Statement> statements = split_statements(sql, "long.sql");
  ASSERT_EQ(statements.size(), 401u);
  for (int i = 0; i < 400; ++i) {
    EXPECT_EQ(statements[i].offset, starts[i]);
    EXPECT_EQ(statements[i].text, "CREATE TABLE t" + std::to_string(i) + " (id int)");
  }
  EXPECT_EQ(statements[400].text, "SELECT 1");
  try {
    split_statements(sql + ";\nCREATE TABEL x (id int);", "long.sql");
    FAIL() << "expected a UserError";
  } catch (const UserError& error) {
    EXPECT_EQ(std::string(error.what()), "long.sql:802:8: syntax error at or near \"TABEL\"");
  }
}

}  // namespace
}  // namespace flick::sqlparse

#include "ddl/replay.hpp"

#include <gtest/gtest.h>

#include "flick/error.hpp"

namespace {

using flick::ddl::Replayer;

std::string replay_error(const std::string& sql) {
  Replayer replayer;
  try {
    replayer.apply(sql, "0001_x.sql");
  } catch (const flick::UserError& error) {
    return error.what();
  }
  ADD_FAILURE() << "expected a UserError for:\n" << sql;
  return "";
}

TEST(Replay, AppliesAlterDropAndRenameAcrossFiles) {
  Replayer replayer;
  replayer.apply(
      "CREATE TYPE mood AS ENUM ('sad');\n"
      "CREATE TABLE users (id serial PRIMARY KEY, name text, mood mood);\n"
      "CREATE TABLE notes (id int PRIMARY KEY, user_id int);\n",
      "0000_a.sql");
  replayer.apply(
      "ALTER TABLE users ADD COLUMN email text NOT NULL;\n"
      "ALTER TABLE users DROP COLUMN name;\n"
      "ALTER TABLE users RENAME TO people;\n"
      "ALTER TABLE notes ADD CONSTRAINT notes_user_fk FOREIGN KEY (user_id) REFERENCES people(id) "
      "NOT VALID;\n"
      "ALTER TABLE notes VALIDATE CONSTRAINT notes_user_fk;\n"
      "ALTER TYPE mood ADD VALUE 'happy' BEFORE 'sad';\n"
      "CREATE INDEX people_email_idx ON people (email);\n"
      "ALTER INDEX people_email_idx RENAME TO people_mail_idx;\n"
      "INSERT INTO people (email) VALUES ('a');\n",
      "0001_b.sql");
  flick::model::Catalog catalog = replayer.catalog();
  const flick::model::Table* people = catalog.find_table("public", "people");
  ASSERT_NE(people, nullptr);
  EXPECT_EQ(catalog.find_table("public", "users"), nullptr);
  EXPECT_EQ(flick::model::find_column(*people, "name"), nullptr);
  ASSERT_NE(flick::model::find_column(*people, "email"), nullptr);
  EXPECT_TRUE(flick::model::find_column(*people, "email")->not_null);
  ASSERT_EQ(people->indexes.size(), 1u);
  EXPECT_EQ(people->indexes[0].name, "people_mail_idx");
  const flick::model::Table* notes = catalog.find_table("public", "notes");
  ASSERT_EQ(notes->foreign_keys.size(), 1u);
  EXPECT_EQ(notes->foreign_keys[0].ref_table, "people");
  EXPECT_EQ(catalog.find_enum("public", "mood")->values,
            (std::vector<std::string>{"happy", "sad"}));
}

TEST(Replay, DrizzleDoBlockAddsTheForeignKeyOnceAndToleratesTheDuplicate) {
  const std::string block =
      "DO $$ BEGIN\n ALTER TABLE \"b\" ADD CONSTRAINT \"b_a_fk\" FOREIGN KEY (\"a_id\") "
      "REFERENCES \"public\".\"a\"(\"id\") ON DELETE cascade ON UPDATE no action;\n"
      "EXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;\n";
  Replayer replayer;
  replayer.apply("CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (a_id int);\n", "0.sql");
  replayer.apply(block, "1.sql");
  replayer.apply(block, "2.sql");
  flick::model::Catalog catalog = replayer.catalog();
  const auto* b = catalog.find_table("public", "b");
  ASSERT_EQ(b->foreign_keys.size(), 1u);
  EXPECT_EQ(b->foreign_keys[0].on_delete, "cascade");
}

TEST(Replay, IfNotExistsSkipsAndPlainCreateOfAnExistingTableFails) {
  Replayer replayer;
  replayer.apply("CREATE TABLE t (id int);\nCREATE TABLE IF NOT EXISTS t (other text);\n", "0.sql");
  EXPECT_NE(flick::model::find_column(*replayer.catalog().find_table("public", "t"), "id"),
            nullptr);
  EXPECT_NE(replay_error("CREATE TABLE t (id int);\nCREATE TABLE t (id int);\n")
                .find("0001_x.sql:2:14: table \"public\".\"t\" is already defined"),
            std::string::npos);
}

TEST(Replay, ObjectsThatDoNotExistAreErrorsWithPositions) {
  EXPECT_EQ(replay_error("DROP TABLE missing;"),
            "0001_x.sql:1:1: table \"public\".\"missing\" does not exist");
  EXPECT_EQ(replay_error("CREATE TABLE t (id int);\nALTER TABLE t DROP COLUMN nope;"),
            "0001_x.sql:2:1: column \"nope\" of table \"t\" does not exist");
  EXPECT_EQ(replay_error("CREATE TABLE t (id int);\nALTER TABLE t DROP CONSTRAINT nope;"),
            "0001_x.sql:2:1: constraint \"nope\" of relation \"t\" does not exist");
  EXPECT_EQ(replay_error("DROP FUNCTION f();"), "0001_x.sql:1:1: function \"f()\" does not exist");
  EXPECT_EQ(
      replay_error("CREATE TRIGGER t AFTER INSERT ON nope FOR EACH ROW EXECUTE FUNCTION f();"),
      "0001_x.sql:1:1: table \"public\".\"nope\" is not defined (tables must be created "
      "before statements that refer to them)");
  EXPECT_NE(replay_error("CREATE CAST (int AS text) WITH INOUT;")
                .find("0001_x.sql:1:1: unsupported statement CreateCastStmt"),
            std::string::npos);
}

// Aggregates and the indexes of materialized views are followed through a migration history:
// created, replaced, renamed and dropped like the other objects.
TEST(Replay, AggregatesAndMaterializedViewIndexes) {
  Replayer replayer;
  replayer.apply(
      "CREATE TABLE t (id int PRIMARY KEY, name text);\n"
      "CREATE FUNCTION _cat(text, text) RETURNS text LANGUAGE sql AS $$ SELECT $1 || $2 $$;\n"
      "CREATE AGGREGATE cat(text) (SFUNC = _cat, STYPE = text);\n"
      "CREATE MATERIALIZED VIEW names AS SELECT name, count(*) AS n FROM t GROUP BY name;\n"
      "CREATE UNIQUE INDEX names_name ON names (name);\n",
      "0000_a.sql");
  const flick::model::Catalog& catalog = replayer.catalog();
  ASSERT_EQ(catalog.functions.size(), 2u);
  EXPECT_TRUE(catalog.functions[1].aggregate);
  ASSERT_EQ(catalog.views.size(), 1u);
  ASSERT_EQ(catalog.views[0].indexes.size(), 1u);
  EXPECT_EQ(catalog.views[0].indexes[0].name, "names_name");
  EXPECT_TRUE(catalog.views[0].indexes[0].unique);

  replayer.apply(
      "CREATE OR REPLACE AGGREGATE cat(text) (SFUNC = _cat, STYPE = text, INITCOND = '');\n"
      "ALTER INDEX names_name RENAME TO names_by_name;\n",
      "0001_b.sql");
  EXPECT_NE(replayer.catalog().functions[1].canonical.find("initcond="), std::string::npos);
  EXPECT_EQ(replayer.catalog().views[0].indexes[0].name, "names_by_name");

  replayer.apply("DROP INDEX names_by_name;\nDROP AGGREGATE cat(text);\n", "0002_c.sql");
  EXPECT_TRUE(replayer.catalog().views[0].indexes.empty());
  ASSERT_EQ(replayer.catalog().functions.size(), 1u);
  EXPECT_FALSE(replayer.catalog().functions[0].aggregate);

  // The name an index of a dropped materialized view held is free again.
  replayer.apply(
      "CREATE UNIQUE INDEX names_name ON names (name);\nDROP MATERIALIZED VIEW names;\n"
      "CREATE INDEX names_name ON t (name);\n",
      "0003_d.sql");
  EXPECT_EQ(replayer.catalog().tables[0].indexes.size(), 1u);
  EXPECT_NE(replay_error("DROP AGGREGATE nope(text);").find("does not exist"), std::string::npos);
}

TEST(Replay, ReplaceModeReportsRecreatedObjectsAndKeepsIndexes) {
  Replayer replayer(Replayer::Existing::kReplace);
  replayer.apply("CREATE TABLE t (id int);\nCREATE INDEX t_id_idx ON t (id);\n", "0.sql");
  std::vector<bool> recreated;
  replayer.apply("CREATE TABLE t (id int, name text);\nALTER TABLE t ADD COLUMN x int;\n", "1.sql",
                 [&](const flick::ddl::ReplayedStatement& s) { recreated.push_back(s.recreated); });
  EXPECT_EQ(recreated, (std::vector<bool>{true, false}));
  flick::model::Catalog catalog = replayer.catalog();
  const auto* t = catalog.find_table("public", "t");
  EXPECT_EQ(t->columns.size(), 3u);
  ASSERT_EQ(t->indexes.size(), 1u);
}

TEST(Replay, DropsCascadeToForeignKeysAndSchemas) {
  Replayer replayer;
  replayer.apply(
      "CREATE SCHEMA s;\nCREATE TABLE s.a (id int PRIMARY KEY);\n"
      "CREATE TABLE b (a_id int REFERENCES s.a(id));\n"
      "DROP SCHEMA s CASCADE;\n",
      "0.sql");
  flick::model::Catalog catalog = replayer.catalog();
  EXPECT_TRUE(catalog.schemas.empty());
  EXPECT_TRUE(catalog.find_table("public", "b")->foreign_keys.empty());
}

}  // namespace

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ddl/ddl.hpp"
#include "flick/error.hpp"
#include "test_util.hpp"

namespace flick::ddl {
namespace {

using testing::read_error;

// The files are parsed a file ahead on another thread; the error reported is still the first
// in file order, and a file's error comes after every earlier file was read whole.
TEST(Errors, SeveralFilesReportTheFirstErrorInFileOrder) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("flick-ddl-files-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return dir / name;
  };
  auto error_of = [](const std::vector<std::filesystem::path>& paths) -> std::string {
    try {
      read_schema_files(paths);
    } catch (const UserError& error) {
      return error.what();
    }
    return "";
  };
  std::filesystem::path users = write("1_users.sql", "CREATE TABLE users (id int);\n");
  std::filesystem::path twice = write("2_twice.sql", "CREATE TABLE users (id int);\n");
  std::filesystem::path syntax = write("3_syntax.sql", "CREATE TABEL posts (id int);\n");
  std::filesystem::path posts =
      write("4_posts.sql", "CREATE TABLE posts (id int, user_id int REFERENCES users);\n");
  std::filesystem::path missing = dir / "5_missing.sql";
  // An error in interpreting file 2 comes before file 3's syntax error and file 5's absence.
  std::string duplicate = error_of({users, twice, syntax, posts, missing});
  EXPECT_NE(duplicate.find("2_twice.sql:1:"), std::string::npos) << duplicate;
  std::string syntax_error = error_of({users, syntax, posts, missing});
  EXPECT_NE(syntax_error.find("3_syntax.sql:1:8: syntax error"), std::string::npos) << syntax_error;
  std::string unreadable = error_of({users, posts, missing, syntax});
  EXPECT_NE(unreadable.find("5_missing.sql"), std::string::npos) << unreadable;
  EXPECT_EQ(unreadable.find("3_syntax.sql"), std::string::npos) << unreadable;
  // Without an error, many files read as one.
  std::vector<std::filesystem::path> many;
  std::string whole;
  for (int i = 0; i < 12; ++i) {
    std::string table = "CREATE TABLE t" + std::to_string(i) + " (id int PRIMARY KEY);\n";
    many.push_back(write("many_" + std::to_string(100 + i) + ".sql", table));
    whole += table;
  }
  EXPECT_TRUE(read_schema_files(many) == read_schema_sql(whole, "whole.sql"));
  std::filesystem::remove_all(dir);
}

TEST(Errors, SyntaxError) {
  EXPECT_EQ(read_error("CREATE TABLE a (id int);\nCREATE TABEL b (id int);", "s/a.sql"),
            "s/a.sql:2:8: syntax error at or near \"TABEL\"");
}

TEST(Errors, UnsupportedStatementsNameTheirKind) {
  EXPECT_EQ(read_error("CREATE TABLE a (id int);\n  CREATE PUBLICATION p FOR ALL TABLES;"),
            "schema.sql:2:3: unsupported statement CreatePublicationStmt");
  EXPECT_EQ(read_error("SELECT 1;"), "schema.sql:1:1: unsupported statement SelectStmt");
  EXPECT_EQ(read_error("SELECT set_config('search_path', current_user, false);"),
            "schema.sql:1:1: unsupported statement SELECT set_config(...) with computed values");
  EXPECT_EQ(read_error("ALTER SEQUENCE s OWNED BY t.id;"),
            "schema.sql:1:16: sequence \"public\".\"s\" is not created");
  EXPECT_EQ(read_error("\n\nCREATE CAST (int AS text) WITH INOUT;"),
            "schema.sql:3:1: unsupported statement CreateCastStmt");
  EXPECT_EQ(read_error("-- comment\nBEGIN;"),
            "schema.sql:2:1: unsupported statement TransactionStmt");
  EXPECT_EQ(read_error("CREATE TABLE t AS SELECT 1;"),
            "schema.sql:1:1: unsupported statement CREATE TABLE ... AS");
  EXPECT_EQ(read_error("CREATE TABLE t (id int);\nALTER INDEX i RENAME TO j;"),
            "schema.sql:2:1: unsupported statement RenameStmt");
  EXPECT_EQ(read_error("CREATE TABLE t (id int);\nCOMMENT ON INDEX i IS 'x';"),
            "schema.sql:2:1: unsupported statement COMMENT (on tables, columns, schemas, views, "
            "sequences, types, domains, collations and routines)");
  EXPECT_EQ(read_error("CREATE TABLE t (id int);\nCOMMENT ON VIEW t IS 'x';"),
            "schema.sql:2:1: view \"public\".\"t\" is not defined");
  EXPECT_EQ(read_error("CREATE VIEW v AS SELECT 1 AS one;\nCOMMENT ON MATERIALIZED VIEW v IS 'x';"),
            "schema.sql:2:1: materialized view \"public\".\"v\" is not defined");
  EXPECT_EQ(read_error("COMMENT ON FUNCTION f(integer) IS 'x';"),
            "schema.sql:1:1: function public.f(integer) does not exist");
  EXPECT_EQ(read_error("COMMENT ON SCHEMA app IS 'x';"),
            "schema.sql:1:1: schema \"app\" is not defined");
  EXPECT_EQ(read_error("CREATE TABLE t (id serial);\nCOMMENT ON SEQUENCE t_id_seq IS 'x';"),
            "schema.sql:2:1: unsupported statement COMMENT ON SEQUENCE \"public\".\"t_id_seq\" "
            "(Flick keeps comments on sequences created by CREATE SEQUENCE)");
}

TEST(Errors, UnsupportedTableClauses) {
  EXPECT_EQ(read_error("CREATE TABLE m (at date) PARTITION BY RANGE (day);"),
            "schema.sql:1:46: PARTITION BY names column \"day\", which table \"m\" does not have");
  EXPECT_EQ(read_error("CREATE TABLE p (id int);\nCREATE TABLE c PARTITION OF p DEFAULT;"),
            "schema.sql:2:29: table \"public\".\"p\" is not partitioned (no PARTITION BY)");
  EXPECT_EQ(
      read_error("CREATE TABLE c PARTITION OF p DEFAULT;"),
      "schema.sql:1:29: PARTITION OF names table \"public\".\"p\", which is not created (yet)");
  EXPECT_EQ(read_error("CREATE TABLE p (id int) PARTITION BY LIST (id);\n"
                       "CREATE TABLE c PARTITION OF p (id WITH OPTIONS NOT NULL) DEFAULT;"),
            "schema.sql:2:32: unsupported column options for \"id\" in PARTITION OF (a partition "
            "has its parent's columns)");
  EXPECT_EQ(read_error("CREATE TEMP TABLE t (id int);"),
            "schema.sql:1:19: unsupported clause TEMPORARY in CREATE TABLE");
  EXPECT_EQ(read_error("CREATE TABLE t (\n  name text COMPRESSION lz4\n);"),
            "schema.sql:2:3: unsupported clause COMPRESSION on column \"name\"");
  EXPECT_EQ(read_error("CREATE TABLE t (a int, EXCLUDE USING gist (b WITH =));"),
            "schema.sql:1:24: EXCLUDE constraint names column \"b\", which table \"t\" does not "
            "have");
  EXPECT_EQ(read_error("CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE t (p int REFERENCES p "
                       "DEFERRABLE);"),
            "schema.sql:2:36: unsupported clause DEFERRABLE on column \"p\"");
  EXPECT_EQ(read_error("CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE t (p int, FOREIGN KEY "
                       "(p) REFERENCES p MATCH FULL);"),
            "schema.sql:2:24: unsupported clause MATCH FULL/PARTIAL in FOREIGN KEY constraint");
  EXPECT_EQ(read_error("CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;"),
            "schema.sql:2:1: unsupported clause in ALTER TABLE: AddColumn");
  EXPECT_EQ(read_error("CREATE SEQUENCE s OWNED BY NONE;"),
            "schema.sql:1:19: unsupported sequence option owned_by");
}

TEST(Errors, InheritanceMistakesNameTheTablesAndColumn) {
  EXPECT_EQ(read_error("CREATE TABLE c (x int) INHERITS (p);"),
            "schema.sql:1:34: INHERITS names table \"public\".\"p\", which is not created (yet)");
  EXPECT_EQ(read_error("CREATE TABLE p (a int);\nCREATE TABLE c (a text) INHERITS (p);"),
            "schema.sql:2:17: column \"a\" is text here but integer in \"public\".\"p\", which it "
            "inherits from; PostgreSQL merges only columns of one type");
  EXPECT_EQ(read_error("CREATE TABLE p (a int) PARTITION BY LIST (a);\n"
                       "CREATE TABLE c (b int) INHERITS (p);"),
            "schema.sql:2:34: PostgreSQL does not let a partitioned table or a partition inherit "
            "or be inherited (INHERITS with PARTITION BY / of a partitioned table)");
  EXPECT_EQ(read_error("CREATE TABLE p (a int);\nCREATE TABLE c (b int) INHERITS (p, p);"),
            "schema.sql:2:37: INHERITS names \"public\".\"p\" twice");
  EXPECT_EQ(read_error("CREATE TABLE p (a int NOT NULL);\nCREATE TABLE c (b int);\n"
                       "ALTER TABLE c INHERIT p;"),
            "schema.sql:3:23: \"public\".\"c\" cannot inherit from \"public\".\"p\": its column "
            "\"a\" is missing");
  EXPECT_EQ(read_error("CREATE TABLE p (a int NOT NULL);\nCREATE TABLE c (a int);\n"
                       "ALTER TABLE c INHERIT p;"),
            "schema.sql:3:23: \"public\".\"c\" cannot inherit from \"public\".\"p\": its column "
            "\"a\" is not integer NOT NULL");
  EXPECT_EQ(read_error("CREATE TABLE p (a int);\nCREATE TABLE c (a int);\n"
                       "ALTER TABLE c NO INHERIT p;"),
            "schema.sql:3:26: \"public\".\"c\" does not inherit from \"public\".\"p\"");
}

// Generated scripts drop before they create: DROP ... IF EXISTS of what is not defined yet does
// nothing; any other DROP is refused, naming what to do.
TEST(Errors, DropInASchemaFileOnlyBeforeTheDefinition) {
  model::Catalog catalog = read_schema_sql(
      "DROP TABLE IF EXISTS source.users CASCADE;\nCREATE SCHEMA source;\n"
      "DROP TYPE IF EXISTS mood;\nCREATE TABLE source.users (id int);",
      "schema.sql");
  EXPECT_NE(catalog.find_table("source", "users"), nullptr);
  EXPECT_EQ(read_error("CREATE TABLE t (id int);\nDROP TABLE IF EXISTS t;"),
            "schema.sql:2:1: DROP IF EXISTS of \"public\".\"t\", which the schema files define "
            "before it: delete that definition instead");
  EXPECT_EQ(read_error("DROP TABLE t;"),
            "schema.sql:1:1: unsupported statement DROP without IF EXISTS in a schema file (it "
            "says what exists: delete the object's definition instead)");
  EXPECT_EQ(read_error("DROP INDEX IF EXISTS i;"),
            "schema.sql:1:1: unsupported statement DROP in a schema file (it says what exists: "
            "delete the object's definition instead)");
}

TEST(Errors, UnknownTypeNamesTheColumnAndItsPosition) {
  EXPECT_EQ(read_error("CREATE TABLE t (\n  id int,\n  state nope NOT NULL\n);"),
            "schema.sql:3:9: type \"public\".\"nope\" of column \"t\".\"state\" is neither a "
            "built-in type nor an enum created with CREATE TYPE ... AS ENUM");
  EXPECT_EQ(read_error("CREATE SCHEMA s;\nCREATE TYPE mood AS ENUM ('a');\nCREATE TABLE t (m "
                       "s.mood);"),
            "schema.sql:3:19: type \"s\".\"mood\" of column \"t\".\"m\" is neither a built-in "
            "type nor an enum created with CREATE TYPE ... AS ENUM");
}

TEST(Errors, ReferencesToMissingObjects) {
  EXPECT_EQ(read_error("CREATE TABLE t (id int,\n  u int REFERENCES users);"),
            "schema.sql:2:9: foreign key \"t_u_fkey\" references table \"public\".\"users\", "
            "which is not defined");
  EXPECT_EQ(read_error("CREATE TABLE p (id int);\nCREATE TABLE t (p int REFERENCES p);"),
            "schema.sql:2:23: foreign key \"t_p_fkey\" names no columns and table "
            "\"public\".\"p\" has no primary key");
  EXPECT_EQ(read_error("CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE t (p int REFERENCES "
                       "p (nope));"),
            "schema.sql:2:23: foreign key \"t_p_fkey\" references column \"nope\", which table "
            "\"public\".\"p\" does not have");
  EXPECT_EQ(read_error("CREATE INDEX ON missing (a);"),
            "schema.sql:1:17: table \"public\".\"missing\" is not defined (tables must be created "
            "before statements that refer to them)");
  EXPECT_EQ(read_error("CREATE TABLE t (a int);\nCREATE INDEX ON t (b);"),
            "schema.sql:2:17: index names column \"b\", which table \"t\" does not have");
  EXPECT_EQ(read_error("CREATE TABLE t (a int, PRIMARY KEY (b));"),
            "schema.sql:1:24: PRIMARY KEY constraint names column \"b\", which table \"t\" does "
            "not have");
  EXPECT_EQ(read_error("CREATE TABLE s.t (a int);"),
            "schema.sql:1:14: schema \"s\" is not created by any CREATE SCHEMA");
  EXPECT_EQ(read_error("CREATE TABLE t (a int);\nCOMMENT ON COLUMN t.b IS 'x';"),
            "schema.sql:2:1: table \"t\" has no column \"b\"");
}

TEST(Errors, Duplicates) {
  EXPECT_EQ(read_error("CREATE TABLE t (a int);\nCREATE TABLE t (b int);"),
            "schema.sql:2:14: table \"public\".\"t\" is already defined");
  EXPECT_EQ(read_error("CREATE TABLE t (a int, a text);"),
            "schema.sql:1:24: column \"a\" is declared twice");
  EXPECT_EQ(read_error("CREATE TABLE t (a int PRIMARY KEY, b int PRIMARY KEY);"),
            "schema.sql:1:42: multiple primary keys for table \"t\"");
  EXPECT_EQ(read_error("CREATE TYPE m AS ENUM ('a');\nCREATE TYPE m AS ENUM ('b');"),
            "schema.sql:2:1: type \"public\".\"m\" already exists");
  EXPECT_EQ(read_error("CREATE TABLE t (a int);\nCREATE INDEX t ON t (a);"),
            "schema.sql:2:1: relation \"t\" is already defined");
  EXPECT_EQ(read_error("CREATE SCHEMA s;\nCREATE SCHEMA s;"),
            "schema.sql:2:1: schema \"s\" already exists");
}

TEST(Errors, InvalidColumnDefinitions) {
  EXPECT_EQ(read_error("CREATE TABLE t (a serial DEFAULT 1);"),
            "schema.sql:1:26: column \"a\" is serial and cannot have a DEFAULT");
  EXPECT_EQ(read_error("CREATE TABLE t (a text GENERATED ALWAYS AS IDENTITY);"),
            "schema.sql:1:24: identity column \"a\" must be smallint, integer or bigint");
}

}  // namespace
}  // namespace flick::ddl

namespace flick::ddl {
namespace {

// Long files are parsed statement by statement; positions inside statements stay right.
TEST(Errors, PositionsInLongFiles) {
  std::string sql;
  for (int i = 0; i < 300; ++i) sql += "CREATE TABLE t" + std::to_string(i) + " (id int);\n";
  sql += "CREATE TABLE bad (\n  id int,\n  name text COMPRESSION lz4\n);\n";
  EXPECT_EQ(testing::read_error(sql),
            "schema.sql:303:3: unsupported clause COMPRESSION on column \"name\"");
}

}  // namespace
}  // namespace flick::ddl

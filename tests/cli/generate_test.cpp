// flick generate: first and following migrations, --name, --custom, schema errors, and rename
// ambiguities resolved by flags or a hints file (stdin is never a TTY here).

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace flick::cli_test {
namespace {
namespace fs = std::filesystem;

constexpr const char* kUsers =
    "CREATE TABLE \"users\" (\n  \"id\" serial PRIMARY KEY NOT NULL,\n  \"name\" text NOT "
    "NULL\n);\n";
constexpr const char* kUsersRenamed =
    "CREATE TABLE \"users\" (\n  \"id\" serial PRIMARY KEY NOT NULL,\n  \"full_name\" text NOT "
    "NULL\n);\n";
constexpr const char* kNilUuid = "00000000-0000-0000-0000-000000000000";

nlohmann::json read_json(const fs::path& path) { return nlohmann::json::parse(read_text(path)); }

class CliGenerate : public ::testing::Test {
 protected:
  RunResult generate(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"generate", "--schema", "schema.sql", "--out", "drizzle"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_flick(dir_.path(), args);
  }
  fs::path out() const { return dir_.path() / "drizzle"; }
  void write_schema(const std::string& sql) { write_text(dir_.path() / "schema.sql", sql); }

  // Generates the first migration from kUsers; every test that needs history starts here.
  void generate_first() {
    write_schema(kUsers);
    RunResult result = generate({"--name", "init"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }

  TempDir dir_;
};

TEST_F(CliGenerate, FirstMigrationWritesJournalSnapshotAndSql) {
  write_schema(kUsers);
  RunResult result = generate({"--name", "init"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("0000_init.sql"), std::string::npos) << result.out;
  EXPECT_EQ(read_text(out() / "0000_init.sql"),
            "CREATE TABLE \"users\" (\n\t\"id\" serial PRIMARY KEY NOT NULL,\n\t\"name\" text NOT "
            "NULL\n);\n");
  nlohmann::json journal = read_json(out() / "meta/_journal.json");
  EXPECT_EQ(journal["version"], "7");
  EXPECT_EQ(journal["dialect"], "postgresql");
  ASSERT_EQ(journal["entries"].size(), 1u);
  EXPECT_EQ(journal["entries"][0]["idx"], 0);
  EXPECT_EQ(journal["entries"][0]["tag"], "0000_init");
  EXPECT_EQ(journal["entries"][0]["breakpoints"], true);
  nlohmann::json snapshot = read_json(out() / "meta/0000_snapshot.json");
  EXPECT_EQ(snapshot["prevId"], kNilUuid);
  EXPECT_EQ(snapshot["id"].get<std::string>().size(), 36u);
  EXPECT_TRUE(snapshot["tables"].contains("public.users")) << snapshot.dump(2);
  EXPECT_TRUE(snapshot["tables"]["public.users"]["columns"].contains("name"));
  EXPECT_EQ(folder_bytes(out()).size(), 3u);
}

TEST_F(CliGenerate, WithoutNameAGeneratedTwoWordName) {
  write_schema(kUsers);
  ASSERT_EQ(generate().exit_code, 0);
  std::vector<fs::path> files = sql_files(out());
  ASSERT_EQ(files.size(), 1u);
  std::string name = files[0].filename().string();
  EXPECT_EQ(name.rfind("0000_", 0), 0u) << name;
  EXPECT_NE(name.find('_', 5), std::string::npos) << name;
}

TEST_F(CliGenerate, NoChangePrintsAndWritesNothing) {
  generate_first();
  std::map<std::string, std::string> before = folder_bytes(out());
  RunResult result = generate();
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("No schema changes"), std::string::npos) << result.out;
  EXPECT_EQ(changed_files(before, folder_bytes(out())), "");
}

TEST_F(CliGenerate, SecondMigrationChainsToTheFirst) {
  generate_first();
  write_schema(std::string(kUsers) + "CREATE INDEX \"users_name_idx\" ON \"users\" (\"name\");\n");
  RunResult result = generate({"--name", "index"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_text(out() / "0001_index.sql"),
            "CREATE INDEX \"users_name_idx\" ON \"users\" USING btree (\"name\");");
  EXPECT_EQ(read_json(out() / "meta/0001_snapshot.json")["prevId"],
            read_json(out() / "meta/0000_snapshot.json")["id"]);
  nlohmann::json journal = read_json(out() / "meta/_journal.json");
  ASSERT_EQ(journal["entries"].size(), 2u);
  EXPECT_EQ(journal["entries"][1]["tag"], "0001_index");
  EXPECT_GT(journal["entries"][1]["when"].get<long long>(),
            journal["entries"][0]["when"].get<long long>());
}

TEST_F(CliGenerate, CustomWritesEmptySqlAndCopiesThePreviousCatalog) {
  generate_first();
  // The schema file changes, but --custom must not look at it.
  write_schema(std::string(kUsers) + "CREATE TABLE \"ignored\" (\"id\" integer);\n");
  RunResult result = generate({"--custom", "--name", "seed"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_text(out() / "0001_seed.sql"), "");
  nlohmann::json first = read_json(out() / "meta/0000_snapshot.json");
  nlohmann::json custom = read_json(out() / "meta/0001_snapshot.json");
  EXPECT_EQ(custom["prevId"], first["id"]);
  EXPECT_NE(custom["id"], first["id"]);
  EXPECT_EQ(custom["tables"], first["tables"]);
  EXPECT_EQ(custom["enums"], first["enums"]);
  EXPECT_FALSE(custom["tables"].contains("public.ignored"));
  EXPECT_EQ(read_json(out() / "meta/_journal.json")["entries"][1]["tag"], "0001_seed");
}

TEST_F(CliGenerate, SyntaxErrorExitsTwoNamingFileLineColumnAndWritesNothing) {
  generate_first();
  std::map<std::string, std::string> before = folder_bytes(out());
  write_schema(std::string(kUsers) + "\nCREATE TABLE \"posts\" (\n  \"id\" integer,\n  ,\n);\n");
  RunResult result = generate();
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_NE(result.err.find("schema.sql:8:3"), std::string::npos) << result.err;
  EXPECT_EQ(changed_files(before, folder_bytes(out())), "");
}

TEST_F(CliGenerate, UnsupportedStatementExitsTwoNamingFileLineColumnAndWritesNothing) {
  write_schema(std::string(kUsers) + "CREATE PUBLICATION everything FOR ALL TABLES;\n");
  RunResult result = generate();
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_NE(result.err.find("schema.sql:5:1"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(out()));
}

TEST_F(CliGenerate, NoSchemaFilesExitsTwoInsteadOfDroppingEverything) {
  generate_first();
  std::map<std::string, std::string> before = folder_bytes(out());
  RunResult result = run_flick(dir_.path(), {"generate", "--out", "drizzle"});
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_NE(result.err.find("no schema files"), std::string::npos) << result.err;
  EXPECT_EQ(changed_files(before, folder_bytes(out())), "");
}

TEST_F(CliGenerate, CustomNeedsNoSchemaFiles) {
  generate_first();
  RunResult result =
      run_flick(dir_.path(), {"generate", "--out", "drizzle", "--custom", "--name", "data"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_text(out() / "0001_data.sql"), "");
}

TEST_F(CliGenerate, AmbiguousRenameWithoutTtyPrintsTheFlags) {
  generate_first();
  std::map<std::string, std::string> before = folder_bytes(out());
  write_schema(kUsersRenamed);
  RunResult result = generate();
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_NE(result.err.find("--rename column:users.name=full_name"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("--drop column:users.name"), std::string::npos) << result.err;
  EXPECT_EQ(changed_files(before, folder_bytes(out())), "");
}

TEST_F(CliGenerate, RenameFlagEmitsRenameColumn) {
  generate_first();
  write_schema(kUsersRenamed);
  RunResult result = generate({"--rename", "column:users.name=full_name", "--name", "rename"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_text(out() / "0001_rename.sql"),
            "ALTER TABLE \"users\" RENAME COLUMN \"name\" TO \"full_name\";");
  nlohmann::json snapshot = read_json(out() / "meta/0001_snapshot.json");
  EXPECT_EQ(snapshot["_meta"]["columns"]["\"public\".\"users\".\"name\""],
            "\"public\".\"users\".\"full_name\"")
      << snapshot["_meta"].dump();
}

TEST_F(CliGenerate, DropFlagEmitsDropAndAdd) {
  generate_first();
  write_schema(kUsersRenamed);
  RunResult result = generate({"--drop", "column:users.name", "--name", "drop"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::string sql = read_text(out() / "0001_drop.sql");
  EXPECT_NE(sql.find("ALTER TABLE \"users\" DROP COLUMN \"name\";"), std::string::npos) << sql;
  EXPECT_NE(sql.find("ALTER TABLE \"users\" ADD COLUMN \"full_name\" text NOT NULL;"),
            std::string::npos)
      << sql;
  EXPECT_EQ(sql.find("RENAME"), std::string::npos) << sql;
}

TEST_F(CliGenerate, HintsFileEmitsRenameColumn) {
  generate_first();
  write_schema(kUsersRenamed);
  write_text(dir_.path() / "hints.txt", "# reviewed\n\nrename column:users.name=full_name\n");
  RunResult result = generate({"--hints", "hints.txt", "--name", "rename"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_text(out() / "0001_rename.sql"),
            "ALTER TABLE \"users\" RENAME COLUMN \"name\" TO \"full_name\";");
}

TEST_F(CliGenerate, BadHintsFileLineExitsTwoNamingFileLine) {
  generate_first();
  std::map<std::string, std::string> before = folder_bytes(out());
  write_schema(kUsersRenamed);
  write_text(dir_.path() / "hints.txt", "rename column:users.name=full_name\nrenam table:x=y\n");
  RunResult result = generate({"--hints", "hints.txt"});
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_NE(result.err.find("hints.txt:2"), std::string::npos) << result.err;
  EXPECT_EQ(changed_files(before, folder_bytes(out())), "");
}

TEST_F(CliGenerate, HintNamingNoObjectExitsTwo) {
  generate_first();
  std::map<std::string, std::string> before = folder_bytes(out());
  write_schema(kUsersRenamed);
  RunResult result =
      generate({"--rename", "column:users.nope=full_name", "--drop", "column:users.name"});
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_NE(result.err.find("column:users.nope=full_name"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("matched nothing"), std::string::npos) << result.err;
  EXPECT_EQ(changed_files(before, folder_bytes(out())), "");
}

// Functions, triggers and extensions live beside drizzle's snapshot (meta/_flick/), never in it:
// drizzle-kit rejects unknown snapshot keys.
TEST_F(CliGenerate, RoutinesAreRecordedBesideTheSnapshot) {
  std::string schema = std::string(kUsers) +
                       "CREATE EXTENSION IF NOT EXISTS citext;\n"
                       "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                       "BEGIN RETURN NEW; END $$;\n"
                       "CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW "
                       "EXECUTE FUNCTION touch();\n";
  auto sql_of = [this](const std::string& prefix) {
    for (const auto& entry : fs::directory_iterator(out())) {
      std::string name = entry.path().filename().string();
      if (name.rfind(prefix + "_", 0) == 0 && entry.path().extension() == ".sql") {
        return read_text(entry.path());
      }
    }
    return std::string("<no migration " + prefix + ">");
  };
  write_schema(schema);
  RunResult first = generate();
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  std::string snapshot = read_text(out() / "meta" / "0000_snapshot.json");
  EXPECT_EQ(snapshot.find("touch"), std::string::npos) << snapshot;
  EXPECT_EQ(snapshot.find("citext"), std::string::npos) << snapshot;
  std::string objects = read_text(out() / "meta" / "_flick" / "0000_objects.json");
  EXPECT_NE(objects.find("\"name\": \"touch\""), std::string::npos) << objects;
  EXPECT_NE(objects.find("\"name\": \"users_touch\""), std::string::npos) << objects;
  EXPECT_NE(objects.find("\"name\": \"citext\""), std::string::npos) << objects;

  RunResult again = generate();
  ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("No schema changes"), std::string::npos) << again.out;

  // A new body: CREATE OR REPLACE, and the next objects file has it.
  std::string changed = schema;
  changed.replace(changed.find("BEGIN RETURN NEW; END"), 21,
                  "BEGIN NEW.email := lower(NEW.email); RETURN NEW; END");
  write_schema(changed);
  RunResult replace = generate();
  ASSERT_EQ(replace.exit_code, 0) << replace.out << replace.err;
  std::string sql = sql_of("0001");
  EXPECT_NE(sql.find("CREATE OR REPLACE FUNCTION touch()"), std::string::npos) << sql;
  EXPECT_EQ(sql.find("TRIGGER"), std::string::npos) << sql;
  EXPECT_NE(read_text(out() / "meta" / "_flick" / "0001_objects.json").find("lower(NEW.email)"),
            std::string::npos);

  // All gone: dropped, and an objects file that says so.
  write_schema(kUsers);
  RunResult gone = generate();
  ASSERT_EQ(gone.exit_code, 0) << gone.out << gone.err;
  std::string drop = sql_of("0002");
  EXPECT_NE(drop.find("DROP TRIGGER \"users_touch\" ON \"users\";"), std::string::npos) << drop;
  EXPECT_NE(drop.find("DROP FUNCTION \"public\".\"touch\"();"), std::string::npos) << drop;
  EXPECT_NE(drop.find("DROP EXTENSION \"citext\";"), std::string::npos) << drop;
  EXPECT_NE(read_text(out() / "meta" / "_flick" / "0002_objects.json").find("\"functions\": []"),
            std::string::npos);
  RunResult settled = generate();
  EXPECT_NE(settled.out.find("No schema changes"), std::string::npos) << settled.out;
}

}  // namespace
}  // namespace flick::cli_test

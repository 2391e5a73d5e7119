// The Replayer is the one interpreter of migration SQL: per statement kind, what it yields
// (effects, errors, what it does not understand) and what it does to the catalog.

#include <gtest/gtest.h>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "ddl/replay.hpp"
#include "flick/error.hpp"
#include "flick/model.hpp"

namespace {

using flick::ddl::Effect;
using flick::ddl::ReplayedStatement;
using flick::ddl::Replayer;
using flick::ddl::TransactionControl;
using Action = flick::ddl::Effect::Action;

Replayer lenient_replayer() {
  Replayer replayer;
  replayer.set_lenient(true);
  return replayer;
}

// Applies `sql` as one file and returns what the replayer reported for each statement.
std::vector<ReplayedStatement> replay(Replayer& replayer, const std::string& sql,
                                      const std::string& file = "0001_x.sql") {
  std::vector<ReplayedStatement> statements;
  replayer.apply(sql, file, [&](const ReplayedStatement& s) { statements.push_back(s); });
  return statements;
}

// The UserError message a strict copy of `replayer` gives for `sql`; fails the test when it
// applies fine. The copy keeps `replayer` usable after the failure.
std::string apply_error(Replayer replayer, const std::string& sql) {
  replayer.set_lenient(false);
  try {
    replayer.apply(sql, "0009_fail.sql");
  } catch (const flick::UserError& error) {
    return error.what();
  }
  ADD_FAILURE() << "expected a UserError for:\n" << sql;
  return "";
}

const Effect* find_effect(const ReplayedStatement& statement, const std::string& key) {
  for (const Effect& effect : statement.effects) {
    if (effect.key == key) return &effect;
  }
  return nullptr;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::size_t columns_named(const flick::model::Table& table, const std::string& name) {
  std::size_t count = 0;
  for (const flick::model::Column& column : table.columns) {
    if (column.name == name) ++count;
  }
  return count;
}

// 1. drizzle-kit's old guarded foreign key.
TEST(Interpreter, DrizzleGuardedForeignKeyIsCreatedGuardedAndToleratedTwice) {
  const std::string block =
      "DO $$ BEGIN\n ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_author_id_users_id_fk\" "
      "FOREIGN KEY (\"author_id\") REFERENCES \"public\".\"users\"(\"id\") ON DELETE no action "
      "ON UPDATE no action;\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;\n";
  Replayer replayer = lenient_replayer();
  replay(replayer,
         "CREATE TABLE \"users\" (\"id\" serial PRIMARY KEY NOT NULL, \"name\" text);\n"
         "CREATE TABLE \"posts\" (\"id\" serial PRIMARY KEY NOT NULL, \"author_id\" integer);\n",
         "0000_init.sql");
  std::vector<ReplayedStatement> first = replay(replayer, block, "0001_fk.sql");
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].kind, "DoStmt");
  EXPECT_EQ(first[0].error, "");
  EXPECT_EQ(first[0].not_understood, "");
  const Effect* created =
      find_effect(first[0], "constraint public.posts.posts_author_id_users_id_fk");
  ASSERT_NE(created, nullptr);
  EXPECT_EQ(created->action, Action::kCreated);
  EXPECT_EQ(created->owner, "table public.posts");
  EXPECT_TRUE(created->guarded);
  const Effect* altered = find_effect(first[0], "table public.posts");
  ASSERT_NE(altered, nullptr);
  EXPECT_EQ(altered->action, Action::kAltered);

  flick::model::Catalog catalog = replayer.catalog();
  const flick::model::Table* posts = catalog.find_table("public", "posts");
  ASSERT_NE(posts, nullptr);
  ASSERT_EQ(posts->foreign_keys.size(), 1u);
  EXPECT_EQ(posts->foreign_keys[0].name, "posts_author_id_users_id_fk");
  EXPECT_EQ(posts->foreign_keys[0].columns, (std::vector<std::string>{"author_id"}));
  EXPECT_EQ(posts->foreign_keys[0].ref_schema, "public");
  EXPECT_EQ(posts->foreign_keys[0].ref_table, "users");
  EXPECT_EQ(posts->foreign_keys[0].ref_columns, (std::vector<std::string>{"id"}));

  // The same block again, strict: the handler makes the duplicate harmless.
  replayer.set_lenient(false);
  std::vector<ReplayedStatement> second;
  EXPECT_NO_THROW(second = replay(replayer, block, "0002_fk_again.sql"));
  ASSERT_EQ(second.size(), 1u);
  EXPECT_TRUE(second[0].skipped);
  catalog = replayer.catalog();
  ASSERT_NE(catalog.find_table("public", "posts"), nullptr);
  EXPECT_EQ(catalog.find_table("public", "posts")->foreign_keys.size(), 1u);
}

// 2. IF NOT EXISTS (SELECT ... information_schema ...) THEN ADD COLUMN: a guarded create.
TEST(Interpreter, DoBlockIfNotExistsAddsTheColumnOnce) {
  const std::string block =
      "DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM information_schema.columns "
      "WHERE table_name = 't' AND column_name = 'c') THEN\n"
      "    ALTER TABLE \"t\" ADD COLUMN \"c\" text;\n  END IF;\nEND $$;\n";
  Replayer replayer;
  replayer.apply("CREATE TABLE t (id int);\n", "0000_t.sql");
  std::vector<ReplayedStatement> first;
  EXPECT_NO_THROW(first = replay(replayer, block, "0001_c.sql"));
  EXPECT_NO_THROW(replayer.apply(block, "0002_c_again.sql"));
  ASSERT_EQ(first.size(), 1u);
  const Effect* column = find_effect(first[0], "column public.t.c");
  ASSERT_NE(column, nullptr);
  EXPECT_EQ(column->action, Action::kCreated);
  EXPECT_TRUE(column->guarded);
  flick::model::Catalog catalog = replayer.catalog();
  const flick::model::Table* t = catalog.find_table("public", "t");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(columns_named(*t, "c"), 1u);
  ASSERT_NE(flick::model::find_column(*t, "c"), nullptr);
  EXPECT_EQ(flick::model::find_column(*t, "c")->type, "text");
}

// 3. EXECUTE of a constant string runs it; of a computed string is reported, not followed.
TEST(Interpreter, DoBlockExecuteConstantIsFollowedAndComputedIsNotUnderstood) {
  Replayer replayer = lenient_replayer();
  replay(replayer, "CREATE TABLE t (id int, c text);\n", "0000_t.sql");
  std::vector<ReplayedStatement> constant =
      replay(replayer, "DO $$ BEGIN EXECUTE 'CREATE INDEX \"i\" ON \"t\" (\"c\")'; END $$;\n",
             "0001_index.sql");
  ASSERT_EQ(constant.size(), 1u);
  EXPECT_EQ(constant[0].error, "");
  EXPECT_EQ(constant[0].not_understood, "");
  const Effect* index = find_effect(constant[0], "index public.i");
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->action, Action::kCreated);
  {
    flick::model::Catalog catalog = replayer.catalog();
    const flick::model::Table* t = catalog.find_table("public", "t");
    ASSERT_NE(t, nullptr);
    ASSERT_EQ(t->indexes.size(), 1u);
    EXPECT_EQ(t->indexes[0].name, "i");
  }

  std::vector<ReplayedStatement> computed = replay(
      replayer, "DO $$ BEGIN EXECUTE format('DROP TABLE %I', 't'); END $$;\n", "0002_drop.sql");
  ASSERT_EQ(computed.size(), 1u);
  EXPECT_FALSE(computed[0].not_understood.empty());
  EXPECT_TRUE(contains(computed[0].not_understood, "EXECUTE of a computed string"))
      << computed[0].not_understood;
  EXPECT_EQ(computed[0].error, "");
  flick::model::Catalog catalog = replayer.catalog();
  EXPECT_NE(catalog.find_table("public", "t"), nullptr);
}

// 4. A loop whose body only changes data (and raises notices) has nothing to report.
TEST(Interpreter, DoBlockLoopOfDataStatementsIsUnderstood) {
  Replayer replayer = lenient_replayer();
  replay(replayer, "CREATE TABLE t (id int, c text);\n", "0000_t.sql");
  std::vector<ReplayedStatement> statements =
      replay(replayer,
             "DO $$\nBEGIN\n  FOR i IN 1..3 LOOP\n    UPDATE t SET c = 'x' WHERE id = i;\n"
             "    RAISE NOTICE 'row %', i;\n  END LOOP;\nEND $$;\n",
             "0001_loop.sql");
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_EQ(statements[0].kind, "DoStmt");
  EXPECT_EQ(statements[0].not_understood, "");
  EXPECT_EQ(statements[0].error, "");
  EXPECT_TRUE(statements[0].effects.empty());
  flick::model::Catalog catalog = replayer.catalog();
  ASSERT_NE(catalog.find_table("public", "t"), nullptr);
  EXPECT_EQ(catalog.find_table("public", "t")->columns.size(), 2u);
}

// 5. BEGIN / COMMIT written into the file are skipped as transaction control.
TEST(Interpreter, TransactionControlIsSkipped) {
  Replayer replayer = lenient_replayer();
  std::vector<ReplayedStatement> statements =
      replay(replayer, "BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;");
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_EQ(statements[0].control, TransactionControl::kBegin);
  EXPECT_EQ(statements[2].control, TransactionControl::kCommit);
  for (std::size_t i : {std::size_t{0}, std::size_t{2}}) {
    EXPECT_TRUE(statements[i].skipped) << i;
    EXPECT_EQ(statements[i].kind, "TransactionStmt") << i;
    EXPECT_EQ(statements[i].error, "") << i;
    EXPECT_EQ(statements[i].not_understood, "") << i;
  }
  EXPECT_EQ(statements[1].control, TransactionControl::kNone);
  EXPECT_FALSE(statements[1].skipped);
  EXPECT_EQ(statements[1].index, 1u);
  flick::model::Catalog catalog = replayer.catalog();
  EXPECT_NE(catalog.find_table("public", "a"), nullptr);
}

// Functions, triggers and extensions a history creates, replaces, renames and drops are in the
// replayed model (check compares them with the objects file, down and docs diff them).
TEST(Interpreter, RoutinesFollowedInTheModel) {
  Replayer replayer = lenient_replayer();
  replay(replayer,
         "CREATE EXTENSION IF NOT EXISTS citext;\n"
         "CREATE TABLE t (id int, email citext);\n"
         "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;\n"
         "CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();\n");
  flick::model::Catalog first = replayer.catalog();
  ASSERT_EQ(first.extensions.size(), 1u);
  ASSERT_EQ(first.functions.size(), 1u);
  std::string old_canonical = first.functions[0].canonical;
  ASSERT_EQ(first.find_table("public", "t")->triggers.size(), 1u);

  std::vector<ReplayedStatement> statements =
      replay(replayer,
             "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS "
             "$$BEGIN NEW.id := 1; RETURN NEW; END$$;\n"
             "ALTER TABLE t RENAME TO u;\nALTER TRIGGER t_touch ON u RENAME TO u_touch;\n"
             "ALTER FUNCTION touch() RENAME TO touch2;\n",
             "0002_x.sql");
  for (const ReplayedStatement& statement : statements) EXPECT_EQ(statement.error, "");
  flick::model::Catalog second = replayer.catalog();
  ASSERT_EQ(second.functions.size(), 1u);
  EXPECT_EQ(second.functions[0].name, "touch2");
  EXPECT_NE(second.functions[0].canonical, old_canonical) << "replaced by the new body";
  const flick::model::Table* u = second.find_table("public", "u");
  ASSERT_NE(u, nullptr);
  ASSERT_EQ(u->triggers.size(), 1u);
  EXPECT_EQ(u->triggers[0].name, "u_touch");

  replay(replayer, "DROP TRIGGER u_touch ON u;\nDROP FUNCTION touch2();\nDROP EXTENSION citext;",
         "0003_x.sql");
  flick::model::Catalog third = replayer.catalog();
  EXPECT_TRUE(third.functions.empty());
  EXPECT_TRUE(third.extensions.empty());
  EXPECT_TRUE(third.find_table("public", "u")->triggers.empty());
}

// What running a statement needs, decided in one place for the replayer, lint and migrate.
TEST(Interpreter, StatementTraits) {
  Replayer replayer = lenient_replayer();
  std::vector<ReplayedStatement> statements =
      replay(replayer,
             "CREATE TABLE a (id int);\nCREATE INDEX CONCURRENTLY a_id ON a (id);\n"
             "MERGE INTO a USING a AS b ON a.id = b.id WHEN MATCHED THEN DO NOTHING;\n"
             "SAVEPOINT s;\nROLLBACK;\nVACUUM a;\nCREATE INDEX a_id2 ON a (id);");
  ASSERT_EQ(statements.size(), 7u);
  EXPECT_FALSE(statements[0].outside_transaction);
  EXPECT_TRUE(statements[1].outside_transaction);
  EXPECT_FALSE(statements[1].data);
  EXPECT_TRUE(statements[2].data);
  EXPECT_EQ(statements[3].control, TransactionControl::kOther);
  EXPECT_EQ(statements[4].control, TransactionControl::kRollback);
  EXPECT_TRUE(statements[5].outside_transaction);
  EXPECT_FALSE(statements[6].outside_transaction);
  EXPECT_EQ(statements[6].control, TransactionControl::kNone);
}

// 6. drizzle-orm cuts at every breakpoint: a chunk's last statement needs no ';'.
TEST(Interpreter, BreakpointChunksWithoutSemicolonAndEmptyChunks) {
  Replayer replayer = lenient_replayer();
  std::vector<ReplayedStatement> statements =
      replay(replayer,
             "CREATE TABLE a (id int);\n--> statement-breakpoint\n"
             "DELETE FROM a WHERE id IS NULL--> statement-breakpoint\n"
             "ALTER TABLE a ADD COLUMN b text;");
  ASSERT_EQ(statements.size(), 3u);
  for (const ReplayedStatement& statement : statements) {
    EXPECT_EQ(statement.error, "") << statement.index;
    EXPECT_EQ(statement.not_understood, "") << statement.index;
  }
  EXPECT_EQ(statements[0].line, 1);
  EXPECT_EQ(statements[1].line, 3);
  EXPECT_EQ(statements[2].line, 4);
  EXPECT_EQ(statements[1].kind, "DeleteStmt");
  EXPECT_TRUE(statements[1].data);
  EXPECT_TRUE(statements[1].skipped);
  EXPECT_FALSE(statements[0].data);
  EXPECT_FALSE(statements[2].data);
  flick::model::Catalog catalog = replayer.catalog();
  const flick::model::Table* a = catalog.find_table("public", "a");
  ASSERT_NE(a, nullptr);
  EXPECT_NE(flick::model::find_column(*a, "b"), nullptr);

  std::vector<ReplayedStatement> empty;
  EXPECT_NO_THROW(empty = replay(replayer, "--> statement-breakpoint\n--> statement-breakpoint\n",
                                 "0002_empty.sql"));
  EXPECT_TRUE(empty.empty());
}

// 7. SET search_path decides where unqualified names go; so does set_search_path.
TEST(Interpreter, SearchPathDecidesTheSchemaOfUnqualifiedNames) {
  Replayer replayer = lenient_replayer();
  std::vector<ReplayedStatement> statements = replay(
      replayer, "CREATE SCHEMA app;\nSET search_path TO app, public;\nCREATE TABLE t (id int);");
  ASSERT_EQ(statements.size(), 3u);
  for (const ReplayedStatement& statement : statements) {
    EXPECT_EQ(statement.error, "") << statement.index;
    EXPECT_EQ(statement.not_understood, "") << statement.index;
  }
  EXPECT_EQ(statements[1].kind, "VariableSetStmt");
  EXPECT_TRUE(statements[1].skipped);
  const Effect* created = find_effect(statements[2], "table app.t");
  ASSERT_NE(created, nullptr);
  EXPECT_EQ(created->action, Action::kCreated);
  EXPECT_EQ(find_effect(statements[2], "table public.t"), nullptr);
  flick::model::Catalog catalog = replayer.catalog();
  EXPECT_NE(catalog.find_table("app", "t"), nullptr);
  EXPECT_EQ(catalog.find_table("public", "t"), nullptr);

  Replayer configured = lenient_replayer();
  configured.set_search_path("app");
  std::vector<ReplayedStatement> configured_statements =
      replay(configured, "CREATE SCHEMA app;\nCREATE TABLE t (id int);");
  ASSERT_EQ(configured_statements.size(), 2u);
  EXPECT_EQ(configured_statements[1].error, "");
  EXPECT_NE(find_effect(configured_statements[1], "table app.t"), nullptr);
  flick::model::Catalog configured_catalog = configured.catalog();
  EXPECT_NE(configured_catalog.find_table("app", "t"), nullptr);
  EXPECT_EQ(configured_catalog.find_table("public", "t"), nullptr);
}

// 8a. Extensions, functions and triggers are followed by kind and name.
TEST(Interpreter, ExtensionsFunctionsAndTriggersAreFollowed) {
  Replayer replayer;  // strict
  EXPECT_NO_THROW(
      replayer.apply("CREATE EXTENSION IF NOT EXISTS citext;\n"
                     "CREATE TABLE t (id int, email citext, updated_at timestamp);\n",
                     "0000_t.sql"));
  {
    flick::model::Catalog catalog = replayer.catalog();
    const flick::model::Table* t = catalog.find_table("public", "t");
    ASSERT_NE(t, nullptr);
    ASSERT_NE(flick::model::find_column(*t, "email"), nullptr);
    EXPECT_EQ(flick::model::find_column(*t, "email")->type, "citext");
  }

  std::vector<ReplayedStatement> created;
  EXPECT_NO_THROW(
      created = replay(replayer,
                       "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ "
                       "BEGIN NEW.updated_at = now(); RETURN NEW; END $$;\n"
                       "CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION "
                       "touch();\n",
                       "0001_touch.sql"));
  ASSERT_EQ(created.size(), 2u);
  const Effect* function = find_effect(created[0], "function public.touch()");
  ASSERT_NE(function, nullptr);
  EXPECT_EQ(function->action, Action::kCreated);
  EXPECT_TRUE(function->guarded);  // OR REPLACE
  const Effect* trigger = find_effect(created[1], "trigger public.t.t_touch");
  ASSERT_NE(trigger, nullptr);
  EXPECT_EQ(trigger->action, Action::kCreated);
  EXPECT_EQ(trigger->owner, "table public.t");
  EXPECT_FALSE(trigger->guarded);

  EXPECT_TRUE(contains(apply_error(replayer,
                                   "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS "
                                   "$$ BEGIN RETURN NEW; END $$;"),
                       "already exists"));
  EXPECT_TRUE(contains(apply_error(replayer,
                                   "CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW "
                                   "EXECUTE FUNCTION touch();"),
                       "trigger \"t.t_touch\" already exists"));

  std::vector<ReplayedStatement> dropped;
  EXPECT_NO_THROW(dropped = replay(replayer, "DROP TRIGGER t_touch ON t;\nDROP FUNCTION touch();\n",
                                   "0002_drop.sql"));
  ASSERT_EQ(dropped.size(), 2u);
  const Effect* dropped_trigger = find_effect(dropped[0], "trigger public.t.t_touch");
  ASSERT_NE(dropped_trigger, nullptr);
  EXPECT_EQ(dropped_trigger->action, Action::kDropped);
  const Effect* dropped_function = find_effect(dropped[1], "function public.touch()");
  ASSERT_NE(dropped_function, nullptr);
  EXPECT_EQ(dropped_function->action, Action::kDropped);

  EXPECT_TRUE(contains(apply_error(replayer, "DROP FUNCTION touch();"),
                       "function \"touch()\" does not exist"));
  EXPECT_NO_THROW(replayer.apply("DROP FUNCTION IF EXISTS touch();", "0003_drop_again.sql"));
}

// 8b. Triggers follow their table's rename; functions follow ALTER FUNCTION ... RENAME.
TEST(Interpreter, TriggersFollowTableRenamesAndFunctionsTheirOwnRenames) {
  Replayer replayer;  // strict
  replayer.apply(
      "CREATE TABLE t (id int, updated_at timestamp);\n"
      "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ "
      "BEGIN NEW.updated_at = now(); RETURN NEW; END $$;\n"
      "CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();\n",
      "0000_t.sql");
  EXPECT_NO_THROW(replayer.apply("ALTER TABLE t RENAME TO t2;\nDROP TRIGGER t_touch ON t2;\n",
                                 "0001_rename_table.sql"));
  std::vector<ReplayedStatement> renamed;
  EXPECT_NO_THROW(renamed = replay(replayer,
                                   "ALTER FUNCTION touch() RENAME TO touch2;\n"
                                   "DROP FUNCTION touch2();\n",
                                   "0002_rename_function.sql"));
  ASSERT_EQ(renamed.size(), 2u);
  const Effect* rename = find_effect(renamed[0], "function public.touch()");
  ASSERT_NE(rename, nullptr);
  EXPECT_EQ(rename->action, Action::kRenamed);
  EXPECT_EQ(rename->renamed_to, "function public.touch2()");
  flick::model::Catalog catalog = replayer.catalog();
  EXPECT_NE(catalog.find_table("public", "t2"), nullptr);
  EXPECT_EQ(catalog.find_table("public", "t"), nullptr);
}

// 9. Domains and composite types may be column types.
TEST(Interpreter, DomainsAndCompositeTypesAreColumnTypes) {
  Replayer replayer;  // strict
  EXPECT_NO_THROW(
      replayer.apply("CREATE DOMAIN email AS text CHECK (VALUE ~ '@');\n"
                     "CREATE TYPE pair AS (a int, b int);\n"
                     "CREATE TABLE u (id int, address email, p pair);\n",
                     "0000_u.sql"));
  {
    flick::model::Catalog catalog = replayer.catalog();
    const flick::model::Table* u = catalog.find_table("public", "u");
    ASSERT_NE(u, nullptr);
    ASSERT_NE(flick::model::find_column(*u, "address"), nullptr);
    EXPECT_EQ(flick::model::find_column(*u, "address")->type, "email");
    ASSERT_NE(flick::model::find_column(*u, "p"), nullptr);
    EXPECT_EQ(flick::model::find_column(*u, "p")->type, "pair");
  }
  std::vector<ReplayedStatement> dropped;
  EXPECT_NO_THROW(dropped = replay(replayer,
                                   "ALTER TABLE u DROP COLUMN address;\nDROP DOMAIN email;\n"
                                   "ALTER TABLE u DROP COLUMN p;\nDROP TYPE pair;\n",
                                   "0001_drop.sql"));
  ASSERT_EQ(dropped.size(), 4u);
  const Effect* domain = find_effect(dropped[1], "type public.email");
  ASSERT_NE(domain, nullptr);
  EXPECT_EQ(domain->action, Action::kDropped);
  // The domain is gone: no column may have it any more.
  EXPECT_FALSE(apply_error(replayer, "ALTER TABLE u ADD COLUMN again email;").empty());
  flick::model::Catalog catalog = replayer.catalog();
  const flick::model::Table* u = catalog.find_table("public", "u");
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->columns.size(), 1u);
}

// 10. Renames of tables, columns and schemas yield kRenamed effects.
TEST(Interpreter, RenamesYieldRenamedEffects) {
  Replayer replayer = lenient_replayer();
  replay(replayer,
         "CREATE SCHEMA app;\nCREATE TABLE users (id int PRIMARY KEY, name text);\n"
         "CREATE TABLE x (id int);\n",
         "0000_init.sql");
  std::vector<ReplayedStatement> statements =
      replay(replayer,
             "ALTER TABLE \"users\" RENAME TO \"accounts\";\n"
             "ALTER TABLE accounts RENAME COLUMN name TO full_name;\n"
             "ALTER TABLE x SET SCHEMA app;\n",
             "0001_renames.sql");
  ASSERT_EQ(statements.size(), 3u);
  for (const ReplayedStatement& statement : statements) {
    EXPECT_EQ(statement.error, "") << statement.index;
    EXPECT_EQ(statement.not_understood, "") << statement.index;
  }

  ASSERT_EQ(statements[0].effects.size(), 1u);
  const Effect& table = statements[0].effects[0];
  EXPECT_EQ(table.action, Action::kRenamed);
  EXPECT_EQ(table.key, "table public.users");
  EXPECT_EQ(table.renamed_to, "table public.accounts");
  EXPECT_FALSE(table.guarded);

  const Effect* column = find_effect(statements[1], "column public.accounts.name");
  ASSERT_NE(column, nullptr);
  EXPECT_EQ(column->action, Action::kRenamed);
  EXPECT_EQ(column->renamed_to, "column public.accounts.full_name");

  const Effect* moved = find_effect(statements[2], "table public.x");
  ASSERT_NE(moved, nullptr);
  EXPECT_EQ(moved->action, Action::kRenamed);
  EXPECT_EQ(moved->renamed_to, "table app.x");

  flick::model::Catalog catalog = replayer.catalog();
  EXPECT_EQ(catalog.find_table("public", "users"), nullptr);
  const flick::model::Table* accounts = catalog.find_table("public", "accounts");
  ASSERT_NE(accounts, nullptr);
  EXPECT_NE(flick::model::find_column(*accounts, "full_name"), nullptr);
  EXPECT_EQ(flick::model::find_column(*accounts, "name"), nullptr);
  EXPECT_NE(catalog.find_table("app", "x"), nullptr);
  EXPECT_EQ(catalog.find_table("public", "x"), nullptr);
}

// 11. A temporary table lasts until the end of its file.
TEST(Interpreter, TemporaryTableIsGoneAtTheEndOfItsFile) {
  Replayer replayer = lenient_replayer();
  std::vector<ReplayedStatement> statements =
      replay(replayer,
             "CREATE TEMPORARY TABLE tmp (id int);\nINSERT INTO tmp VALUES (1);\n"
             "CREATE INDEX tmp_id_idx ON tmp (id);\n",
             "0001_tmp.sql");
  ASSERT_EQ(statements.size(), 3u);
  for (const ReplayedStatement& statement : statements) {
    EXPECT_EQ(statement.error, "") << statement.index;
    EXPECT_EQ(statement.not_understood, "") << statement.index;
  }
  EXPECT_TRUE(statements[1].data);
  flick::model::Catalog catalog = replayer.catalog();
  EXPECT_EQ(catalog.find_table("public", "tmp"), nullptr);
}

// 12. Lenient replay reports a failing statement and goes on; strict replay throws.
TEST(Interpreter, LenientReplayGoesOnAfterAFailingStatement) {
  const std::string sql = "DROP TABLE missing;\nCREATE TABLE ok (id int);";
  Replayer replayer = lenient_replayer();
  std::vector<ReplayedStatement> statements = replay(replayer, sql);
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_TRUE(contains(statements[0].error, "table \"public\".\"missing\" does not exist"))
      << statements[0].error;
  EXPECT_EQ(statements[0].not_understood, "");
  const Effect* dropped = find_effect(statements[0], "table public.missing");
  ASSERT_NE(dropped, nullptr);
  EXPECT_EQ(dropped->action, Action::kDropped);
  EXPECT_FALSE(dropped->guarded);
  EXPECT_EQ(statements[1].error, "");
  flick::model::Catalog catalog = replayer.catalog();
  EXPECT_NE(catalog.find_table("public", "ok"), nullptr);

  Replayer strict;
  EXPECT_THROW(strict.apply(sql, "0001_x.sql"), flick::UserError);
}

// 13. Privileges, roles, ownership, comments on functions, trigger switches and concurrent
// index builds change nothing the model does not follow, and are understood.
TEST(Interpreter, GrantsRolesOwnershipAndCommentsAreUnderstood) {
  Replayer replayer = lenient_replayer();
  replay(replayer,
         "CREATE TABLE t (id int);\n"
         "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END "
         "$$;\n",
         "0000_t.sql");
  std::vector<ReplayedStatement> statements =
      replay(replayer,
             "GRANT SELECT ON t TO PUBLIC;\n"
             "CREATE ROLE app_user;\n"
             "ALTER TABLE t OWNER TO app_user;\n"
             "COMMENT ON FUNCTION touch() IS 'x';\n"
             "ALTER TABLE t ENABLE TRIGGER ALL;\n"
             "ALTER FUNCTION touch() OWNER TO app_user;\n"
             "REVOKE ALL ON t FROM PUBLIC;\n"
             "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);\n",
             "0001_privileges.sql");
  ASSERT_EQ(statements.size(), 8u);
  for (const ReplayedStatement& statement : statements) {
    EXPECT_EQ(statement.error, "") << statement.index << " " << statement.kind;
    EXPECT_EQ(statement.not_understood, "") << statement.index << " " << statement.kind;
  }
  // GRANT and CREATE ROLE are modelled (kept only where privileges are managed); the REVOKE
  // ALL takes the grant back.
  EXPECT_FALSE(statements[0].skipped);  // GRANT
  EXPECT_FALSE(statements[1].skipped);  // CREATE ROLE
  EXPECT_FALSE(statements[3].skipped);  // COMMENT ON FUNCTION
  flick::model::Catalog catalog = replayer.catalog();
  ASSERT_EQ(catalog.comments.size(), 1u);
  EXPECT_EQ(catalog.comments[0], (flick::model::Comment{"routine", "public", "touch", "", "x"}));
  ASSERT_EQ(catalog.roles.size(), 1u);
  EXPECT_EQ(catalog.roles[0].name, "app_user");
  EXPECT_TRUE(catalog.grants.empty());
  const flick::model::Table* t = catalog.find_table("public", "t");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->indexes.size(), 1u);
  EXPECT_EQ(t->indexes[0].name, "t_id_idx");
  EXPECT_TRUE(t->indexes[0].concurrently);
}

// 14. A kind the replayer does not interpret is reported as not understood, not as an error.
TEST(Interpreter, UnknownStatementKindIsNotUnderstood) {
  Replayer replayer = lenient_replayer();
  std::vector<ReplayedStatement> statements =
      replay(replayer, "CREATE CAST (int AS text) WITH INOUT;");
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_EQ(statements[0].kind, "CreateCastStmt");
  EXPECT_TRUE(contains(statements[0].not_understood, "unsupported statement CreateCastStmt"))
      << statements[0].not_understood;
  EXPECT_EQ(statements[0].error, "");
}

// 15. ALTER MATERIALIZED VIEW ... SET (...) sets the view's storage parameters.
TEST(Interpreter, AlterMaterializedViewSetsStorageParameters) {
  Replayer replayer = lenient_replayer();
  std::vector<ReplayedStatement> statements =
      replay(replayer,
             "CREATE MATERIALIZED VIEW mv AS SELECT 1 AS one;\n"
             "ALTER MATERIALIZED VIEW mv SET (fillfactor = 80);\n");
  ASSERT_EQ(statements.size(), 2u);
  for (const ReplayedStatement& statement : statements) {
    EXPECT_EQ(statement.error, "") << statement.index;
    EXPECT_EQ(statement.not_understood, "") << statement.index;
  }
  const Effect* created = find_effect(statements[0], "view public.mv");
  ASSERT_NE(created, nullptr);
  EXPECT_EQ(created->action, Action::kCreated);
  flick::model::Catalog catalog = replayer.catalog();
  const flick::model::View* view = catalog.find_view("public", "mv");
  ASSERT_NE(view, nullptr);
  EXPECT_TRUE(view->materialized);
  EXPECT_EQ(view->with, (std::map<std::string, std::string>{{"fillfactor", "80"}}));
}

// 16. Keys as messages show them.
// A table dropped and created again with the same named constraints (found in a public drizzle
// folder: CREATE TABLE, DROP TABLE ... CASCADE, the same CREATE TABLE again) is no duplicate.
TEST(Interpreter, TableCreatedAgainAfterDropKeepsItsConstraintNames) {
  Replayer replayer = lenient_replayer();
  const std::string create =
      "CREATE TABLE t (a int, b int, CONSTRAINT t_a_b_unique UNIQUE (a, b), "
      "CONSTRAINT t_a_positive CHECK (a > 0));\n";
  std::vector<ReplayedStatement> statements =
      replay(replayer, create + "DROP TABLE t CASCADE;\n" + create, "0000_again.sql");
  ASSERT_EQ(statements.size(), 3u);
  for (const ReplayedStatement& statement : statements) {
    EXPECT_EQ(statement.error, "") << statement.index;
  }
  // Without the DROP, the second CREATE TABLE is the error PostgreSQL gives, not a constraint's.
  Replayer other = lenient_replayer();
  statements = replay(other, create + create, "0000_twice.sql");
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_NE(statements[1].error.find("table \"public\".\"t\" is already defined"),
            std::string::npos)
      << statements[1].error;
}

// Comments on views, types and routines follow their objects' renames and go with their drops.
TEST(Interpreter, ObjectCommentsFollowRenamesAndDrops) {
  Replayer replayer = lenient_replayer();
  std::vector<ReplayedStatement> statements =
      replay(replayer,
             "CREATE SCHEMA app;\n"
             "COMMENT ON SCHEMA app IS 'objects';\n"
             "CREATE VIEW app.v AS SELECT 1 AS one;\n"
             "COMMENT ON VIEW app.v IS 'one row';\n"
             "CREATE TYPE app.mood AS ENUM ('ok');\n"
             "COMMENT ON TYPE app.mood IS 'feelings';\n"
             "CREATE FUNCTION app.f(n integer) RETURNS integer LANGUAGE sql AS 'SELECT n';\n"
             "COMMENT ON FUNCTION app.f(integer) IS 'identity';\n"
             "ALTER VIEW app.v RENAME TO w;\n"
             "ALTER TYPE app.mood RENAME TO feeling;\n"
             "ALTER FUNCTION app.f(integer) RENAME TO g;\n"
             "ALTER SCHEMA app RENAME TO core;\n",
             "0000_comments.sql");
  for (const ReplayedStatement& statement : statements) {
    EXPECT_EQ(statement.error, "") << statement.index;
    EXPECT_EQ(statement.not_understood, "") << statement.index;
  }
  std::vector<flick::model::Comment> expected = {
      {"routine", "core", "g", "integer", "identity"},
      {"schema", "core", "", "", "objects"},
      {"type", "core", "feeling", "", "feelings"},
      {"view", "core", "w", "", "one row"},
  };
  EXPECT_EQ(replayer.catalog().comments, expected);
  replay(replayer,
         "DROP VIEW core.w;\nDROP FUNCTION core.g(integer);\nCOMMENT ON TYPE core.feeling IS '';\n",
         "0001_drops.sql");
  expected = {{"schema", "core", "", "", "objects"}};
  EXPECT_EQ(replayer.catalog().comments, expected);

  // A comment on an object the replay does not know is not understood, not an error: the
  // object may come from SQL the replay does not follow.
  statements = replay(replayer, "COMMENT ON VIEW core.made_elsewhere IS 'x';\n", "0002_x.sql");
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_EQ(statements[0].error, "");
  EXPECT_NE(statements[0].not_understood.find("view \"core\".\"made_elsewhere\" is not defined"),
            std::string::npos)
      << statements[0].not_understood;
}

TEST(Interpreter, DisplayKeyQuotesTheNameWithoutPublic) {
  EXPECT_EQ(flick::ddl::display_key("table public.users"), "table \"users\"");
  EXPECT_EQ(flick::ddl::display_key("constraint auth.users.users_pkey"),
            "constraint \"auth.users.users_pkey\"");
  EXPECT_EQ(flick::ddl::display_key("function public.touch()"), "function \"touch()\"");
}

// PostgreSQL keeps one index for a PRIMARY KEY and a UNIQUE on the same columns of one CREATE
// TABLE: the key, named after the first of the two with a name (checked against PostgreSQL 15:
// pg_constraint has only p_id_unique, contype 'p').
TEST(Interpreter, UniqueOnThePrimaryKeyColumnsIsTheKey) {
  Replayer replayer;
  replayer.apply(
      "CREATE TABLE p (id text PRIMARY KEY, CONSTRAINT p_id_unique UNIQUE(id));\n"
      "CREATE TABLE q (a int, b int, CONSTRAINT q_pk PRIMARY KEY (a, b), UNIQUE (a, b), "
      "UNIQUE (b));\n",
      "0001_x.sql");
  flick::model::Catalog catalog = replayer.catalog();
  const auto* p = catalog.find_table("public", "p");
  ASSERT_NE(p, nullptr);
  ASSERT_TRUE(p->primary_key.has_value());
  EXPECT_EQ(p->primary_key->name, "p_id_unique");
  EXPECT_TRUE(p->uniques.empty());
  const auto* q = catalog.find_table("public", "q");
  ASSERT_NE(q, nullptr);
  ASSERT_TRUE(q->primary_key.has_value());
  EXPECT_EQ(q->primary_key->name, "q_pk");
  ASSERT_EQ(q->uniques.size(), 1u);
  EXPECT_EQ(q->uniques[0].columns, std::vector<std::string>{"b"});
}

// CREATE TEMP TABLE ... AS (in a DO block too) is scratch data: its DROP is no error, and it
// leaves nothing in the schema.
TEST(Interpreter, TemporaryTableAsIsScratchSpace) {
  Replayer replayer;
  replayer.apply(
      "DO $$ BEGIN\n  CREATE TEMP TABLE \"_drift\" AS SELECT 1 AS x;\n"
      "  DROP TABLE \"_drift\";\nEND $$;\n"
      "CREATE TEMPORARY TABLE ids AS SELECT 1 AS id;\nDROP TABLE ids;\n",
      "0001_x.sql");
  EXPECT_TRUE(replayer.catalog().tables.empty());
  EXPECT_THROW(replayer.apply("DROP TABLE ids;", "0002_x.sql"), flick::UserError)
      << "gone with its file";
}

}  // namespace

namespace {

// A replayer's catalog, normalised as the schema reader's is.
flick::model::Catalog normalised(const Replayer& replayer) {
  flick::model::Catalog catalog = replayer.catalog();
  flick::model::normalise(catalog);
  return catalog;
}

}  // namespace

// Range types, their multiranges and collations are followed like domains: created, used by
// columns, dropped; a drop of what does not exist is an error.
TEST(Interpreter, RangeTypesAndCollationsAreFollowed) {
  Replayer replayer;  // strict
  std::vector<ReplayedStatement> created;
  ASSERT_NO_THROW(created = replay(replayer,
                                   "CREATE COLLATION ci (provider = icu, locale = "
                                   "'und-u-ks-level2', deterministic = false);\n"
                                   "CREATE TYPE floatrange AS RANGE (subtype = float8, "
                                   "subtype_diff = float8mi);\n"
                                   "CREATE TABLE t (id int, r floatrange, m floatmultirange, "
                                   "name text COLLATE ci);\n",
                                   "0000_t.sql"));
  ASSERT_EQ(created.size(), 3u);
  const Effect* collation = find_effect(created[0], "collation public.ci");
  ASSERT_NE(collation, nullptr);
  EXPECT_EQ(collation->action, Action::kCreated);
  EXPECT_EQ(created[0].not_understood, "");
  {
    flick::model::Catalog catalog = normalised(replayer);
    ASSERT_EQ(catalog.range_types.size(), 1u);
    EXPECT_EQ(catalog.range_types[0].subtype, "double precision");
    EXPECT_EQ(catalog.range_types[0].subtype_diff, "float8mi");
    ASSERT_EQ(catalog.collations.size(), 1u);
    EXPECT_EQ(catalog.collations[0].provider, "icu");
    EXPECT_EQ(catalog.collations[0].lc_collate, "und-u-ks-level2");
    EXPECT_FALSE(catalog.collations[0].deterministic);
    const flick::model::Table* t = catalog.find_table("public", "t");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(flick::model::find_column(*t, "m")->type_schema, "public");
    EXPECT_EQ(flick::model::find_column(*t, "name")->collation, "public.\"ci\"");
  }
  EXPECT_NO_THROW(replay(replayer,
                         "ALTER TABLE t DROP COLUMN r;\nALTER TABLE t DROP COLUMN m;\n"
                         "DROP TYPE floatrange;\nALTER TABLE t DROP COLUMN name;\n"
                         "DROP COLLATION ci;\n",
                         "0001_drop.sql"));
  flick::model::Catalog catalog = replayer.catalog();
  EXPECT_TRUE(catalog.range_types.empty());
  EXPECT_TRUE(catalog.collations.empty());
  EXPECT_TRUE(contains(apply_error(replayer, "DROP COLLATION ci;"), "does not exist"));
  std::string gone = apply_error(replayer, "ALTER TABLE t ADD COLUMN r floatrange;");
  EXPECT_TRUE(contains(gone, "type \"public\".\"floatrange\" of column \"t\".\"r\" is neither"))
      << gone;
}

// ENABLE / DISABLE TRIGGER set the trigger's state in the model; an unknown trigger is an error.
TEST(Interpreter, TriggerStateIsFollowed) {
  Replayer replayer;  // strict
  ASSERT_NO_THROW(replay(replayer,
                         "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS "
                         "$$ BEGIN RETURN NEW; END $$;\n"
                         "CREATE TABLE t (id int);\n"
                         "CREATE TRIGGER a BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();\n"
                         "CREATE TRIGGER b BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();\n"
                         "ALTER TABLE t DISABLE TRIGGER a;\n"
                         "ALTER TABLE t ENABLE REPLICA TRIGGER b;\n",
                         "0000_t.sql"));
  auto state_of = [&](const std::string& name) {
    flick::model::Catalog catalog = normalised(replayer);
    for (const flick::model::Trigger& trigger : catalog.find_table("public", "t")->triggers) {
      if (trigger.name == name) return trigger.enabled;
    }
    return '?';
  };
  EXPECT_EQ(state_of("a"), 'D');
  EXPECT_EQ(state_of("b"), 'R');
  // DISABLE TRIGGER ALL is followed in a history (the foreign keys' triggers are the server's).
  ASSERT_NO_THROW(replay(replayer, "ALTER TABLE t DISABLE TRIGGER ALL;\n", "0001_all.sql"));
  EXPECT_EQ(state_of("b"), 'D');
  ASSERT_NO_THROW(replay(replayer, "ALTER TABLE t ENABLE ALWAYS TRIGGER b;\n", "0002_b.sql"));
  EXPECT_EQ(state_of("a"), 'D');
  EXPECT_EQ(state_of("b"), 'A');
  EXPECT_TRUE(contains(apply_error(replayer, "ALTER TABLE t ENABLE TRIGGER missing;"),
                       "trigger \"missing\" for table \"t\" does not exist"));
}

#include "diff/diff.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "emit/emit.hpp"
#include "flick/error.hpp"

namespace flick::diff {
namespace {

model::Column column(const std::string& name, const std::string& type) {
  model::Column column;
  column.name = name;
  column.type = type;
  return column;
}

model::Table accounts_with(const std::string& created_name) {
  model::Table table;
  table.name = "accounts";
  model::Column id = column("id", "integer");
  id.primary_key = true;
  id.not_null = true;
  table.columns = {id, column(created_name, "timestamp")};
  return table;
}

model::Catalog catalog_with(model::Table table) {
  model::Catalog catalog;
  catalog.tables.push_back(std::move(table));
  return catalog;
}

TEST(Diff, IdenticalCatalogsGiveNoChanges) {
  model::Catalog catalog = catalog_with(accounts_with("created"));
  EXPECT_TRUE(diff(catalog, catalog, {}).empty());
}

// A foreign key to a table neither catalog has (auth.users, which Supabase provides and the
// schema files never create) is the same key while it names the same table and columns; it is
// changed when those change, and dropped and added again when the table it named is gone.
TEST(Diff, ForeignKeyToATableNeitherCatalogHasIsKeptWhileItNamesTheSame) {
  model::Table profiles = accounts_with("created");
  profiles.name = "profiles";
  model::ForeignKey key;
  key.name = "profiles_id_users_id_fk";
  key.columns = {"id"};
  key.ref_schema = "auth";
  key.ref_table = "users";
  key.ref_columns = {"id"};
  key.on_delete = "cascade";
  profiles.foreign_keys.push_back(key);
  model::Catalog before = catalog_with(profiles);
  model::Catalog same = before;
  EXPECT_TRUE(diff(before, same, {}).empty());

  model::Catalog other_column = before;
  other_column.tables[0].foreign_keys[0].ref_columns = {"uid"};
  EXPECT_EQ(emit::sql_statements(diff(before, other_column, {})).size(), 2u);

  // The referenced table is in the old catalog and gone from the new one: not the same key.
  model::Catalog with_users = before;
  model::Table users = accounts_with("created");
  users.schema = "auth";
  users.name = "users";
  users.columns[0].type = "integer";
  with_users.tables.insert(with_users.tables.begin(), users);
  with_users.schemas.push_back("auth");
  std::vector<std::string> statements = emit::sql_statements(diff(with_users, before, {}));
  EXPECT_NE(std::find_if(statements.begin(), statements.end(),
                         [](const std::string& statement) {
                           return statement.find("ADD CONSTRAINT \"profiles_id_users_id_fk\"") !=
                                  std::string::npos;
                         }),
            statements.end())
      << ::testing::PrintToString(statements);
}

// An owner entry is an opinion: one that goes changes nothing, one that comes or changes is an
// ALTER ... OWNER TO; a renamed table's entry follows it.
TEST(Diff, OwnerEntriesAreOpinions) {
  model::Catalog with_owner = catalog_with(accounts_with("created"));
  with_owner.owners.push_back({"table", "public", "accounts", "", "finance"});
  model::Catalog without = catalog_with(accounts_with("created"));
  EXPECT_TRUE(diff(with_owner, without, {}).empty());
  EXPECT_EQ(
      emit::sql_statements(diff(without, with_owner, {})),
      (std::vector<std::string>{"ALTER TABLE \"public\".\"accounts\" OWNER TO \"finance\";"}));
  model::Catalog other = with_owner;
  other.owners[0].role = "reporting";
  EXPECT_EQ(
      emit::sql_statements(diff(with_owner, other, {})),
      (std::vector<std::string>{"ALTER TABLE \"public\".\"accounts\" OWNER TO \"reporting\";"}));
  model::Catalog renamed = with_owner;
  renamed.tables[0].name = "ledger";
  renamed.owners[0].name = "ledger";
  Options options;
  options.renames.push_back(parse_rename_hint("table:accounts=ledger"));
  EXPECT_EQ(emit::sql_statements(diff(with_owner, renamed, options)),
            (std::vector<std::string>{
                "ALTER TABLE \"accounts\" RENAME TO \"ledger\";",
                "ALTER TABLE \"ledger\" RENAME CONSTRAINT \"accounts_pkey\" TO \"ledger_pkey\";"}))
      << "no OWNER TO: the entry followed the table";
}

TEST(Diff, AmbiguityWithoutAskNamesBothFlags) {
  model::Catalog to = catalog_with(accounts_with("created_at"));
  try {
    diff(catalog_with(accounts_with("created")), to, {});
    FAIL() << "expected UserError";
  } catch (const UserError& error) {
    std::string message = error.what();
    EXPECT_NE(message.find("--rename column:accounts.created=created_at"), std::string::npos)
        << message;
    EXPECT_NE(message.find("--drop column:accounts.created"), std::string::npos) << message;
  }
}

TEST(Diff, AskChoosesARename) {
  Options options;
  std::vector<std::string> asked;
  options.ask = [&](ObjectKind kind, const std::string& created,
                    const std::vector<std::string>& candidates) -> std::optional<std::string> {
    EXPECT_EQ(kind, ObjectKind::kColumn);
    asked.push_back(created);
    EXPECT_EQ(candidates, std::vector<std::string>{"accounts.created"});
    return candidates[0];
  };
  model::Catalog to = catalog_with(accounts_with("created_at"));
  ChangeSet changes = diff(catalog_with(accounts_with("created")), to, options);
  EXPECT_EQ(asked, std::vector<std::string>{"accounts.created_at"});
  ASSERT_EQ(changes.changes.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<RenameColumn>(changes.changes[0]));
  ASSERT_EQ(changes.renamed_columns.size(), 1u);
  EXPECT_EQ(changes.renamed_columns[0].first, "\"public\".\"accounts\".\"created\"");
  EXPECT_EQ(changes.renamed_columns[0].second, "\"public\".\"accounts\".\"created_at\"");
}

TEST(Diff, AskAnsweringNewlyCreatedAddsAndDrops) {
  Options options;
  options.ask = [](ObjectKind, const std::string&, const std::vector<std::string>&) {
    return std::optional<std::string>();
  };
  model::Catalog to = catalog_with(accounts_with("created_at"));
  ChangeSet changes = diff(catalog_with(accounts_with("created")), to, options);
  std::vector<std::string> sql = emit::sql_statements(changes);
  ASSERT_EQ(sql.size(), 2u);
  EXPECT_EQ(sql[0], "ALTER TABLE \"accounts\" ADD COLUMN \"created_at\" timestamp;");
  EXPECT_EQ(sql[1], "ALTER TABLE \"accounts\" DROP COLUMN \"created\";");
}

TEST(Diff, TableRenameHintIsRecordedForTheSnapshot) {
  model::Table renamed = accounts_with("created");
  renamed.name = "members";
  Options options;
  options.renames.push_back(parse_rename_hint("table:accounts=members"));
  model::Catalog to = catalog_with(renamed);
  ChangeSet changes = diff(catalog_with(accounts_with("created")), to, options);
  ASSERT_EQ(changes.renamed_tables.size(), 1u);
  EXPECT_EQ(changes.renamed_tables[0].first, "\"public\".\"accounts\"");
  EXPECT_EQ(changes.renamed_tables[0].second, "\"public\".\"members\"");
  std::vector<std::string> sql = emit::sql_statements(changes);
  ASSERT_EQ(sql.size(), 2u);
  EXPECT_EQ(sql[0], "ALTER TABLE \"accounts\" RENAME TO \"members\";");
  EXPECT_EQ(sql[1],
            "ALTER TABLE \"members\" RENAME CONSTRAINT \"accounts_pkey\" TO \"members_pkey\";");
}

TEST(Diff, HintForAMissingObjectIsAUserError) {
  Options options;
  options.renames.push_back(parse_rename_hint("table:accounts=nowhere"));
  model::Table other = accounts_with("created");
  other.name = "members";
  model::Catalog to = catalog_with(other);
  EXPECT_THROW(diff(catalog_with(accounts_with("created")), to, options), UserError);
}

TEST(Diff, EnumsBeforeTablesAndDroppedAfter) {
  model::Catalog from;
  model::Enum old_enum;
  old_enum.name = "old_kind";
  old_enum.values = {"a"};
  from.enums.push_back(old_enum);
  model::Catalog to;
  model::Enum mood;
  mood.name = "mood";
  mood.values = {"sad", "happy"};
  to.enums.push_back(mood);
  model::Table table = accounts_with("created");
  model::Column feeling = column("feeling", "mood");
  feeling.type_schema = "public";
  table.columns.push_back(feeling);
  to.tables.push_back(table);
  Options options;
  options.drops.push_back(parse_drop_hint("enum:old_kind"));
  std::vector<std::string> sql = emit::sql_statements(diff(from, to, options));
  ASSERT_EQ(sql.size(), 3u);
  EXPECT_EQ(sql[0], "CREATE TYPE \"public\".\"mood\" AS ENUM('sad', 'happy');");
  EXPECT_EQ(sql[1].rfind("CREATE TABLE \"accounts\" (\n", 0), 0u) << sql[1];
  EXPECT_NE(sql[1].find("\t\"feeling\" \"mood\""), std::string::npos) << sql[1];
  EXPECT_EQ(sql[2], "DROP TYPE \"public\".\"old_kind\";");
}

}  // namespace
}  // namespace flick::diff

namespace flick::diff {
namespace {

// Views that read each other cannot be created in any order: generate says which, by name.
TEST(Diff, ViewsReadingEachOtherAreACycleNamedInOrder) {
  model::Catalog to;
  model::View a;
  a.name = "a";
  a.definition = "SELECT x FROM b";
  model::View b;
  b.name = "b";
  b.definition = "SELECT x FROM c";
  model::View c;
  c.name = "c";
  c.definition = "SELECT x FROM a";
  to.views = {a, b, c};
  try {
    diff(model::Catalog{}, to, {});
    FAIL() << "expected UserError";
  } catch (const UserError& error) {
    EXPECT_EQ(std::string(error.what()),
              "views read each other in a cycle, PostgreSQL cannot create them: "
              "\"public\".\"a\" -> \"public\".\"b\" -> \"public\".\"c\" -> \"public\".\"a\"");
  }
}

}  // namespace
}  // namespace flick::diff

namespace flick::diff {
namespace {

// A view is created after the views it reads whatever order the catalog holds them in (a schema
// file may declare a reader first).
TEST(Diff, ViewsAreCreatedAfterTheViewsTheyRead) {
  model::Catalog to;
  model::View reader;
  reader.name = "huge_order_ids";
  reader.definition = "SELECT id FROM huge_orders";
  model::View read;
  read.name = "huge_orders";
  read.definition = "SELECT id FROM orders";
  to.views = {reader, read};
  ChangeSet changes = diff(model::Catalog{}, to, {});
  ASSERT_EQ(changes.changes.size(), 2u);
  EXPECT_EQ(std::get<CreateView>(changes.changes[0]).view.name, "huge_orders");
  EXPECT_EQ(std::get<CreateView>(changes.changes[1]).view.name, "huge_order_ids");
}

}  // namespace
}  // namespace flick::diff

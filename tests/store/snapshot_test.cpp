#include "store/snapshot.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "flick/error.hpp"
#include "store/snapshot_semantics.hpp"
#include "test_files.hpp"

namespace flick::store {
namespace {

namespace fs = std::filesystem;

const model::Table& table(const Snapshot& snapshot, const std::string& schema,
                          const std::string& name) {
  const model::Table* found = snapshot.catalog.find_table(schema, name);
  if (!found) throw std::runtime_error("no table " + schema + "." + name);
  return *found;
}

const model::Column& column(const model::Table& table, const std::string& name) {
  const model::Column* found = model::find_column(table, name);
  if (!found) throw std::runtime_error("no column " + name);
  return *found;
}

TEST(ReadSnapshot, MapsFixtureValuesToTheModel) {
  fs::path path = testing::fixture_folder() / "meta" / "0005_snapshot.json";
  if (!fs::exists(path)) GTEST_SKIP() << "fixture absent: " << path;
  Snapshot snapshot = read_snapshot(path);
  EXPECT_EQ(snapshot.id, "450aa255-e4df-48ce-ae1e-bec4e28f11e8");
  EXPECT_EQ(snapshot.prev_id, "6d0209e8-9df0-4552-9fcf-92667fc3173f");
  EXPECT_EQ(snapshot.layout, JsonLayout::kTabbed);
  const model::Table& logs = table(snapshot, "public", "logs");  // "schema": "" means public
  EXPECT_EQ(column(logs, "actor_type").type, "log_role");
  EXPECT_EQ(column(logs, "actor_type").type_schema, "public");
  EXPECT_EQ(column(logs, "id").default_expr, "gen_random_uuid()");
  EXPECT_TRUE(column(logs, "id").primary_key);
  ASSERT_EQ(logs.indexes.size(), 3u);
  EXPECT_FALSE(logs.indexes[2].elements[0].asc);
  const model::Table& account = table(snapshot, "public", "account");
  ASSERT_EQ(account.foreign_keys.size(), 1u);
  EXPECT_EQ(account.foreign_keys[0].ref_schema, "public");
  EXPECT_EQ(account.foreign_keys[0].on_delete, "cascade");
  bool saw_number = false, saw_false = false, saw_null = false;
  for (const model::Table& t : snapshot.catalog.tables) {
    for (const model::Column& c : t.columns) {
      if (c.default_expr == "0") saw_number = true;
      if (c.default_expr == "false") saw_false = true;
      if (c.default_expr == "NULL") saw_null = true;
    }
  }
  EXPECT_TRUE(saw_number && saw_false && saw_null);
}

TEST(ReadSnapshot, ReadsVersion5PgSnapshot) {
  Snapshot snapshot = read_snapshot(testing::store_data() / "snapshot_v5.json");
  EXPECT_EQ(snapshot.version, "5");
  ASSERT_EQ(snapshot.catalog.enums.size(), 1u);
  EXPECT_EQ(snapshot.catalog.enums[0].schema, "public");
  EXPECT_EQ(snapshot.catalog.enums[0].values, (std::vector<std::string>{"happy", "sad"}));
  const model::Table& users = table(snapshot, "public", "users");
  EXPECT_EQ(column(users, "mood").type_schema, "public");  // resolved from the enum
  EXPECT_EQ(column(users, "mood").default_expr, "'happy'");
  EXPECT_EQ(column(users, "score").default_expr, "0");
  EXPECT_EQ(column(users, "email").type, "varchar(255)");
  ASSERT_EQ(users.uniques.size(), 1u);  // from the column's isUnique
  EXPECT_EQ(users.uniques[0].name, "users_email_unique");
  EXPECT_EQ(users.uniques[0].columns, (std::vector<std::string>{"email"}));
  ASSERT_EQ(users.indexes.size(), 1u);
  const model::IndexElement& element = users.indexes[0].elements[0];
  EXPECT_EQ(element.expression, "email");
  EXPECT_FALSE(element.is_expression);
  EXPECT_EQ(element.nulls, "last");
  EXPECT_EQ(users.indexes[0].method, "btree");
  const model::Table& posts = table(snapshot, "public", "posts");
  ASSERT_TRUE(posts.primary_key.has_value());
  EXPECT_EQ(posts.primary_key->columns, (std::vector<std::string>{"id", "author_id"}));
  EXPECT_EQ(posts.foreign_keys[0].on_delete, "cascade");
  EXPECT_EQ(posts.foreign_keys[0].on_update, "no action");  // absent in the file
}

TEST(ReadSnapshot, ReadsVersion6Snapshot) {
  Snapshot snapshot = read_snapshot(testing::store_data() / "snapshot_v6.json");
  EXPECT_EQ(snapshot.catalog.schemas, (std::vector<std::string>{"app"}));
  const model::Table& items = table(snapshot, "app", "items");
  EXPECT_EQ(column(items, "status").type_schema, "app");
  EXPECT_EQ(column(items, "tags").type, "text[]");
  ASSERT_EQ(items.indexes.size(), 1u);
  EXPECT_EQ(items.indexes[0].elements.size(), 2u);
  EXPECT_EQ(items.indexes[0].with.at("fillfactor"), "70");
  EXPECT_TRUE(items.uniques[0].nulls_not_distinct);
  ASSERT_EQ(snapshot.meta.tables.size(), 1u);
  EXPECT_EQ(snapshot.meta.tables[0].second, "\"app\".\"items\"");
}

TEST(ReadSnapshot, LegacySnapshotsAreWrittenAsVersion7) {
  Snapshot snapshot = read_snapshot(testing::store_data() / "snapshot_v5.json");
  std::string written = snapshot_json(snapshot);
  Snapshot again = parse_snapshot(written, "written");
  EXPECT_EQ(again.version, "7");
  EXPECT_EQ(again.dialect, "postgresql");
  EXPECT_EQ(again.catalog, snapshot.catalog);
  EXPECT_NE(written.find("\"typeSchema\": \"public\""), std::string::npos);
  EXPECT_NE(written.find("\"public.mood\": {"), std::string::npos);
  EXPECT_NE(written.find("\"public.users\": {"), std::string::npos);
}

model::Column make_column(const std::string& name, const std::string& type, bool not_null = false) {
  model::Column column;
  column.name = name;
  column.type = type;
  column.not_null = not_null;
  return column;
}

// A catalog exercising every shape the writer produces.
Snapshot model_snapshot() {
  Snapshot snapshot;
  snapshot.id = "11111111-1111-4111-8111-111111111111";
  snapshot.prev_id = "00000000-0000-0000-0000-000000000000";
  model::Catalog& catalog = snapshot.catalog;
  catalog.schemas = {"billing"};
  catalog.enums.push_back({"public", "mood", {"happy", "sad"}});
  catalog.sequences.push_back(
      {"public", "counter", {"1", "1", "9223372036854775807", "1", "1", false}});

  model::Table users;
  users.name = "users";
  model::Column id = make_column("id", "integer", true);
  id.primary_key = true;
  id.identity = model::Identity{
      model::IdentityKind::kAlways, "users_id_seq", {"1", "1", "2147483647", "1", "1", false}};
  model::Column score = make_column("score", "integer", true);
  score.default_expr = "0";
  model::Column active = make_column("active", "boolean");
  active.default_expr = "false";
  model::Column mood = make_column("mood", "mood");
  mood.type_schema = "public";
  mood.default_expr = "'happy'";
  model::Column ratio = make_column("ratio", "numeric(10, 2)");
  ratio.default_expr = "1.5";
  model::Column created = make_column("created_at", "timestamp (3) with time zone");
  created.default_expr = "now()";
  model::Column email = make_column("email", "text", true);
  model::Column lower_email = make_column("email_lower", "text");
  lower_email.generated = "lower(email)";
  users.columns = {id, score, active, mood, ratio, created, email, lower_email};
  users.uniques.push_back({"users_email_unique", {"email"}, false});
  model::Index index;
  index.name = "users_lower_email_idx";
  index.elements.push_back({"lower(email)", true, true, "last", ""});
  index.elements.push_back({"score", false, false, "first", "int4_ops"});
  index.where = "score > 0";
  index.with["fillfactor"] = "70";
  users.indexes.push_back(index);
  users.checks.push_back({"users_score_check", "score >= 0"});
  model::Policy policy;
  policy.name = "users_read";
  policy.for_command = "SELECT";
  policy.using_expr = "true";
  users.policies.push_back(policy);
  users.rls_enabled = true;
  catalog.tables.push_back(users);

  model::Table invoices;
  invoices.schema = "billing";
  invoices.name = "invoices";
  invoices.columns = {make_column("user_id", "integer", true),
                      make_column("number", "integer", true)};
  invoices.primary_key = model::PrimaryKey{"invoices_user_id_number_pk", {"user_id", "number"}};
  invoices.foreign_keys.push_back({"invoices_user_id_users_id_fk",
                                   {"user_id"},
                                   "public",
                                   "users",
                                   {"id"},
                                   "cascade",
                                   "no action"});
  catalog.tables.push_back(invoices);

  model::View view;
  view.name = "active_users";
  view.definition = "SELECT id FROM users WHERE active";
  view.with["security_barrier"] = "true";
  view.with["check_option"] = "local";
  catalog.views.push_back(view);
  model::Role reader;
  reader.name = "reader";
  snapshot.catalog.roles.push_back(reader);
  return snapshot;
}

TEST(SnapshotJson, WritesDrizzleKitShapesFromAModel) {
  std::string expected = testing::read_file(testing::store_data() / "model_snapshot.json");
  EXPECT_EQ(snapshot_json(model_snapshot()), expected);
}

TEST(SnapshotJson, ModelSnapshotReadsBackToTheSameCatalog) {
  Snapshot snapshot = model_snapshot();
  Snapshot again = parse_snapshot(snapshot_json(snapshot), "model_snapshot.json");
  EXPECT_EQ(again.catalog, snapshot.catalog);
  EXPECT_EQ(again.catalog.roles, snapshot.catalog.roles);
}

TEST(SnapshotJson, ExtraKeysAppearOnlyForFeaturesDrizzleCannotExpress) {
  Snapshot snapshot = model_snapshot();
  std::string plain = snapshot_json(snapshot);
  EXPECT_EQ(plain.find("\"comment\""), std::string::npos);
  EXPECT_EQ(plain.find("\"include\""), std::string::npos);
  EXPECT_EQ(plain.find("\"nullsNotDistinct\": true"), std::string::npos);

  model::Table& users = snapshot.catalog.tables[0];
  users.comment = "people";
  users.columns[0].comment = "key";
  users.indexes[0].include = {"email"};
  users.indexes[0].nulls_not_distinct = true;
  std::string extended = snapshot_json(snapshot);
  EXPECT_NE(extended.find("\"isRLSEnabled\": true,\n      \"comment\": \"people\""),
            std::string::npos);
  EXPECT_NE(extended.find("\"comment\": \"key\""), std::string::npos);
  EXPECT_NE(extended.find("\"include\": [\n            \"email\"\n          ],\n"
                          "          \"nullsNotDistinct\": true"),
            std::string::npos);
  Snapshot again = parse_snapshot(extended, "extended");
  EXPECT_EQ(again.catalog, snapshot.catalog);
}

void expect_error(const std::string& text, const std::string& fragment) {
  try {
    parse_snapshot(text, "meta/0001_snapshot.json");
    ADD_FAILURE() << "no error for " << fragment;
  } catch (const UserError& error) {
    std::string message = error.what();
    EXPECT_NE(message.find(fragment), std::string::npos) << message;
    EXPECT_NE(message.find("meta/0001_snapshot.json"), std::string::npos) << message;
  }
}

// `text` with its first `from` replaced by `to`; throws when `from` is absent.
std::string replaced_once(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("not found: " + from);
  return text.replace(at, from.size(), to);
}

TEST(ReadSnapshot, RejectsWhatDrizzleKitWouldReject) {
  std::string good = snapshot_json(model_snapshot());
  auto replaced = [&](const std::string& from, const std::string& to) {
    return replaced_once(good, from, to);
  };
  expect_error(replaced("\"version\": \"7\"", "\"version\": \"8\""), "version");
  expect_error(replaced("\"dialect\": \"postgresql\"", "\"dialect\": \"mysql\""), "mysql");
  expect_error(replaced("\"notNull\": true", "\"notNull\": true, \"colour\": 1"),
               "tables.public.users.columns.id.colour: unknown key");
  expect_error(replaced("\"notNull\": true", "\"notNull\": \"yes\""),
               "tables.public.users.columns.id.notNull: expected true or false");
  expect_error(replaced("\"type\": \"always\"", "\"type\": \"sometimes\""), "identity.type");
  expect_error(replaced("\"columnsFrom\": [", "\"columnsFrom\": [1, "), "columnsFrom");
  expect_error("[]", "expected an object");
}

// drizzle-kit before 0.21 wrote an array default as the JSON array; it reads as the array
// literal the migration has, and writes back as it was read.
TEST(ReadSnapshot, AnArrayDefaultOfOlderDrizzleKitIsTheArrayLiteral) {
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(snapshot_json(model_snapshot()));
  nlohmann::ordered_json& columns = json["tables"]["public.users"]["columns"];
  auto array_column = [](const std::string& name, const std::string& type,
                         nlohmann::ordered_json value) {
    return nlohmann::ordered_json{{"name", name},
                                  {"type", type},
                                  {"primaryKey", false},
                                  {"notNull", false},
                                  {"default", std::move(value)}};
  };
  columns["tags"] = array_column("tags", "text[]", nlohmann::ordered_json::array());
  columns["scores"] = array_column("scores", "integer[]", {1, 2.5, nullptr});
  columns["labels"] = array_column("labels", "text[]", {"a b", "say \"hi\"", "it's", "x\\y"});
  columns["grid"] = array_column("grid", "integer[][]", {{1, 2}, {3, 4}});
  columns["flags"] = array_column("flags", "boolean[]", {true, false});
  std::string text = json.dump(2);
  for (const Snapshot& snapshot : {parse_snapshot(text, "meta/0001_snapshot.json"),
                                   parse_snapshot_from_tree(text, "meta/0001_snapshot.json")}) {
    const model::Table& users = table(snapshot, "public", "users");
    EXPECT_EQ(column(users, "tags").default_expr, "'{}'");
    EXPECT_EQ(column(users, "scores").default_expr, "'{1,2.5,NULL}'");
    // PostgreSQL's canonical spelling of a literal with backslashes is the E'' form.
    EXPECT_EQ(column(users, "labels").default_expr,
              "E'{\"a b\",\"say \\\\\"hi\\\\\"\",\"it''s\",\"x\\\\\\\\y\"}'");
    EXPECT_EQ(column(users, "grid").default_expr, "'{{1,2},{3,4}}'");
    EXPECT_EQ(column(users, "flags").default_expr, "'{true,false}'");
    EXPECT_EQ(snapshot_json(snapshot), text);
  }
  columns["grid"]["default"] = {{{"a", 1}}};
  expect_error(json.dump(2),
               "columns.grid.default: expected a string, number, boolean, null or "
               "an array of those");
}

// parse_snapshot reads simdjson's document; parse_snapshot_from_tree nlohmann's tree, the path
// for what the document cannot give. Both must read every snapshot alike.
TEST(ReadSnapshot, TheDocumentAndTheTreeReadEverySnapshotAlike) {
  std::vector<std::pair<std::string, std::string>> texts = {
      {"model", snapshot_json(model_snapshot())}};
  std::vector<fs::path> roots = {fs::path(FLICK_TESTS_DIR),
                                 fs::path(FLICK_TESTS_DIR) / ".." / "examples"};
  if (fs::exists(testing::fixture_folder())) roots.push_back(testing::fixture_folder());
  for (const fs::path& root : roots) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      std::string name = entry.path().filename().string();
      bool snapshot = name.ends_with("_snapshot.json") || name.starts_with("snapshot_v") ||
                      name == "model_snapshot.json";
      if (entry.is_regular_file() && snapshot) {
        texts.emplace_back(entry.path().string(), testing::read_file(entry.path()));
      }
    }
  }
  ASSERT_GE(texts.size(), 20u);
  std::size_t read = 0;
  for (const auto& [name, text] : texts) {
    SCOPED_TRACE(name);
    std::optional<Snapshot> from_tree;
    std::string tree_error;
    try {
      from_tree = parse_snapshot_from_tree(text, name);
    } catch (const UserError& error) {
      tree_error = error.what();
    }
    try {
      Snapshot from_document = parse_snapshot(text, name);
      ASSERT_TRUE(from_tree.has_value()) << tree_error;
      EXPECT_TRUE(from_document == *from_tree);
      EXPECT_EQ(snapshot_json(from_document), snapshot_json(*from_tree));
      ++read;
    } catch (const UserError& error) {
      EXPECT_EQ(error.what(), tree_error);
    }
  }
  EXPECT_GE(read, 20u);
}

TEST(ReadSnapshot, TheDocumentAndTheTreeRejectAlike) {
  std::string good = snapshot_json(model_snapshot());
  auto replaced = [&](const std::string& from, const std::string& to) {
    return replaced_once(good, from, to);
  };
  std::vector<std::string> bad = {
      "[]",
      "{}",
      "{\"id\": 1}",
      "not json",
      replaced("\"version\": \"7\"", "\"version\": 7"),
      replaced("\"notNull\": true", "\"notNull\": true, \"colour\": 1"),
      replaced("\"notNull\": true", "\"notNull\": \"yes\""),
      replaced("\"notNull\": true", "\"notNull\": null"),
      replaced("\"type\": \"always\"", "\"type\": \"sometimes\""),
      replaced("\"columnsFrom\": [", "\"columnsFrom\": [1, "),
      replaced("\"columnsFrom\": [", "\"columnsFrom\": {\"a\": 1}, \"x\": ["),
      replaced("\"tables\": {", "\"tables\": [], \"t\": {"),
      replaced("\"enums\": {", "\"enums\": {\"e\": 5}, \"x\": {"),
      replaced("\"columns\": {", "\"columns\": 3, \"c\": {"),
      replaced("\"name\": \"users\"", "\"name\": 12"),
  };
  // Defaults and "with" values of the wrong kind.
  if (good.find("\"default\": ") != std::string::npos) {
    bad.push_back(replaced("\"default\": ", "\"default\": [1], \"d\": "));
  }
  for (const std::string& text : bad) {
    SCOPED_TRACE(text.substr(0, 200));
    std::string from_document;
    std::string from_tree;
    try {
      parse_snapshot(text, "meta/0001_snapshot.json");
    } catch (const UserError& error) {
      from_document = error.what();
    }
    try {
      parse_snapshot_from_tree(text, "meta/0001_snapshot.json");
    } catch (const UserError& error) {
      from_tree = error.what();
    }
    EXPECT_FALSE(from_document.empty());
    EXPECT_EQ(from_document, from_tree);
  }
}

// nlohmann keeps a duplicated key at its first position with its last value; the document
// leaves such a text to the tree, so the snapshot reads the same either way.
TEST(ReadSnapshot, ADuplicatedKeyIsReadAsTheTreeReadsIt) {
  std::string text = snapshot_json(model_snapshot());
  std::size_t at = text.find("\"notNull\": true");
  ASSERT_NE(at, std::string::npos);
  text.insert(at, "\"notNull\": false, ");
  std::size_t column = text.rfind("\"name\": \"", at);
  std::string name = text.substr(column + 9, text.find('"', column + 9) - column - 9);
  Snapshot snapshot = parse_snapshot(text, "meta/0001_snapshot.json");
  EXPECT_TRUE(snapshot == parse_snapshot_from_tree(text, "meta/0001_snapshot.json"));
  const model::Column* read = nullptr;
  for (const model::Table& table : snapshot.catalog.tables) {
    if (const model::Column* found = model::find_column(table, name)) read = found;
  }
  ASSERT_NE(read, nullptr) << name;
  EXPECT_TRUE(read->not_null);  // the last value
}

// read_snapshot_ids takes a fast validating path and falls back to nlohmann's SAX parser for
// whatever the fast path refuses: together they accept exactly what the SAX parser accepts.
TEST(ReadSnapshotIds, ReadsTheTopLevelIdsOfAWholeValidFileOnly) {
  testing::TempDir temp;
  auto ids_of = [&](const std::string& text) {
    fs::path path = temp.path() / "s.json";
    testing::write_file(path, text);
    return read_snapshot_ids(path);
  };
  const std::string body =
      R"({"id":"a1","prevId":"p0","tables":{"t":{"id":"nested","prevId":"x"}},"n":[1,2.5]})";
  std::optional<SnapshotIds> ids = ids_of(body);
  ASSERT_TRUE(ids.has_value());
  EXPECT_EQ(ids->id, "a1");
  EXPECT_EQ(ids->prev_id, "p0");

  // A duplicated key keeps its last value, as JSON.parse does.
  ids = ids_of(R"({"id":"first","prevId":"p","id":"last"})");
  ASSERT_TRUE(ids.has_value());
  EXPECT_EQ(ids->id, "last");
  // What the fast path may refuse and nlohmann accepts: a byte order mark, an integer beyond
  // 64 bits.
  ids = ids_of("\xEF\xBB\xBF" + body);
  ASSERT_TRUE(ids.has_value());
  EXPECT_EQ(ids->id, "a1");
  ids = ids_of(R"({"id":"a1","prevId":"p0","big":123456789012345678901234567890})");
  ASSERT_TRUE(ids.has_value());
  EXPECT_EQ(ids->prev_id, "p0");
  // No prevId is still a snapshot with an id (the chain check reports it).
  ids = ids_of(R"({"id":"a1"})");
  ASSERT_TRUE(ids.has_value());
  EXPECT_EQ(ids->prev_id, "");

  EXPECT_FALSE(ids_of(body.substr(0, body.size() - 1)).has_value()) << "truncated after its ids";
  EXPECT_FALSE(ids_of(body + "x").has_value()) << "trailing text";
  EXPECT_FALSE(ids_of("{\"id\":\"a\xff\",\"prevId\":\"p0\"}").has_value()) << "invalid UTF-8";
  EXPECT_FALSE(ids_of(R"({"id":1,"prevId":"p0"})").has_value()) << "an id that is no string";
  EXPECT_FALSE(ids_of(R"(["id","a1"])").has_value()) << "not an object";
  EXPECT_FALSE(ids_of(R"({"id":"a1","prevId":"p0","big":1e400})").has_value()) << "overflow";
  EXPECT_FALSE(ids_of("").has_value());
}

}  // namespace
TEST(SnapshotSemantics, PoliciesImplyRlsAndCommentlessSnapshotsIgnoreComments) {
  model::Catalog snapshot;
  model::Table table;
  table.name = "t";
  table.policies.push_back(model::Policy{});
  snapshot.tables.push_back(table);
  model::Catalog other;
  model::Table commented;
  commented.name = "t";
  commented.comment = "a table";
  model::Column column;
  column.name = "c";
  column.comment = "a column";
  commented.columns.push_back(column);
  other.tables.push_back(commented);
  other.comments.push_back({"view", "public", "v", "", "a view"});
  reconcile_with_drizzle_snapshot(snapshot, other);
  EXPECT_TRUE(other.comments.empty()) << "a snapshot without comments holds none of any kind";
  EXPECT_TRUE(snapshot.tables[0].rls_enabled);
  EXPECT_FALSE(other.tables[0].comment.has_value());
  EXPECT_FALSE(other.tables[0].columns[0].comment.has_value());

  model::Catalog with_comment = snapshot;
  with_comment.tables[0].comment = "kept";
  model::Catalog other_again;
  other_again.tables.push_back(commented);
  reconcile_with_drizzle_snapshot(with_comment, other_again);
  EXPECT_EQ(other_again.tables[0].comment, "a table")
      << "a snapshot that holds comments compares them";

  // A drizzle-kit snapshot (no objects file) holds table comments but no others.
  other_again.comments.push_back({"routine", "public", "f", "", "a function"});
  reconcile_with_drizzle_snapshot(with_comment, other_again, false);
  EXPECT_TRUE(other_again.comments.empty());
  model::Catalog recorded = with_comment;
  recorded.comments.push_back({"routine", "public", "f", "", "a function"});
  model::Catalog replayed = other_again;
  replayed.comments.push_back({"routine", "public", "f", "", "another text"});
  reconcile_with_drizzle_snapshot(recorded, replayed, true);
  ASSERT_EQ(replayed.comments.size(), 1u) << "a snapshot with an objects file compares them";
  EXPECT_EQ(replayed.comments[0].text, "another text");
}

}  // namespace flick::store

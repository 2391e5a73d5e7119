#include <gtest/gtest.h>

#include <filesystem>

#include "test_util.hpp"

namespace flick::ddl {
namespace {

using testing::column_of;
using testing::table_of;

class FlickSchemaHead : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::string(FLICK_SHARED_DIR) + "/fixtures/flick-schema-head.sql";
    if (!std::filesystem::exists(path_)) {
      GTEST_SKIP() << "shared fixture absent: " << path_;
    }
    catalog_ = read_schema_files({path_});
  }

  std::string path_;
  model::Catalog catalog_;
};

TEST_F(FlickSchemaHead, HasEveryTableAndEnum) {
  EXPECT_EQ(catalog_.tables.size(), 20u);
  EXPECT_EQ(catalog_.enums.size(), 13u);
  EXPECT_TRUE(catalog_.schemas.empty());
  EXPECT_TRUE(catalog_.sequences.empty());
  EXPECT_TRUE(catalog_.views.empty());
  for (const model::Table& table : catalog_.tables) EXPECT_EQ(table.schema, "public");
}

TEST_F(FlickSchemaHead, KeepsEnumValueOrder) {
  const model::Enum* action = catalog_.find_enum("public", "log_action");
  ASSERT_NE(action, nullptr);
  ASSERT_EQ(action->values.size(), 61u);
  EXPECT_EQ(action->values.front(), "user:upvoted:post");
  EXPECT_EQ(action->values[16], "user:session:terminated:all");
  EXPECT_EQ(action->values[25], "user:logged:in:new:device");
  EXPECT_EQ(action->values[26], "user:session:terminated:other");
  EXPECT_EQ(action->values.back(), "other:action");
  const model::Enum* auth_type = catalog_.find_enum("public", "authType");
  ASSERT_NE(auth_type, nullptr);
  EXPECT_EQ(auth_type->values, (std::vector<std::string>{"manual", "oauth"}));
}

TEST_F(FlickSchemaHead, ColumnsResolveTypesAndDefaults) {
  const model::Table& logs = table_of(catalog_, "logs");
  EXPECT_TRUE(column_of(logs, "id").primary_key);
  EXPECT_EQ(column_of(logs, "id").default_expr, "gen_random_uuid()");
  EXPECT_EQ(column_of(logs, "occured_at").type, "timestamp with time zone");
  EXPECT_EQ(column_of(logs, "actor_type").type, "log_role");
  EXPECT_EQ(column_of(logs, "actor_type").type_schema, "public");
  EXPECT_EQ(column_of(logs, "ip_address").type, "inet");
  EXPECT_EQ(column_of(logs, "ip_address").type_schema, "");

  const model::Table& user = table_of(catalog_, "platform_user");
  EXPECT_EQ(column_of(user, "status").default_expr, "'ONBOARDING'");
  EXPECT_TRUE(column_of(user, "status").not_null);
  EXPECT_EQ(column_of(user, "karma").default_expr, "0");
  EXPECT_EQ(user.uniques.size(), 2u);
  EXPECT_EQ(user.uniques[0],
            (model::UniqueConstraint{"platform_user_auth_id_unique", {"auth_id"}, false}));
  EXPECT_EQ(column_of(table_of(catalog_, "content_reports"), "status").type, "varchar(20)");
  EXPECT_FALSE(column_of(table_of(catalog_, "notifications"), "postId").default_expr);
}

TEST_F(FlickSchemaHead, ForeignKeysKeepTheirActions) {
  const model::Table& comments = table_of(catalog_, "comments");
  ASSERT_EQ(comments.foreign_keys.size(), 3u);
  EXPECT_EQ(comments.foreign_keys[2], (model::ForeignKey{"comments_parentCommentId_comments_id_fk",
                                                         {"parentCommentId"},
                                                         "public",
                                                         "comments",
                                                         {"id"},
                                                         "set null",
                                                         "no action"}));
  EXPECT_EQ(table_of(catalog_, "account").foreign_keys[0].on_delete, "cascade");
  EXPECT_EQ(table_of(catalog_, "notifications").foreign_keys[0].on_delete, "no action");
  std::size_t total = 0;
  for (const model::Table& table : catalog_.tables) total += table.foreign_keys.size();
  EXPECT_EQ(total, 22u);
}

TEST_F(FlickSchemaHead, IndexesKeepOrderingAndUniqueness) {
  const model::Table& posts = table_of(catalog_, "posts");
  ASSERT_EQ(posts.indexes.size(), 1u);
  const model::Index& visibility = posts.indexes[0];
  EXPECT_EQ(visibility.name, "posts_visibility_idx");
  ASSERT_EQ(visibility.elements.size(), 3u);
  EXPECT_EQ(visibility.elements[2], (model::IndexElement{"createdAt", false, false, "last", ""}));
  EXPECT_EQ(visibility.elements[0].nulls, "last");
  const model::Table& votes = table_of(catalog_, "votes");
  ASSERT_EQ(votes.indexes.size(), 2u);
  EXPECT_TRUE(votes.indexes[0].unique);
  EXPECT_EQ(votes.indexes[0].name, "votes_user_target_unique");
  EXPECT_FALSE(votes.indexes[1].unique);
  std::size_t total = 0;
  for (const model::Table& table : catalog_.tables) total += table.indexes.size();
  EXPECT_EQ(total, 25u);
}

}  // namespace
}  // namespace flick::ddl

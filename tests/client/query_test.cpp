// The generated Flick schema header (flick_app/schema.hpp) with the query builder, on the Flick
// schema: select / insert / update / delete with RETURNING, enums, NULLs, transactions.

#include <gtest/gtest.h>

#include "flick/client.hpp"
#include "flick_app/schema.hpp"
#include "schema_database.hpp"

namespace flick::app {
namespace {

using namespace std::chrono;
using client::Params;
using client::Pool;
using client::Transaction;

class QueryBuilder : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pool_ = new Pool({.url = testing::flick_schema_database("client_query"), .size = 2});
  }
  static void TearDownTestSuite() { delete pool_; }

  static CollegesRow add_college(const std::string& name, const std::string& domain) {
    return pool_->insert(colleges)
        .values(CollegesInsert{
            .name = name, .email_domain = domain, .city = "San Francisco", .state = "CA"})
        .returning()
        .at(0);
  }

  static Pool* pool_;
};

Pool* QueryBuilder::pool_ = nullptr;

TEST_F(QueryBuilder, SelectWhereFirstReadsTheRowStruct) {
  CollegesRow inserted = add_college("Flick Test College", "flick.com");
  EXPECT_EQ(inserted.profile, "https://yourcdn.com/default-college-profile.png");
  std::optional<CollegesRow> found =
      pool_->select(colleges).where(colleges.email_domain == "flick.com").first();
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, inserted);
  EXPECT_FALSE(pool_->select(colleges).where(colleges.email_domain == "nowhere.org").first());
  EXPECT_EQ(pool_->select(colleges)
                .where(colleges.city == "San Francisco" && colleges.state != "NY")
                .all()
                .size(),
            1u);
}

TEST_F(QueryBuilder, SqlTextUsesPlaceholdersOnly) {
  Params params;
  std::string sql =
      pool_->select(colleges)
          .where(colleges.email_domain == "x'; DROP TABLE colleges; --" || colleges.name.like("A%"))
          .order_by(colleges.created_at.desc())
          .limit(5)
          .sql(params);
  EXPECT_EQ(sql,
            "SELECT \"id\", \"name\", \"emailDomain\", \"city\", \"state\", \"profile\", "
            "\"createdAt\", \"updatedAt\" FROM \"public\".\"colleges\" WHERE (\"emailDomain\" = "
            "$1) OR (\"name\" LIKE $2) ORDER BY \"createdAt\" DESC LIMIT 5");
  EXPECT_EQ(params.size(), 2);
}

TEST_F(QueryBuilder, InsertUpdateDeleteEveryColumnTypeWithEnumsAndNulls) {
  CollegesRow college = add_college("Enum College", "enum.edu");
  pool_->insert(auth)
      .values(AuthInsert{.id = "auth-1", .name = "Ann", .email = "ann@enum.edu"})
      .run();
  AuthRow auth_row = pool_->select(auth).where(auth.id == "auth-1").first().value();
  EXPECT_FALSE(auth_row.email_verified);
  EXPECT_EQ(auth_row.banned, false) << "nullable with DEFAULT false";
  EXPECT_FALSE(auth_row.role);
  EXPECT_FALSE(auth_row.ban_expires);

  PlatformUserRow user = pool_->insert(platform_user)
                             .values(PlatformUserInsert{
                                 .auth_id = "auth-1", .username = "ann", .college_id = college.id})
                             .returning()
                             .at(0);
  EXPECT_EQ(user.status, UserStatus::kOnboarding);
  EXPECT_EQ(user.karma, 0);
  EXPECT_FALSE(user.branch);

  // The check constraint ties status to branch: both change together.
  long updated = pool_->update(platform_user)
                     .set(platform_user.status, UserStatus::kActive)
                     .set(platform_user.branch, "CS")
                     .set(platform_user.karma, 5)
                     .where(platform_user.id == user.id)
                     .run();
  EXPECT_EQ(updated, 1);
  user = pool_->select(platform_user).where(platform_user.username == "ann").first().value();
  EXPECT_EQ(user.status, UserStatus::kActive);
  EXPECT_EQ(user.branch, "CS");
  EXPECT_EQ(user.karma, 5);

  PostsRow post =
      pool_->insert(posts)
          .values(PostsInsert{
              .title = "T", .content = "C", .posted_by = user.id, .topic = TopicEnum::kRantVent})
          .returning()
          .at(0);
  EXPECT_EQ(post.topic, TopicEnum::kRantVent);
  EXPECT_EQ(to_string(post.topic), "Rant / Vent");

  nlohmann::json actors = {"ann", "bob"};
  client::Timestamp when = sys_days(2026y / 1 / 1) + 12h + 1us;
  NotificationsRow note = pool_->insert(notifications)
                              .values(NotificationsInsert{.post_id = post.id,
                                                          .receiver_id = "auth-1",
                                                          .actor_usernames = actors,
                                                          .type = NotificationType::kReplied,
                                                          .created_at = when})
                              .returning()
                              .at(0);
  EXPECT_EQ(note.actor_usernames, actors);
  EXPECT_EQ(note.created_at, when);
  EXPECT_FALSE(note.content);
  EXPECT_FALSE(note.seen);

  LogsRow log = pool_->insert(logs)
                    .values(LogsInsert{.actor_type = LogRole::kSystem,
                                       .action = "seed",
                                       .entity_type = LogEntityType::kContentReport,
                                       .ip_address = "10.0.0.1",
                                       .metadata = nlohmann::json{{"k", 1}}})
                    .returning()
                    .at(0);
  EXPECT_EQ(log.ip_address, "10.0.0.1");
  EXPECT_FALSE(log.before);
  EXPECT_EQ(log.entity_type, LogEntityType::kContentReport);

  ContentReportsRow report = pool_->insert(content_reports)
                                 .values(ContentReportsInsert{.type = ReportType::kPost,
                                                              .post_id = post.id,
                                                              .reported_by = user.id,
                                                              .reason = "spam",
                                                              .message = "m"})
                                 .returning()
                                 .at(0);
  EXPECT_EQ(report.status, "pending") << "varchar(20) DEFAULT 'pending'";

  // Setting a nullable column back to NULL.
  pool_->update(notifications)
      .set(notifications.post_id, std::nullopt)
      .where(notifications.id == note.id)
      .run();
  EXPECT_FALSE(pool_->select(notifications).where(notifications.id == note.id).first()->post_id);

  std::vector<PostsRow> deleted = pool_->delete_from(posts).where(posts.id == post.id).returning();
  ASSERT_EQ(deleted.size(), 1u);
  EXPECT_EQ(deleted[0].id, post.id);
  EXPECT_EQ(pool_->delete_from(auth).where(auth.id == "auth-1").run(), 1);
  EXPECT_FALSE(pool_->select(platform_user).where(platform_user.id == user.id).first())
      << "ON DELETE CASCADE through auth";
}

TEST_F(QueryBuilder, MultiRowInsertUsesDefaultForUnsetFieldsAndInMatchesAList) {
  std::vector<BannedWordsInsert> rows = {
      {.word = "w1", .severity = ModerationSeverityEnum::kMild},
      {.word = "w2", .strict_mode = true, .severity = ModerationSeverityEnum::kSevere},
  };
  EXPECT_EQ(pool_->insert(banned_words).values(rows).run(), 2);
  EXPECT_EQ(pool_->insert(banned_words).values(rows).on_conflict_do_nothing().run(), 0);
  std::vector<BannedWordsRow> found =
      pool_->select(banned_words)
          .where(banned_words.word.in(std::vector<std::string>{"w1", "w2", "w3"}))
          .order_by(banned_words.word)
          .all();
  ASSERT_EQ(found.size(), 2u);
  EXPECT_FALSE(found[0].strict_mode);
  EXPECT_TRUE(found[1].strict_mode);
  EXPECT_EQ(pool_->select(banned_words)
                .where(banned_words.severity.in(
                    std::vector<ModerationSeverityEnum>{ModerationSeverityEnum::kSevere}))
                .all()
                .size(),
            1u);
}

TEST_F(QueryBuilder, UniqueViolationThroughTheBuilderNamesTheConstraint) {
  add_college("Unique College", "unique.edu");
  pool_->insert(auth).values(AuthInsert{.id = "u1", .name = "A", .email = "same@u.edu"}).run();
  try {
    pool_->insert(auth).values(AuthInsert{.id = "u2", .name = "B", .email = "same@u.edu"}).run();
    FAIL();
  } catch (const client::Error& error) {
    EXPECT_EQ(error.constraint(), "auth_email_unique");
    EXPECT_EQ(std::string(error.what()).find("same@u.edu"), std::string::npos);
  }
}

TEST_F(QueryBuilder, BuilderRunsInsideTransactions) {
  EXPECT_THROW(pool_->run_transaction([](Transaction& tx) {
    tx.insert(branches).values(BranchesInsert{.name = "Physics", .code = "PHY"}).run();
    EXPECT_TRUE(tx.select(branches).where(branches.code == "PHY").first());
    throw std::runtime_error("undo");
  }),
               std::runtime_error);
  EXPECT_FALSE(pool_->select(branches).where(branches.code == "PHY").first());
}

}  // namespace
}  // namespace flick::app

// The query builder's SQL, form by form, without a database: each C++ expression and the exact
// statement text with $n parameters it renders (the sqlpp11 serializer tests' style), plus the
// row types the forms read as. The statements run against PostgreSQL in builder_test.cpp.

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <type_traits>

#include "flick/client.hpp"
#include "flick_app/schema.hpp"

namespace flick::app {
namespace {

using client::Params;
using client::Timestamp;
using client::Uuid;

// Renders statements; never runs one (the SQL text is all these tests look at).
class RenderOnly : public client::Executor {
 public:
  client::Result execute(std::string_view, const Params&) override {
    throw std::logic_error("RenderOnly does not run statements");
  }
  void execute_batch(const client::Batch&, const ResultHandler&) override {
    throw std::logic_error("RenderOnly does not run statements");
  }
  client::Result execute_prepared(std::string_view, const Params&) override {
    throw std::logic_error("RenderOnly does not run statements");
  }
};

// "public"."table"."column" (or "public"."table" without a column).
std::string q(const std::string& table, const std::string& column = "") {
  std::string out = "\"public\".\"" + table + "\"";
  if (!column.empty()) out += ".\"" + column + "\"";
  return out;
}

// The text of each parameter, in order ("NULL" for NULL).
std::vector<std::string> texts(const Params& params) {
  std::vector<std::string> out;
  for (int offset : params.offsets()) {
    out.push_back(offset < 0 ? "NULL" : std::string(params.buffer().data() + offset));
  }
  return out;
}

class BuilderSql : public ::testing::Test {
 protected:
  RenderOnly db_;
  Params params_;
};

TEST_F(BuilderSql, SingleTableSelectKeepsUnqualifiedColumns) {
  std::string sql = db_.select(colleges)
                        .where(colleges.city == "SF" && !(colleges.state == "NY"))
                        .order_by(colleges.name.desc().nulls_last())
                        .limit(2)
                        .offset(4)
                        .for_update()
                        .skip_locked()
                        .sql(params_);
  EXPECT_EQ(sql,
            "SELECT \"id\", \"name\", \"emailDomain\", \"city\", \"state\", \"profile\", "
            "\"createdAt\", \"updatedAt\" FROM \"public\".\"colleges\" WHERE (\"city\" = $1) AND "
            "(NOT (\"state\" = $2)) ORDER BY \"name\" DESC NULLS LAST LIMIT 2 OFFSET 4 FOR "
            "UPDATE SKIP LOCKED");
  EXPECT_EQ(texts(params_), (std::vector<std::string>{"SF", "NY"}));
}

TEST_F(BuilderSql, ProjectionWithJoinsGroupByAndCountAlias) {
  auto query = db_.select(posts.id, posts.title, platform_user.username,
                          client::count(comments.id).as("comments"))
                   .from(posts)
                   .join(platform_user, posts.posted_by == platform_user.id)
                   .left_join(comments, comments.post_id == posts.id)
                   .where(posts.is_private == false)
                   .group_by(posts.id, platform_user.username)
                   .order_by(posts.created_at.desc())
                   .limit(50);
  static_assert(std::is_same_v<decltype(query)::row_type,
                               std::tuple<Uuid, std::string, std::string, std::int64_t>>,
                "count over a left-joined table is not NULL-extended");
  EXPECT_EQ(query.sql(params_),
            "SELECT " + q("posts", "id") + ", " + q("posts", "title") + ", " +
                q("platform_user", "username") + ", count(" + q("comments", "id") +
                ") AS \"comments\" FROM " + q("posts") + " JOIN " + q("platform_user") + " ON " +
                q("posts", "postedBy") + " = " + q("platform_user", "id") + " LEFT JOIN " +
                q("comments") + " ON " + q("comments", "postId") + " = " + q("posts", "id") +
                " WHERE " + q("posts", "isPrivate") + " = $1 GROUP BY " + q("posts", "id") + ", " +
                q("platform_user", "username") + " ORDER BY " + q("posts", "createdAt") +
                " DESC LIMIT 50");
  EXPECT_EQ(texts(params_), (std::vector<std::string>{"false"}));
}

TEST_F(BuilderSql, OuterJoinsMakeTheNullExtendedSideOptional) {
  auto left = db_.select(posts.title, comments.content, comments)
                  .from(posts)
                  .left_join(comments, comments.post_id == posts.id);
  static_assert(
      std::is_same_v<decltype(left)::row_type, std::tuple<std::string, std::optional<std::string>,
                                                          std::optional<CommentsRow>>>);
  auto right = db_.select(posts.title, comments.content)
                   .from(posts)
                   .right_join(comments, comments.post_id == posts.id);
  static_assert(std::is_same_v<decltype(right)::row_type,
                               std::tuple<std::optional<std::string>, std::string>>);
  auto full = db_.select(posts.title, comments.content)
                  .from(posts)
                  .full_join(comments, comments.post_id == posts.id);
  static_assert(std::is_same_v<decltype(full)::row_type,
                               std::tuple<std::optional<std::string>, std::optional<std::string>>>);
  EXPECT_EQ(full.sql(params_), "SELECT " + q("posts", "title") + ", " + q("comments", "content") +
                                   " FROM " + q("posts") + " FULL JOIN " + q("comments") + " ON " +
                                   q("comments", "postId") + " = " + q("posts", "id"));
  Params left_params;
  std::string left_sql = left.sql(left_params);
  EXPECT_NE(left_sql.find(", " + q("comments", "id") + ", " + q("comments", "content") + ", " +
                          q("comments", "postId")),
            std::string::npos)
      << "a whole table in the list is its qualified columns: " << left_sql;
}

TEST_F(BuilderSql, AggregatesHavingAndArithmetic) {
  auto query = db_.select(posts.topic, client::sum(posts.views), client::avg(posts.views),
                          client::max(posts.created_at), client::count())
                   .from(posts)
                   .group_by(posts.topic)
                   .having(client::count() > 2 && client::sum(posts.views) >= 10);
  static_assert(std::is_same_v<
                decltype(query)::row_type,
                std::tuple<TopicEnum, std::optional<std::int64_t>, std::optional<client::Numeric>,
                           std::optional<Timestamp>, std::int64_t>>);
  EXPECT_EQ(query.sql(params_),
            "SELECT " + q("posts", "topic") + ", sum(" + q("posts", "views") + "), avg(" +
                q("posts", "views") + "), max(" + q("posts", "createdAt") + "), count(*) FROM " +
                q("posts") + " GROUP BY " + q("posts", "topic") +
                " HAVING (count(*) > $1) AND (sum(" + q("posts", "views") + ") >= $2)");
  EXPECT_EQ(texts(params_), (std::vector<std::string>{"2", "10"}));

  Params update_params;
  std::string update = db_.update(platform_user)
                           .set(platform_user.karma, platform_user.karma + 1)
                           .where(platform_user.username == "ann")
                           .sql(false, update_params);
  EXPECT_EQ(update,
            "UPDATE \"public\".\"platform_user\" SET \"karma\" = \"karma\" + $1 WHERE "
            "\"username\" = $2");
  EXPECT_EQ(texts(update_params), (std::vector<std::string>{"1", "ann"}));
}

TEST_F(BuilderSql, BuildersHeldInVariablesTakeConditionsStepByStep) {
  std::optional<TopicEnum> topic = TopicEnum::kShowcase;
  std::optional<int> min_views;
  auto query = db_.select(posts.id).from(posts);
  if (topic) query = query.where(posts.topic == *topic);
  if (min_views) query = query.where(posts.views >= *min_views);
  query = query.order_by(posts.id).limit(5);
  EXPECT_EQ(query.sql(params_), "SELECT " + q("posts", "id") + " FROM " + q("posts") + " WHERE " +
                                    q("posts", "topic") + " = $1 ORDER BY " + q("posts", "id") +
                                    " LIMIT 5");
  auto relational = db_.query(posts).with(posts.comments);
  relational = relational.where(posts.views > 1).limit(3);
  Params relational_params;
  std::string relational_sql = relational.sql(relational_params);
  EXPECT_EQ(relational_sql.substr(relational_sql.rfind(" WHERE ")),
            " WHERE " + q("posts", "views") + " > $1 LIMIT 3");
}

TEST_F(BuilderSql, DistinctAndDistinctOn) {
  EXPECT_EQ(db_.select_distinct(posts.topic).from(posts).sql(params_),
            "SELECT DISTINCT " + q("posts", "topic") + " FROM " + q("posts"));
  Params on_params;
  EXPECT_EQ(db_.select(comments.post_id, comments.content)
                .from(comments)
                .distinct_on(comments.post_id)
                .order_by(comments.post_id, comments.created_at.desc())
                .sql(on_params),
            "SELECT DISTINCT ON (" + q("comments", "postId") + ") " + q("comments", "postId") +
                ", " + q("comments", "content") + " FROM " + q("comments") + " ORDER BY " +
                q("comments", "postId") + ", " + q("comments", "createdAt") + " DESC");
}

TEST_F(BuilderSql, SubqueriesInExistsAndScalarIncludingCorrelated) {
  // IN (subquery) inside a single-table statement: qualified, since it holds a subquery.
  std::string in =
      db_.select(posts)
          .where(posts.posted_by.in(
              db_.select(platform_user.id).from(platform_user).where(platform_user.karma > 100)))
          .where(posts.views > 5)
          .sql(params_);
  EXPECT_EQ(in,
            "SELECT \"id\", \"title\", \"content\", \"postedBy\", \"topic\", \"isPrivate\", "
            "\"isBanned\", \"isShadowBanned\", \"views\", \"createdAt\", \"updatedAt\" FROM "
            "\"public\".\"posts\" WHERE (" +
                q("posts", "postedBy") + " IN (SELECT " + q("platform_user", "id") + " FROM " +
                q("platform_user") + " WHERE " + q("platform_user", "karma") + " > $1)) AND (" +
                q("posts", "views") + " > $2)");
  EXPECT_EQ(texts(params_), (std::vector<std::string>{"100", "5"}));

  // EXISTS with a correlated reference to the outer table, and a scalar subquery.
  auto commented = db_.select(comments.id).from(comments).where(comments.post_id == posts.id);
  static_assert(std::is_same_v<decltype(commented)::outer_tables, client::Tables<PostsTable>>);
  Params exists_params;
  auto count_of_comments = client::scalar(
      db_.select(client::count()).from(comments).where(comments.post_id == posts.id));
  static_assert(
      std::is_same_v<decltype(count_of_comments)::value_type, std::optional<std::int64_t>>);
  EXPECT_EQ(db_.select(posts.id, count_of_comments.as("n"))
                .from(posts)
                .where(client::exists(commented))
                .sql(exists_params),
            "SELECT " + q("posts", "id") + ", (SELECT count(*) FROM " + q("comments") + " WHERE " +
                q("comments", "postId") + " = " + q("posts", "id") + ") AS \"n\" FROM " +
                q("posts") + " WHERE EXISTS (SELECT " + q("comments", "id") + " FROM " +
                q("comments") + " WHERE " + q("comments", "postId") + " = " + q("posts", "id") +
                ")");
  EXPECT_EQ(exists_params.size(), 0);
}

struct Busy {
  static constexpr std::string_view name = "busy";
};

TEST_F(BuilderSql, CommonTableExpressions) {
  auto busy = client::cte<Busy>(db_.select(comments.post_id, client::count())
                                    .from(comments)
                                    .group_by(comments.post_id)
                                    .having(client::count() >= 2));
  auto query = db_.with(busy)
                   .select(posts.title, busy.col<1>())
                   .from(busy)
                   .join(posts, posts.id == busy.col<0>())
                   .where(posts.views > 3);
  static_assert(std::is_same_v<decltype(query)::row_type, std::tuple<std::string, std::int64_t>>);
  EXPECT_EQ(query.sql(params_), "WITH busy(c1, c2) AS (SELECT " + q("comments", "postId") +
                                    ", count(*) FROM " + q("comments") + " GROUP BY " +
                                    q("comments", "postId") + " HAVING count(*) >= $1) SELECT " +
                                    q("posts", "title") + ", busy.c2 FROM busy JOIN " + q("posts") +
                                    " ON " + q("posts", "id") + " = busy.c1 WHERE " +
                                    q("posts", "views") + " > $2");
  EXPECT_EQ(texts(params_), (std::vector<std::string>{"2", "3"}));
}

TEST_F(BuilderSql, SetOperations) {
  auto authors = db_.select(posts.posted_by).from(posts).where(posts.views > 10);
  auto voters = db_.select(client::sql<std::optional<Uuid>>("NULL::uuid")).from(votes);
  EXPECT_EQ(authors.union_(voters).order_by_column(1, true).limit(3).sql(params_),
            "(SELECT " + q("posts", "postedBy") + " FROM " + q("posts") + " WHERE " +
                q("posts", "views") + " > $1) UNION (SELECT NULL::uuid FROM " + q("votes") +
                ") ORDER BY 1 DESC LIMIT 3");
  EXPECT_EQ(texts(params_), (std::vector<std::string>{"10"}));
  for (auto [compound, keyword] : {std::pair{authors.union_all(voters), " UNION ALL "},
                                   std::pair{authors.intersect(voters), " INTERSECT "},
                                   std::pair{authors.except(voters), " EXCEPT "}}) {
    Params params;
    EXPECT_EQ(compound.sql(params), "(SELECT " + q("posts", "postedBy") + " FROM " + q("posts") +
                                        " WHERE " + q("posts", "views") + " > $1)" + keyword +
                                        "(SELECT NULL::uuid FROM " + q("votes") + ")");
  }
}

TEST_F(BuilderSql, UpsertDoUpdateWithExcludedAndDoNothing) {
  Uuid user = Uuid::parse("00000000-0000-0000-0000-000000000001");
  Uuid target = Uuid::parse("00000000-0000-0000-0000-000000000002");
  std::string upsert = db_.insert(votes)
                           .values(VotesInsert{.user_id = user,
                                               .target_type = VoteEntityEnum::kPost,
                                               .target_id = target,
                                               .vote_type = VoteTypeEnum::kUpvote})
                           .on_conflict(votes.user_id, votes.target_type, votes.target_id)
                           .do_update_set(votes.vote_type, client::excluded(votes.vote_type))
                           .do_update_where(votes.vote_type != VoteTypeEnum::kDownvote)
                           .sql(true, params_);
  EXPECT_EQ(upsert,
            "INSERT INTO \"public\".\"votes\" (\"user_id\", \"target_type\", \"target_id\", "
            "\"vote_type\") VALUES ($1, $2, $3, $4) ON CONFLICT (\"user_id\", \"target_type\", "
            "\"target_id\") DO UPDATE SET \"vote_type\" = EXCLUDED.\"vote_type\" WHERE "
            "\"vote_type\" <> $5 RETURNING \"id\", \"user_id\", \"target_type\", \"target_id\", "
            "\"vote_type\"");
  EXPECT_EQ(texts(params_).back(), "downvote");
  Params nothing_params;
  EXPECT_EQ(db_.insert(branches)
                .values(BranchesInsert{.name = "Physics", .code = "PHY"})
                .on_conflict_on_constraint("branches_pkey")
                .do_nothing()
                .sql(false, nothing_params),
            "INSERT INTO \"public\".\"branches\" (\"name\", \"code\") VALUES ($1, $2) ON CONFLICT "
            "ON CONSTRAINT \"branches_pkey\" DO NOTHING");
}

TEST_F(BuilderSql, InsertSelectUpdateFromDeleteUsing) {
  std::string insert_select = db_.insert(bookmarks)
                                  .select(db_.select(posts.id, platform_user.id)
                                              .from(posts)
                                              .join(platform_user, platform_user.username == "ann"),
                                          bookmarks.post_id, bookmarks.user_id)
                                  .sql(false, params_);
  EXPECT_EQ(insert_select, "INSERT INTO \"public\".\"bookmarks\" (\"postId\", \"userId\") SELECT " +
                               q("posts", "id") + ", " + q("platform_user", "id") + " FROM " +
                               q("posts") + " JOIN " + q("platform_user") + " ON " +
                               q("platform_user", "username") + " = $1");

  Params update_params;
  std::string update_from =
      db_.update(posts)
          .from(platform_user)
          .set(posts.is_banned, true)
          .set(posts.views, platform_user.karma)
          .where(posts.posted_by == platform_user.id && platform_user.username == "troll")
          .sql(true, update_params);
  EXPECT_EQ(update_from,
            "UPDATE " + q("posts") +
                " SET \"isBanned\" = $1, \"views\" = " + q("platform_user", "karma") + " FROM " +
                q("platform_user") + " WHERE (" + q("posts", "postedBy") + " = " +
                q("platform_user", "id") + ") AND (" + q("platform_user", "username") +
                " = $2) RETURNING " + q("posts", "id") + ", " + q("posts", "title") + ", " +
                q("posts", "content") + ", " + q("posts", "postedBy") + ", " + q("posts", "topic") +
                ", " + q("posts", "isPrivate") + ", " + q("posts", "isBanned") + ", " +
                q("posts", "isShadowBanned") + ", " + q("posts", "views") + ", " +
                q("posts", "createdAt") + ", " + q("posts", "updatedAt"));
  EXPECT_EQ(texts(update_params), (std::vector<std::string>{"true", "troll"}));

  Params delete_params;
  EXPECT_EQ(db_.delete_from(comments)
                .using_(posts)
                .where(comments.post_id == posts.id && posts.is_banned == true)
                .sql(false, delete_params),
            "DELETE FROM " + q("comments") + " USING " + q("posts") + " WHERE (" +
                q("comments", "postId") + " = " + q("posts", "id") + ") AND (" +
                q("posts", "isBanned") + " = $1)");
}

TEST_F(BuilderSql, KeysetPagination) {
  std::optional<std::tuple<Timestamp, Uuid>> none;
  EXPECT_EQ(db_.select(posts.id)
                .from(posts)
                .keyset(true, none, posts.created_at, posts.id)
                .limit(20)
                .sql(params_),
            "SELECT " + q("posts", "id") + " FROM " + q("posts") + " ORDER BY " +
                q("posts", "createdAt") + " DESC, " + q("posts", "id") + " DESC LIMIT 20");
  std::optional<std::tuple<Timestamp, Uuid>> after =
      std::tuple{Timestamp{}, Uuid::parse("00000000-0000-0000-0000-000000000009")};
  Params page_params;
  EXPECT_EQ(db_.select(posts.id)
                .from(posts)
                .where(posts.is_private == false)
                .keyset(true, after, posts.created_at, posts.id)
                .limit(20)
                .sql(page_params),
            "SELECT " + q("posts", "id") + " FROM " + q("posts") + " WHERE (" +
                q("posts", "isPrivate") + " = $1) AND ((" + q("posts", "createdAt") + ", " +
                q("posts", "id") + ") < ($2, $3)) ORDER BY " + q("posts", "createdAt") + " DESC, " +
                q("posts", "id") + " DESC LIMIT 20");
  EXPECT_EQ(texts(page_params), (std::vector<std::string>{"false", "1970-01-01 00:00:00.000000+00",
                                                          "00000000-0000-0000-0000-000000000009"}));
}

TEST_F(BuilderSql, RowLockingForms) {
  EXPECT_EQ(db_.select(posts.id).from(posts).for_no_key_update().nowait().sql(params_),
            "SELECT " + q("posts", "id") + " FROM " + q("posts") + " FOR NO KEY UPDATE NOWAIT");
  Params share_params;
  EXPECT_EQ(db_.select(branches.id).from(branches).for_share().sql(share_params),
            "SELECT " + q("branches", "id") + " FROM " + q("branches") + " FOR SHARE");
  EXPECT_EQ(db_.select(branches).for_key_share().nowait().sql(share_params),
            "SELECT \"id\", \"name\", \"code\", \"createdAt\", \"updatedAt\" FROM "
            "\"public\".\"branches\" FOR KEY SHARE NOWAIT");
  EXPECT_THROW(db_.select(auth).skip_locked(), std::logic_error) << "SKIP LOCKED needs a lock";
}

TEST_F(BuilderSql, RelationalFormUsesCorrelatedRowSubqueries) {
  std::string sql = db_.query(posts)
                        .with(posts.posted_by_platform_user)
                        .with(posts.comments)
                        .where(posts.is_private == false)
                        .order_by(posts.created_at.desc())
                        .limit(10)
                        .sql(params_);
  auto r = [](int n, const std::string& column) {
    return "\"r" + std::to_string(n) + "\".\"" + column + "\"";
  };
  EXPECT_EQ(
      sql, "SELECT " + q("posts", "id") + ", " + q("posts", "title") + ", " +
               q("posts", "content") + ", " + q("posts", "postedBy") + ", " + q("posts", "topic") +
               ", " + q("posts", "isPrivate") + ", " + q("posts", "isBanned") + ", " +
               q("posts", "isShadowBanned") + ", " + q("posts", "views") + ", " +
               q("posts", "createdAt") + ", " + q("posts", "updatedAt") + ", (SELECT ROW(" +
               r(1, "id") + ", " + r(1, "created_at") + ", " + r(1, "updated_at") + ", " +
               r(1, "auth_id") + ", " + r(1, "username") + ", " + r(1, "college_id") + ", " +
               r(1, "branch") + ", " + r(1, "karma") + ", " + r(1, "is_accepted_terms") + ", " +
               r(1, "status") + ") FROM " + q("platform_user") + " AS \"r1\" WHERE (" + r(1, "id") +
               ") = (" + q("posts", "postedBy") + ")), ARRAY(SELECT ROW(" + r(2, "id") + ", " +
               r(2, "content") + ", " + r(2, "postId") + ", " + r(2, "commentedBy") + ", " +
               r(2, "isBanned") + ", " + r(2, "parentCommentId") + ", " + r(2, "createdAt") + ", " +
               r(2, "updatedAt") + ") FROM " + q("comments") + " AS \"r2\" WHERE (" +
               r(2, "postId") + ") = (" + q("posts", "id") + ")) FROM " + q("posts") + " WHERE " +
               q("posts", "isPrivate") + " = $1 ORDER BY " + q("posts", "createdAt") +
               " DESC LIMIT 10");
  using Rows =
      decltype(db_.query(posts).with(posts.posted_by_platform_user).with(posts.comments))::row_type;
  static_assert(
      std::is_same_v<
          Rows, std::tuple<PostsRow, std::optional<PlatformUserRow>, std::vector<CommentsRow>>>);
  using CommentRows = decltype(db_.query(comments).with(comments.post))::row_type;
  static_assert(std::is_same_v<CommentRows, std::tuple<CommentsRow, PostsRow>>,
                "a NOT NULL foreign key relates exactly one row");
}

TEST_F(BuilderSql, PreparedStatementsNumberPlaceholdersAndCheckTheirTypes) {
  auto feed =
      db_.select(posts.id, posts.title)
          .from(posts)
          .where(posts.topic == client::placeholder<TopicEnum>(1) &&
                 posts.views >= client::placeholder<std::int32_t>(2) && posts.is_private == false)
          .limit(50)
          .prepare<TopicEnum, std::int32_t>();
  EXPECT_EQ(feed.sql(), "SELECT " + q("posts", "id") + ", " + q("posts", "title") + " FROM " +
                            q("posts") + " WHERE ((" + q("posts", "topic") + " = $1) AND (" +
                            q("posts", "views") + " >= $2)) AND (" + q("posts", "isPrivate") +
                            " = $3) LIMIT 50");
  auto wrong =
      db_.select(posts.id).from(posts).where(posts.views >= client::placeholder<std::int32_t>(1));
  EXPECT_THROW(wrong.prepare<std::int64_t>(), std::logic_error);
  EXPECT_THROW(wrong.prepare<>(), std::logic_error) << "placeholder 1 without an argument";
}

}  // namespace
}  // namespace flick::app

// The query builder's everyday forms against PostgreSQL 15 on the Flick example schema: posts
// with authors, comments, votes and bookmarks. Each form's rows are checked against data the
// fixture wrote (or a hand-written SQL statement over the same rows).

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "flick/client.hpp"
#include "flick_app/schema.hpp"
#include "schema_database.hpp"

namespace flick::app {
namespace {

using namespace std::chrono;
using client::Connection;
using client::Pool;
using client::Timestamp;
using client::Transaction;
using client::Uuid;

// Three users (ann, bob, cat: cat writes nothing), five posts by ann and bob (one private, one
// with no author), comments on two of them, votes and a bookmark.
class Builder : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    url_ = new std::string(testing::flick_schema_database("client_builder"));
    pool_ = new Pool({.url = *url_, .size = 3});
    CollegesRow college = pool_->insert(colleges)
                              .values(CollegesInsert{.name = "Builder College",
                                                     .email_domain = "builder.edu",
                                                     .city = "Oslo",
                                                     .state = "NO"})
                              .returning()
                              .at(0);
    for (const char* name : {"ann", "bob", "cat"}) {
      pool_->insert(auth)
          .values(AuthInsert{.id = std::string("auth-") + name,
                             .name = name,
                             .email = std::string(name) + "@builder.edu"})
          .run();
      users_[name] = pool_->insert(platform_user)
                         .values(PlatformUserInsert{.auth_id = std::string("auth-") + name,
                                                    .username = name,
                                                    .college_id = college.id,
                                                    .karma = name[0] == 'a' ? 150 : 3})
                         .returning()
                         .at(0)
                         .id;
    }
    Timestamp base = sys_days(2026y / 3 / 1);
    auto add_post = [&](const char* title, std::optional<Uuid> author, TopicEnum topic,
                        bool is_private, int views, int minute) {
      posts_[title] = pool_->insert(posts)
                          .values(PostsInsert{.title = title,
                                              .content = std::string("about ") + title,
                                              .posted_by = author,
                                              .topic = topic,
                                              .is_private = is_private,
                                              .views = views,
                                              .created_at = base + minutes(minute)})
                          .returning()
                          .at(0)
                          .id;
    };
    add_post("p1", users_["ann"], TopicEnum::kAskFlick, false, 10, 1);
    add_post("p2", users_["ann"], TopicEnum::kAskFlick, false, 20, 2);
    add_post("p3", users_["bob"], TopicEnum::kShowcase, false, 30, 3);
    add_post("p4", users_["bob"], TopicEnum::kShowcase, true, 40, 4);
    add_post("p5", std::nullopt, TopicEnum::kOffTopic, false, 0, 5);
    auto add_comment = [&](const char* post, const char* user, const char* text) {
      pool_->insert(comments)
          .values(CommentsInsert{
              .content = text, .post_id = posts_[post], .commented_by = users_[user]})
          .run();
    };
    add_comment("p1", "bob", "nice");
    add_comment("p1", "cat", "agreed");
    add_comment("p3", "ann", "cool");
    pool_->insert(bookmarks)
        .values(BookmarksInsert{.post_id = posts_["p3"], .user_id = users_["ann"]})
        .run();
  }
  static void TearDownTestSuite() {
    delete pool_;
    delete url_;
  }

  static std::string* url_;
  static Pool* pool_;
  static std::map<std::string, Uuid> users_;
  static std::map<std::string, Uuid> posts_;
};

std::string* Builder::url_ = nullptr;
Pool* Builder::pool_ = nullptr;
std::map<std::string, Uuid> Builder::users_;
std::map<std::string, Uuid> Builder::posts_;

TEST_F(Builder, FeedQueryJoinsAuthorsAndCountsCommentsThroughALeftJoin) {
  auto feed = pool_
                  ->select(posts.title, platform_user.username,
                           client::count(comments.id).as("comment_count"))
                  .from(posts)
                  .join(platform_user, posts.posted_by == platform_user.id)
                  .left_join(comments, comments.post_id == posts.id)
                  .where(posts.is_private == false)
                  .group_by(posts.id, platform_user.username)
                  .order_by(posts.created_at.desc())
                  .limit(50)
                  .all();
  using Feed = std::tuple<std::string, std::string, std::int64_t>;
  EXPECT_EQ(feed, (std::vector<Feed>{{"p3", "bob", 1}, {"p2", "ann", 0}, {"p1", "ann", 2}}))
      << "p4 is private, p5 has no author (inner join)";
}

TEST_F(Builder, LeftJoinReadsMissingRowsAsNullopt) {
  auto rows = pool_->select(posts.title, comments.content, platform_user)
                  .from(posts)
                  .left_join(comments, comments.post_id == posts.id)
                  .left_join(platform_user, posts.posted_by == platform_user.id)
                  .where(posts.title.in(std::vector<std::string>{"p2", "p5"}))
                  .order_by(posts.title)
                  .all();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(std::get<0>(rows[0]), "p2");
  EXPECT_EQ(std::get<1>(rows[0]), std::nullopt) << "p2 has no comments";
  ASSERT_TRUE(std::get<2>(rows[0]));
  EXPECT_EQ(std::get<2>(rows[0])->username, "ann");
  EXPECT_EQ(std::get<2>(rows[0])->karma, 150);
  EXPECT_EQ(std::get<0>(rows[1]), "p5");
  EXPECT_EQ(std::get<2>(rows[1]), std::nullopt) << "p5 has no author: the whole row is nullopt";

  auto right = pool_->select(posts.title, platform_user.username)
                   .from(posts)
                   .right_join(platform_user, posts.posted_by == platform_user.id)
                   .where(platform_user.username == "cat")
                   .all();
  ASSERT_EQ(right.size(), 1u);
  EXPECT_EQ(right[0], (std::tuple<std::optional<std::string>, std::string>{std::nullopt, "cat"}));
}

TEST_F(Builder, RelationalFormReturnsWhatTheHandWrittenJoinReturns) {
  auto rows = pool_->query(posts)
                  .with(posts.posted_by_platform_user)
                  .with(posts.comments)
                  .with(posts.bookmarks)
                  .order_by(posts.created_at.asc())
                  .all();
  ASSERT_EQ(rows.size(), 5u);
  for (const auto& [post, author, post_comments, post_bookmarks] : rows) {
    std::optional<PlatformUserRow> expected_author;
    if (post.posted_by) {
      expected_author =
          pool_->select(platform_user).where(platform_user.id == *post.posted_by).first();
    }
    EXPECT_EQ(author, expected_author) << post.title;
    std::vector<CommentsRow> expected_comments =
        pool_->select(comments).where(comments.post_id == post.id).all();
    std::vector<CommentsRow> got = post_comments;
    auto by_id = [](const CommentsRow& a, const CommentsRow& b) { return a.id < b.id; };
    std::sort(got.begin(), got.end(), by_id);
    std::sort(expected_comments.begin(), expected_comments.end(), by_id);
    EXPECT_EQ(got, expected_comments) << post.title;
    EXPECT_EQ(post_bookmarks.size(), post.title == "p3" ? 1u : 0u) << post.title;
  }
  EXPECT_EQ(std::get<0>(rows[0]).title, "p1");
  EXPECT_EQ(std::get<2>(rows[0]).size(), 2u);
  EXPECT_FALSE(std::get<1>(rows[4])) << "p5 has no author";

  // A NOT NULL foreign key relates exactly one row; a self-reference works through aliases.
  auto comment = pool_->query(comments)
                     .with(comments.post)
                     .with(comments.comments_by_parent_comment)
                     .where(comments.content == "cool")
                     .first();
  ASSERT_TRUE(comment);
  EXPECT_EQ(std::get<1>(*comment).title, "p3");
  EXPECT_TRUE(std::get<2>(*comment).empty());
}

TEST_F(Builder, AggregatesGroupByHavingAndArithmetic) {
  auto topics =
      pool_
          ->select(posts.topic, client::count(), client::sum(posts.views), client::max(posts.views))
          .from(posts)
          .group_by(posts.topic)
          .having(client::count() >= 2)
          .order_by(posts.topic)
          .all();
  using Topic =
      std::tuple<TopicEnum, std::int64_t, std::optional<std::int64_t>, std::optional<std::int32_t>>;
  EXPECT_EQ(topics, (std::vector<Topic>{{TopicEnum::kAskFlick, 2, 30, 20},
                                        {TopicEnum::kShowcase, 2, 70, 40}}));
  auto doubled =
      pool_->select((posts.views * 2).as("twice")).from(posts).where(posts.title == "p3").all();
  EXPECT_EQ(doubled, (std::vector<std::tuple<std::optional<std::int32_t>>>{{60}}));
}

TEST_F(Builder, SubqueriesInExistsAndScalar) {
  auto by_popular =
      pool_->select(posts)
          .where(posts.posted_by.in(
              pool_->select(platform_user.id).from(platform_user).where(platform_user.karma > 100)))
          .order_by(posts.title)
          .all();
  ASSERT_EQ(by_popular.size(), 2u);
  EXPECT_EQ(by_popular[0].title, "p1");
  EXPECT_EQ(by_popular[1].title, "p2");

  auto commented =
      pool_->select(posts.title)
          .from(posts)
          .where(client::exists(
              pool_->select(comments.id).from(comments).where(comments.post_id == posts.id)))
          .order_by(posts.title)
          .all();
  EXPECT_EQ(commented, (std::vector<std::tuple<std::string>>{{"p1"}, {"p3"}}));

  auto counts = pool_
                    ->select(posts.title, client::scalar(pool_->select(client::count())
                                                             .from(comments)
                                                             .where(comments.post_id == posts.id)))
                    .from(posts)
                    .where(posts.title <= "p2")
                    .order_by(posts.title)
                    .all();
  using Count = std::tuple<std::string, std::optional<std::int64_t>>;
  EXPECT_EQ(counts, (std::vector<Count>{{"p1", 2}, {"p2", 0}}));
}

struct Commented {
  static constexpr std::string_view name = "commented";
};

TEST_F(Builder, CommonTableExpressionJoinsLikeATable) {
  auto commented = client::cte<Commented>(
      pool_->select(comments.post_id, client::count()).from(comments).group_by(comments.post_id));
  auto rows = pool_->with(commented)
                  .select(posts.title, commented.col<1>())
                  .from(commented)
                  .join(posts, posts.id == commented.col<0>())
                  .order_by(posts.title)
                  .all();
  EXPECT_EQ(rows, (std::vector<std::tuple<std::string, std::int64_t>>{{"p1", 2}, {"p3", 1}}));
}

TEST_F(Builder, SetOperationsCombineRows) {
  auto writers = pool_->select(platform_user.username)
                     .from(platform_user)
                     .where(client::exists(pool_->select(posts.id).from(posts).where(
                         posts.posted_by == platform_user.id)));
  auto commenters =
      pool_->select(platform_user.username)
          .from(platform_user)
          .where(client::exists(pool_->select(comments.id)
                                    .from(comments)
                                    .where(comments.commented_by == platform_user.id)));
  using Name = std::tuple<std::string>;
  EXPECT_EQ(writers.union_(commenters).order_by_column(1).all(),
            (std::vector<Name>{{"ann"}, {"bob"}, {"cat"}}));
  EXPECT_EQ(writers.intersect(commenters).order_by_column(1).all(),
            (std::vector<Name>{{"ann"}, {"bob"}}));
  EXPECT_EQ(commenters.except(writers).all(), (std::vector<Name>{{"cat"}}));
  EXPECT_EQ(writers.union_all(commenters).all().size(), 5u);
}

TEST_F(Builder, UpsertDoUpdateTakesTheExcludedValue) {
  auto vote = [&](VoteTypeEnum type) {
    return pool_->insert(votes)
        .values(VotesInsert{.user_id = users_["cat"],
                            .target_type = VoteEntityEnum::kPost,
                            .target_id = posts_["p1"],
                            .vote_type = type})
        .on_conflict(votes.user_id, votes.target_type, votes.target_id)
        .do_update_set(votes.vote_type, client::excluded(votes.vote_type))
        .returning();
  };
  VotesRow first = vote(VoteTypeEnum::kUpvote).at(0);
  VotesRow second = vote(VoteTypeEnum::kDownvote).at(0);
  EXPECT_EQ(second.id, first.id) << "the same row, updated";
  EXPECT_EQ(second.vote_type, VoteTypeEnum::kDownvote);
  EXPECT_EQ(pool_->select(client::count()).from(votes).where(votes.user_id == users_["cat"]).all(),
            (std::vector<std::tuple<std::int64_t>>{{1}}));
  EXPECT_EQ(pool_->insert(votes)
                .values(VotesInsert{.user_id = users_["cat"],
                                    .target_type = VoteEntityEnum::kPost,
                                    .target_id = posts_["p1"],
                                    .vote_type = VoteTypeEnum::kUpvote})
                .on_conflict(votes.user_id, votes.target_type, votes.target_id)
                .do_nothing()
                .run(),
            0);
}

TEST_F(Builder, InsertSelectUpdateFromAndDeleteUsing) {
  // cat bookmarks every public post ann wrote.
  long inserted = pool_->insert(bookmarks)
                      .select(pool_->select(posts.id, platform_user.id)
                                  .from(posts)
                                  .join(platform_user, platform_user.username == "cat")
                                  .where(posts.posted_by == users_["ann"]),
                              bookmarks.post_id, bookmarks.user_id)
                      .run();
  EXPECT_EQ(inserted, 2);
  // Views of bob's posts become bob's karma (3).
  std::vector<PostsRow> updated =
      pool_->update(posts)
          .from(platform_user)
          .set(posts.views, platform_user.karma)
          .where(posts.posted_by == platform_user.id && platform_user.username == "bob")
          .returning();
  ASSERT_EQ(updated.size(), 2u);
  for (const PostsRow& post : updated) EXPECT_EQ(post.views, 3) << post.title;
  // Delete cat's bookmarks of posts by ann.
  long deleted = pool_->delete_from(bookmarks)
                     .using_(posts)
                     .where(bookmarks.post_id == posts.id && posts.posted_by == users_["ann"] &&
                            bookmarks.user_id == users_["cat"])
                     .run();
  EXPECT_EQ(deleted, 2);
  EXPECT_EQ(pool_->select(bookmarks).all().size(), 1u) << "ann's bookmark of p3 stays";
  pool_->update(posts).set(posts.views, 30).where(posts.title == "p3").run();
  pool_->update(posts).set(posts.views, 40).where(posts.title == "p4").run();
}

TEST_F(Builder, SkipLockedHandsEachWorkerAnotherRowAndNowaitFails) {
  Connection worker_a({.url = *url_});
  Connection worker_b({.url = *url_});
  auto claim = [](Transaction& tx) {
    return tx.select(posts.title)
        .from(posts)
        .where(posts.posted_by == users_["ann"])
        .order_by(posts.title)
        .limit(1)
        .for_update()
        .skip_locked()
        .first();
  };
  client::run_transaction(worker_a, [&](Transaction& a) {
    auto first = claim(a);
    ASSERT_TRUE(first);
    EXPECT_EQ(std::get<0>(*first), "p1");
    client::run_transaction(worker_b, [&](Transaction& b) {
      auto second = claim(b);
      ASSERT_TRUE(second);
      EXPECT_EQ(std::get<0>(*second), "p2") << "p1 is locked by worker a";
      try {
        b.select(posts).where(posts.title == "p1").for_update().nowait().all();
        ADD_FAILURE() << "NOWAIT on a locked row must fail";
      } catch (const client::Error& error) {
        EXPECT_EQ(error.sqlstate(), "55P03");
      }
    });
  });
}

TEST_F(Builder, KeysetPaginationWalksEveryRowOnce) {
  std::vector<std::string> seen;
  std::optional<std::tuple<Timestamp, Uuid>> cursor;
  for (int page = 0; page < 10; ++page) {
    auto rows = pool_->select(posts.title, posts.created_at, posts.id)
                    .from(posts)
                    .keyset(true, cursor, posts.created_at, posts.id)
                    .limit(2)
                    .all();
    if (rows.empty()) break;
    for (const auto& [title, created_at, id] : rows) seen.push_back(title);
    cursor = std::tuple{std::get<1>(rows.back()), std::get<2>(rows.back())};
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"p5", "p4", "p3", "p2", "p1"}));
}

TEST_F(Builder, StreamingReadsTypedRowsOneAtATime) {
  Connection connection({.url = *url_});
  std::vector<std::string> titles;
  long rows = pool_->select(posts.title, posts.views)
                  .from(posts)
                  .where(posts.is_private == false)
                  .order_by(posts.title)
                  .stream(connection, [&](const std::tuple<std::string, std::optional<int>>& row) {
                    titles.push_back(std::get<0>(row));
                  });
  EXPECT_EQ(rows, 4);
  EXPECT_EQ(titles, (std::vector<std::string>{"p1", "p2", "p3", "p5"}));
}

TEST_F(Builder, CopyRowsBulkLoadsWholeRowsExactly) {
  Connection connection({.url = *url_});
  std::vector<BannedWordsRow> rows;
  for (int i = 0; i < 2000; ++i) {
    BannedWordsRow row;
    row.created_at = sys_days(2026y / 1 / 1) + microseconds(i);
    row.updated_at = row.created_at + hours(i);
    row.id = Uuid::parse("00000000-0000-0000-0000-" + std::to_string(100000000000LL + i));
    row.word = "w\t" + std::to_string(i) + (i % 2 ? "\\x\n" : "");
    row.severity = i % 3 ? ModerationSeverityEnum::kMild : ModerationSeverityEnum::kSevere;
    row.strict_mode = i % 5 == 0;
    rows.push_back(row);
  }
  EXPECT_EQ(client::copy_rows(connection, banned_words, rows), 2000);
  std::vector<BannedWordsRow> back =
      pool_->select(banned_words).where(banned_words.word.like("w\t%")).all();
  auto by_id = [](const BannedWordsRow& a, const BannedWordsRow& b) { return a.id < b.id; };
  std::sort(back.begin(), back.end(), by_id);
  EXPECT_EQ(back, rows);
  EXPECT_THROW(client::copy_rows(connection, banned_words, rows), client::Error)
      << "duplicate keys: nothing loaded";
  EXPECT_EQ(pool_->select(client::count()).from(banned_words).all()[0], std::tuple{2000L});
  pool_->delete_from(banned_words).run();
}

TEST_F(Builder, PreparedQueryRunsWithNewValuesAndSurvivesAReconnect) {
  auto by_topic = pool_->select(posts.title)
                      .from(posts)
                      .where(posts.topic == client::placeholder<TopicEnum>(1) &&
                             posts.views >= client::placeholder<std::int32_t>(2))
                      .order_by(posts.title)
                      .prepare<TopicEnum, std::int32_t>();
  using Title = std::tuple<std::string>;
  Connection connection({.url = *url_});
  EXPECT_EQ(by_topic.all(connection, TopicEnum::kAskFlick, 0),
            (std::vector<Title>{{"p1"}, {"p2"}}));
  EXPECT_EQ(by_topic.all(connection, TopicEnum::kAskFlick, 15), (std::vector<Title>{{"p2"}}));
  EXPECT_EQ(by_topic.all(connection, TopicEnum::kShowcase, 0),
            (std::vector<Title>{{"p3"}, {"p4"}}));
  EXPECT_EQ(connection.prepared_count(), 1u) << "prepared once on this connection";
  connection.reconnect();
  EXPECT_EQ(by_topic.all(connection, TopicEnum::kOffTopic, 0), (std::vector<Title>{{"p5"}}));
  EXPECT_EQ(connection.prepared_count(), 1u);
  EXPECT_EQ(by_topic.first(*pool_, TopicEnum::kShowcase, 35), Title{"p4"});
}

}  // namespace
}  // namespace flick::app

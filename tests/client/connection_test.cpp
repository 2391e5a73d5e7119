// The client on a real PostgreSQL 15 with the Flick schema: typed parameters and rows for every
// column type the schema uses, NULLs, errors, pipelined batches.

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include "flick/client.hpp"
#include "schema_database.hpp"

namespace flick::client {

enum class NotificationType { kGeneral, kUpvotedPost, kUpvotedComment, kReplied, kPosted };

template <>
struct EnumTraits<NotificationType> {
  static constexpr std::string_view pg_name = "\"public\".\"notification_type\"";
  static std::string_view to_string(NotificationType value) {
    static constexpr std::string_view kLabels[] = {"general", "upvoted_post", "upvoted_comment",
                                                   "replied", "posted"};
    return kLabels[static_cast<int>(value)];
  }
  static std::optional<NotificationType> from_string(std::string_view label) {
    for (int i = 0; i < 5; ++i) {
      auto value = static_cast<NotificationType>(i);
      if (to_string(value) == label) return value;
    }
    return std::nullopt;
  }
};

namespace {

using namespace std::chrono;
using nlohmann::json;

class ClientConnection : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { url_ = new std::string(testing::flick_schema_database("client")); }
  static void TearDownTestSuite() { delete url_; }
  Connection connect() { return Connection({.url = *url_}); }

  // An auth row and a college plus a platform user pointing at both; returns the user id.
  static Uuid make_user(Executor& db, const std::string& key) {
    db.query("INSERT INTO auth (id, name, email) VALUES ($1, $2, $3)", key, "User " + key,
             key + "@flick.com");
    Uuid college = db.query_value<Uuid>(
        "INSERT INTO colleges (name, \"emailDomain\", city, state) VALUES ($1, $2, $3, $4) "
        "RETURNING id",
        "College " + key, key + ".edu", "San Francisco", "CA");
    return db.query_value<Uuid>(
        "INSERT INTO platform_user (auth_id, username, college_id) VALUES ($1, $2, $3) "
        "RETURNING id",
        key, "user_" + key, college);
  }

  static std::string* url_;
};

std::string* ClientConnection::url_ = nullptr;

// The native handle is the connection's own session: what libpq runs on it is seen by the
// client's next statement, and the client keeps working after it.
TEST_F(ClientConnection, NativeHandleRunsLibpqCallsInTheSameSession) {
  Connection db = connect();
  PGconn* native = db.native_handle();
  ASSERT_NE(native, nullptr);
  EXPECT_EQ(PQbackendPID(native), db.backend_pid());
  PGresult* set = PQexec(native, "SET application_name = 'through_libpq'");
  EXPECT_EQ(PQresultStatus(set), PGRES_COMMAND_OK);
  PQclear(set);
  EXPECT_EQ(db.query_value<std::string>("SHOW application_name"), "through_libpq");
  db.reconnect();
  EXPECT_NE(db.native_handle(), nullptr);
  EXPECT_NE(db.query_value<std::string>("SHOW application_name"), "through_libpq")
      << "a reconnect opens a new session and a new handle";
}

TEST_F(ClientConnection, TextBoolTimestampAndNullsRoundTrip) {
  Connection db = connect();
  Timestamp expires = sys_days(2030y / 1 / 2) + 3h + 4min + 5s + 678901us;
  db.query(
      "INSERT INTO auth (id, name, email, email_verified, role, ban_expires, banned) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      "a1", "Ann 'quoted' \"name\"; DROP TABLE auth; --", "ann@flick.com", true,
      std::optional<std::string>(), expires, std::optional<bool>(false));
  auto row = db.query_first<std::tuple<std::string, bool, std::optional<std::string>,
                                       std::optional<Timestamp>, std::optional<bool>, Timestamp>>(
      "SELECT name, email_verified, role, ban_expires, banned, created_at FROM auth WHERE id = $1",
      "a1");
  ASSERT_TRUE(row);
  EXPECT_EQ(std::get<0>(*row), "Ann 'quoted' \"name\"; DROP TABLE auth; --");
  EXPECT_TRUE(std::get<1>(*row));
  EXPECT_FALSE(std::get<2>(*row));
  EXPECT_EQ(std::get<3>(*row), expires);
  EXPECT_EQ(std::get<4>(*row), false);
  EXPECT_LT(abs(std::get<5>(*row) - time_point_cast<microseconds>(system_clock::now())), 60s)
      << "timestamp DEFAULT now() is read as UTC";

  EXPECT_EQ(db.query("UPDATE auth SET role = $1, ban_expires = NULL WHERE id = $2", "admin", "a1")
                .affected_rows(),
            1);
  auto updated = db.query_first<std::tuple<std::optional<std::string>, std::optional<Timestamp>>>(
      "SELECT role, ban_expires FROM auth WHERE id = $1", "a1");
  EXPECT_EQ(std::get<0>(*updated), "admin");
  EXPECT_FALSE(std::get<1>(*updated));
  EXPECT_EQ(db.query("DELETE FROM auth WHERE id = $1", "a1").affected_rows(), 1);
  EXPECT_FALSE(db.query_first<std::string>("SELECT id FROM auth WHERE id = $1", "a1"));
}

TEST_F(ClientConnection, UuidIntegerEnumJsonbTimestamptzRoundTrip) {
  Connection db = connect();
  Uuid user = make_user(db, "u2");
  EXPECT_EQ(
      db.query_value<std::optional<int>>("SELECT karma FROM platform_user WHERE id = $1", user), 0);
  db.query("UPDATE platform_user SET karma = $1 WHERE id = $2", 2147483647, user);
  EXPECT_EQ(db.query_value<int>("SELECT karma FROM platform_user WHERE id = $1", user), 2147483647);

  Uuid post = db.query_value<Uuid>(
      "INSERT INTO posts (title, content, \"postedBy\", topic) VALUES ($1, $2, $3, $4) "
      "RETURNING id",
      "Hello", "World", user, "Ask Flick");
  json actors = {{"names", {"ann", "bob"}}, {"count", 2}, {"note", "it's \"fine\""}};
  Timestamp created = sys_days(2025y / 6 / 1) + 23h + 59min + 59s + 999999us;
  db.query(
      "INSERT INTO notifications (\"postId\", \"receiverId\", \"actorUsernames\", type, "
      "\"createdAt\") VALUES ($1, $2, $3, $4, $5)",
      post, "u2", actors, NotificationType::kUpvotedPost, created);
  auto row = db.query_first<std::tuple<std::optional<Uuid>, json, NotificationType, Timestamp,
                                       std::optional<std::string>, bool>>(
      "SELECT \"postId\", \"actorUsernames\", type, \"createdAt\", content, seen "
      "FROM notifications WHERE \"receiverId\" = $1",
      "u2");
  ASSERT_TRUE(row);
  EXPECT_EQ(std::get<0>(*row), post);
  EXPECT_EQ(std::get<1>(*row), actors);
  EXPECT_EQ(std::get<2>(*row), NotificationType::kUpvotedPost);
  EXPECT_EQ(std::get<3>(*row), created);
  EXPECT_FALSE(std::get<4>(*row));
  EXPECT_FALSE(std::get<5>(*row));
  EXPECT_EQ(db.query("DELETE FROM notifications WHERE \"receiverId\" = $1", "u2").affected_rows(),
            1);
}

TEST_F(ClientConnection, VarcharInetAndMoreTypesThroughCasts) {
  Connection db = connect();
  db.query(
      "INSERT INTO logs (actor_type, action, entity_type, ip_address, metadata) "
      "VALUES ($1, $2, $3, $4, $5)",
      "user", "login", "auth", "192.168.0.1", json(nullptr));
  EXPECT_EQ(
      db.query_value<std::string>("SELECT host(ip_address) FROM logs WHERE action = $1", "login"),
      "192.168.0.1");
  EXPECT_EQ(db.query_value<json>("SELECT metadata FROM logs WHERE action = $1", "login"),
            json(nullptr));
  EXPECT_EQ(db.query_value<Numeric>("SELECT $1::numeric(20, 4)", Numeric{"12345678901234.5"}),
            Numeric{"12345678901234.5000"});
  EXPECT_EQ(db.query_value<Date>("SELECT $1::date + 1", Date(2024y / 2 / 28)), 2024y / 2 / 29);
  std::vector<std::string> tags = {"a,b", "c\"d", "", "NULL"};
  EXPECT_EQ(db.query_value<std::vector<std::string>>("SELECT $1::text[]", tags), tags);
  EXPECT_EQ(db.query_value<std::vector<std::optional<std::int64_t>>>(
                "SELECT ARRAY[1, NULL, 9223372036854775807]::bigint[]"),
            (std::vector<std::optional<std::int64_t>>{1, std::nullopt, INT64_MAX}));
  EXPECT_EQ(db.query_value<std::int16_t>("SELECT $1::smallint", std::int16_t{-7}), -7);
  EXPECT_EQ(db.query_value<double>("SELECT $1::float8 / 4", 1.0), 0.25);
}

TEST_F(ClientConnection, UniqueViolationNamesTheConstraintButNotTheValue) {
  Connection db = connect();
  db.query("INSERT INTO auth (id, name, email) VALUES ($1, $2, $3)", "dup1", "A",
           "secret-dup@flick.com");
  try {
    db.query("INSERT INTO auth (id, name, email) VALUES ($1, $2, $3)", "dup2", "B",
             "secret-dup@flick.com");
    FAIL() << "expected a unique violation";
  } catch (const Error& error) {
    EXPECT_EQ(error.sqlstate(), "23505");
    EXPECT_EQ(error.constraint(), "auth_email_unique");
    EXPECT_EQ(error.table(), "auth");
    EXPECT_EQ(error.query(), "INSERT INTO auth (id, name, email) VALUES ($1, $2, $3)");
    std::string message = error.what();
    EXPECT_NE(message.find("auth_email_unique"), std::string::npos) << message;
    EXPECT_EQ(message.find("secret-dup"), std::string::npos) << message;
  }
}

TEST_F(ClientConnection, NullIntoNonOptionalIsAConversionErrorNamingTheColumn) {
  Connection db = connect();
  try {
    db.query_value<std::string>("SELECT NULL::text AS nothing");
    FAIL();
  } catch (const ConversionError& error) {
    EXPECT_NE(std::string(error.what()).find("nothing"), std::string::npos) << error.what();
  }
  EXPECT_THROW(db.query_value<NotificationType>("SELECT 'unknown'"), ConversionError);
}

TEST_F(ClientConnection, PipelinedBatchReturnsEveryResultInOrder) {
  Connection db = connect();
  Batch batch;
  for (int i = 0; i < 2000; ++i) {
    batch.add("INSERT INTO banned_words (word, severity) VALUES ($1, $2) RETURNING word",
              "word" + std::to_string(i), i % 2 == 0 ? "mild" : "severe");
  }
  for (int i = 0; i < 2000; ++i)
    batch.add("SELECT severity FROM banned_words WHERE word = $1", "word" + std::to_string(i));
  std::vector<Result> results = db.execute_batch(batch);
  ASSERT_EQ(results.size(), 4000u);
  EXPECT_EQ(results[1999].front().get<std::string>(0), "word1999");
  EXPECT_EQ(results[2000].front().get<std::string>(0), "mild");
  EXPECT_EQ(results[3999].front().get<std::string>(0), "severe");
  EXPECT_EQ(db.query_value<std::int64_t>("SELECT count(*) FROM banned_words"), 2000);
  EXPECT_EQ(db.query_value<int>("SELECT 1"), 1) << "the connection is usable after a batch";
  db.query("DELETE FROM banned_words");
}

TEST_F(ClientConnection, StreamedBatchHandsOverResultsInOrderAndDrainsAfterAThrowingHandler) {
  Connection db = connect();
  Batch batch;
  for (int i = 0; i < 1500; ++i) batch.add("SELECT $1::int * 2", i);
  std::size_t expected = 0;
  db.execute_batch(batch, [&](std::size_t index, Result& result) {
    EXPECT_EQ(index, expected++);
    EXPECT_EQ(result.front().get<int>(0), static_cast<int>(index) * 2);
  });
  EXPECT_EQ(expected, 1500u);
  EXPECT_THROW(db.execute_batch(batch,
                                [](std::size_t index, Result&) {
                                  if (index == 3) throw std::runtime_error("handler");
                                }),
               std::runtime_error);
  EXPECT_FALSE(db.in_transaction());
  EXPECT_EQ(db.query_value<int>("SELECT 5"), 5) << "the pipeline was drained";
}

TEST_F(ClientConnection, FailingBatchStatementRollsBackTheBatchAndNamesItsPosition) {
  Connection db = connect();
  Batch batch;
  batch.add("INSERT INTO banned_words (word, severity) VALUES ($1, $2)", "b1", "mild");
  batch.add("INSERT INTO banned_words (word, severity) VALUES ($1, $2)", "b1", "mild");
  batch.add("INSERT INTO banned_words (word, severity) VALUES ($1, $2)", "b3", "mild");
  try {
    db.execute_batch(batch);
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.constraint(), "banned_words_word_unique");
    EXPECT_NE(std::string(error.what()).find("batch statement 2 of 3"), std::string::npos)
        << error.what();
  }
  EXPECT_EQ(db.query_value<std::int64_t>("SELECT count(*) FROM banned_words"), 0);
  EXPECT_EQ(db.query_value<int>("SELECT 2"), 2);
}

TEST_F(ClientConnection, ConnectFailureHidesThePassword) {
  try {
    Connection db({.url = "postgresql://postgres:hunter2@127.0.0.1:1/none"});
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.sqlstate(), "08001");
    EXPECT_EQ(std::string(error.what()).find("hunter2"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace flick::client

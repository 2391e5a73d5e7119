// read_catalog's second connection (what `flick pull` uses): the same catalog as one connection
// reads, in the same search_path, and the same again when the second connection is refused.

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <stdexcept>
#include <string>

#include "introspect/introspect.hpp"
#include "introspect/introspect_support.hpp"
#include "pg/pg.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {
namespace {

class SecondConnection : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    url_ = create_database("second_connection");
    // The database's own search_path puts "app" first: a reader that did not set search_path
    // to public would print public's objects qualified and app's unqualified.
    apply_sql(url_,
              "CREATE SCHEMA app;"
              "ALTER DATABASE second_connection SET search_path = app, public;"
              "CREATE FUNCTION app.slug(t text) RETURNS text LANGUAGE sql IMMUTABLE "
              "AS $$ SELECT lower(t) $$;"
              "CREATE FUNCTION shout(t text) RETURNS text LANGUAGE sql IMMUTABLE "
              "AS $$ SELECT upper(t) $$;"
              "CREATE TABLE users (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
              "email text NOT NULL UNIQUE, name text CHECK (shout(name) <> ''));"
              "CREATE TABLE app.posts (id serial PRIMARY KEY, author integer NOT NULL "
              "REFERENCES public.users (id) ON DELETE CASCADE, title text NOT NULL, "
              "CONSTRAINT title_slug CHECK (app.slug(title) <> ''));"
              "CREATE INDEX posts_slug ON app.posts (app.slug(title)) WHERE author > 0;"
              "CREATE INDEX users_shout ON users (shout(email));"
              "CREATE SEQUENCE app.tickets INCREMENT 5 START 100;");
  }
  static model::Catalog read(const std::string& url, bool second_connection) {
    return read_database(url, {}, second_connection);
  }
  static std::string url_;
};
std::string SecondConnection::url_;

TEST_F(SecondConnection, ReadsTheSameCatalogAsOneConnection) {
  model::Catalog one = read(url_, false);
  model::Catalog two = read(url_, true);
  EXPECT_EQ(differences(one, two), "");
  // What the second connection reads is there: sequences, constraints and indexes.
  const model::Table* posts = two.find_table("app", "posts");
  ASSERT_NE(posts, nullptr);
  ASSERT_EQ(posts->indexes.size(), 1u);
  EXPECT_NE(posts->indexes[0].where.value_or("").find("author > 0"), std::string::npos);
  EXPECT_EQ(posts->foreign_keys.size(), 1u);
  EXPECT_EQ(posts->checks.size(), 1u);
  ASSERT_EQ(two.sequences.size(), 1u);
  EXPECT_EQ(two.sequences[0].options.increment, "5");
  const model::Table* users = two.find_table("public", "users");
  ASSERT_NE(users, nullptr);
  ASSERT_EQ(users->indexes.size(), 1u);
  EXPECT_EQ(users->checks.size(), 1u);
}

TEST_F(SecondConnection, FallsBackToOneConnectionWhenASecondIsRefused) {
  apply_sql(url_,
            "DROP ROLE IF EXISTS one_session; CREATE ROLE one_session LOGIN CONNECTION LIMIT 1;"
            "GRANT USAGE ON SCHEMA app TO one_session;");
  std::string limited = url_;
  limited.replace(limited.find("://") + 3, limited.find('@') - limited.find("://") - 3,
                  "one_session");
  model::Catalog one = read(url_, false);
  model::Catalog two = read(limited, true);
  EXPECT_EQ(differences(one, two), "");
  EXPECT_EQ(two.sequences.size(), 1u);
  ASSERT_NE(two.find_table("app", "posts"), nullptr);
  EXPECT_EQ(two.find_table("app", "posts")->indexes.size(), 1u);
}

// A second connection opened only when read_catalog asks for it (a deferred future), which sets
// `asked`.
std::future<pg::Connection> connection_when_asked(const std::string& url,
                                                  std::atomic<bool>& asked) {
  return std::async(std::launch::deferred, [&asked, url] {
    asked = true;
    return pg::Connection(url);
  });
}

// pull opens the second connection beside the first: read_catalog takes it as a future.
TEST_F(SecondConnection, TakesASecondConnectionOpenedBeforehand) {
  model::Catalog one = read(url_, false);
  std::atomic<bool> asked = false;
  pg::Connection connection(url_);
  model::Catalog two =
      introspect::read_catalog(connection, {}, nullptr, connection_when_asked(url_, asked));
  EXPECT_TRUE(asked);
  EXPECT_EQ(differences(one, two), "");
  ASSERT_EQ(two.sequences.size(), 1u);
  ASSERT_NE(two.find_table("app", "posts"), nullptr);
  EXPECT_EQ(two.find_table("app", "posts")->indexes.size(), 1u);
}

TEST_F(SecondConnection, ReadsAloneWhenTheSecondConnectionFailedToOpen) {
  model::Catalog one = read(url_, false);
  std::promise<pg::Connection> refused;
  refused.set_exception(std::make_exception_ptr(std::runtime_error("refused")));
  pg::Connection connection(url_);
  model::Catalog two = introspect::read_catalog(connection, {}, nullptr, refused.get_future());
  EXPECT_EQ(differences(one, two), "");
  EXPECT_EQ(two.sequences.size(), 1u);
  ASSERT_NE(two.find_table("app", "posts"), nullptr);
  EXPECT_EQ(two.find_table("app", "posts")->foreign_keys.size(), 1u);
}

TEST_F(SecondConnection, InsideTheCallersTransactionTheSecondIsNotAskedFor) {
  model::Catalog one = read(url_, false);
  std::atomic<bool> asked = false;
  pg::Connection connection(url_);
  pg::Transaction transaction(connection);
  model::Catalog two =
      introspect::read_catalog(connection, {}, nullptr, connection_when_asked(url_, asked));
  transaction.commit();
  EXPECT_FALSE(asked) << "read in the caller's transaction, on its connection alone";
  EXPECT_EQ(differences(one, two), "");
}

}  // namespace
}  // namespace flick::testing

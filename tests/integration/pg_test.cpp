// flick_pg against the real server: results, parameters, multi-statement text, errors.

#include "pg/pg.hpp"

#include <gtest/gtest.h>

#include "support/test_cluster.hpp"

namespace flick::pg {
namespace {

class PgTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { url_ = new std::string(testing::create_database("pg_test")); }
  static void TearDownTestSuite() { delete url_; }
  static std::string* url_;
};

std::string* PgTest::url_ = nullptr;

TEST_F(PgTest, SelectReturnsRowsColumnsAndNulls) {
  Connection connection(*url_);
  Result result = connection.exec("SELECT 1 AS one, NULL::text AS nothing, 'x''y' AS quoted");
  ASSERT_EQ(result.rows(), 1);
  ASSERT_EQ(result.columns(), 3);
  EXPECT_EQ(result.column_name(1), "nothing");
  EXPECT_EQ(result.column_index("quoted"), 2);
  EXPECT_EQ(result.value(0, 0), "1");
  EXPECT_TRUE(result.is_null(0, 1));
  EXPECT_EQ(result.get(0, 1), std::nullopt);
  EXPECT_EQ(result.get(0, 2), "x'y");
  EXPECT_THROW(result.value(1, 0), std::out_of_range);
  EXPECT_THROW(result.column_index("missing"), std::out_of_range);
}

TEST_F(PgTest, ExecParamsPassesTextAndNull) {
  Connection connection(*url_);
  connection.exec("CREATE TABLE IF NOT EXISTS params (id int, note text)");
  Result insert = connection.exec_params("INSERT INTO params VALUES ($1, $2), ($3, $4)",
                                         {"1", "a'; DROP TABLE params; --", "2", std::nullopt});
  EXPECT_EQ(insert.affected_rows(), 2);
  EXPECT_EQ(insert.command_tag(), "INSERT 0 2");
  Result rows = connection.exec_params("SELECT note FROM params WHERE id = $1", {"1"});
  ASSERT_EQ(rows.rows(), 1);
  EXPECT_EQ(rows.value(0, 0), "a'; DROP TABLE params; --");
  Result null_row = connection.exec_params("SELECT note IS NULL FROM params WHERE id = $1", {"2"});
  EXPECT_EQ(null_row.value(0, 0), "t");
}

TEST_F(PgTest, MultiStatementExecReturnsLastResult) {
  Connection connection(*url_);
  Result result = connection.exec(
      "CREATE TABLE multi (n int); INSERT INTO multi VALUES (1), (2); SELECT count(*) FROM multi");
  EXPECT_EQ(result.value(0, 0), "2");
  std::vector<Result> all = connection.exec_all("SELECT 1; SELECT 2, 3; DROP TABLE multi");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[1].value(0, 1), "3");
  EXPECT_EQ(all[2].command_tag(), "DROP TABLE");
}

TEST_F(PgTest, FailedMultiStatementRollsBackAndReportsTheError) {
  Connection connection(*url_);
  try {
    connection.exec("CREATE TABLE doomed (n int); SELECT * FROM no_such_table");
    FAIL() << "expected PgError";
  } catch (const PgError& error) {
    EXPECT_EQ(error.sqlstate(), "42P01");
    EXPECT_EQ(error.message_primary(), "relation \"no_such_table\" does not exist");
    EXPECT_GT(error.position(), 0);
    EXPECT_NE(error.query().find("no_such_table"), std::string::npos);
  }
  Result exists = connection.exec("SELECT to_regclass('doomed') IS NULL");
  EXPECT_EQ(exists.value(0, 0), "t");
}

TEST_F(PgTest, ConstraintViolationCarriesTableConstraintAndDetail) {
  Connection connection(*url_);
  connection.exec("CREATE TABLE uniq (code text CONSTRAINT uniq_code UNIQUE)");
  connection.exec("INSERT INTO uniq VALUES ('a')");
  try {
    connection.exec_params("INSERT INTO uniq VALUES ($1)", {"a"});
    FAIL() << "expected PgError";
  } catch (const PgError& error) {
    EXPECT_EQ(error.sqlstate(), "23505");
    EXPECT_EQ(error.constraint(), "uniq_code");
    EXPECT_EQ(error.table(), "uniq");
    EXPECT_EQ(error.detail(), "Key (code)=(a) already exists.");
    EXPECT_NE(std::string(error.what()).find("SQLSTATE 23505"), std::string::npos);
  }
}

TEST_F(PgTest, ErrorsCarryHints) {
  Connection connection(*url_);
  try {
    connection.exec("SELECT lenght('x')");
    FAIL() << "expected PgError";
  } catch (const PgError& error) {
    EXPECT_EQ(error.sqlstate(), "42883");
    EXPECT_FALSE(error.hint().empty());
  }
}

TEST_F(PgTest, TransactionStateAndNotices) {
  Connection connection(*url_);
  EXPECT_FALSE(connection.in_transaction());
  connection.exec("BEGIN");
  EXPECT_TRUE(connection.in_transaction());
  connection.exec("ROLLBACK");
  EXPECT_FALSE(connection.in_transaction());
  connection.exec("DROP TABLE IF EXISTS never_there");
  std::vector<std::string> notices = connection.take_notices();
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0], "NOTICE: table \"never_there\" does not exist, skipping");
  EXPECT_TRUE(connection.take_notices().empty());
  EXPECT_GE(connection.server_version(), 150000);
}

TEST_F(PgTest, QuotesIdentifiersAndLiterals) {
  Connection connection(*url_);
  EXPECT_EQ(connection.quote_identifier("we\"ird name"), "\"we\"\"ird name\"");
  EXPECT_EQ(connection.quote_literal("it's"), "'it''s'");
}

TEST_F(PgTest, ConnectionFailureNamesTheTargetButNotThePassword) {
  std::string url = testing::test_cluster().url("no_such_database");
  url.insert(url.find('@'), ":s3cret");
  try {
    Connection connection(url, ConnectOptions{.timeout = std::chrono::seconds(5)});
    FAIL() << "expected PgError";
  } catch (const PgError& error) {
    std::string message = error.what();
    EXPECT_EQ(error.sqlstate(), "08001");
    EXPECT_NE(message.find("no_such_database"), std::string::npos) << message;
    EXPECT_EQ(message.find("s3cret"), std::string::npos) << message;
  }
}

TEST(RedactUrl, HidesPasswordsInAllForms) {
  EXPECT_EQ(redact_url("postgresql://app:s3cret@db.example.com:5432/flick"),
            "postgresql://app:***@db.example.com:5432/flick");
  EXPECT_EQ(redact_url("postgres://app:p%40ss@h/db?sslmode=require&password=x2&a=b"),
            "postgres://app:***@h/db?sslmode=require&password=***&a=b");
  EXPECT_EQ(redact_url("postgresql://app@h/db"), "postgresql://app@h/db");
  EXPECT_EQ(redact_url("postgresql://h/db?password=abc"), "postgresql://h/db?password=***");
  EXPECT_EQ(redact_url("host=h password=abc dbname=d"), "host=h password=*** dbname=d");
  EXPECT_EQ(redact_url("host=h password = 'a b\\' c' dbname=d"), "host=h password = *** dbname=d");
  EXPECT_EQ(redact_url("host=h dbname=passwords"), "host=h dbname=passwords");
}

// Robustness class 7 (found by the malformed-input run): messages that quote a URL Flick could
// not read as one, or a piece of it, keep the password out.
TEST(RedactText, HidesPasswordsOfUrlsThatAreNotUrls) {
  EXPECT_EQ(redact_text("missing \"=\" after \"postgresql:/u:S3cret@127.0.0.1:1/db\" in "
                        "connection info string"),
            "missing \"=\" after \"postgresql:/u:***@127.0.0.1:1/db\" in connection info string");
  EXPECT_EQ(redact_text("The following arguments were not expected: postgresql:u:S3cret@h/db"),
            "The following arguments were not expected: postgresql:u:***@h/db");
  EXPECT_EQ(redact_text("arguments were not expected: --url=password=S3cret host=h"),
            "arguments were not expected: --url=password=*** host=h");
  EXPECT_EQ(redact_text("see file.sql:12:3 and a@b.c"), "see file.sql:12:3 and a@b.c");
  // A URL with a user and no password keeps its user (the scheme's ':' is no password's).
  EXPECT_EQ(redact_text("could not connect to postgresql://postgres@localhost:5/db: refused"),
            "could not connect to postgresql://postgres@localhost:5/db: refused");
  EXPECT_EQ(redact_secret_of("postgresql://postgres@h/db failed", "postgresql://postgres@h/db"),
            "postgresql://postgres@h/db failed");
  EXPECT_EQ(redact_secret_of("invalid percent-encoded token: \"S3cret%zz\"",
                             "postgresql://u:S3cret%zz@h/db"),
            "invalid percent-encoded token: \"***\"");
  for (const char* url : {"postgresql:/u:S3cret@127.0.0.1:1/db", "postgresql://u:S3cret%zz@h/db",
                          "postgresql://u:S3cret%00@h/db"}) {
    std::string message = connection_string_error(url);
    EXPECT_FALSE(message.empty()) << url;
    EXPECT_EQ(message.find("S3cret"), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace flick::pg

namespace flick::pg {
namespace {

// The number of rows of guard_rows, from a second connection (what is committed).
int committed_rows(const std::string& url) {
  Connection reader(url);
  return std::stoi(reader.exec("SELECT count(*) FROM guard_rows").value(0, 0));
}

TEST_F(PgTest, TransactionGuardRollsBackUnlessCommitted) {
  Connection connection(*url_);
  connection.exec("DROP TABLE IF EXISTS guard_rows; CREATE TABLE guard_rows (n int)");
  {
    Transaction transaction(connection);
    EXPECT_TRUE(transaction.open());
    EXPECT_TRUE(connection.in_transaction());
    connection.exec("INSERT INTO guard_rows VALUES (1)");
  }  // left without commit(): rolled back
  EXPECT_FALSE(connection.in_transaction());
  EXPECT_EQ(committed_rows(*url_), 0);

  try {
    Transaction transaction(connection);
    connection.exec("INSERT INTO guard_rows VALUES (2)");
    throw std::runtime_error("a way out by exception");
  } catch (const std::runtime_error&) {
  }
  EXPECT_FALSE(connection.in_transaction());
  EXPECT_EQ(committed_rows(*url_), 0);

  Transaction transaction = Transaction::not_begun(connection);
  EXPECT_FALSE(transaction.open());
  transaction.begin("ISOLATION LEVEL SERIALIZABLE");
  EXPECT_EQ(connection.exec("SHOW transaction_isolation").value(0, 0), "serializable");
  connection.exec("INSERT INTO guard_rows VALUES (3)");
  transaction.commit();
  EXPECT_FALSE(transaction.open());
  EXPECT_EQ(committed_rows(*url_), 1);
}

TEST_F(PgTest, FailedCommitEndsTheGuardedTransaction) {
  Connection connection(*url_);
  connection.exec(
      "DROP TABLE IF EXISTS guard_parent, guard_child; CREATE TABLE guard_parent (id int PRIMARY "
      "KEY); CREATE TABLE guard_child (parent int REFERENCES guard_parent DEFERRABLE INITIALLY "
      "DEFERRED)");
  Transaction transaction(connection);
  connection.exec("INSERT INTO guard_child VALUES (7)");  // checked at COMMIT
  EXPECT_THROW(transaction.commit(), PgError);
  EXPECT_FALSE(transaction.open());
  EXPECT_FALSE(connection.in_transaction());
}

TEST_F(PgTest, SavepointUndoesOnlyWhatRanAfterIt) {
  Connection connection(*url_);
  connection.exec("DROP TABLE IF EXISTS guard_rows; CREATE TABLE guard_rows (n int)");
  Transaction transaction(connection);
  connection.exec("INSERT INTO guard_rows VALUES (1)");
  {
    Savepoint savepoint(connection, "guard_try");
    EXPECT_THROW(connection.exec("SELECT 1/0"), PgError);
    savepoint.rollback();  // the transaction is usable again
  }
  connection.exec("INSERT INTO guard_rows VALUES (2)");
  {
    Savepoint kept(connection, "guard_keep");
    connection.exec("INSERT INTO guard_rows VALUES (3)");
    kept.release();
  }
  {
    Savepoint dropped(connection, "guard_drop");
    connection.exec("INSERT INTO guard_rows VALUES (4)");
  }  // destroyed without release(): rolled back to
  transaction.commit();
  EXPECT_EQ(
      connection.exec("SELECT string_agg(n::text, ',' ORDER BY n) FROM guard_rows").value(0, 0),
      "1,2,3");
}

}  // namespace
}  // namespace flick::pg

// run_transaction: commit, rollback and rethrow, parent reuse, savepoints, retries.

#include <gtest/gtest.h>

#include "flick/client.hpp"
#include "schema_database.hpp"

namespace flick::client {
namespace {

class RunTransaction : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pool_ = new Pool({.url = testing::flick_schema_database("client_tx"), .size = 4});
  }
  static void TearDownTestSuite() { delete pool_; }
  void SetUp() override { pool_->query("DELETE FROM banned_words"); }

  static void add_word(Executor& db, const std::string& word) {
    db.query("INSERT INTO banned_words (word, severity) VALUES ($1, 'mild')", word);
  }
  static std::int64_t words() {
    return pool_->query_value<std::int64_t>("SELECT count(*) FROM banned_words");
  }

  static Pool* pool_;
};

Pool* RunTransaction::pool_ = nullptr;

TEST_F(RunTransaction, CommitsWhenFnReturnsAndPassesItsValue) {
  int value = pool_->run_transaction([](Transaction& tx) {
    add_word(tx, "one");
    return 7;
  });
  EXPECT_EQ(value, 7);
  EXPECT_EQ(words(), 1);
}

TEST_F(RunTransaction, RollsBackAndRethrowsWhenFnThrows) {
  EXPECT_THROW(pool_->run_transaction([](Transaction& tx) {
    add_word(tx, "gone");
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_EQ(words(), 0);
}

TEST_F(RunTransaction, ParentIsReusedSoRollingItBackUndoesInnerWork) {
  auto inner = [](Transaction* parent) {
    pool_->run_transaction(
        [](Transaction& tx) {
          EXPECT_TRUE(tx.connection().in_transaction());
          add_word(tx, "inner");
        },
        parent);
  };
  EXPECT_THROW(pool_->run_transaction([&](Transaction& tx) {
    int pid = tx.connection().backend_pid();
    inner(&tx);
    EXPECT_EQ(tx.query_value<int>("SELECT pg_backend_pid()"), pid);
    EXPECT_EQ(tx.query_value<std::int64_t>("SELECT count(*) FROM banned_words"), 1);
    throw std::runtime_error("outer fails");
  }),
               std::runtime_error);
  EXPECT_EQ(words(), 0) << "the inner insert ran in the outer transaction";
  inner(nullptr);
  EXPECT_EQ(words(), 1) << "without a parent the helper commits on its own";
}

TEST_F(RunTransaction, SavepointFailureLeavesTheOuterTransactionUsable) {
  pool_->run_transaction([](Transaction& tx) {
    add_word(tx, "kept");
    TransactionOptions nested{.savepoint = true};
    EXPECT_THROW(pool_->run_transaction(
                     [](Transaction& sp) {
                       EXPECT_EQ(sp.depth(), 1);
                       add_word(sp, "undone");
                       add_word(sp, "kept");  // unique violation inside the savepoint
                     },
                     &tx, nested),
                 Error);
    add_word(tx, "after");
    pool_->run_transaction([](Transaction& sp) { add_word(sp, "nested ok"); }, &tx, nested);
  });
  EXPECT_EQ(pool_->query_as<std::string>("SELECT word FROM banned_words ORDER BY word"),
            (std::vector<std::string>{"after", "kept", "nested ok"}));
}

TEST_F(RunTransaction, RetriesASerializationFailureAndGivesUpWhenNotAsked) {
  add_word(*pool_, "contended");
  Connection other({.url = pool_->options().url});
  auto conflicting = [&](int& attempts) {
    return [&](Transaction& tx) {
      ++attempts;
      tx.query("SELECT strict_mode FROM banned_words WHERE word = 'contended'");
      if (attempts == 1) {
        // A second connection changes the row after this transaction's snapshot was taken.
        other.query("UPDATE banned_words SET strict_mode = NOT strict_mode WHERE word = $1",
                    "contended");
      }
      tx.query("UPDATE banned_words SET severity = 'severe' WHERE word = $1", "contended");
    };
  };
  int attempts = 0;
  pool_->run_transaction(conflicting(attempts), nullptr,
                         {.retries = 3, .isolation = Isolation::kSerializable});
  EXPECT_EQ(attempts, 2);
  EXPECT_EQ(pool_->query_value<std::string>("SELECT severity::text FROM banned_words"), "severe");

  attempts = 0;
  try {
    pool_->run_transaction(conflicting(attempts), nullptr, {.isolation = Isolation::kSerializable});
    FAIL() << "expected a serialization failure";
  } catch (const Error& error) {
    EXPECT_EQ(error.sqlstate(), "40001");
    EXPECT_TRUE(error.is_retryable());
  }
  EXPECT_EQ(attempts, 1);
}

TEST_F(RunTransaction, IsolationAndReadOnlyAreApplied) {
  pool_->run_transaction(
      [](Transaction& tx) {
        EXPECT_EQ(tx.query_value<std::string>("SHOW transaction_isolation"), "repeatable read");
        EXPECT_EQ(tx.query_value<std::string>("SHOW transaction_read_only"), "on");
      },
      nullptr, {.isolation = Isolation::kRepeatableRead, .read_only = true});
}

TEST_F(RunTransaction, WorksOnAPlainConnection) {
  Connection connection({.url = pool_->options().url});
  run_transaction(connection, [](Transaction& tx) { add_word(tx, "plain"); });
  EXPECT_FALSE(connection.in_transaction());
  EXPECT_EQ(words(), 1);
}

}  // namespace
}  // namespace flick::client

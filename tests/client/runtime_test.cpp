// The client's runtime capabilities on a real PostgreSQL 15: prepared statements (cached per
// connection, surviving reconnects and DISCARD ALL), streamed rows, COPY in and out, and
// LISTEN/NOTIFY.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "flick/client.hpp"
#include "schema_database.hpp"

namespace flick::client {
namespace {

using namespace std::chrono;

class Runtime : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    url_ = new std::string(testing::flick_schema_database("client_runtime"));
    Connection db({.url = *url_});
    db.execute_script(
        "CREATE TABLE copy_target (id integer PRIMARY KEY, label text NOT NULL, note text, "
        "amount bigint, seen boolean NOT NULL, at timestamptz NOT NULL)");
  }
  static void TearDownTestSuite() { delete url_; }
  void SetUp() override {
    Connection db = connect();
    db.execute_script("DELETE FROM copy_target; DELETE FROM banned_words");
  }
  static Connection connect() { return Connection({.url = *url_}); }

  static std::int64_t server_prepared_statements(Executor& db) {
    return db.query_value<std::int64_t>(
        "SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'flick_s%'");
  }

  static std::string* url_;
};

std::string* Runtime::url_ = nullptr;

constexpr std::string_view kWordSeverity = "SELECT severity FROM banned_words WHERE word = $1";

void add_words(Executor& db, int count) {
  Batch batch;
  for (int i = 0; i < count; ++i) {
    batch.add("INSERT INTO banned_words (word, severity) VALUES ($1, $2)", "w" + std::to_string(i),
              i % 2 == 0 ? "mild" : "severe");
  }
  db.execute_batch(batch);
}

std::string severity_of(Executor& db, int word) {
  return db.execute_prepared(kWordSeverity, Params("w" + std::to_string(word)))
      .front()
      .get<std::string>(0);
}

TEST_F(Runtime, PreparedStatementRunsManyTimesButIsPreparedOnce) {
  Connection db = connect();
  add_words(db, 50);
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(severity_of(db, i), i % 2 == 0 ? "mild" : "severe") << i;
    EXPECT_EQ(db.prepared_count(), 1u);
  }
  EXPECT_TRUE(db.execute_prepared(kWordSeverity, Params("absent")).empty());
  EXPECT_EQ(server_prepared_statements(db), 1);

  // NULL parameters, several columns, and a second statement.
  auto row = db.execute_prepared("SELECT $1::int * 2, $2::text IS NULL",
                                 Params(21, std::optional<std::string>()))
                 .front()
                 .as<std::tuple<int, bool>>();
  EXPECT_EQ(row, std::make_tuple(42, true));
  EXPECT_EQ(db.prepared_count(), 2u);
  EXPECT_EQ(server_prepared_statements(db), 2);

  // A statement that fails to prepare is not cached; the connection stays usable.
  EXPECT_THROW(db.execute_prepared("SELECT FROM nowhere_at_all", Params()), Error);
  EXPECT_EQ(db.prepared_count(), 2u);
  // An execution error is the statement's error, and the statement stays prepared.
  try {
    db.execute_prepared("SELECT 1 / $1::int", Params(0));
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.sqlstate(), "22012");
    EXPECT_EQ(error.query(), "SELECT 1 / $1::int");
  }
  EXPECT_EQ(db.execute_prepared("SELECT 1 / $1::int", Params(1)).front().get<int>(0), 1);
  EXPECT_EQ(db.prepared_count(), 3u);
}

TEST_F(Runtime, PreparedStatementSurvivesReconnectAndDiscardAll) {
  Connection db = connect();
  add_words(db, 4);
  EXPECT_EQ(severity_of(db, 1), "severe");
  int first_pid = db.backend_pid();

  db.reconnect();
  EXPECT_NE(db.backend_pid(), first_pid);
  EXPECT_EQ(db.prepared_count(), 0u);
  EXPECT_EQ(severity_of(db, 2), "mild");
  EXPECT_EQ(db.prepared_count(), 1u);
  EXPECT_EQ(server_prepared_statements(db), 1);

  db.execute_script("DISCARD ALL");
  EXPECT_EQ(server_prepared_statements(db), 0);
  EXPECT_EQ(severity_of(db, 3), "severe") << "prepared again after a 26000";
  EXPECT_EQ(db.prepared_count(), 1u);
  EXPECT_EQ(server_prepared_statements(db), 1);

  // Inside a transaction block the 26000 has aborted the transaction: it is thrown, and the
  // statement is prepared again on the next call.
  db.execute_script("DEALLOCATE ALL");
  db.execute_script("BEGIN");
  try {
    severity_of(db, 0);
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.sqlstate(), "26000");
  }
  EXPECT_EQ(db.prepared_count(), 0u);
  db.execute_script("ROLLBACK");
  EXPECT_EQ(severity_of(db, 0), "mild");
  EXPECT_EQ(db.prepared_count(), 1u);
}

// A migration adds a column while the app runs: the prepared SELECT * fails with "cached plan
// must not change result type" (0A000). Outside a transaction it is prepared again and run once
// more, so the caller sees the new column; inside one the error is thrown (the transaction is
// aborted) and the next call after it works.
TEST_F(Runtime, PreparedStatementIsPreparedAgainWhenItsResultTypeChanges) {
  Connection db = connect();
  db.execute_script(
      "DROP TABLE IF EXISTS reshaped; CREATE TABLE reshaped (id integer); "
      "INSERT INTO reshaped VALUES (1)");
  const std::string select = "SELECT * FROM reshaped WHERE id = $1";
  EXPECT_EQ(db.execute_prepared(select, Params(1)).columns(), 1);
  Connection migrator = connect();
  migrator.execute_script("ALTER TABLE reshaped ADD COLUMN note text DEFAULT 'new'");
  Result after = db.execute_prepared(select, Params(1));
  ASSERT_EQ(after.columns(), 2);
  EXPECT_EQ(after[0].get<std::string>(1), "new");
  EXPECT_EQ(db.prepared_count(), 1u);
  EXPECT_EQ(server_prepared_statements(db), 1) << "the old statement is deallocated";

  migrator.execute_script("ALTER TABLE reshaped ADD COLUMN extra integer");
  db.execute_script("BEGIN");
  try {
    db.execute_prepared(select, Params(1));
    FAIL() << "expected the 0A000 inside a transaction block";
  } catch (const Error& error) {
    EXPECT_EQ(error.sqlstate(), "0A000");
  }
  db.execute_script("ROLLBACK");
  EXPECT_EQ(db.execute_prepared(select, Params(1)).columns(), 3);
  db.execute_script("DROP TABLE reshaped");
}

// The session keeps at most prepared_statements of them: the least recently used is deallocated
// on the server when another is prepared, and prepared again when it is used again.
TEST_F(Runtime, PreparedStatementsBeyondTheLimitEvictTheLeastRecentlyUsed) {
  Connection db({.url = *url_, .prepared_statements = 2});
  auto held = [&] {
    return db.query_value<std::string>(
        "SELECT string_agg(statement, ' | ' ORDER BY statement) FROM pg_prepared_statements "
        "WHERE name LIKE 'flick_s%'");
  };
  EXPECT_EQ(db.execute_prepared("SELECT 1 AS a", {})[0].get<int>(0), 1);
  EXPECT_EQ(db.execute_prepared("SELECT 2 AS b", {})[0].get<int>(0), 2);
  EXPECT_EQ(db.execute_prepared("SELECT 1 AS a", {})[0].get<int>(0), 1);  // a is the newest now
  EXPECT_EQ(db.execute_prepared("SELECT 3 AS c", {})[0].get<int>(0), 3);  // b goes
  EXPECT_EQ(db.prepared_count(), 2u);
  EXPECT_EQ(held(), "SELECT 1 AS a | SELECT 3 AS c");
  EXPECT_EQ(db.execute_prepared("SELECT 2 AS b", {})[0].get<int>(0), 2);  // a goes
  EXPECT_EQ(held(), "SELECT 2 AS b | SELECT 3 AS c");
  EXPECT_EQ(db.prepared_count(), 2u);

  Connection unlimited({.url = *url_, .prepared_statements = 0});
  for (int i = 0; i < 20; ++i) {
    unlimited.execute_prepared("SELECT " + std::to_string(i), {});
  }
  EXPECT_EQ(unlimited.prepared_count(), 20u);
  EXPECT_EQ(server_prepared_statements(unlimited), 20);
}

TEST_F(Runtime, PreparedStatementsOnAPoolAndInATransaction) {
  Pool pool({.url = *url_, .size = 1});
  add_words(pool, 10);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(severity_of(pool, i), i % 2 == 0 ? "mild" : "severe");
  {
    Pool::Lease lease = pool.acquire();
    EXPECT_EQ(lease->prepared_count(), 1u) << "the pooled connection kept its statement";
  }

  constexpr std::string_view kInsert = "INSERT INTO banned_words (word, severity) VALUES ($1, $2)";
  pool.run_transaction([&](Transaction& tx) {
    for (int i = 0; i < 5; ++i)
      tx.execute_prepared(kInsert, Params("tx" + std::to_string(i), "mild"));
    EXPECT_EQ(severity_of(tx, 3), "severe");
    EXPECT_EQ(tx.connection().prepared_count(), 2u);
  });
  EXPECT_THROW(pool.run_transaction([&](Transaction& tx) {
    tx.execute_prepared(kInsert, Params("rolled_back", "mild"));
    throw std::runtime_error("roll back");
  }),
               std::runtime_error);
  EXPECT_EQ(
      pool.query_value<std::int64_t>("SELECT count(*) FROM banned_words WHERE word LIKE 'tx%'"), 5);
  EXPECT_FALSE(pool.query_first<std::string>(kWordSeverity, "rolled_back"));
  EXPECT_EQ(pool.execute_prepared(kInsert, Params("after", "mild")).affected_rows(), 1)
      << "the statement outlived the rolled-back transaction";
  EXPECT_EQ(pool.acquire()->prepared_count(), 2u);
}

TEST_F(Runtime, StreamHandsOverEveryRowInOrder) {
  Connection db = connect();
  long expected = 0;
  std::int64_t sum = 0;
  long rows = db.stream("SELECT i, i * 2::bigint AS twice FROM generate_series(1, $1) AS i",
                        Params(100000), [&](const Row& row) {
                          ++expected;
                          if (row.get<int>(0) != expected) FAIL() << "row " << expected;
                          sum += row.get<std::int64_t>("twice");
                        });
  EXPECT_EQ(rows, 100000);
  EXPECT_EQ(expected, 100000);
  EXPECT_EQ(sum, std::int64_t{100000} * 100001);
  EXPECT_EQ(db.query_value<int>("SELECT 1"), 1);

  // No rows, a command, and streaming on a pool and in a transaction.
  EXPECT_EQ(db.stream("SELECT 1 WHERE false", Params(), [](const Row&) { FAIL(); }), 0);
  EXPECT_EQ(db.stream("SET application_name = 'streamed'", Params(), [](const Row&) { FAIL(); }),
            0);
  Pool pool({.url = *url_, .size = 1});
  EXPECT_EQ(pool.stream("SELECT generate_series(1, 10)", Params(), [](const Row&) {}), 10);
  pool.run_transaction([](Transaction& tx) {
    tx.query("INSERT INTO banned_words (word, severity) VALUES ('streamed', 'mild')");
    std::vector<std::string> words;
    EXPECT_EQ(tx.stream("SELECT word FROM banned_words", Params(),
                        [&](const Row& row) { words.push_back(row.get<std::string>(0)); }),
              1);
    EXPECT_EQ(words, std::vector<std::string>{"streamed"}) << "sees the transaction's own row";
  });
}

TEST_F(Runtime, StreamHandsOverRowsBeforeTheStatementEnds) {
  Connection db = connect();
  // 200 KiB of rows (more than the server buffers before sending), then a one second pause.
  std::optional<steady_clock::time_point> first_row;
  long rows = db.stream(
      "SELECT i, repeat('x', 100), CASE WHEN i = 2000 THEN pg_sleep(1) END "
      "FROM generate_series(1, 2000) AS i",
      Params(), [&](const Row&) {
        if (!first_row) first_row = steady_clock::now();
      });
  auto returned = steady_clock::now();
  EXPECT_EQ(rows, 2000);
  ASSERT_TRUE(first_row);
  EXPECT_GE(returned - *first_row, milliseconds(700)) << "the first row waited for the last";
}

TEST_F(Runtime, StreamFailureMidwayThrowsAndLeavesTheConnectionUsable) {
  Connection db = connect();
  long seen = 0;
  try {
    db.stream("SELECT i, 1 / (5000 - i) FROM generate_series(1, 100000) AS i", Params(),
              [&](const Row&) { ++seen; });
    FAIL() << "expected division by zero";
  } catch (const Error& error) {
    EXPECT_EQ(error.sqlstate(), "22012");
  }
  EXPECT_EQ(seen, 4999) << "the rows before the failure were handed over";
  EXPECT_FALSE(db.in_transaction());
  EXPECT_EQ(db.query_value<int>("SELECT 1"), 1);

  // A throwing handler: the rest is discarded, its exception comes out, the connection works.
  seen = 0;
  EXPECT_THROW(db.stream("SELECT generate_series(1, 50000)", Params(),
                         [&](const Row&) {
                           if (++seen == 10) throw std::runtime_error("handler");
                         }),
               std::runtime_error);
  EXPECT_EQ(seen, 10);
  EXPECT_EQ(db.query_value<int>("SELECT 2"), 2);
  EXPECT_THROW(db.stream("SELECT * FROM no_such_table", Params(), [](const Row&) {}), Error);
  EXPECT_EQ(db.query_value<int>("SELECT 3"), 3);
}

struct CopyRow {
  int id;
  std::string label;
  std::optional<std::string> note;
  std::optional<std::int64_t> amount;
  bool seen;
  Timestamp at;

  bool operator==(const CopyRow&) const = default;
};

// Texts that COPY's text format must escape, and look-alikes of its markers.
std::vector<CopyRow> copy_rows(int count) {
  static const std::vector<std::string> kTexts = {
      "plain",        "tab\there", "new\nline", "carriage\rreturn", "back\\slash", "\\N",
      "\\.",          "",          "\\t",       "two\t\ttabs\n\n",  "ünïcödé ✓",   "end\\",
      "\"quotes\" '", "{1,2}",     "a,b",       " spaces "};
  std::vector<CopyRow> rows;
  Timestamp base = sys_days(2024y / 2 / 29) + 23h + 59min + 58s + 123456us;
  for (int i = 0; i < count; ++i) {
    CopyRow row;
    row.id = i + 1;
    row.label = kTexts[i % kTexts.size()] + std::to_string(i);
    if (i % 3 != 0) row.note = kTexts[(i * 7) % kTexts.size()];
    if (i % 4 != 1) row.amount = (i % 2 == 0 ? -1 : 1) * std::int64_t{i} * 1000000007;
    row.seen = i % 5 == 0;
    row.at = base + seconds(i) + microseconds(i);
    rows.push_back(std::move(row));
  }
  return rows;
}

// The text-format COPY line the server writes for `row` (escaped independently of CopyWriter).
std::string copy_line(const CopyRow& row, const std::string& at_text) {
  auto escape = [](const std::string& text) {
    std::string out;
    for (char c : text) {
      if (c == '\\') {
        out += "\\\\";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else {
        out.push_back(c);
      }
    }
    return out;
  };
  return std::to_string(row.id) + "\t" + escape(row.label) + "\t" +
         (row.note ? escape(*row.note) : "\\N") + "\t" +
         (row.amount ? std::to_string(*row.amount) : "\\N") + "\t" + (row.seen ? "t" : "f") + "\t" +
         at_text;
}

constexpr std::string_view kCopyIn =
    "COPY copy_target (id, label, note, amount, seen, at) FROM STDIN";
constexpr std::string_view kSelectCopied =
    "SELECT id, label, note, amount, seen, at FROM copy_target ORDER BY id";

TEST_F(Runtime, CopyInLoadsTypedValuesExactlyAndCopyOutReadsThemBack) {
  Connection db = connect();
  std::vector<CopyRow> rows = copy_rows(10000);
  long copied = db.copy_in(kCopyIn, [&](CopyWriter& writer) {
    for (const CopyRow& row : rows) {
      writer.row(row.id, row.label, row.note, row.amount, row.seen, row.at);
    }
    EXPECT_EQ(writer.rows(), 10000);
  });
  EXPECT_EQ(copied, 10000);
  std::vector<CopyRow> loaded;
  for (auto [id, label, note, amount, seen, at] :
       db.query_as<std::tuple<int, std::string, std::optional<std::string>,
                              std::optional<std::int64_t>, bool, Timestamp>>(kSelectCopied)) {
    loaded.push_back(CopyRow{id, label, note, amount, seen, at});
  }
  ASSERT_EQ(loaded.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ASSERT_EQ(loaded[i], rows[i]) << "row " << i << ": " << rows[i].label;
  }
  auto count_rows = [&](auto predicate) {
    return static_cast<std::int64_t>(std::count_if(rows.begin(), rows.end(), predicate));
  };
  EXPECT_EQ(db.query_value<std::int64_t>("SELECT count(*) FROM copy_target WHERE note IS NULL"),
            count_rows([](const CopyRow& row) { return !row.note; }));
  EXPECT_EQ(db.query_value<std::int64_t>("SELECT count(*) FROM copy_target WHERE note = $1", "\\N"),
            count_rows([](const CopyRow& row) { return row.note == "\\N"; }))
      << "the text \\N is not NULL";

  // nullopt, literals and string_views as values.
  EXPECT_EQ(db.copy_in(kCopyIn,
                       [](CopyWriter& writer) {
                         writer.row(20001, "literal", std::nullopt, std::nullopt, true,
                                    Timestamp{});
                         writer.row(20002, std::string_view("view\tx"), "n", 5, false, Timestamp{});
                       }),
            2);
  EXPECT_EQ(db.query_value<std::string>("SELECT label FROM copy_target WHERE id = 20002"),
            "view\tx");
  db.query("DELETE FROM copy_target WHERE id > 20000");

  // COPY out: one line per row, as the server formats it.
  std::vector<std::string> lines;
  long out = db.copy_out("COPY (" + std::string(kSelectCopied) + ") TO STDOUT",
                         [&](std::string_view line) { lines.emplace_back(line); });
  EXPECT_EQ(out, 10000);
  ASSERT_EQ(lines.size(), rows.size());
  std::vector<std::string> at_texts = db.query_as<std::string>(
      "SELECT at::text FROM copy_target ORDER BY id");  // the session's timestamptz text
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ASSERT_EQ(lines[i], copy_line(rows[i], at_texts[i])) << "row " << i;
  }

  // A whole table, in CSV, on a pool and in a transaction.
  Pool pool({.url = *url_, .size = 1});
  long csv_rows = pool.copy_out("COPY copy_target (id) TO STDOUT (FORMAT csv)",
                                [](std::string_view line) { EXPECT_FALSE(line.empty()); });
  EXPECT_EQ(csv_rows, 10000);
  EXPECT_THROW(pool.run_transaction([](Transaction& tx) {
    EXPECT_EQ(tx.copy_in(kCopyIn,
                         [](CopyWriter& writer) {
                           writer.row(30001, "in tx", std::nullopt, 1, true, Timestamp{});
                         }),
              1);
    long seen = tx.copy_out("COPY (SELECT label FROM copy_target WHERE id = 30001) TO STDOUT",
                            [](std::string_view line) { EXPECT_EQ(line, "in tx"); });
    EXPECT_EQ(seen, 1);
    throw std::runtime_error("roll back");
  }),
               std::runtime_error);
  EXPECT_FALSE(pool.query_first<int>("SELECT id FROM copy_target WHERE id = 30001"))
      << "the COPY was part of the rolled-back transaction";
}

TEST_F(Runtime, FailedCopyThrowsTheServersErrorAndLeavesTheConnectionUsable) {
  Connection db = connect();
  db.copy_in(kCopyIn, [](CopyWriter& writer) {
    writer.row(1, "kept", std::nullopt, std::nullopt, true, Timestamp{});
  });
  // A malformed value far into the data: nothing of this COPY is loaded.
  try {
    db.copy_in("COPY copy_target (id, label, seen, at) FROM STDIN", [](CopyWriter& writer) {
      for (int i = 2; i < 5000; ++i) writer.row(i, "fine", true, Timestamp{});
      writer.row("not a number", "bad", true, Timestamp{});
      for (int i = 5001; i < 6000; ++i) writer.row(i, "after", true, Timestamp{});
    });
    FAIL() << "expected the COPY to fail";
  } catch (const Error& error) {
    EXPECT_EQ(error.sqlstate(), "22P02");
    EXPECT_NE(std::string(error.what()).find("invalid input syntax for type integer"),
              std::string::npos)
        << error.what();
  }
  EXPECT_FALSE(db.in_transaction());
  EXPECT_EQ(db.query_value<std::int64_t>("SELECT count(*) FROM copy_target"), 1);

  // A constraint the data breaks (a duplicate key).
  try {
    db.copy_in(kCopyIn, [](CopyWriter& writer) {
      writer.row(1, "duplicate", std::nullopt, std::nullopt, true, Timestamp{});
    });
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.sqlstate(), "23505");
    EXPECT_EQ(error.constraint(), "copy_target_pkey");
  }
  EXPECT_EQ(db.query_value<int>("SELECT 1"), 1);

  // The producer's own exception aborts the COPY and comes out unchanged.
  EXPECT_THROW(db.copy_in(kCopyIn,
                          [](CopyWriter& writer) {
                            writer.row(2, "aborted", std::nullopt, std::nullopt, true, Timestamp{});
                            throw std::runtime_error("producer");
                          }),
               std::runtime_error);
  EXPECT_EQ(db.query_value<std::int64_t>("SELECT count(*) FROM copy_target"), 1);

  // Statements that are not the right COPY, and a COPY of a missing table.
  try {
    db.copy_in("SELECT 1", [](CopyWriter&) { FAIL() << "not a COPY"; });
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.sqlstate(), "08P01");
  }
  EXPECT_THROW(db.copy_in("COPY copy_target TO STDOUT", [](CopyWriter&) { FAIL(); }), Error);
  EXPECT_THROW(db.copy_out(kCopyIn, [](std::string_view) { FAIL(); }), Error);
  EXPECT_EQ(db.query_value<std::int64_t>("SELECT count(*) FROM copy_target"), 1);
  try {
    db.copy_out("COPY no_such_table TO STDOUT", [](std::string_view) {});
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.sqlstate(), "42P01");
  }
  // A throwing line handler: the rest is read and discarded.
  int lines = 0;
  EXPECT_THROW(db.copy_out("COPY (SELECT generate_series(1, 20000)) TO STDOUT",
                           [&](std::string_view) {
                             if (++lines == 3) throw std::runtime_error("handler");
                           }),
               std::runtime_error);
  EXPECT_EQ(lines, 3);
  EXPECT_EQ(db.query_value<int>("SELECT 4"), 4);
  EXPECT_FALSE(db.in_transaction());
}

TEST_F(Runtime, ListenerReceivesANotificationFromAnotherConnection) {
  Listener listener({.url = *url_});
  listener.listen("jobs");
  EXPECT_EQ(listener.channels(), std::vector<std::string>{"jobs"});
  Connection sender = connect();
  sender.notify("jobs", "payload with 'quotes', \\ and ünïcödé");
  std::optional<Notification> note = listener.wait(seconds(10));
  ASSERT_TRUE(note);
  EXPECT_EQ(note->channel, "jobs");
  EXPECT_EQ(note->payload, "payload with 'quotes', \\ and ünïcödé");
  EXPECT_EQ(note->backend_pid, sender.backend_pid());

  // Several in order, an empty payload, and one sent in a transaction: delivered on commit.
  sender.notify("jobs", "1");
  sender.notify("jobs");
  EXPECT_EQ(listener.wait(seconds(10))->payload, "1");
  EXPECT_EQ(listener.wait(seconds(10))->payload, "");
  run_transaction(sender, [&](Transaction& tx) {
    tx.notify("jobs", "committed");
    EXPECT_FALSE(listener.wait(milliseconds(200))) << "not before the commit";
  });
  note = listener.wait(seconds(10));
  ASSERT_TRUE(note);
  EXPECT_EQ(note->payload, "committed");

  // After reconnect() the listener listens again.
  listener.reconnect();
  sender.notify("jobs", "again");
  note = listener.wait(seconds(10));
  ASSERT_TRUE(note);
  EXPECT_EQ(note->payload, "again");
}

TEST_F(Runtime, ListenerWaitTimesOutWhenNothingIsSent) {
  Listener listener({.url = *url_});
  listener.listen("quiet");
  Connection sender = connect();
  sender.notify("other_channel", "not for us");
  auto start = steady_clock::now();
  EXPECT_FALSE(listener.wait(milliseconds(300)));
  auto waited = steady_clock::now() - start;
  EXPECT_GE(waited, milliseconds(300));
  EXPECT_LT(waited, seconds(3));
  EXPECT_FALSE(listener.wait(milliseconds(0)));
}

TEST_F(Runtime, UnlistenStopsDelivery) {
  Listener listener({.url = *url_});
  listener.listen("first");
  listener.listen("second");
  listener.listen("first");
  EXPECT_EQ(listener.channels(), (std::vector<std::string>{"first", "second"}));
  listener.unlisten("first");
  EXPECT_EQ(listener.channels(), std::vector<std::string>{"second"});
  Connection sender = connect();
  sender.notify("first", "dropped");
  sender.notify("second", "delivered");
  std::optional<Notification> note = listener.wait(seconds(10));
  ASSERT_TRUE(note);
  EXPECT_EQ(note->channel, "second");
  EXPECT_EQ(note->payload, "delivered");
  EXPECT_FALSE(listener.wait(milliseconds(300)));

  listener.unlisten_all();
  EXPECT_TRUE(listener.channels().empty());
  sender.notify("second", "dropped too");
  EXPECT_FALSE(listener.wait(milliseconds(300)));
}

TEST_F(Runtime, ChannelNamesThatNeedQuotingWork) {
  const std::string channel = "Mixed Case \"quoted\"; DROP TABLE auth; --";
  Listener listener({.url = *url_});
  listener.listen(channel);
  Connection sender = connect();
  sender.notify("mixed case \"quoted\"; drop table auth; --", "other case: another channel");
  sender.notify(channel, "exact");
  std::optional<Notification> note = listener.wait(seconds(10));
  ASSERT_TRUE(note);
  EXPECT_EQ(note->channel, channel);
  EXPECT_EQ(note->payload, "exact");
  EXPECT_FALSE(listener.wait(milliseconds(200)));
  EXPECT_TRUE(sender.query_value<bool>("SELECT to_regclass('auth') IS NOT NULL"));
  listener.unlisten(channel);
  sender.notify(channel, "after unlisten");
  EXPECT_FALSE(listener.wait(milliseconds(200)));
}

}  // namespace
}  // namespace flick::client

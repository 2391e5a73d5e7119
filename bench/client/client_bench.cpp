// flick_client_bench --url URL [--count N] [--repeat R] [--feed-count F] [--schema DIR]
//                    [--feed-out DIR]: point selects by primary key and single-row inserts, one
// after another and batched in pipeline mode, through the flick client (a Pool, as applications
// use it) and through raw libpq in the same process, on the same server; then F runs of a feed
// query over the Flick example schema (DIR, default examples/flick/schema, applied and seeded by
// this program; an existing copy of its tables is emptied first): the typed builder (built and
// run each time) and its prepared form against raw libpq running the same SQL text, and the
// relational form. Prints one line per measurement, "case<TAB>tool<TAB>median_seconds", on
// stdout; every run's time on stderr. One-by-one cases interleave the two tools in chunks of 250
// statements (query by query for the feed); pipelined runs alternate, so drift on a shared
// machine hits both alike. --feed-out writes the feed's SQL text (feed.sql) and the fingerprints of
// its results (feed.check) there for the node peers (node_bench.cjs), and the median client CPU per
// feed query, "case<TAB>tool<TAB>microseconds" (cpu.tsv). --feed-count 0 skips the feed.

#include <fmt/core.h>
#include <libpq-fe.h>
#include <poll.h>
#include <time.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "flick/client.hpp"
#include "flick_app/schema.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using flick::client::Batch;
using flick::client::Pool;

constexpr const char* kSelect = "SELECT id, name, score FROM bench_items WHERE id = $1";
constexpr const char* kInsert = "INSERT INTO bench_inserts (name, score) VALUES ($1, $2)";

struct Item {
  int id = 0;
  std::string name;
  int score = 0;
};

[[noreturn]] void fail(PGconn* conn, const char* what) {
  throw std::runtime_error(fmt::format("{}: {}", what, PQerrorMessage(conn)));
}

// ---- raw libpq, written the way a careful libpq user would ----

long raw_select_one_by_one(PGconn* conn, int begin, int end) {
  long checksum = 0;
  for (int i = begin; i < end; ++i) {
    std::string id = std::to_string(i + 1);
    const char* values[] = {id.c_str()};
    PGresult* result = PQexecParams(conn, kSelect, 1, nullptr, values, nullptr, nullptr, 0);
    if (PQresultStatus(result) != PGRES_TUPLES_OK || PQntuples(result) != 1) fail(conn, "select");
    Item item{std::atoi(PQgetvalue(result, 0, 0)), PQgetvalue(result, 0, 1),
              std::atoi(PQgetvalue(result, 0, 2))};
    checksum += item.id + item.score + static_cast<long>(item.name.size());
    PQclear(result);
  }
  return checksum;
}

long raw_insert_one_by_one(PGconn* conn, int begin, int end) {
  for (int i = begin; i < end; ++i) {
    std::string name = "item " + std::to_string(i);
    std::string score = std::to_string(i % 1000);
    const char* values[] = {name.c_str(), score.c_str()};
    PGresult* result = PQexecParams(conn, kInsert, 2, nullptr, values, nullptr, nullptr, 0);
    if (PQresultStatus(result) != PGRES_COMMAND_OK) fail(conn, "insert");
    PQclear(result);
  }
  return end - begin;
}

// Pipeline mode, non-blocking, at most `window` statements outstanding, results consumed as
// they arrive; one Sync at the end.
long raw_pipeline(PGconn* conn, int count, bool select) {
  constexpr int kWindow = 512;
  if (PQenterPipelineMode(conn) == 0 || PQsetnonblocking(conn, 1) != 0) fail(conn, "pipeline");
  long checksum = 0;
  int sent = 0;
  int received = 0;
  bool synced = false;
  bool awaiting_null = false;
  bool done = false;
  while (!done) {
    bool sent_more = false;
    while (sent < count && sent - received < kWindow) {
      std::string first = select ? std::to_string(sent + 1) : "item " + std::to_string(sent);
      std::string second = std::to_string(sent % 1000);
      const char* values[] = {first.c_str(), second.c_str()};
      if (PQsendQueryParams(conn, select ? kSelect : kInsert, select ? 1 : 2, nullptr, values,
                            nullptr, nullptr, 0) == 0) {
        fail(conn, "send");
      }
      ++sent;
      sent_more = true;
    }
    if (sent == count && !synced) {
      if (PQpipelineSync(conn) == 0) fail(conn, "sync");
      synced = true;
    } else if (sent_more && PQsendFlushRequest(conn) == 0) {
      fail(conn, "flush request");
    }
    int pending = PQflush(conn);
    if (pending < 0) fail(conn, "flush");
    if (PQisBusy(conn)) {
      pollfd fd{PQsocket(conn), static_cast<short>(POLLIN | (pending == 1 ? POLLOUT : 0)), 0};
      poll(&fd, 1, -1);
      if (PQconsumeInput(conn) == 0) fail(conn, "consume");
    }
    while (!PQisBusy(conn)) {
      PGresult* result = PQgetResult(conn);
      if (result == nullptr) {
        if (!awaiting_null) break;
        awaiting_null = false;
        continue;
      }
      ExecStatusType status = PQresultStatus(result);
      if (status == PGRES_PIPELINE_SYNC) {
        PQclear(result);
        done = true;
        break;
      }
      if (status != (select ? PGRES_TUPLES_OK : PGRES_COMMAND_OK)) fail(conn, "pipelined");
      if (select) {
        Item item{std::atoi(PQgetvalue(result, 0, 0)), PQgetvalue(result, 0, 1),
                  std::atoi(PQgetvalue(result, 0, 2))};
        checksum += item.id + item.score + static_cast<long>(item.name.size());
      }
      PQclear(result);
      ++received;
      awaiting_null = true;
    }
  }
  PQexitPipelineMode(conn);
  PQsetnonblocking(conn, 0);
  return select ? checksum : received;
}

// ---- the flick client ----

long flick_select_one_by_one(Pool& pool, int begin, int end) {
  long checksum = 0;
  for (int i = begin; i < end; ++i) {
    auto [id, name, score] =
        pool.query_first<std::tuple<int, std::string, int>>(kSelect, i + 1).value();
    checksum += id + score + static_cast<long>(name.size());
  }
  return checksum;
}

long flick_insert_one_by_one(Pool& pool, int begin, int end) {
  for (int i = begin; i < end; ++i) pool.query(kInsert, "item " + std::to_string(i), i % 1000);
  return end - begin;
}

// One-by-one runs of libpq and flick interleaved in chunks of kChunk statements (alternating
// which goes first), so that load changes on a shared machine hit both alike. Returns the
// seconds each spent and checks they computed the same thing.
constexpr int kChunk = 250;
double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// Client-side CPU seconds (libpq, flick) of the last paired() call: unlike wall time, barely
// touched by other load on the machine, so it shows the client's own overhead.
std::pair<double, double> cpu;

std::pair<double, double> paired(const std::function<long(int, int)>& raw,
                                 const std::function<long(int, int)>& flick, int count,
                                 int chunk_size = kChunk) {
  cpu = {0, 0};
  double raw_seconds = 0;
  double flick_seconds = 0;
  long raw_sum = 0;
  long flick_sum = 0;
  for (int begin = 0, chunk = 0; begin < count; begin += chunk_size, ++chunk) {
    int end = std::min(count, begin + chunk_size);
    for (int turn = 0; turn < 2; ++turn) {
      bool raw_turn = (turn == 0) == (chunk % 2 == 0);
      auto start = Clock::now();
      double cpu_start = thread_cpu_seconds();
      long value = raw_turn ? raw(begin, end) : flick(begin, end);
      double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      (raw_turn ? raw_seconds : flick_seconds) += seconds;
      (raw_turn ? cpu.first : cpu.second) += thread_cpu_seconds() - cpu_start;
      (raw_turn ? raw_sum : flick_sum) += value;
    }
  }
  if (raw_sum != flick_sum) throw std::runtime_error("flick and libpq disagree");
  return {raw_seconds, flick_seconds};
}

long flick_pipeline(Pool& pool, int count, bool select) {
  Batch batch;
  for (int i = 0; i < count; ++i) {
    if (select) {
      batch.add(kSelect, i + 1);
    } else {
      batch.add(kInsert, "item " + std::to_string(i), i % 1000);
    }
  }
  long checksum = 0;
  long rows = 0;
  pool.execute_batch(batch, [&](std::size_t, flick::client::Result& result) {
    ++rows;
    if (!select) return;
    auto [id, name, score] = result[0].as<std::tuple<int, std::string, int>>();
    checksum += id + score + static_cast<long>(name.size());
  });
  return select ? checksum : rows;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// ---- the feed: the latest 50 public posts with their author's username and comment count ----

namespace app = flick::app;
namespace client = flick::client;

// The example schema's data: 1 college, 200 users, 5000 posts (every 10th private, created at
// distinct minutes in shuffled order), 20000 comments on half of the posts (the quadratic
// residues mod 4999: 8 each, a few 4 or 9). Ids are md5 uuids, so every run reads the same rows.
constexpr const char* kFeedSeed = R"sql(
INSERT INTO colleges (id, name, "emailDomain", city, state, "createdAt", "updatedAt")
VALUES ('00000000-0000-4000-8000-000000000001', 'Bench College', 'bench.edu', 'Pune', 'MH',
        '2026-01-01', '2026-01-01');
INSERT INTO auth (id, name, email, created_at, updated_at)
SELECT 'auth-' || g, 'User ' || g, 'user' || g || '@bench.edu', '2026-01-01', '2026-01-01'
FROM generate_series(1, 200) g;
INSERT INTO platform_user (id, created_at, updated_at, auth_id, username, college_id, branch,
                           karma, is_accepted_terms, status)
SELECT md5('user' || g)::uuid, '2026-01-01', '2026-01-01', 'auth-' || g,
       'user_' || lpad(g::text, 3, '0'), '00000000-0000-4000-8000-000000000001', 'CSE', g % 50,
       true, 'ACTIVE'
FROM generate_series(1, 200) g;
INSERT INTO posts (id, title, content, "postedBy", topic, "isPrivate", "isBanned",
                   "isShadowBanned", views, "createdAt", "updatedAt")
SELECT md5('post' || g)::uuid,
       'Post number ' || g || ' about ' || (enum_range(NULL::topic_enum))[g % 11 + 1],
       'Body of post ' || g || ': ' || repeat('lorem ipsum dolor sit amet ', 1 + g % 8),
       md5('user' || (g * 7 % 200 + 1))::uuid, (enum_range(NULL::topic_enum))[g % 11 + 1],
       g % 10 = 0, false, false, g % 1000,
       timestamp '2026-01-01' + (g::bigint * 7919 % 5000) * interval '1 minute',
       timestamp '2026-01-01' + (g::bigint * 7919 % 5000) * interval '1 minute'
FROM generate_series(1, 5000) g;
INSERT INTO comments (id, content, "postId", "commentedBy", "createdAt", "updatedAt")
SELECT md5('comment' || g)::uuid, 'Comment ' || g, md5('post' || (g::bigint * g % 4999 + 1))::uuid,
       md5('user' || (g % 200 + 1))::uuid, timestamp '2026-01-01' + g * interval '1 second',
       timestamp '2026-01-01' + g * interval '1 second'
FROM generate_series(1, 20000) g;
)sql";

// Applies the schema files (in name order) unless the tables are there, empties the seeded
// tables, seeds them. On a connection of its own: the feed's tools each get a new session (a
// server process with this work behind it may run the feed at another speed than a fresh one).
void seed_feed(const std::string& url, const std::filesystem::path& schema_dir) {
  client::Connection connection({.url = url});
  bool applied = connection.query_value<bool>("SELECT to_regclass('public.posts') IS NOT NULL");
  if (applied) {
    connection.execute_script("TRUNCATE colleges, auth, platform_user, posts, comments CASCADE");
  } else {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(schema_dir)) {
      if (entry.path().extension() == ".sql") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) throw std::runtime_error(schema_dir.string() + ": no .sql files");
    for (const auto& file : files) {
      std::ifstream in(file);
      std::stringstream text;
      text << in.rdbuf();
      connection.execute_script(text.str());
    }
  }
  connection.execute_script(kFeedSeed);
  // Not in the example schema: without it each feed query's correlated comment count (every
  // tool's) scans every comment 50 times.
  connection.execute_script(
      "CREATE INDEX IF NOT EXISTS bench_comments_post_id_idx ON comments (\"postId\")");
  // Not in the example schema either, and what a feed has in production: without it every
  // tool's query sorts all public posts on the server (4.3 of its 4.9 ms here), which hides
  // the clients' own cost that this bench measures.
  connection.execute_script(
      "CREATE INDEX IF NOT EXISTS bench_posts_created_at_idx ON posts (\"createdAt\")");
  connection.execute_script("VACUUM ANALYZE");
}

// A post's comment count: a correlated count over comments("postId"), so the server reads the
// 50 posts' comments through the index instead of joining and grouping every comment before the
// LIMIT (about 1 ms a query here instead of 30 ms, which left every tool waiting on the server).
auto comment_count(Pool& pool) {
  using app::comments, app::posts;
  return client::coalesce(
      client::scalar(
          pool.select(client::count()).from(comments).where(comments.post_id == posts.id)),
      client::sql<std::int64_t>("0"));
}

// The typed builder's feed statement (built anew by each call), with `is_private` compared to a
// value (false) or to a placeholder for the prepared form.
template <class V>
auto feed_select(Pool& pool, const V& is_private) {
  using app::platform_user, app::posts;
  return pool
      .select(posts.id, posts.title, platform_user.username,
              comment_count(pool).as("comment_count"))
      .from(posts)
      .join(platform_user, posts.posted_by == platform_user.id)
      .where(posts.is_private == is_private)
      .order_by(posts.created_at.desc())
      .limit(50);
}
auto feed_query(Pool& pool) { return feed_select(pool, false); }
auto feed_prepared(Pool& pool) {
  return feed_select(pool, client::placeholder<bool>(1)).prepare<bool>();
}

auto relational_query(Pool& pool) {
  using app::posts;
  return pool.query(posts)
      .with(posts.posted_by_platform_user)
      .where(posts.is_private == false)
      .order_by(posts.created_at.desc())
      .limit(50);
}

// A raw libpq user's row: the uuid parsed from its text, the strings copied, the count parsed.
struct RawFeedRow {
  std::array<std::uint8_t, 16> id{};
  std::string title;
  std::string username;
  std::int64_t comments = 0;
};

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  throw std::runtime_error("bad uuid digit");
}

// PostgreSQL's uuid output: 8-4-4-4-12 lower-case hex digits.
std::array<std::uint8_t, 16> parse_uuid(const char* text, int length) {
  if (length != 36) throw std::runtime_error("bad uuid");
  std::array<std::uint8_t, 16> bytes{};
  for (int i = 0, b = 0; i < length; ++i) {
    if (text[i] == '-') continue;
    bytes[static_cast<std::size_t>(b / 2)] |=
        static_cast<std::uint8_t>(hex_digit(text[i]) << (b % 2 == 0 ? 4 : 0));
    ++b;
  }
  return bytes;
}

std::vector<RawFeedRow> read_raw_feed(PGconn* conn, PGresult* result) {
  if (PQresultStatus(result) != PGRES_TUPLES_OK) {
    PQclear(result);
    fail(conn, "feed");
  }
  int rows = PQntuples(result);
  std::vector<RawFeedRow> out;
  out.reserve(static_cast<std::size_t>(rows));
  for (int i = 0; i < rows; ++i) {
    RawFeedRow row;
    row.id = parse_uuid(PQgetvalue(result, i, 0), PQgetlength(result, i, 0));
    row.title.assign(PQgetvalue(result, i, 1), static_cast<std::size_t>(PQgetlength(result, i, 1)));
    row.username.assign(PQgetvalue(result, i, 2),
                        static_cast<std::size_t>(PQgetlength(result, i, 2)));
    const char* count = PQgetvalue(result, i, 3);
    std::from_chars(count, count + PQgetlength(result, i, 3), row.comments);
    out.push_back(std::move(row));
  }
  PQclear(result);
  return out;
}

// One number per result, the same whichever tool read it.
long feed_sum(const std::vector<RawFeedRow>& rows) {
  long sum = 0;
  for (const RawFeedRow& row : rows) {
    sum += row.comments + static_cast<long>(row.title.size() + row.username.size()) + row.id[15];
  }
  return sum;
}
template <class Rows>
long feed_sum(const Rows& rows) {
  long sum = 0;
  for (const auto& [id, title, username, comments] : rows) {
    sum += comments + static_cast<long>(title.size() + username.size()) + id.bytes[15];
  }
  return sum;
}

long raw_feed(PGconn* conn, const std::string& sql, int begin, int end) {
  long checksum = 0;
  for (int i = begin; i < end; ++i) {
    const char* values[] = {"false"};
    checksum += feed_sum(read_raw_feed(
        conn, PQexecParams(conn, sql.c_str(), 1, nullptr, values, nullptr, nullptr, 0)));
  }
  return checksum;
}

long raw_feed_prepared(PGconn* conn, int begin, int end) {
  long checksum = 0;
  for (int i = begin; i < end; ++i) {
    const char* values[] = {"false"};
    checksum +=
        feed_sum(read_raw_feed(conn, PQexecPrepared(conn, "feed", 1, values, nullptr, nullptr, 0)));
  }
  return checksum;
}

long flick_feed(Pool& pool, int begin, int end) {
  long checksum = 0;
  for (int i = begin; i < end; ++i) checksum += feed_sum(feed_query(pool).all());
  return checksum;
}

template <class Prepared>
long flick_feed_prepared(Pool& pool, const Prepared& feed, int begin, int end) {
  long checksum = 0;
  for (int i = begin; i < end; ++i) checksum += feed_sum(feed.all(pool, false));
  return checksum;
}

template <class Rows>
long relational_sum(const Rows& rows) {
  long sum = 0;
  for (const auto& [post, author] : rows) {
    sum += post.views.value_or(0) + static_cast<long>(post.title.size()) +
           (author ? static_cast<long>(author->username.size()) : 0) + post.id.bytes[15];
  }
  return sum;
}

// What the node peers must read too: "<case> <sum of counts or views> <title bytes> <username
// bytes> <first id>".
std::string feed_fingerprint(Pool& pool) {
  long counts = 0;
  long titles = 0;
  long usernames = 0;
  auto feed = feed_query(pool).all();
  for (const auto& [id, title, username, comments] : feed) {
    counts += comments;
    titles += static_cast<long>(title.size());
    usernames += static_cast<long>(username.size());
  }
  std::string out =
      fmt::format("feed {} {} {} {}\n", counts, titles, usernames, std::get<0>(feed.at(0)).str());
  long views = 0;
  titles = 0;
  usernames = 0;
  auto relational = relational_query(pool).all();
  for (const auto& [post, author] : relational) {
    views += post.views.value_or(0);
    titles += static_cast<long>(post.title.size());
    usernames += author ? static_cast<long>(author->username.size()) : 0;
  }
  return out + fmt::format("relational {} {} {} {}\n", views, titles, usernames,
                           std::get<0>(relational.at(0)).id.str());
}

// The feed cases, `repeat` runs of `count` queries each; adds each run's seconds to `times`
// ("case\ttool" -> seconds per run).
void run_feed(const std::string& url, int count, int repeat, const std::string& out_dir,
              std::map<std::string, std::vector<double>>& times) {
  // One new session for both tools, warmed up below: raw libpq runs on the pool's own
  // connection (its native handle), so both talk to the same server process and the ratio
  // measures the clients alone (two sessions' server processes can differ by a few percent on
  // the same query for the whole run).
  Pool pool({.url = url, .size = 1});
  PGconn* raw = pool.acquire()->native_handle();
  client::Params params;
  std::string sql = feed_query(pool).sql(params);
  auto prepared = feed_prepared(pool);
  if (prepared.sql() != sql) throw std::runtime_error("feed: prepared SQL differs");
  if (params.size() != 1 || std::string_view(params.buffer().data()) != "false") {
    throw std::runtime_error("feed: expected one parameter, false");
  }
  PGresult* result = PQprepare(raw, "feed", sql.c_str(), 1, nullptr);
  if (PQresultStatus(result) != PGRES_COMMAND_OK) fail(raw, "prepare feed");
  PQclear(result);
  fmt::print(stderr, "feed SQL: {}\n", sql);
  if (!out_dir.empty()) {
    std::ofstream(std::filesystem::path(out_dir) / "feed.sql") << sql;
    std::ofstream(std::filesystem::path(out_dir) / "feed.check") << feed_fingerprint(pool);
  }
  constexpr int kWarmUp = 10;
  long warm_raw = raw_feed(raw, sql, 0, kWarmUp) + raw_feed_prepared(raw, 0, kWarmUp);
  long warm_flick = flick_feed(pool, 0, kWarmUp) + flick_feed_prepared(pool, prepared, 0, kWarmUp);
  for (int i = 0; i < kWarmUp; ++i) relational_query(pool).all();
  if (warm_raw != warm_flick) throw std::runtime_error("feed: flick and libpq disagree");
  // The server's share of each query (about 30 ms here) drifts by 10-20 % over seconds on a
  // shared machine: the tools take turns query by query (raw, flick, flick, raw, ...).
  constexpr int kFeedChunk = 1;
  auto per_query_us = [&](double seconds) { return seconds / count * 1e6; };
  std::map<std::string, std::vector<double>> cpu_us;  // client CPU per query, one per run
  long relational_result = -1;
  for (int r = 0; r < repeat; ++r) {
    auto [raw_feed_s, flick_feed_s] =
        paired([&](int b, int e) { return raw_feed(raw, sql, b, e); },
               [&](int b, int e) { return flick_feed(pool, b, e); }, count, kFeedChunk);
    std::pair<double, double> feed_cpu = cpu;
    auto [raw_prepared_s, flick_prepared_s] = paired(
        [&](int b, int e) { return raw_feed_prepared(raw, b, e); },
        [&](int b, int e) { return flick_feed_prepared(pool, prepared, b, e); }, count, kFeedChunk);
    std::pair<double, double> prepared_cpu = cpu;
    auto start = Clock::now();
    double cpu_start = thread_cpu_seconds();
    long sum = 0;
    for (int i = 0; i < count; ++i) sum += relational_sum(relational_query(pool).all());
    double relational_s = std::chrono::duration<double>(Clock::now() - start).count();
    double relational_cpu = thread_cpu_seconds() - cpu_start;
    if (r > 0 && sum != relational_result) throw std::runtime_error("relational: result changed");
    relational_result = sum;
    times["client-feed\tlibpq"].push_back(raw_feed_s);
    times["client-feed\tflick"].push_back(flick_feed_s);
    times["client-feed-prepared\tlibpq"].push_back(raw_prepared_s);
    times["client-feed-prepared\tflick"].push_back(flick_prepared_s);
    times["client-feed-relational\tflick"].push_back(relational_s);
    cpu_us["client-feed\tlibpq"].push_back(per_query_us(feed_cpu.first));
    cpu_us["client-feed\tflick"].push_back(per_query_us(feed_cpu.second));
    cpu_us["client-feed-prepared\tlibpq"].push_back(per_query_us(prepared_cpu.first));
    cpu_us["client-feed-prepared\tflick"].push_back(per_query_us(prepared_cpu.second));
    cpu_us["client-feed-relational\tflick"].push_back(per_query_us(relational_cpu));
    fmt::print(stderr,
               "feed run {}: feed libpq {:.3f} s, flick {:.3f} s; prepared libpq {:.3f} s, "
               "flick {:.3f} s; relational flick {:.3f} s\n",
               r + 1, raw_feed_s, flick_feed_s, raw_prepared_s, flick_prepared_s, relational_s);
    fmt::print(stderr,
               "feed run {}: client CPU per query: feed libpq {:.1f} us, flick {:.1f} us; "
               "prepared libpq {:.1f} us, flick {:.1f} us; relational flick {:.1f} us\n",
               r + 1, per_query_us(feed_cpu.first), per_query_us(feed_cpu.second),
               per_query_us(prepared_cpu.first), per_query_us(prepared_cpu.second),
               per_query_us(relational_cpu));
  }
  if (!out_dir.empty()) {
    std::ofstream out(std::filesystem::path(out_dir) / "cpu.tsv");
    for (const auto& [key, values] : cpu_us)
      out << fmt::format("{}\t{:.1f}\n", key, median(values));
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string url;
  int count = 100000;
  int repeat = 3;
  int feed_count = 300;
  std::string schema_dir = FLICK_BENCH_SCHEMA_DIR;
  std::string feed_out;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--url") url = argv[i + 1];
    if (flag == "--count") count = std::atoi(argv[i + 1]);
    if (flag == "--repeat") repeat = std::atoi(argv[i + 1]);
    if (flag == "--feed-count") feed_count = std::atoi(argv[i + 1]);
    if (flag == "--schema") schema_dir = argv[i + 1];
    if (flag == "--feed-out") feed_out = argv[i + 1];
  }
  if (url.empty() || count < 1 || repeat < 1 || feed_count < 0) {
    fmt::print(stderr,
               "usage: flick_client_bench --url URL [--count N] [--repeat R] [--feed-count F] "
               "[--schema DIR] [--feed-out DIR]\n");
    return 2;
  }
  try {
    // Raw libpq on the pool's own connection: one server process for both (see run_feed).
    Pool pool({.url = url, .size = 1});
    PGconn* raw = pool.acquire()->native_handle();
    if (feed_count > 0) seed_feed(url, schema_dir);
    pool.acquire()->execute_script(fmt::format(
        "DROP TABLE IF EXISTS bench_items, bench_inserts;"
        "CREATE TABLE bench_items (id integer PRIMARY KEY, name text NOT NULL, score integer NOT "
        "NULL);"
        "INSERT INTO bench_items SELECT g, 'item ' || g, g % 1000 FROM generate_series(1, {}) g;"
        "CREATE TABLE bench_inserts (id bigserial PRIMARY KEY, name text NOT NULL, score integer "
        "NOT NULL);",
        count));
    pool.acquire()->execute_script("VACUUM ANALYZE bench_items");
    auto truncate = [&] { pool.query("TRUNCATE bench_inserts"); };

    struct Measurement {
      Measurement(std::string c, std::string t, std::function<long()> r, bool i)
          : case_name(std::move(c)), tool(std::move(t)), run(std::move(r)), inserts(i) {}
      std::string case_name;
      std::string tool;
      std::function<long()> run;
      bool inserts = false;
      std::vector<double> seconds;
      long result = 0;
    };
    std::vector<Measurement> measurements = {
        {"client-select-pipeline", "libpq", [&] { return raw_pipeline(raw, count, true); }, false},
        {"client-select-pipeline", "flick", [&] { return flick_pipeline(pool, count, true); },
         false},
        {"client-insert-pipeline", "libpq", [&] { return raw_pipeline(raw, count, false); }, true},
        {"client-insert-pipeline", "flick", [&] { return flick_pipeline(pool, count, false); },
         true},
    };
    std::map<std::string, std::vector<double>> one_by_one;
    for (int r = 0; r < repeat; ++r) {
      auto [raw_select, flick_select] =
          paired([&](int b, int e) { return raw_select_one_by_one(raw, b, e); },
                 [&](int b, int e) { return flick_select_one_by_one(pool, b, e); }, count);
      std::pair<double, double> select_cpu = cpu;
      truncate();
      // Inserts go to the same table; both tools insert the same rows in the same chunks.
      auto [raw_insert, flick_insert] =
          paired([&](int b, int e) { return raw_insert_one_by_one(raw, b, e); },
                 [&](int b, int e) { return flick_insert_one_by_one(pool, b, e); }, count);
      fmt::print(
          stderr,
          "one-by-one run {}: client CPU per statement: select libpq {:.1f} us, flick {:.1f} "
          "us; insert libpq {:.1f} us, flick {:.1f} us\n",
          r + 1, select_cpu.first / count * 1e6, select_cpu.second / count * 1e6,
          cpu.first / count * 1e6, cpu.second / count * 1e6);
      one_by_one["client-select\tlibpq"].push_back(raw_select);
      one_by_one["client-select\tflick"].push_back(flick_select);
      one_by_one["client-insert\tlibpq"].push_back(raw_insert);
      one_by_one["client-insert\tflick"].push_back(flick_insert);
      fmt::print(stderr,
                 "one-by-one run {}: select libpq {:.3f} s, flick {:.3f} s; insert libpq {:.3f} s, "
                 "flick {:.3f} s\n",
                 r + 1, raw_select, flick_select, raw_insert, flick_insert);
    }
    for (int r = 0; r < repeat; ++r) {
      for (Measurement& m : measurements) {
        if (m.inserts) truncate();
        auto start = Clock::now();
        long result = m.run();
        double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        if (r > 0 && result != m.result) throw std::runtime_error(m.case_name + ": result changed");
        m.result = result;
        m.seconds.push_back(seconds);
        fmt::print(stderr, "{:<24} {:<6} run {}: {:.3f} s ({:.0f}/s)\n", m.case_name, m.tool, r + 1,
                   seconds, count / seconds);
      }
    }
    if (feed_count > 0) run_feed(url, feed_count, repeat, feed_out, one_by_one);
    for (const auto& [key, seconds] : one_by_one) fmt::print("{}\t{:.4f}\n", key, median(seconds));
    // Both tools must have read the same data.
    for (std::size_t i = 0; i + 1 < measurements.size(); i += 2) {
      if (measurements[i].result != measurements[i + 1].result) {
        throw std::runtime_error(measurements[i].case_name + ": flick and libpq disagree");
      }
    }
    for (const Measurement& m : measurements) {
      fmt::print("{}\t{}\t{:.4f}\n", m.case_name, m.tool, median(m.seconds));
    }
  } catch (const std::exception& error) {
    fmt::print(stderr, "flick_client_bench: {}\n", error.what());
    return 1;
  }
  return 0;
}

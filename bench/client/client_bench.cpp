// flick_client_bench --url URL [--count N] [--repeat R]: point selects by primary key and
// single-row inserts, one after another and batched in pipeline mode, through the flick client
// (a Pool, as applications use it) and through raw libpq in the same process, on the same
// server. Prints one line per measurement, "case<TAB>tool<TAB>median_seconds", on stdout; every
// run's time on stderr. One-by-one cases interleave the two tools in chunks of 250 statements;
// pipelined runs alternate, so drift on a shared machine hits both alike.

#include <fmt/core.h>
#include <libpq-fe.h>
#include <poll.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "flick/client.hpp"

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
                                 const std::function<long(int, int)>& flick, int count) {
  cpu = {0, 0};
  double raw_seconds = 0;
  double flick_seconds = 0;
  long raw_sum = 0;
  long flick_sum = 0;
  for (int begin = 0, chunk = 0; begin < count; begin += kChunk, ++chunk) {
    int end = std::min(count, begin + kChunk);
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

}  // namespace

int main(int argc, char** argv) {
  std::string url;
  int count = 100000;
  int repeat = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--url") url = argv[i + 1];
    if (flag == "--count") count = std::atoi(argv[i + 1]);
    if (flag == "--repeat") repeat = std::atoi(argv[i + 1]);
  }
  if (url.empty() || count < 1 || repeat < 1) {
    fmt::print(stderr, "usage: flick_client_bench --url URL [--count N] [--repeat R]\n");
    return 2;
  }
  try {
    PGconn* raw = PQconnectdb(url.c_str());
    if (PQstatus(raw) != CONNECTION_OK) fail(raw, "connect");
    Pool pool({.url = url, .size = 1});
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
    PQfinish(raw);
  } catch (const std::exception& error) {
    fmt::print(stderr, "flick_client_bench: {}\n", error.what());
    return 1;
  }
  return 0;
}

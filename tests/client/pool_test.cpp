// The pool: exhaustion times out, connections are reused, a server restart is survived.

#include <gtest/gtest.h>

#include <thread>

#include "flick/client.hpp"
#include "support/test_cluster.hpp"

namespace flick::client {
namespace {

using namespace std::chrono;

TEST(ClientPool, ExhaustionTimesOutWithAClearError) {
  Pool pool({.url = testing::create_database("pool_exhaust"),
             .size = 2,
             .acquire_timeout = milliseconds(300)});
  Pool::Lease first = pool.acquire();
  Pool::Lease second = pool.acquire();
  auto start = steady_clock::now();
  try {
    pool.acquire();
    FAIL() << "expected PoolTimeout";
  } catch (const PoolTimeout& error) {
    auto waited = steady_clock::now() - start;
    EXPECT_GE(waited, milliseconds(300));
    EXPECT_LT(waited, milliseconds(2000));
    EXPECT_NE(std::string(error.what()).find("within 300 ms"), std::string::npos) << error.what();
  }
  EXPECT_EQ(pool.open_connections(), 2);
}

TEST(ClientPool, AWaiterGetsTheConnectionReturnedBeforeItsTimeout) {
  Pool pool({.url = testing::create_database("pool_wait"),
             .size = 1,
             .acquire_timeout = milliseconds(5000)});
  std::optional<Pool::Lease> held(pool.acquire());
  int pid = (*held)->backend_pid();
  std::thread releaser([&] {
    std::this_thread::sleep_for(milliseconds(100));
    held.reset();
  });
  Pool::Lease lease = pool.acquire();
  releaser.join();
  EXPECT_EQ(lease->backend_pid(), pid) << "the same connection is reused";
}

TEST(ClientPool, ManyThreadsShareAFewConnections) {
  Pool pool({.url = testing::create_database("pool_threads"), .size = 3});
  std::atomic<int> sum = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) sum += pool.query_value<int>("SELECT $1::int", t);
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(sum, 50 * (0 + 1 + 2 + 3 + 4 + 5 + 6 + 7));
  EXPECT_LE(pool.open_connections(), 3);
}

TEST(ClientPool, TransactionLeftOpenIsNotLentAgain) {
  Pool pool({.url = testing::create_database("pool_leftopen"), .size = 1});
  int pid = 0;
  {
    Pool::Lease lease = pool.acquire();
    pid = lease->backend_pid();
    lease->execute_script("BEGIN");
  }
  Pool::Lease lease = pool.acquire();
  EXPECT_NE(lease->backend_pid(), pid);
  EXPECT_FALSE(lease->in_transaction());
}

TEST(ClientPool, RecoversAfterTheServerRestarts) {
  Pool pool({.url = testing::create_database("pool_restart"), .size = 2});
  EXPECT_EQ(pool.query_value<int>("SELECT 1"), 1);
  int old_pid = pool.acquire()->backend_pid();
  Pool::Lease held = pool.acquire();  // a second connection, lent while the server goes away

  testing::test_cluster().stop();
  testing::test_cluster().start();

  // The idle connection is found dead on acquire and reopened.
  Pool::Lease lease = pool.acquire();
  EXPECT_NE(lease->backend_pid(), old_pid);
  EXPECT_EQ(lease->query_value<int>("SELECT 2"), 2);
  // The lent one fails with a connection error and is dropped when returned.
  try {
    held->query_value<int>("SELECT 3");
    FAIL() << "expected the lent connection to be dead";
  } catch (const Error& error) {
    EXPECT_TRUE(error.is_connection_lost()) << error.what();
  }
  { Pool::Lease dropped = std::move(held); }
  EXPECT_EQ(pool.query_value<int>("SELECT 4"), 4);
  EXPECT_EQ(pool.open_connections(), 2);
}

}  // namespace
}  // namespace flick::client

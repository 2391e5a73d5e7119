// flick_localdb: a cluster of its own (not the shared test cluster), its persisted state, and
// a second LocalCluster object finding it.

#include "localdb/localdb.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "flick/error.hpp"
#include "pg/pg.hpp"

namespace flick::localdb {
namespace {

namespace fs = std::filesystem;

class LocalClusterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "flick-localdb-test-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    // Reachable by the postgres user, which runs the server when the tests run as root.
    fs::permissions(pattern, fs::perms::others_exec | fs::perms::group_exec, fs::perm_options::add);
    dir_ = fs::path(pattern) / "pg";
  }
  void TearDown() override {
    try {
      LocalCluster(dir_).stop();
    } catch (const std::exception& error) {
      ADD_FAILURE() << "stop failed: " << error.what();
    }
    fs::remove_all(dir_.parent_path());
  }
  ClusterOptions fast() {
    ClusterOptions options;
    options.durable = false;
    return options;
  }
  fs::path dir_;
};

TEST_F(LocalClusterTest, StartStopStatusAndUrlAcrossObjects) {
  LocalCluster cluster(dir_, fast());
  EXPECT_EQ(cluster.status().state, ClusterState::kNotInitialised);
  EXPECT_THROW(cluster.url(), UserError);

  cluster.start();
  ClusterStatus status = cluster.status();
  EXPECT_EQ(status.state, ClusterState::kRunning);
  ASSERT_TRUE(status.port.has_value());
  EXPECT_EQ(cluster.url("app"),
            "postgresql://postgres@127.0.0.1:" + std::to_string(*status.port) + "/app");
  EXPECT_TRUE(fs::exists(dir_ / "cluster.state"));
  EXPECT_TRUE(fs::exists(dir_ / (".s.PGSQL." + std::to_string(*status.port))));

  LocalCluster second(dir_);
  EXPECT_EQ(second.status().state, ClusterState::kRunning);
  EXPECT_EQ(second.url(), cluster.url());
  second.start();  // already running: nothing happens
  pg::Connection connection(second.url());
  connection.exec("CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)");

  second.stop();
  EXPECT_EQ(cluster.status().state, ClusterState::kStopped);
  EXPECT_THROW(
      pg::Connection(cluster.url(), pg::ConnectOptions{.timeout = std::chrono::seconds(2)}),
      pg::PgError);
  cluster.stop();  // already stopped: nothing happens

  cluster.start();
  EXPECT_EQ(cluster.status().port, status.port) << "a free persisted port is kept";
  EXPECT_EQ(pg::Connection(cluster.url()).exec("SELECT n FROM kept").value(0, 0), "7");
}

TEST_F(LocalClusterTest, ResetDeletesTheData) {
  LocalCluster cluster(dir_, fast());
  cluster.start();
  pg::Connection(cluster.url()).exec("CREATE TABLE gone (n int)");
  cluster.reset();
  EXPECT_EQ(cluster.status().state, ClusterState::kRunning);
  EXPECT_EQ(pg::Connection(cluster.url()).exec("SELECT to_regclass('gone') IS NULL").value(0, 0),
            "t");
}

// Exit 3 in the CLI: nothing the user typed is wrong, the machine lacks the server.
TEST_F(LocalClusterTest, MissingBinariesAreAnEnvironmentError) {
  ClusterOptions options;
  options.bin_dir = "/nonexistent/bin";
  try {
    LocalCluster cluster(dir_, options);
    FAIL() << "expected EnvironmentError";
  } catch (const EnvironmentError& error) {
    EXPECT_NE(std::string(error.what()).find("/nonexistent/bin"), std::string::npos);
  }
}

TEST_F(LocalClusterTest, FailedStartShowsTheServerLog) {
  LocalCluster cluster(dir_, fast());
  cluster.start();
  cluster.stop();
  {
    std::ofstream conf(cluster.data_dir() / "postgresql.conf", std::ios::app);
    conf << "shared_buffers = 'not a size'\n";
  }
  try {
    cluster.start();
    FAIL() << "expected the start to fail";
  } catch (const UserError&) {
    FAIL() << "a server that does not start is not a user error";
  } catch (const EnvironmentError& error) {
    std::string message = error.what();
    EXPECT_NE(message.find("did not start"), std::string::npos) << message;
    EXPECT_NE(message.find("shared_buffers"), std::string::npos) << message;
  }
}

TEST_F(LocalClusterTest, DirectoryThePostgresUserCannotReachIsAnEnvironmentError) {
  if (geteuid() != 0) GTEST_SKIP() << "only root hands the server to the postgres user";
  fs::path hidden = dir_.parent_path() / "private";
  fs::create_directories(hidden);
  fs::permissions(hidden, fs::perms::owner_all);
  try {
    LocalCluster(hidden / "pg", fast()).start();
    FAIL() << "expected EnvironmentError";
  } catch (const EnvironmentError& error) {
    EXPECT_NE(std::string(error.what()).find("postgres system user cannot write"),
              std::string::npos)
        << error.what();
  }
}

TEST(LocalClusterPaths, TooLongSocketDirectoryIsAUserError) {
  EXPECT_THROW(LocalCluster(fs::path("/tmp") / std::string(120, 'x')), UserError);
}

}  // namespace
}  // namespace flick::localdb

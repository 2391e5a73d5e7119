// `flick seed` and `flick create-admin` run as processes against test databases.

#include <gtest/gtest.h>

#include <cstdlib>

#include "app_database.hpp"
#include "flick/client.hpp"
#include "migrate/flick_process.hpp"
#include "support/test_cluster.hpp"

namespace flick::testing {
namespace {

std::string example_config() { return (flick_example_dir() / "flick.toml").string(); }

long long count(const std::string& url, const std::string& sql) {
  client::Connection connection({.url = url});
  return connection.query_value<long long>(sql);
}

// Sets an environment variable for the scope (the flick child processes inherit it).
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(SeedCliTest, SeedTwiceThenNothingToDo) {
  std::string url = flick_app_database("seed_cli");
  FlickRun first = run_flick({"seed", "--config", example_config(), "--url", url});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_NE(first.out.find("Flick Test College (flick.com): created"), std::string::npos)
      << first.out;
  EXPECT_NE(first.out.find("test3@flick.com"), std::string::npos) << first.out;
  FlickRun second = run_flick({"seed", "--config", example_config(), "--url", url});
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  EXPECT_NE(second.out.find("seed: nothing to do"), std::string::npos) << second.out;
  EXPECT_EQ(count(url, "SELECT count(*) FROM colleges"), 1);
  EXPECT_EQ(count(url, "SELECT count(*) FROM platform_user"), 3);
}

TEST(SeedCliTest, CreateAdminTwiceFromTheEnvironment) {
  std::string url = flick_app_database("admin_cli");
  ScopedEnv email("ADMIN_EMAIL", "ops@flick.com");
  ScopedEnv password("ADMIN_PASSWORD", "an admin password");
  FlickRun first = run_flick({"create-admin", "--config", example_config(), "--url", url});
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_NE(first.out.find("ops@flick.com: signed up"), std::string::npos) << first.out;
  FlickRun second = run_flick({"create-admin", "--config", example_config(), "--url", url});
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  EXPECT_NE(second.out.find("create-admin: nothing to do"), std::string::npos) << second.out;
  EXPECT_EQ(count(url, "SELECT count(*) FROM auth WHERE role = 'admin' AND email_verified"), 1);
  EXPECT_EQ(count(url, "SELECT count(*) FROM auth"), 1);
}

TEST(SeedCliTest, CreateAdminReadsTheDotEnvBesideTheConfig) {
  std::string url = flick_app_database("admin_dotenv");
  ScopedEnv email("ADMIN_EMAIL", nullptr);
  ScopedEnv password("ADMIN_PASSWORD", nullptr);
  std::filesystem::path dir = make_temp_dir("flick-admin-env");
  write_text(dir / "flick.toml", "dialect = \"postgresql\"\nschema = \"schema/*.sql\"\n");
  write_text(dir / ".env", "ADMIN_EMAIL=dotenv@flick.com\nADMIN_PASSWORD='from the file'\n");
  FlickRun run =
      run_flick({"create-admin", "--config", (dir / "flick.toml").string(), "--url", url});
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(count(url,
                  "SELECT count(*) FROM auth WHERE email = 'dotenv@flick.com' AND "
                  "role = 'admin'"),
            1);
  std::filesystem::remove_all(dir);
}

TEST(SeedCliTest, CreateAdminWithoutCredentialsExits2) {
  std::string url = flick_app_database("admin_missing");
  ScopedEnv email("ADMIN_EMAIL", nullptr);
  ScopedEnv password("ADMIN_PASSWORD", nullptr);
  std::filesystem::path dir = make_temp_dir("flick-admin-none");
  write_text(dir / "flick.toml", "dialect = \"postgresql\"\nschema = \"schema/*.sql\"\n");
  FlickRun run =
      run_flick({"create-admin", "--config", (dir / "flick.toml").string(), "--url", url});
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("ADMIN_EMAIL and ADMIN_PASSWORD not set"), std::string::npos) << run.err;
  EXPECT_EQ(count(url, "SELECT count(*) FROM auth"), 0);
  std::filesystem::remove_all(dir);
}

TEST(SeedCliTest, SeedOnAnUnmigratedDatabaseExits2) {
  std::string url = create_database("seed_cli_empty");
  FlickRun run = run_flick({"seed", "--config", example_config(), "--url", url});
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.err.find("flick migrate"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace flick::testing

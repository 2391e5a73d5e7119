#include "fleet/targets.hpp"

#include <gtest/gtest.h>

#include "flick/error.hpp"

namespace flick::fleet {
namespace {

TEST(TargetNames, AreHostPortAndDatabaseWithoutCredentials) {
  EXPECT_EQ(name_from_url("postgresql://app:s3cret@db.example.com:6432/tenant_7?sslmode=require"),
            "db.example.com:6432/tenant_7");
  EXPECT_EQ(name_from_url("postgres://db.example.com/app"), "db.example.com/app");
  EXPECT_EQ(name_from_url("postgresql://postgres@localhost:55432/f_a?host=/tmp/pg"),
            "localhost:55432/f_a");
  EXPECT_EQ(name_from_url("postgresql:///app?host=/var/run/postgresql&port=5433"),
            "localhost:5433/app");
  EXPECT_EQ(name_from_url("postgresql://[::1]:5432/app"), "[::1]:5432/app");
  EXPECT_EQ(name_from_url("postgresql://h"), "h/(default)");
  EXPECT_EQ(name_from_url("host=db1 port=5433 dbname=app user=u password='se cret'"),
            "db1:5433/app");
  EXPECT_EQ(name_from_url("host=/tmp dbname=app"), "localhost/app");
  for (const char* url : {"postgresql://u:s3cret@h/db", "host=h password=s3cret dbname=db"}) {
    EXPECT_EQ(name_from_url(url).find("s3cret"), std::string::npos) << url;
  }
}

TEST(TargetNames, GlobsMatchWholeNames) {
  EXPECT_TRUE(matches_glob("tenant_*", "tenant_1"));
  EXPECT_TRUE(matches_glob("tenant_*", "tenant_"));
  EXPECT_FALSE(matches_glob("tenant_*", "tenants"));
  EXPECT_FALSE(matches_glob("tenant_*", "old_tenant_1"));
  EXPECT_TRUE(matches_glob("t?", "t1"));
  EXPECT_FALSE(matches_glob("t?", "t12"));
}

TEST(TargetFlags, NameEqualsUrlOrAUrlOrAConninfo) {
  store::FleetTargetConfig named = parse_target_flag("eu-1=postgresql://u:p@h/db");
  EXPECT_EQ(named.name, "eu-1");
  EXPECT_EQ(named.url, "postgresql://u:p@h/db");
  store::FleetTargetConfig url = parse_target_flag("postgresql://h/db?sslmode=require");
  EXPECT_EQ(url.name, "");
  EXPECT_EQ(url.url, "postgresql://h/db?sslmode=require");
  store::FleetTargetConfig conninfo = parse_target_flag("host=h dbname=db");
  EXPECT_EQ(conninfo.name, "");
  EXPECT_EQ(conninfo.url, "host=h dbname=db");
}

std::string error_of(const TargetSources& sources) {
  try {
    resolve_targets(sources);
  } catch (const UserError& error) {
    return error.what();
  }
  return "(no error)";
}

TEST(ResolveTargets, ListedDatabasesKeepTheirOrderAndNames) {
  TargetSources sources;
  sources.listed = {{.name = "", .url = "postgresql://a:1/x", .schemas = ""},
                    {.name = "b", .url = "postgresql://u:pw@b/y", .schemas = ""}};
  std::vector<Target> targets = resolve_targets(sources);
  ASSERT_EQ(targets.size(), 2u);
  EXPECT_EQ(targets[0].name, "a:1/x");
  EXPECT_EQ(targets[1].name, "b");
  EXPECT_EQ(targets[1].url, "postgresql://u:pw@b/y");
  EXPECT_EQ(targets[1].schema, "");
}

TEST(ResolveTargets, RefusesNoTargetsDuplicateNamesAndBadUrls) {
  EXPECT_NE(error_of({}).find("no fleet targets"), std::string::npos);
  TargetSources twice;
  twice.listed = {{.name = "", .url = "postgresql://h/db", .schemas = ""},
                  {.name = "", .url = "postgresql://u@h/db?sslmode=require", .schemas = ""}};
  EXPECT_NE(error_of(twice).find("two fleet targets are named \"h/db\""), std::string::npos);
  TargetSources bad;
  bad.listed = {{.name = "x", .url = "postgresql://u:s3cret@h/db?nonsense=1", .schemas = ""}};
  std::string message = error_of(bad);
  EXPECT_NE(message.find("fleet target x:"), std::string::npos) << message;
  EXPECT_EQ(message.find("s3cret"), std::string::npos) << message;
}

TEST(ResolveTargets, ADatabaseWhoseSchemasCannotBeListedIsOneUnresolvedTarget) {
  TargetSources sources;
  sources.listed = {{.name = "gone", .url = "postgresql://u:s3cret@127.0.0.1:1/db", .schemas = ""}};
  sources.schemas = "tenant_*";
  std::vector<Target> targets = resolve_targets(sources);
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(targets[0].name, "gone/tenant_*");
  EXPECT_FALSE(targets[0].unresolved.empty());
  EXPECT_EQ(targets[0].unresolved.find("s3cret"), std::string::npos) << targets[0].unresolved;
}

}  // namespace
}  // namespace flick::fleet

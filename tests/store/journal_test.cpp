#include "store/journal.hpp"

#include <gtest/gtest.h>

#include "flick/error.hpp"
#include "test_files.hpp"

namespace flick::store {
namespace {

namespace fs = std::filesystem;

TEST(Journal, FixtureRoundTripsByteForByte) {
  fs::path path = testing::fixture_folder() / "meta" / "_journal.json";
  if (!fs::exists(path)) GTEST_SKIP() << "fixture absent: " << path;
  std::string original = testing::read_file(path);
  Journal journal = read_journal(path);
  EXPECT_EQ(journal.layout, JsonLayout::kTabbed);
  ASSERT_EQ(journal.entries.size(), 6u);
  EXPECT_EQ(journal.entries[0].tag, "0000_loose_edwin_jarvis");
  EXPECT_EQ(journal.entries[0].when, 1772694353755);
  EXPECT_EQ(journal_json(journal), original);
}

TEST(Journal, DrizzleKitJournalRoundTripsByteForByte) {
  fs::path path = testing::drizzle_kit_folder() / "meta" / "_journal.json";
  if (!fs::exists(path)) GTEST_SKIP() << "drizzle-kit folder absent";
  std::string original = testing::read_file(path);
  Journal journal = read_journal(path);
  EXPECT_EQ(journal.layout, JsonLayout::kDrizzleKit);
  EXPECT_EQ(journal_json(journal), original);
}

TEST(Journal, WritesDrizzleKitLayoutExactly) {
  Journal journal;
  journal.entries.push_back({0, "7", 1700000000000, "0000_first", true});
  journal.entries.push_back({1, "7", 1700000000001, "0001_second", false});
  EXPECT_EQ(journal_json(journal),
            "{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"entries\": [\n"
            "    {\n      \"idx\": 0,\n      \"version\": \"7\",\n      \"when\": 1700000000000,\n"
            "      \"tag\": \"0000_first\",\n      \"breakpoints\": true\n    },\n"
            "    {\n      \"idx\": 1,\n      \"version\": \"7\",\n      \"when\": 1700000000001,\n"
            "      \"tag\": \"0001_second\",\n      \"breakpoints\": false\n    }\n  ]\n}");
}

TEST(Journal, ReadsLegacyVersion5PgJournalAndKeepsIt) {
  std::string text = testing::read_file(testing::store_data() / "journal_v5.json");
  Journal journal = parse_journal(text, "journal_v5.json");
  EXPECT_EQ(journal.version, "5");
  EXPECT_EQ(journal.dialect, "pg");
  ASSERT_EQ(journal.entries.size(), 1u);
  EXPECT_EQ(journal.entries[0].version, "5");
  EXPECT_EQ(journal_json(journal), text);
}

TEST(Journal, EmptyCompactJournalAsDrizzleKitCreatesIt) {
  std::string text = R"({"version":"7","dialect":"postgresql","entries":[]})";
  Journal journal = parse_journal(text, "_journal.json");
  EXPECT_EQ(journal.layout, JsonLayout::kCompact);
  EXPECT_TRUE(journal.entries.empty());
  EXPECT_EQ(journal_json(journal), text);
}

void expect_error(const std::string& text, const std::string& fragment) {
  try {
    parse_journal(text, "meta/_journal.json");
    ADD_FAILURE() << "no error for " << text;
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("meta/_journal.json"), std::string::npos);
  }
}

TEST(Journal, RejectsMalformedJournals) {
  expect_error("{", "invalid JSON");
  expect_error(R"({"version":"7","dialect":"mysql","entries":[]})", "dialect");
  expect_error(R"({"version":"7","dialect":"postgresql"})", "entries");
  expect_error(R"({"version":"7","dialect":"postgresql","entries":[],"extra":1})",
               "extra: unknown key");
  expect_error(
      R"({"version":"7","dialect":"postgresql","entries":[{"idx":"0","version":"7","when":1,"tag":"t","breakpoints":true}]})",
      "entries[0].idx: expected an integer");
  expect_error(
      R"({"version":"7","dialect":"postgresql","entries":[{"idx":0,"version":"7","when":1,"breakpoints":true}]})",
      "entries[0].tag: missing");
}

}  // namespace
}  // namespace flick::store

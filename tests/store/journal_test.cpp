#include "store/journal.hpp"

#include <gtest/gtest.h>

#include "flick/error.hpp"
#include "store/json_view.hpp"
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

// `text` (an object) with a duplicated "dialect" key in front, which parse_json_view leaves to
// nlohmann's tree (whose value is the last one written): the same journal, read the other way.
std::string read_through_the_tree(const std::string& text) {
  return R"({"dialect":"mysql",)" + text.substr(1);
}

std::string error_of(const std::string& text) {
  try {
    parse_journal(text, "meta/_journal.json");
  } catch (const UserError& error) {
    return error.what();
  }
  return "no error";
}

TEST(Journal, SimdjsonsDocumentAndNlohmannsTreeReadTheSameJournal) {
  std::string text =
      R"({"version":"7","dialect":"postgresql","entries":[)"
      R"({"idx":0,"version":"7","when":1700000000000,"tag":"0000_a","breakpoints":true},)"
      R"({"idx":1,"version":"6","when":1700000001000,"tag":"0001_b","breakpoints":false}]})";
  // The two texts really take the two ways.
  ASSERT_TRUE(parse_json_view(text).has_value());
  ASSERT_FALSE(parse_json_view(read_through_the_tree(text)).has_value());
  Journal direct = parse_journal(text, "_journal.json");
  Journal tree = parse_journal(read_through_the_tree(text), "_journal.json");
  ASSERT_EQ(direct.entries.size(), 2u);
  ASSERT_EQ(tree.entries.size(), 2u);
  for (const Journal* journal : {&direct, &tree}) {
    EXPECT_EQ(journal->version, "7");
    EXPECT_EQ(journal->dialect, "postgresql");
    EXPECT_EQ(journal->entries[1].idx, 1);
    EXPECT_EQ(journal->entries[1].version, "6");
    EXPECT_EQ(journal->entries[1].when, 1700000001000);
    EXPECT_EQ(journal->entries[1].tag, "0001_b");
    EXPECT_FALSE(journal->entries[1].breakpoints);
    EXPECT_TRUE(journal->entries[0].breakpoints);
  }
  EXPECT_EQ(journal_json(direct), text);
}

TEST(Journal, SimdjsonsDocumentAndNlohmannsTreeRefuseWithTheSameError) {
  for (
      const char* text : {
          R"({"version":"7","dialect":"postgresql","entries":{}})",
          R"({"version":7,"dialect":"postgresql","entries":[]})",
          R"({"version":"7","dialect":"postgresql","entries":[],"extra":1})",
          R"({"version":"7","dialect":"postgresql","entries":[{"idx":-1,"version":"7","when":1,"tag":"t","breakpoints":true}]})",
          R"({"version":"7","dialect":"postgresql","entries":[{"idx":0,"version":"7","when":1.5,"tag":"t","breakpoints":true}]})",
          R"({"version":"7","dialect":"postgresql","entries":[{"idx":0,"version":"7","when":1,"tag":"../t","breakpoints":true}]})",
          R"({"version":"7","dialect":"postgresql","entries":[{"idx":0,"version":"7","when":1,"tag":"t","breakpoints":"yes"}]})",
          R"({"version":"7","dialect":"postgresql","entries":[{"idx":0,"version":"7","when":1,"tag":"t","breakpoints":true,"x":0}]})",
      }) {
    ASSERT_TRUE(parse_json_view(text).has_value()) << text;
    ASSERT_FALSE(parse_json_view(read_through_the_tree(text)).has_value()) << text;
    std::string direct = error_of(text);
    EXPECT_NE(direct, "no error") << text;
    EXPECT_EQ(direct, error_of(read_through_the_tree(text))) << text;
  }
}

}  // namespace
}  // namespace flick::store

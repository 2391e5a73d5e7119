#include "store/journal.hpp"

#include <fmt/format.h>

#include "flick/error.hpp"
#include "store/json_access.hpp"
#include "store/json_view.hpp"

namespace flick::store {

namespace {

// The journal's fields from either kind of JSON (see parse_journal).
template <class Json>
void read_journal_fields(const BasicJsonReader<Json>& reader, const Json& json, Journal& journal) {
  reader.expect_keys(json, "", {"version", "dialect", "entries"});
  journal.version = reader.string(json, "", "version");
  // The journal versions drizzle-kit has written for PostgreSQL; a newer one may mean fields
  // this reader does not know.
  auto known_version = [](const std::string& version) {
    return version == "5" || version == "6" || version == "7";
  };
  if (!known_version(journal.version)) {
    reader.fail("version", fmt::format("\"{}\" is not a journal version drizzle-kit writes (5, 6 "
                                       "or 7)",
                                       journal.version));
  }
  journal.dialect = reader.string(json, "", "dialect");
  if (journal.dialect != "postgresql" && journal.dialect != "pg") {
    reader.fail("dialect",
                fmt::format("\"{}\" is not PostgreSQL (expected \"postgresql\")", journal.dialect));
  }
  auto entries = json.find("entries");
  if (entries == json.end() || !entries->is_array()) reader.fail("entries", "expected an array");
  std::size_t i = 0;
  for (auto at = entries->begin(); at != entries->end(); ++at, ++i) {
    const Json& item = *at;
    std::string path = fmt::format("entries[{}]", i);
    reader.expect_keys(item, path, {"idx", "version", "when", "tag", "breakpoints"});
    JournalEntry entry;
    std::int64_t idx = reader.integer(item, path, "idx");
    if (idx < 0 || idx > 1'000'000'000) {
      reader.fail(path + ".idx", fmt::format("{} is not a migration number (0 or more)", idx));
    }
    entry.idx = static_cast<int>(idx);
    entry.version = reader.string(item, path, "version");
    if (!known_version(entry.version)) {
      reader.fail(
          path + ".version",
          fmt::format("\"{}\" is not a version drizzle-kit writes (5, 6 or 7)", entry.version));
    }
    entry.when = reader.integer(item, path, "when");
    // drizzle-orm's migrator compares "when" with the newest applied migration's; a time before
    // 1970 orders nothing.
    if (entry.when <= 0) {
      reader.fail(
          path + ".when",
          fmt::format("{} is not a creation time (milliseconds since 1970, above 0)", entry.when));
    }
    entry.tag = reader.string(item, path, "tag");
    // The tag names <tag>.sql in the folder itself: nothing outside it is ever read or run.
    bool plain = !entry.tag.empty() && entry.tag.size() <= 200 && entry.tag != "." &&
                 entry.tag != ".." &&
                 entry.tag.find_first_of(std::string("/\\\0", 3)) == std::string::npos;
    if (!plain) {
      reader.fail(path + ".tag",
                  fmt::format("\"{}\" is not a file name in the migration folder (no '/', '\\', "
                              "'..', at most 200 bytes)",
                              entry.tag.substr(0, 200)));
    }
    entry.breakpoints = reader.boolean(item, path, "breakpoints");
    journal.entries.push_back(std::move(entry));
  }
}

}  // namespace

Journal parse_journal(std::string_view text, const std::string& file_name) {
  Journal journal;
  journal.layout = detect_json_layout(text);
  // Read straight from simdjson's document; what it leaves to nlohmann (see parse_json_view) is
  // read from nlohmann's tree, with the same result or error.
  if (std::optional<DomJson> json = parse_json_view(text)) {
    read_journal_fields(BasicJsonReader<DomJson>(file_name), *json, journal);
  } else {
    read_journal_fields(JsonReader(file_name), parse_json_text(text, file_name), journal);
  }
  return journal;
}

Journal read_journal(const std::filesystem::path& path) {
  return parse_journal(read_text_file(path.string()), path.string());
}

std::string journal_json(const Journal& journal) {
  nlohmann::ordered_json json;
  json["version"] = journal.version;
  json["dialect"] = journal.dialect;
  json["entries"] = nlohmann::ordered_json::array();
  for (const JournalEntry& entry : journal.entries) {
    nlohmann::ordered_json item;
    item["idx"] = entry.idx;
    item["version"] = entry.version;
    item["when"] = entry.when;
    item["tag"] = entry.tag;
    item["breakpoints"] = entry.breakpoints;
    json["entries"].push_back(std::move(item));
  }
  return format_json(json, journal.layout);
}

}  // namespace flick::store

#include "migration_folder.hpp"

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "store/hash.hpp"

namespace flick::testing {
namespace fs = std::filesystem;

void write_folder(const fs::path& out, const std::vector<TestMigration>& migrations) {
  nlohmann::ordered_json journal = {
      {"version", "7"}, {"dialect", "postgresql"}, {"entries", nlohmann::ordered_json::array()}};
  int idx = 0;
  for (const TestMigration& migration : migrations) {
    write_text(out / (migration.tag + ".sql"), migration.sql);
    // A journal "when" is above 0; tests that do not care get one second per migration.
    std::int64_t when = migration.when != 0 ? migration.when : 1700000000000 + idx * 1000;
    journal["entries"].push_back({{"idx", idx++},
                                  {"version", "7"},
                                  {"when", when},
                                  {"tag", migration.tag},
                                  {"breakpoints", true}});
  }
  write_text(out / "meta" / "_journal.json", journal.dump(2));
}

std::vector<TestMigration> counter_migrations(int count) {
  std::vector<TestMigration> migrations;
  for (int i = 0; i < count; ++i) {
    std::string number = fmt::format("{:04}", i);
    std::string sql;
    if (i == 0) {
      sql =
          "CREATE TABLE \"applied_counter\" (\"tag\" text NOT NULL);\n"
          "--> statement-breakpoint\n";
    }
    sql += fmt::format(
        "CREATE TABLE \"t{0}\" (\"id\" serial PRIMARY KEY NOT NULL, \"v\" text);\n"
        "--> statement-breakpoint\n"
        "INSERT INTO applied_counter(tag) VALUES ('{0}');\n",
        number);
    migrations.push_back({number + "_step", sql, 1700000000000 + 1000LL * i});
  }
  return migrations;
}

std::string file_sha256(const fs::path& path) { return store::sha256_hex(read_text(path)); }

fs::path copy_to_temp(const fs::path& folder, const std::string& prefix) {
  fs::path dir = make_temp_dir(prefix) / "drizzle";
  fs::copy(folder, dir, fs::copy_options::recursive);
  return dir;
}

}  // namespace flick::testing

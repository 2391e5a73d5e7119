// libFuzzer target: a migration file's text through the statement splitter
// (sqlparse::split_statements) and then the one interpreter of migration SQL (ddl::Replayer,
// lenient, as `flick check` replays a history), with every replayed statement's effects read.
// Contract: each step either succeeds or refuses the text with flick::UserError; texts the
// input-file boundary refuses (NUL, invalid UTF-8) are skipped (fuzz_support.hpp).

#include <cstddef>
#include <cstdint>

#include "ddl/replay.hpp"
#include "fuzz_support.hpp"
#include "sqlparse/sqlparse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view sql = flick::fuzz::as_text(data, size);
  if (!flick::fuzz::passes_input_file_boundary(sql)) return -1;  // never reaches the parsers
  flick::fuzz::refuse_cleanly([&] {
    std::vector<flick::sqlparse::Statement> statements =
        flick::sqlparse::split_statements(sql, "drizzle/0001_fuzz.sql");
    for (const flick::sqlparse::Statement& statement : statements) {
      flick::fuzz::require(statement.offset <= sql.size(), "statement offset inside the text");
    }
  });
  flick::fuzz::refuse_cleanly([&] {
    flick::ddl::Replayer replayer;
    replayer.set_lenient(true);
    std::size_t effects = 0;
    replayer.apply(sql, "drizzle/0001_fuzz.sql", [&](const flick::ddl::ReplayedStatement& done) {
      flick::fuzz::require(done.begin <= done.end && done.end <= sql.size(),
                           "replayed statement range inside the text");
      for (const flick::ddl::Effect& effect : done.effects) {
        effects += flick::ddl::display_key(effect.key).size();
      }
    });
    flick::model::Catalog catalog = replayer.catalog();
    (void)catalog;
    (void)effects;
  });
  return 0;
}

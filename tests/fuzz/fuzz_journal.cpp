// libFuzzer target: the journal reader, store::read_journal, on meta/_journal.json.
// Contract: every input either gives a journal or is refused with flick::UserError; a journal
// it accepts is written back (store::journal_json) in a form it reads again as the same journal.

#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "store/journal.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static flick::fuzz::ScratchFile file("drizzle/meta/_journal.json");
  const std::filesystem::path& path = file.write(flick::fuzz::as_text(data, size));
  flick::fuzz::refuse_cleanly([&] {
    flick::store::Journal journal = flick::store::read_journal(path);
    std::string written = flick::store::journal_json(journal);
    flick::store::Journal again;
    try {
      again = flick::store::parse_journal(written, path.string());
    } catch (const flick::UserError& error) {
      std::fprintf(stderr, "%s\n", error.what());
      flick::fuzz::require(false, "a journal Flick wrote is read again");
    }
    flick::fuzz::require(again == journal, "a journal read back equals the one written");
  });
  return 0;
}

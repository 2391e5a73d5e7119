// libFuzzer target: the snapshot reader, store::read_snapshot, on meta/0000_snapshot.json.
// Contract: every input either gives a snapshot or is refused with flick::UserError; a snapshot
// it accepts is written (store::snapshot_json) in a form it reads again, and writing that again
// gives the same bytes (the round trip a later `generate` relies on).

#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "store/snapshot.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static flick::fuzz::ScratchFile file("drizzle/meta/0000_snapshot.json");
  const std::filesystem::path& path = file.write(flick::fuzz::as_text(data, size));
  flick::fuzz::refuse_cleanly([&] {
    flick::store::Snapshot snapshot = flick::store::read_snapshot(path);
    std::string written = flick::store::snapshot_json(snapshot);
    std::string rewritten;
    try {
      rewritten = flick::store::snapshot_json(flick::store::parse_snapshot(written, path.string()));
    } catch (const flick::UserError& error) {
      std::fprintf(stderr, "%s\n", error.what());
      flick::fuzz::require(false, "a snapshot Flick wrote is read again");
    }
    if (rewritten != written) {
      std::fprintf(stderr, "--- written\n%s\n--- written again\n%s\n", written.c_str(),
                   rewritten.c_str());
    }
    flick::fuzz::require(rewritten == written, "a snapshot written, read and written is the same");
  });
  return 0;
}

// libFuzzer target: the flick.toml reader, store::load_config with --config naming the file and
// schema globs left unresolved (the TOML parser and the key checks, nothing else). There is no
// .env beside the file, so ${VAR} reads the process environment only.
// Contract: every input either gives a Config or is refused with flick::UserError.

#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "store/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static flick::fuzz::ScratchFile file("project/flick.toml");
  flick::store::ConfigOverrides overrides;
  overrides.config = file.write(flick::fuzz::as_text(data, size));
  overrides.resolve_schema = false;
  flick::fuzz::refuse_cleanly([&] {
    flick::store::Config config = flick::store::load_config(overrides);
    (void)config;
  });
  return 0;
}

#pragma once

// Shared by the libFuzzer targets of tests/fuzz: the one rule for which exceptions an input may
// end in, a scratch file per process for the readers that take a path, and the text filter of
// Flick's input-file boundary.
//
// Contract: an input may be refused with flick::UserError (the CLI's exit 2, "bad input").
// Anything else that escapes (std::logic_error, std::out_of_range, a filesystem_error, ...) is
// rethrown, so libFuzzer reports it as a crash, as are sanitizer reports, signals, timeouts and
// leaks. A harness holds no recursion or size guard of its own: those are the product's job.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "flick/error.hpp"

namespace flick::fuzz {

// The input as text.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Whether FLICK_FUZZ_VERBOSE is set: refusals are then printed (to see why a corpus file is
// refused when running a target on it).
bool verbose();

// Runs `body`; an input it refuses with flick::UserError is a clean refusal.
template <typename Body>
void refuse_cleanly(Body&& body) {
  try {
    body();
  } catch (const flick::UserError& error) {
    // Bad input, reported as the CLI reports it (exit 2): fine.
    if (verbose()) std::fprintf(stderr, "refused: %s\n", error.what());
  }
}

// A property of the product that must hold for every input it accepted (e.g. "what Flick
// writes, Flick reads back"): when it does not, prints `what` and aborts, so libFuzzer keeps the
// input as a crash.
inline void require(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "flick fuzz: property violated: %s\n", what);
  std::abort();
}

// A private directory of this process (created on first use, removed at exit) and a file in it
// the harness rewrites for every input: the readers under test take a path.
class ScratchFile {
 public:
  // `relative` is the file's path inside the directory, e.g. "meta/0000_snapshot.json".
  explicit ScratchFile(const std::string& relative);
  ~ScratchFile();
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  // Replaces the file's contents with `bytes` and returns its path.
  const std::filesystem::path& write(std::string_view bytes);
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path dir_;
  std::filesystem::path path_;
};

// False when files::read_input_file, the one reader of every SQL file Flick takes, refuses the
// text before any parser sees it (a NUL byte, invalid UTF-8). The targets that call a parser on
// text directly skip such inputs: no file can hand them to the parser.
bool passes_input_file_boundary(std::string_view text);

}  // namespace flick::fuzz

#pragma once

// The one reader of the text files Flick takes as input: schema and migration SQL, journals,
// snapshots, flick.toml, .env, hints files. Whatever a user or a folder hands over is checked at
// this boundary before anything parses it.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace flick::files {

// Larger input files are refused rather than read into memory.
inline constexpr std::size_t kMaxInputBytes = std::size_t{256} << 20;  // 256 MiB

// The readers below allocate this many bytes past the text's end (capacity() - size() is at
// least this much on their usual path, which reads the file in one go), so that a SIMD parser
// that reads past the end (simdjson needs 64) parses the string in place instead of copying it.
// Only a matter of speed: a parser that checks capacity() copies when the slack is missing.
inline constexpr std::size_t kSpareCapacity = 64;

// Reads `path` whole. Throws flick::UserError naming the file when it cannot be read, is not a
// regular file (a directory, a FIFO, a device such as /dev/zero: never read, so never a hang),
// is larger than kMaxInputBytes, or holds a NUL byte ("<file>:<line>:<col>: contains a NUL
// byte": a text file never does, and everything after it would be ignored by the parsers), or
// is not valid UTF-8 ("<file>:<line>:<col>: invalid UTF-8 byte sequence ...": PostgreSQL refuses
// such SQL, and drizzle-orm would silently turn the bytes into U+FFFD).
std::string read_input_file(const std::filesystem::path& path);

// The same file, read only when `path` names a regular file itself, not a symbolic link (opened
// with O_NOFOLLOW): nullopt when it is a link, is missing, or is anything but a regular file, so
// the caller can look at what it is. In four system calls (open, fstat, read, close): the reader
// of a migration folder's files, a thousand per run. Throws as read_input_file does for a
// regular file it cannot read, one that is too large, holds a NUL byte or invalid UTF-8.
std::optional<std::string> read_unlinked_input_file(const std::filesystem::path& path);

// The offset of the first byte of `text` that does not start a valid UTF-8 sequence (overlong
// forms, surrogates and code points past U+10FFFF included), or std::string_view::npos.
std::size_t invalid_utf8_offset(std::string_view text);

}  // namespace flick::files

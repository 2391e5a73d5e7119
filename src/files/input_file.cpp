#include "files/input_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

#include "flick/error.hpp"

namespace flick::files {

namespace {

// `text` when it holds no NUL byte and is valid UTF-8; else throws naming the file, line and
// column.
std::string checked_text(const std::string& name, std::string text) {
  auto refuse_at = [&](std::size_t offset, const char* what) {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
      if (text[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    throw UserError(fmt::format("{}:{}:{}: {}", name, line, offset - line_start + 1, what));
  };
  std::size_t nul = text.find('\0');
  if (nul != std::string::npos) refuse_at(nul, "contains a NUL byte (not a text file?)");
  std::size_t invalid = invalid_utf8_offset(text);
  if (invalid != std::string::npos) {
    refuse_at(invalid,
              "invalid UTF-8 byte sequence (PostgreSQL would refuse it; save the file as UTF-8)");
  }
  return text;
}

// The common case in three system calls: a regular file, opened and read whole. nullopt for
// anything else (missing, a directory, a FIFO, unreadable, too large, changing size while read):
// read_input_file's checks then say what is wrong. O_NONBLOCK: opening a FIFO never waits for a
// writer.
std::optional<std::string> read_regular_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  std::optional<std::string> text;
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) &&
      static_cast<std::uintmax_t>(info.st_size) <= kMaxInputBytes) {
    std::string buffer;
    buffer.reserve(static_cast<std::size_t>(info.st_size) + kSpareCapacity);
    buffer.resize(static_cast<std::size_t>(info.st_size));
    std::size_t done = 0;
    while (done < buffer.size()) {
      ssize_t got = ::read(fd, buffer.data() + done, buffer.size() - done);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) break;
      done += static_cast<std::size_t>(got);
    }
    char extra;
    if (done == buffer.size() && ::read(fd, &extra, 1) == 0) text = std::move(buffer);
  }
  ::close(fd);
  return text;
}

}  // namespace

std::optional<std::string> read_unlinked_input_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
  if (fd < 0) {
    if (errno == ELOOP || errno == ENOENT || errno == ENOTDIR) return std::nullopt;
    return read_input_file(path);  // its error names the reason
  }
  std::optional<std::string> text;
  struct stat info {};
  bool regular = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
  if (regular && static_cast<std::uintmax_t>(info.st_size) <= kMaxInputBytes) {
    // One byte more than fstat's size: a read that stops at the size is at the end, with no
    // second read to see it. A file that changes size while read is left to read_input_file.
    std::size_t size = static_cast<std::size_t>(info.st_size);
    std::string buffer;
    buffer.reserve(size + 1 + kSpareCapacity);
    buffer.resize(size + 1);
    std::size_t done = 0;
    bool at_end = false;
    while (true) {
      ssize_t got = ::read(fd, buffer.data() + done, buffer.size() - done);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) break;
      if (got == 0) {
        at_end = done == size;
        break;
      }
      done += static_cast<std::size_t>(got);
      // Reaching fstat's size asked for one byte more than it got: the end.
      if (done == size) {
        at_end = true;
        break;
      }
      if (done == buffer.size()) break;  // it grew
    }
    if (at_end) {
      buffer.pop_back();
      text = std::move(buffer);
    }
  }
  ::close(fd);
  if (!regular) return std::nullopt;
  if (text) return checked_text(path.string(), std::move(*text));
  return read_input_file(path);
}

std::string read_input_file(const std::filesystem::path& path) {
  std::string name = path.string();
  std::optional<std::string> fast = read_regular_file(path);
  if (fast) return checked_text(name, std::move(*fast));
  std::error_code error;
  std::filesystem::file_status status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) {
    throw UserError(fmt::format("{}: cannot be read: no such file", name));
  }
  if (std::filesystem::is_directory(status)) {
    throw UserError(fmt::format("{}: is a directory, not a file", name));
  }
  if (!std::filesystem::is_regular_file(status)) {
    throw UserError(fmt::format("{}: is not a regular file (a FIFO, socket or device)", name));
  }
  std::uintmax_t size = std::filesystem::file_size(path, error);
  if (!error && size > kMaxInputBytes) {
    throw UserError(fmt::format("{}: is {} bytes; input files over {} bytes are refused", name,
                                size, kMaxInputBytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UserError(fmt::format("{}: cannot be read", name));
  // Read straight into a string of the file's size (one allocation, no stream buffer copies);
  // a file that grows while it is read is read to its end all the same.
  std::string text;
  if (!error) {
    text.resize(static_cast<std::size_t>(size));
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (in) {
    std::ostringstream rest;
    rest << in.rdbuf();
    text += rest.str();
  }
  return checked_text(name, std::move(text));
}

std::size_t invalid_utf8_offset(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // ASCII runs, the bulk of SQL and JSON, eight bytes at a time.
    while (i + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof word);
      if ((word & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    if (i >= text.size()) break;
    unsigned char lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80           ? 1
                         : (lead >> 5) == 0x6  ? 2
                         : (lead >> 4) == 0xE  ? 3
                         : (lead >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || i + length > text.size()) return i;
    std::uint32_t code = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      unsigned char next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      code = (code << 6) | (next & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8 either.
    static constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
      return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

}  // namespace flick::files

#include "files/input_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <system_error>

#include "flick/error.hpp"

namespace flick::files {

std::string read_input_file(const std::filesystem::path& path) {
  std::string name = path.string();
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
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  std::size_t nul = text.find('\0');
  if (nul != std::string::npos) {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < nul; ++i) {
      if (text[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    throw UserError(fmt::format("{}:{}:{}: contains a NUL byte (not a text file?)", name, line,
                                nul - line_start + 1));
  }
  return text;
}

}  // namespace flick::files

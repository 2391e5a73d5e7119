// The scratch file and the input-file filter of fuzz_support.hpp.

#include "fuzz_support.hpp"

#include <unistd.h>

#include <cstring>
#include <fstream>
#include <system_error>

#include "files/input_file.hpp"

namespace flick::fuzz {

bool verbose() {
  static const bool set = std::getenv("FLICK_FUZZ_VERBOSE") != nullptr;
  return set;
}

namespace {

// Where scratch directories go: $FLICK_FUZZ_SCRATCH, else /dev/shm when it is a writable
// directory (tmpfs: rewriting a file a few hundred times a second on ext4 waits on the disk), else
// the system's temporary directory.
std::filesystem::path scratch_root() {
  if (const char* set = std::getenv("FLICK_FUZZ_SCRATCH")) return set;
  std::error_code error;
  if (std::filesystem::is_directory("/dev/shm", error) && access("/dev/shm", W_OK) == 0) {
    return "/dev/shm";
  }
  return std::filesystem::temp_directory_path();
}

}  // namespace

ScratchFile::ScratchFile(const std::string& relative) {
  std::string pattern = (scratch_root() / "flick-fuzz-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    std::perror("flick fuzz: mkdtemp");
    std::abort();
  }
  dir_ = pattern;
  path_ = dir_ / relative;
  std::filesystem::create_directories(path_.parent_path());
}

ScratchFile::~ScratchFile() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

const std::filesystem::path& ScratchFile::write(std::string_view bytes) {
  std::ofstream out(path_, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "flick fuzz: cannot write %s\n", path_.c_str());
    std::abort();
  }
  return path_;
}

bool passes_input_file_boundary(std::string_view text) {
  return text.find('\0') == std::string_view::npos &&
         files::invalid_utf8_offset(text) == std::string_view::npos;
}

}  // namespace flick::fuzz

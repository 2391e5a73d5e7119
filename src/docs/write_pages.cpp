#include <fmt/core.h>

#include <fstream>
#include <set>
#include <sstream>

#include "docs/docs.hpp"
#include "flick/error.hpp"

namespace flick::docs {
namespace {

namespace fs = std::filesystem;

// The page folders flick docs owns: every *.md in them is a generated page.
constexpr const char* kOwnedFolders[] = {"tables", "enums", "types", "functions"};

bool holds(const fs::path& path, const std::string& bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream text;
  text << in.rdbuf();
  return text.str() == bytes;
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::error_code error;
  fs::create_directories(path.parent_path(), error);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  out.close();
  if (!out) throw UserError(fmt::format("{}: cannot write the file", path.string()));
}

}  // namespace

WriteResult write_pages(const fs::path& out, const std::vector<Page>& pages) {
  WriteResult result;
  std::set<fs::path> produced;
  for (const Page& page : pages) {
    fs::path path = (out / page.path).lexically_normal();
    produced.insert(path);
    if (holds(path, page.markdown)) {
      ++result.unchanged;
      continue;
    }
    write_file(path, page.markdown);
    ++result.written;
  }
  for (const char* folder : kOwnedFolders) {
    std::error_code error;
    if (!fs::is_directory(out / folder, error)) continue;
    for (const fs::directory_entry& entry : fs::directory_iterator(out / folder)) {
      fs::path path = entry.path().lexically_normal();
      if (entry.is_regular_file() && path.extension() == ".md" && !produced.count(path)) {
        fs::remove(path);
        ++result.removed;
      }
    }
  }
  return result;
}

}  // namespace flick::docs

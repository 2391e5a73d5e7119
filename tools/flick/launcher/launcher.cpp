// flick, the program users run: a small statically linked launcher that starts flick-core, the
// program itself, from the same directory, with the same arguments.
//
// glibc reads its tunables only when a program starts. flick-core alone decides on huge pages
// (huge_pages.hpp) after its twenty libraries are loaded and relocated, and then starts again:
// about 5 ms of a 40 ms export of 1000 tables. Deciding here, in a program that loads no library,
// starts flick-core once, with the environment it needs.

#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>

#include "command_traits.hpp"
#include "huge_pages.hpp"

namespace {

constexpr const char* kCoreName = "flick-core";

// flick-core's path: beside this program's own file (links resolved, so a link to flick on
// PATH still finds it), else beside argv[0] when that names a path; empty when neither is known.
std::string core_path(const char* argv0) {
  char self[PATH_MAX];
  ssize_t size = readlink("/proc/self/exe", self, sizeof self - 1);
  std::string directory;
  if (size > 0) {
    directory.assign(self, static_cast<std::size_t>(size));
  } else if (argv0 != nullptr && std::strchr(argv0, '/') != nullptr) {
    directory = argv0;
  } else {
    return "";
  }
  directory.erase(directory.rfind('/') + 1);
  return directory + kCoreName;
}

}  // namespace

int main(int argc, char** argv) {
  std::string core = core_path(argc > 0 ? argv[0] : nullptr);
  if (core.empty()) {
    std::fprintf(stderr,
                 "flick: cannot tell which directory this program is in (no /proc/self/exe and "
                 "no path in argv[0]), so %s cannot be found beside it\n",
                 kCoreName);
    return 127;
  }
  bool worth_it = argc > 1 && flick::cli::traits_of(argv[1]).builds_large_models;
  if (flick::cli::huge_pages_wanted(worth_it)) flick::cli::add_huge_page_tunable();
  execv(core.c_str(), argv);
  std::fprintf(stderr, "flick: cannot start %s: %s (it is installed beside flick)\n", core.c_str(),
               std::strerror(errno));
  return 127;
}

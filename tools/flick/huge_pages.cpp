#include "huge_pages.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace flick::cli {
namespace {

constexpr const char* kTunables = "GLIBC_TUNABLES";
constexpr const char* kHugePageTunable = "glibc.malloc.hugetlb=1";
// Set only between the exec and the restore: "=<value>" when GLIBC_TUNABLES was set before,
// "" when it was not.
constexpr const char* kSavedTunables = "FLICK_SAVED_GLIBC_TUNABLES";

// Whether /sys/kernel/mm/transparent_hugepage/enabled selects "[madvise]".
bool kernel_leaves_huge_pages_to_programs() {
  int fd = open("/sys/kernel/mm/transparent_hugepage/enabled", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char text[128];
  ssize_t size = read(fd, text, sizeof text - 1);
  close(fd);
  if (size <= 0) return false;
  return std::string_view(text, static_cast<std::size_t>(size)).find("[madvise]") !=
         std::string_view::npos;
}

// Sets GLIBC_TUNABLES to `value`, or removes it when there is none.
void set_tunables(const std::optional<std::string>& value) {
  if (value) {
    setenv(kTunables, value->c_str(), 1);
  } else {
    unsetenv(kTunables);
  }
}

}  // namespace

bool huge_pages_wanted(bool worth_it) {
  if (!worth_it) return false;
#if defined(FLICK_SANITIZED)
  // ASan's allocator serves malloc, and glibc's tunable does not reach it.
  return false;
#endif
  const char* opt_out = std::getenv("FLICK_HUGE_PAGES");
  if (opt_out != nullptr && std::strcmp(opt_out, "0") == 0) return false;
  // The user's own choice stands, whatever it is.
  const char* found = std::getenv(kTunables);
  if (found != nullptr && std::strstr(found, "glibc.malloc.hugetlb") != nullptr) return false;
  return kernel_leaves_huge_pages_to_programs();
}

bool add_huge_page_tunable() {
  const char* found = std::getenv(kTunables);
  std::optional<std::string> tunables;
  if (found != nullptr) tunables = found;
  std::string saved = tunables ? "=" + *tunables : "";
  std::string wanted =
      tunables && !tunables->empty() ? *tunables + ":" + kHugePageTunable : kHugePageTunable;
  if (setenv(kSavedTunables, saved.c_str(), 1) == 0 && setenv(kTunables, wanted.c_str(), 1) == 0) {
    return true;
  }
  set_tunables(tunables);
  unsetenv(kSavedTunables);
  return false;
}

bool restore_tunables() {
  const char* saved = std::getenv(kSavedTunables);
  if (saved == nullptr) return false;
  // glibc has read the tunable; the environment goes back as it was.
  set_tunables(saved[0] == '=' ? std::optional<std::string>(saved + 1) : std::nullopt);
  unsetenv(kSavedTunables);
  return true;
}

void prefer_huge_pages(char** argv, bool worth_it) {
  if (restore_tunables()) return;  // started with the tunable (by the launcher, or re-executed)
  if (!huge_pages_wanted(worth_it) || !add_huge_page_tunable()) return;
  execv("/proc/self/exe", argv);
  // Not re-executed (no /proc, say): run as it is, with the environment as it was.
  restore_tunables();
}

}  // namespace flick::cli

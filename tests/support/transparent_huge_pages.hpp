#pragma once

// For the tests of flick's huge pages (tools/flick/huge_pages.hpp), which it asks glibc for
// only when the kernel leaves transparent huge pages to programs.

#include <fstream>
#include <string>

namespace flick::testing {

// Whether /sys/kernel/mm/transparent_hugepage/enabled selects "[madvise]".
inline bool kernel_in_madvise_mode() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string line;
  std::getline(in, line);
  return line.find("[madvise]") != std::string::npos;
}

}  // namespace flick::testing

#include <fnmatch.h>

#include "introspect/introspect.hpp"

namespace flick::introspect {

bool passes_filter(const std::vector<std::string>& patterns, const std::string& name,
                   const std::string& qualified_name) {
  bool has_inclusion = false;
  bool included = false;
  for (const std::string& pattern : patterns) {
    bool exclusion = !pattern.empty() && pattern[0] == '!';
    std::string glob = exclusion ? pattern.substr(1) : pattern;
    const std::string& subject =
        glob.find('.') != std::string::npos && !qualified_name.empty() ? qualified_name : name;
    bool matches = fnmatch(glob.c_str(), subject.c_str(), 0) == 0;
    if (exclusion) {
      if (matches) return false;
    } else {
      has_inclusion = true;
      included = included || matches;
    }
  }
  return !has_inclusion || included;
}

}  // namespace flick::introspect

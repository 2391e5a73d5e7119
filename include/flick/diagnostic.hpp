#pragma once

// The one diagnostics model: what check and lint find, and what the toolkit returns for them.
// The CLI prints every diagnostic through one text printer and one JSON printer
// (src/diagnostics).

#include <string>

namespace flick {

enum class Severity { kError, kWarning };

// One problem, where it is, and what to do about it.
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string rule{};     // the code: "missing-snapshot", "adding-not-null-column", ...
  std::string file{};     // relative to the migration folder, or as given; "" = the whole folder
  int line = 0;           // 1-based; 0 = the whole file
  std::string message{};  // what is wrong, naming the objects
  std::string why{};      // what it breaks (production impact, what drizzle-orm does); may be ""
  std::string fix{};      // what to do instead (a safer form, a command that repairs); may be ""
  int column = 0;         // 1-based; 0 = not known
  std::string object{};   // the object at fault, e.g. "table public.users"; may be ""
};

}  // namespace flick

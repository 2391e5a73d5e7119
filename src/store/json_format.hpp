#pragma once

// Writing JSON exactly as the files of a drizzle migration folder are laid out.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace flick::store {

// drizzle-kit writes its JSON files with JSON.stringify(value, null, 2) and no final newline.
// Many projects then run a formatter (biome or prettier) over the folder, which re-indents with
// tabs, puts short arrays of scalars on one line and adds a final newline. Flick reads either and
// writes a folder back in the layout it found, so neither kind of project sees spurious changes.
enum class JsonLayout {
  kDrizzleKit,  // JSON.stringify(value, null, 2): 2 spaces, every non-empty array broken
  kTabbed,      // biome/prettier: tabs, scalar arrays inline when the line fits 80 columns, "\n"
  kCompact,     // JSON.stringify(value): one line (drizzle-kit's freshly created journal)
};

// Guesses the layout of a JSON text written in one of the layouts above.
JsonLayout detect_json_layout(std::string_view text);

// Serialises `value` byte-for-byte as the layout's writer does. Object keys keep their order.
std::string format_json(const nlohmann::ordered_json& value, JsonLayout layout);

// A number as JavaScript's Number.prototype.toString writes it (1e+21, 0.000001, 1e-7).
std::string js_number(double value);

}  // namespace flick::store

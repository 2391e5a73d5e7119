#pragma once

// Key order of a snapshot that drizzle-kit parsed (with its zod schemas) and wrote back, as it
// does for `generate --custom`: every object's keys come in the schema's declaration order
// instead of the order generate builds them in. Internal to src/store.

#include <nlohmann/json.hpp>

namespace flick::store {

// True when the top-level keys of `snapshot` (nlohmann's tree or a DomJson) are in parsed order
// ("views" before "sequences").
template <class Json>
bool has_parsed_key_order(const Json& snapshot) {
  int views = -1;
  int sequences = -1;
  int position = 0;
  if (!snapshot.is_object()) return false;
  for (auto it = snapshot.begin(); it != snapshot.end(); ++it, ++position) {
    if (it.key() == "views") views = position;
    if (it.key() == "sequences") sequences = position;
  }
  return views >= 0 && sequences >= 0 && views < sequences;
}

// Reorders every object of a snapshot into parsed order. Keys a schema does not list (Flick's
// extra keys) keep their relative order after the listed ones.
void apply_parsed_key_order(nlohmann::ordered_json& snapshot);

}  // namespace flick::store

#pragma once

// Key order of a snapshot that drizzle-kit parsed (with its zod schemas) and wrote back, as it
// does for `generate --custom`: every object's keys come in the schema's declaration order
// instead of the order generate builds them in. Internal to src/store.

#include <nlohmann/json.hpp>

namespace flick::store {

// True when the top-level keys of `snapshot` are in parsed order ("views" before "sequences").
bool has_parsed_key_order(const nlohmann::ordered_json& snapshot);

// Reorders every object of a snapshot into parsed order. Keys a schema does not list (Flick's
// extra keys) keep their relative order after the listed ones.
void apply_parsed_key_order(nlohmann::ordered_json& snapshot);

}  // namespace flick::store

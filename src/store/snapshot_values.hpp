#pragma once

// How model values map to drizzle snapshot JSON values and back. Shared by the snapshot reader
// and writer so that a value read and written again takes the same shape. Internal to src/store.

#include <nlohmann/json.hpp>
#include <string>

namespace flick::store {

// A column default as drizzle writes it: NULL -> null, true/false -> JSON booleans, a number
// literal in JavaScript's canonical spelling -> a JSON number, anything else -> the SQL text.
nlohmann::ordered_json default_to_json(const std::string& expression);

// Sets `expression` to the SQL text of a drizzle default value (string, number, boolean or
// null), or to the array literal of an array of those (older drizzle-kit versions wrote an
// array default as the JSON array: [] is '{}', ["a", 1] is '{"a",1}'). Returns false, leaving
// it unchanged, for objects and arrays holding one.
bool default_from_json(const nlohmann::ordered_json& value, std::string& expression);

// An option value of an index or view "with" object: booleans and numbers keep JSON's types.
nlohmann::ordered_json option_to_json(const std::string& value);
// Sets `text` from an option value; false for null, arrays and objects.
bool option_from_json(const nlohmann::ordered_json& value, std::string& text);

// securityBarrier <-> security_barrier (drizzle's view options <-> PostgreSQL reloptions).
std::string snake_case(const std::string& camel);
std::string camel_case(const std::string& snake);

}  // namespace flick::store

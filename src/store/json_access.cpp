#include "store/json_access.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "files/input_file.hpp"
#include "flick/error.hpp"

namespace flick::store {
namespace {

std::string join_path(const std::string& path, const char* key) {
  return path.empty() ? std::string(key) : path + "." + key;
}

const char* type_name(const JsonReader::Json& value) { return value.type_name(); }

}  // namespace

void JsonReader::fail(const std::string& path, const std::string& message) const {
  throw UserError(
      fmt::format("{}: {}: {}", file_name_, path.empty() ? "(top level)" : path, message));
}

const JsonReader::Json& JsonReader::object(const Json& parent, const std::string& path,
                                           const char* key) const {
  auto it = parent.find(key);
  if (it == parent.end()) fail(join_path(path, key), "missing");
  if (!it->is_object()) {
    fail(join_path(path, key), fmt::format("expected an object, found {}", type_name(*it)));
  }
  return *it;
}

std::optional<std::string> JsonReader::optional_string(const Json& parent, const std::string& path,
                                                       const char* key) const {
  auto it = parent.find(key);
  if (it == parent.end()) return std::nullopt;
  if (!it->is_string()) {
    fail(join_path(path, key), fmt::format("expected a string, found {}", type_name(*it)));
  }
  return it->get<std::string>();
}

std::string JsonReader::string(const Json& parent, const std::string& path, const char* key) const {
  auto value = optional_string(parent, path, key);
  if (!value) fail(join_path(path, key), "missing");
  return *value;
}

std::optional<bool> JsonReader::optional_bool(const Json& parent, const std::string& path,
                                              const char* key) const {
  auto it = parent.find(key);
  if (it == parent.end()) return std::nullopt;
  if (!it->is_boolean()) {
    fail(join_path(path, key), fmt::format("expected true or false, found {}", type_name(*it)));
  }
  return it->get<bool>();
}

bool JsonReader::boolean(const Json& parent, const std::string& path, const char* key) const {
  auto value = optional_bool(parent, path, key);
  if (!value) fail(join_path(path, key), "missing");
  return *value;
}

std::int64_t JsonReader::integer(const Json& parent, const std::string& path,
                                 const char* key) const {
  auto it = parent.find(key);
  if (it == parent.end()) fail(join_path(path, key), "missing");
  if (!it->is_number_integer()) {
    fail(join_path(path, key), fmt::format("expected an integer, found {}", type_name(*it)));
  }
  return it->get<std::int64_t>();
}

std::vector<std::string> JsonReader::strings(const Json& parent, const std::string& path,
                                             const char* key) const {
  auto it = parent.find(key);
  if (it == parent.end()) fail(join_path(path, key), "missing");
  if (!it->is_array()) {
    fail(join_path(path, key), fmt::format("expected an array, found {}", type_name(*it)));
  }
  std::vector<std::string> out;
  for (const Json& element : *it) {
    if (!element.is_string()) fail(join_path(path, key), "expected an array of strings");
    out.push_back(element.get<std::string>());
  }
  return out;
}

void JsonReader::expect_keys(const Json& value, const std::string& path,
                             std::initializer_list<const char*> allowed) const {
  if (!value.is_object()) {
    fail(path, fmt::format("expected an object, found {}", type_name(value)));
  }
  for (auto it = value.begin(); it != value.end(); ++it) {
    bool known = std::any_of(allowed.begin(), allowed.end(),
                             [&](const char* key) { return it.key() == key; });
    if (!known) fail(path.empty() ? it.key() : path + "." + it.key(), "unknown key");
  }
}

nlohmann::ordered_json parse_json_text(std::string_view text, const std::string& file_name) {
  try {
    return nlohmann::ordered_json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& error) {
    throw UserError(
        fmt::format("{}: invalid JSON at byte {}: {}", file_name, error.byte, error.what()));
  } catch (const nlohmann::json::exception& error) {  // e.g. a number too large for a double
    throw UserError(fmt::format("{}: invalid JSON: {}", file_name, error.what()));
  }
}

std::string read_text_file(const std::string& path) { return files::read_input_file(path); }

}  // namespace flick::store

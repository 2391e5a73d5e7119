#include "store/json_access.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "files/input_file.hpp"
#include "flick/error.hpp"

namespace flick::store {
namespace {

std::string join_path(const std::string& path, const char* key) {
  return path.empty() ? std::string(key) : path + "." + key;
}

const char* type_name(const JsonReader::Json& value) { return value.type_name(); }

using OrderedJson = nlohmann::ordered_json;
using ObjectEntries = std::vector<std::pair<const std::string, OrderedJson>>;

// `element` as the tree nlohmann's parser would build: the same value types (a non-negative
// integer is unsigned), keys in document order. False (and `out` unspecified) for what the
// fast path leaves to nlohmann: an object with a duplicated key (nlohmann keeps the first
// position and the last value).
bool convert(simdjson::dom::element element, OrderedJson& out) {
  switch (element.type()) {
    case simdjson::dom::element_type::OBJECT: {
      simdjson::dom::object object = element.get_object().value_unsafe();
      out = OrderedJson::object();
      // ordered_map is a vector of pairs whose operator[] searches it linearly; appending to
      // the vector builds a large object in linear time.
      auto& entries = static_cast<ObjectEntries&>(out.get_ref<OrderedJson::object_t&>());
      entries.reserve(object.size());
      std::unordered_set<std::string_view> seen;
      if (object.size() > 8) seen.reserve(object.size());
      for (simdjson::dom::key_value_pair field : object) {
        if (object.size() > 8) {
          if (!seen.insert(field.key).second) return false;
        } else {
          for (const auto& entry : entries) {
            if (entry.first == field.key) return false;
          }
        }
        entries.emplace_back(std::string(field.key), OrderedJson());
        if (!convert(field.value, entries.back().second)) return false;
      }
      return true;
    }
    case simdjson::dom::element_type::ARRAY: {
      simdjson::dom::array array = element.get_array().value_unsafe();
      out = OrderedJson::array();
      auto& items = out.get_ref<OrderedJson::array_t&>();
      items.reserve(array.size());
      for (simdjson::dom::element item : array) {
        items.emplace_back();
        if (!convert(item, items.back())) return false;
      }
      return true;
    }
    case simdjson::dom::element_type::STRING:
      out = std::string(element.get_string().value_unsafe());
      return true;
    case simdjson::dom::element_type::INT64: {
      std::int64_t value = element.get_int64().value_unsafe();
      if (value >= 0) {
        out = static_cast<std::uint64_t>(value);
      } else {
        out = value;
      }
      return true;
    }
    case simdjson::dom::element_type::UINT64:
      out = element.get_uint64().value_unsafe();
      return true;
    case simdjson::dom::element_type::DOUBLE:
      out = element.get_double().value_unsafe();
      return true;
    case simdjson::dom::element_type::BOOL:
      out = element.get_bool().value_unsafe();
      return true;
    case simdjson::dom::element_type::NULL_VALUE:
      out = nullptr;
      return true;
  }
  return false;
}

// The fast path of parse_json_text: simdjson validates the text, the tree is built from its
// document. nullopt leaves the text to nlohmann, which then decides (and words the error):
// whatever simdjson refuses (a byte order mark, an integer beyond 64 bits, nesting deeper than
// 1024), a duplicated key, and any \u escape of a surrogate (nlohmann's rules for those are
// its own), and "-0" (an integer for nlohmann).
std::optional<OrderedJson> parse_quickly(std::string_view text) {
  for (std::size_t at = text.find("\\u"); at != std::string_view::npos;
       at = text.find("\\u", at + 2)) {
    if (at + 2 < text.size() && (text[at + 2] == 'd' || text[at + 2] == 'D')) return std::nullopt;
  }
  // A bare -0 (not -0.5 or -0e1, floats for both parsers); one inside a string only costs the
  // fast path.
  auto delimiter = [](char c) {
    return c == ',' || c == ':' || c == '[' || c == ']' || c == '{' || c == '}' || c == ' ' ||
           c == '\t' || c == '\n' || c == '\r';
  };
  for (std::size_t at = text.find("-0"); at != std::string_view::npos;
       at = text.find("-0", at + 1)) {
    if ((at == 0 || delimiter(text[at - 1])) &&
        (at + 2 == text.size() || delimiter(text[at + 2]))) {
      return std::nullopt;
    }
  }
  simdjson::dom::parser& parser = thread_json_parser();
  simdjson::dom::element root;
  if (parser.parse(text.data(), text.size()).get(root) != simdjson::SUCCESS) return std::nullopt;
  OrderedJson tree;
  if (!convert(root, tree)) return std::nullopt;
  return tree;
}

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

simdjson::dom::parser& thread_json_parser() {
  thread_local simdjson::dom::parser parser;
  return parser;
}

nlohmann::ordered_json parse_json_text(std::string_view text, const std::string& file_name) {
  if (std::optional<OrderedJson> tree = parse_quickly(text)) return std::move(*tree);
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

std::optional<std::string> read_unlinked_text_file(const std::string& path) {
  return files::read_unlinked_input_file(path);
}

}  // namespace flick::store

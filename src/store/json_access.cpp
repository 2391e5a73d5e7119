#include "store/json_access.hpp"

#include <fmt/format.h>
#include <pthread.h>
#include <simdjson.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <system_error>
#include <unordered_set>

#include "files/input_file.hpp"
#include "flick/error.hpp"
#include "store/json_view.hpp"

namespace flick::store {
namespace {

std::string join_path(const std::string& path, const char* key) {
  return path.empty() ? std::string(key) : path + "." + key;
}

using OrderedJson = nlohmann::ordered_json;
using ObjectEntries = std::vector<std::pair<const std::string, OrderedJson>>;

// `element` as the tree nlohmann's parser would build: the same value types (a non-negative
// integer is unsigned), keys in document order. Precondition: no object of `element` has a
// duplicated key (see has_duplicated_key).
void convert(simdjson::dom::element element, OrderedJson& out) {
  switch (element.type()) {
    case simdjson::dom::element_type::OBJECT: {
      simdjson::dom::object object = element.get_object().value_unsafe();
      out = OrderedJson::object();
      // ordered_map is a vector of pairs whose operator[] searches it linearly; appending to
      // the vector builds a large object in linear time.
      auto& entries = static_cast<ObjectEntries&>(out.get_ref<OrderedJson::object_t&>());
      entries.reserve(object.size());
      for (simdjson::dom::key_value_pair field : object) {
        entries.emplace_back(std::string(field.key), OrderedJson());
        convert(field.value, entries.back().second);
      }
      return;
    }
    case simdjson::dom::element_type::ARRAY: {
      simdjson::dom::array array = element.get_array().value_unsafe();
      out = OrderedJson::array();
      auto& items = out.get_ref<OrderedJson::array_t&>();
      items.reserve(array.size());
      for (simdjson::dom::element item : array) {
        items.emplace_back();
        convert(item, items.back());
      }
      return;
    }
    case simdjson::dom::element_type::STRING:
      out = std::string(element.get_string().value_unsafe());
      return;
    case simdjson::dom::element_type::INT64: {
      std::int64_t value = element.get_int64().value_unsafe();
      if (value >= 0) {
        out = static_cast<std::uint64_t>(value);
      } else {
        out = value;
      }
      return;
    }
    case simdjson::dom::element_type::UINT64:
      out = element.get_uint64().value_unsafe();
      return;
    case simdjson::dom::element_type::DOUBLE:
      out = element.get_double().value_unsafe();
      return;
    case simdjson::dom::element_type::BOOL:
      out = element.get_bool().value_unsafe();
      return;
    case simdjson::dom::element_type::NULL_VALUE:
      out = nullptr;
      return;
  }
}

// True when an object in `element` has a key twice: nlohmann keeps the first position and the
// last value, which the fast path leaves to nlohmann itself.
bool has_duplicated_key(simdjson::dom::element element) {
  switch (element.type()) {
    case simdjson::dom::element_type::OBJECT: {
      simdjson::dom::object object = element.get_object().value_unsafe();
      std::size_t size = object.size();
      if (size > 8) {
        std::unordered_set<std::string_view> seen;
        seen.reserve(size);
        for (simdjson::dom::key_value_pair field : object) {
          if (!seen.insert(field.key).second) return true;
        }
      } else {
        for (auto it = object.begin(); it != object.end(); ++it) {
          auto later = it;
          for (++later; later != object.end(); ++later) {
            if (later.key() == it.key()) return true;
          }
        }
      }
      for (simdjson::dom::key_value_pair field : object) {
        if (has_duplicated_key(field.value)) return true;
      }
      return false;
    }
    case simdjson::dom::element_type::ARRAY: {
      simdjson::dom::array array = element.get_array().value_unsafe();
      for (simdjson::dom::element item : array) {
        if (has_duplicated_key(item)) return true;
      }
      return false;
    }
    default:
      return false;
  }
}

// The fast path of parse_json_text: simdjson validates the text, the tree is built from its
// document.
std::optional<OrderedJson> parse_quickly(std::string_view text) {
  std::optional<DomJson> view = parse_json_view(text, false);
  if (!view) return std::nullopt;
  return view->to_ordered_json();
}

}  // namespace

template <class Json>
void BasicJsonReader<Json>::fail(const std::string& path, const std::string& message) const {
  throw UserError(
      fmt::format("{}: {}: {}", file_name_, path.empty() ? "(top level)" : path, message));
}

template <class Json>
typename BasicJsonReader<Json>::Value BasicJsonReader<Json>::object(const Json& parent,
                                                                    const std::string& path,
                                                                    const char* key) const {
  auto it = parent.find(key);
  if (it == parent.end()) fail(join_path(path, key), "missing");
  if (!it->is_object()) {
    fail(join_path(path, key), fmt::format("expected an object, found {}", it->type_name()));
  }
  return *it;
}

template <class Json>
std::optional<std::string> BasicJsonReader<Json>::optional_string(const Json& parent,
                                                                  const std::string& path,
                                                                  const char* key) const {
  auto it = parent.find(key);
  if (it == parent.end()) return std::nullopt;
  if (!it->is_string()) {
    fail(join_path(path, key), fmt::format("expected a string, found {}", it->type_name()));
  }
  return it->template get<std::string>();
}

template <class Json>
std::string BasicJsonReader<Json>::string(const Json& parent, const std::string& path,
                                          const char* key) const {
  auto value = optional_string(parent, path, key);
  if (!value) fail(join_path(path, key), "missing");
  return *value;
}

template <class Json>
std::optional<bool> BasicJsonReader<Json>::optional_bool(const Json& parent,
                                                         const std::string& path,
                                                         const char* key) const {
  auto it = parent.find(key);
  if (it == parent.end()) return std::nullopt;
  if (!it->is_boolean()) {
    fail(join_path(path, key), fmt::format("expected true or false, found {}", it->type_name()));
  }
  return it->template get<bool>();
}

template <class Json>
bool BasicJsonReader<Json>::boolean(const Json& parent, const std::string& path,
                                    const char* key) const {
  auto value = optional_bool(parent, path, key);
  if (!value) fail(join_path(path, key), "missing");
  return *value;
}

template <class Json>
std::int64_t BasicJsonReader<Json>::integer(const Json& parent, const std::string& path,
                                            const char* key) const {
  auto it = parent.find(key);
  if (it == parent.end()) fail(join_path(path, key), "missing");
  if (!it->is_number_integer()) {
    fail(join_path(path, key), fmt::format("expected an integer, found {}", it->type_name()));
  }
  return it->template get<std::int64_t>();
}

template <class Json>
std::vector<std::string> BasicJsonReader<Json>::strings(const Json& parent, const std::string& path,
                                                        const char* key) const {
  auto it = parent.find(key);
  if (it == parent.end()) fail(join_path(path, key), "missing");
  if (!it->is_array()) {
    fail(join_path(path, key), fmt::format("expected an array, found {}", it->type_name()));
  }
  std::vector<std::string> out;
  for (const Json& element : *it) {
    if (!element.is_string()) fail(join_path(path, key), "expected an array of strings");
    out.push_back(element.template get<std::string>());
  }
  return out;
}

template <class Json>
void BasicJsonReader<Json>::expect_keys(const Json& value, const std::string& path,
                                        std::initializer_list<std::string_view> allowed) const {
  if (!value.is_object()) {
    fail(path, fmt::format("expected an object, found {}", value.type_name()));
  }
  for (auto it = value.begin(), last = value.end(); it != last; ++it) {
    std::string_view key = it.key();
    bool known = std::find(allowed.begin(), allowed.end(), key) != allowed.end();
    if (!known)
      fail(path.empty() ? std::string(key) : path + "." + std::string(key), "unknown key");
  }
}

template class BasicJsonReader<nlohmann::ordered_json>;
template class BasicJsonReader<DomJson>;

bool DomJson::is_number_integer() const {
  simdjson::dom::element_type kind = type();
  return kind == simdjson::dom::element_type::INT64 || kind == simdjson::dom::element_type::UINT64;
}

const char* DomJson::type_name() const {
  switch (type()) {
    case simdjson::dom::element_type::OBJECT:
      return "object";
    case simdjson::dom::element_type::ARRAY:
      return "array";
    case simdjson::dom::element_type::STRING:
      return "string";
    case simdjson::dom::element_type::BOOL:
      return "boolean";
    case simdjson::dom::element_type::NULL_VALUE:
      return "null";
    default:
      return "number";
  }
}

template <>
std::string DomJson::get<std::string>() const {
  return std::string(string_view());
}

template <>
bool DomJson::get<bool>() const {
  return element_.get_bool().value_unsafe();
}

template <>
std::int64_t DomJson::get<std::int64_t>() const {
  return integer();
}

std::int64_t DomJson::integer() const {
  // As nlohmann converts its unsigned integers.
  if (type() == simdjson::dom::element_type::UINT64) {
    return static_cast<std::int64_t>(element_.get_uint64().value_unsafe());
  }
  return element_.get_int64().value_unsafe();
}

DomJson::const_iterator DomJson::begin() const {
  const_iterator it;
  if (is_object()) {
    it.over_ = const_iterator::Over::kObject;
    simdjson::dom::object object = element_.get_object().value_unsafe();
    it.field_ = object.begin();
  } else if (is_array()) {
    it.over_ = const_iterator::Over::kArray;
    simdjson::dom::array array = element_.get_array().value_unsafe();
    it.item_ = array.begin();
  }
  return it;
}

DomJson::const_iterator DomJson::end() const {
  const_iterator it;
  if (is_object()) {
    it.over_ = const_iterator::Over::kObject;
    simdjson::dom::object object = element_.get_object().value_unsafe();
    it.field_ = object.end();
  } else if (is_array()) {
    it.over_ = const_iterator::Over::kArray;
    simdjson::dom::array array = element_.get_array().value_unsafe();
    it.item_ = array.end();
  }
  return it;
}

DomJson::const_iterator DomJson::find(std::string_view key) const {
  const_iterator it = begin();
  if (it.over_ != const_iterator::Over::kObject) return end();
  const_iterator last = end();
  for (; it != last; ++it) {
    if (it.field_.key_equals(key)) return it;
  }
  return last;
}

bool DomJson::contains(std::string_view key) const { return find(key) != end(); }

std::size_t DomJson::size() const {
  if (is_object()) {
    simdjson::dom::object object = element_.get_object().value_unsafe();
    return object.size();
  }
  if (is_array()) {
    simdjson::dom::array array = element_.get_array().value_unsafe();
    return array.size();
  }
  return 0;
}

nlohmann::ordered_json DomJson::to_ordered_json() const {
  OrderedJson out;
  convert(element_, out);
  return out;
}

DomJson DomJson::const_iterator::operator*() const {
  return over_ == Over::kObject ? DomJson((*field_).value) : DomJson(*item_);
}

DomJson::const_iterator& DomJson::const_iterator::operator++() {
  if (over_ == Over::kObject) {
    ++field_;
  } else if (over_ == Over::kArray) {
    ++item_;
  }
  return *this;
}

bool DomJson::const_iterator::operator==(const const_iterator& other) const {
  if (over_ != other.over_) return false;
  if (over_ == Over::kObject) return field_ == other.field_;
  if (over_ == Over::kArray) return !(item_ != other.item_);
  return true;
}

std::optional<DomJson> parse_json_view(std::string_view text, bool padded) {
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
  if (parser.parse(text.data(), text.size(), !padded).get(root) != simdjson::SUCCESS) {
    return std::nullopt;
  }
  if (has_duplicated_key(root)) return std::nullopt;
  return DomJson(root);
}

namespace {

// The key under which each thread keeps its parser; its destructor deletes the parser when the
// thread exits.
pthread_key_t parser_key() {
  static const pthread_key_t key = [] {
    pthread_key_t created;
    int error = pthread_key_create(
        &created, [](void* parser) { delete static_cast<simdjson::dom::parser*>(parser); });
    if (error != 0) throw std::system_error(error, std::generic_category(), "pthread_key_create");
    return created;
  }();
  return key;
}

}  // namespace

// Kept under a pthread key, not in a thread_local: glibc registers a thread_local's destructor
// under the dynamic loader's lock (__cxa_thread_atexit_impl), which a dlopen on another thread
// holds until it has loaded and relocated. Commands that connect load libpq on a thread of
// their own at start-up (10-15 ms), and the journal read first thing by migrate waited that long
// for its parser, and the connection after it.
simdjson::dom::parser& thread_json_parser() {
  pthread_key_t key = parser_key();
  auto* parser = static_cast<simdjson::dom::parser*>(pthread_getspecific(key));
  if (parser == nullptr) {
    auto created = std::make_unique<simdjson::dom::parser>();
    int error = pthread_setspecific(key, created.get());
    if (error != 0) throw std::system_error(error, std::generic_category(), "pthread_setspecific");
    parser = created.release();
  }
  return *parser;
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

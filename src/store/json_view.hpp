#pragma once

// A read-only view of a value in a simdjson document with the part of nlohmann::ordered_json's
// interface the store's readers use, so a reader written once reads either. Reading a large file
// this way builds no tree: the snapshot reader reads its 1000-table snapshot straight from the
// parser's document. Internal to src/store.

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "store/json_access.hpp"

namespace flick::store {

class DomJson {
 public:
  class const_iterator;
  struct Item;
  class ItemRange;

  DomJson() = default;
  explicit DomJson(simdjson::dom::element element) : element_(element) {}

  // The same answers as nlohmann::ordered_json's for the same text (a non-negative integer is
  // unsigned, as nlohmann reads it).
  bool is_object() const { return type() == simdjson::dom::element_type::OBJECT; }
  bool is_array() const { return type() == simdjson::dom::element_type::ARRAY; }
  bool is_string() const { return type() == simdjson::dom::element_type::STRING; }
  bool is_boolean() const { return type() == simdjson::dom::element_type::BOOL; }
  bool is_null() const { return type() == simdjson::dom::element_type::NULL_VALUE; }
  bool is_number_integer() const;
  const char* type_name() const;  // nlohmann's words: "object", "number", ...

  // The value as T (std::string or bool); precondition: it is of that kind.
  template <class T>
  T get() const;
  std::string_view string_view() const { return element_.get_string().value_unsafe(); }
  std::int64_t integer() const;  // precondition: is_number_integer()

  // An object's fields in document order, an array's items; empty for anything else.
  const_iterator begin() const;
  const_iterator end() const;
  // The field named `key` of an object, else end().
  const_iterator find(std::string_view key) const;
  bool contains(std::string_view key) const;
  std::size_t size() const;  // fields of an object, items of an array, else 0
  // An object's fields as {key, value} items (for `const auto& [key, value] : json.items()`).
  ItemRange items() const;

  // The value as the tree nlohmann's parser builds from the same text.
  nlohmann::ordered_json to_ordered_json() const;

 private:
  simdjson::dom::element_type type() const { return element_.type(); }
  simdjson::dom::element element_;
};

template <>
std::string DomJson::get<std::string>() const;
template <>
bool DomJson::get<bool>() const;
template <>
std::int64_t DomJson::get<std::int64_t>() const;

struct DomJson::Item {
  std::string key;
  DomJson value;
};

class DomJson::const_iterator {
 public:
  // Points `value` at, for operator->.
  struct Arrow {
    DomJson value;
    const DomJson* operator->() const { return &value; }
  };

  const_iterator() = default;
  DomJson operator*() const;
  Arrow operator->() const { return Arrow{**this}; }
  // The field's key, a view into the document; precondition: iterating an object.
  std::string_view key() const { return field_.key(); }
  const_iterator& operator++();
  bool operator==(const const_iterator& other) const;

 private:
  friend class DomJson;
  enum class Over { kNothing, kObject, kArray };
  Over over_ = Over::kNothing;
  simdjson::dom::object::iterator field_;
  simdjson::dom::array::iterator item_;
};

class DomJson::ItemRange {
 public:
  class iterator {
   public:
    explicit iterator(DomJson::const_iterator at) : at_(at) {}
    Item operator*() const { return Item{std::string(at_.key()), *at_}; }
    iterator& operator++() {
      ++at_;
      return *this;
    }
    bool operator==(const iterator& other) const { return at_ == other.at_; }

   private:
    DomJson::const_iterator at_;
  };

  explicit ItemRange(const DomJson& json) : json_(json) {}
  iterator begin() const { return iterator(json_.begin()); }
  iterator end() const { return iterator(json_.end()); }

 private:
  DomJson json_;
};

inline DomJson::ItemRange DomJson::items() const { return ItemRange(*this); }

// `text` as a document of this thread's parser (thread_json_parser()), valid until that parser's
// next parse. std::nullopt for what parse_json_text leaves to nlohmann: whatever simdjson refuses
// (invalid JSON, a byte order mark, an integer beyond 64 bits, nesting deeper than 1024), a
// duplicated key (nlohmann keeps the first position and the last value), any \u escape of a
// surrogate (nlohmann's rules for those are its own) and a bare -0 (an integer for nlohmann). A
// caller then reads parse_json_text's tree instead: the same values, or the same error.
// `padded`: the caller promises simdjson::SIMDJSON_PADDING readable bytes after the text (a
// string from files::read_input_file has them), and the text is parsed where it is instead of
// copied into the parser's own buffer first.
std::optional<DomJson> parse_json_view(std::string_view text, bool padded = false);

// Both kinds of JSON as nlohmann's tree (a copy for DomJson).
inline nlohmann::ordered_json to_ordered_json(const DomJson& json) {
  return json.to_ordered_json();
}
inline const nlohmann::ordered_json& to_ordered_json(const nlohmann::ordered_json& json) {
  return json;
}

extern template class BasicJsonReader<DomJson>;

}  // namespace flick::store

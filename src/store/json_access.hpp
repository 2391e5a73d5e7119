#pragma once

// Typed access to parsed JSON with errors that name the file and the key path at fault.
// Internal to src/store.

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace simdjson::dom {
class parser;
}  // namespace simdjson::dom

namespace flick::store {

// Reads values of one JSON kind: nlohmann::ordered_json (JsonReader) or DomJson (json_view.hpp),
// so a reader written once takes either.
template <class JsonType>
class BasicJsonReader {
 public:
  using Json = JsonType;
  // How a value inside a document is handed out: a reference into nlohmann's tree, a DomJson
  // (itself a handle) by value.
  using Value = std::conditional_t<std::is_same_v<Json, nlohmann::ordered_json>, const Json&, Json>;

  explicit BasicJsonReader(const std::string& file_name) : file_name_(file_name) {}

  // Throws flick::UserError: "<file>: <path>: <message>".
  [[noreturn]] void fail(const std::string& path, const std::string& message) const;

  // The object at `key` of `parent` (an object itself); throws when missing or not an object.
  Value object(const Json& parent, const std::string& path, const char* key) const;
  std::optional<std::string> optional_string(const Json& parent, const std::string& path,
                                             const char* key) const;
  std::string string(const Json& parent, const std::string& path, const char* key) const;
  std::optional<bool> optional_bool(const Json& parent, const std::string& path,
                                    const char* key) const;
  bool boolean(const Json& parent, const std::string& path, const char* key) const;
  std::int64_t integer(const Json& parent, const std::string& path, const char* key) const;
  std::vector<std::string> strings(const Json& parent, const std::string& path,
                                   const char* key) const;

  // Throws when `value` is not an object or has a key outside `allowed`.
  // (string_views: a key is compared with each allowed one by length first, no strlen.)
  void expect_keys(const Json& value, const std::string& path,
                   std::initializer_list<std::string_view> allowed) const;

 private:
  std::string file_name_;
};

using JsonReader = BasicJsonReader<nlohmann::ordered_json>;
extern template class BasicJsonReader<nlohmann::ordered_json>;

// This thread's simdjson parser, shared by the store's readers so its buffers (sized to the
// largest document read) exist once per thread. A document it returns lives until its next parse.
simdjson::dom::parser& thread_json_parser();

// Parses JSON text, throwing flick::UserError naming the file and byte offset on bad syntax.
nlohmann::ordered_json parse_json_text(std::string_view text, const std::string& file_name);

// Reads a whole file; throws flick::UserError naming it when it cannot be read.
std::string read_text_file(const std::string& path);
// The same for a regular file that is not a symbolic link; std::nullopt for a link, a missing
// file or anything but a regular file (files::read_unlinked_input_file).
std::optional<std::string> read_unlinked_text_file(const std::string& path);

}  // namespace flick::store

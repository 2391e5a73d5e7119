#pragma once

// Writing JSON exactly as the files of a drizzle migration folder are laid out.

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

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

// Writes JSON text in a layout as it is produced, without building a tree: the bytes are those
// format_json gives for the tree the same calls would build. Calls nest as JSON does (a key, then
// its value, inside an object; values inside an array). In the tabbed layout an array written
// element by element is always broken over lines, which is what format_json does with arrays of
// objects; arrays of scalars are handed over whole, as a Json value, so the writer can put them
// on one line when they fit. Keys are written as given: repeated_key() reports an object that
// got the same key twice (where a tree keeps the first position and the last value).
class JsonStreamWriter {
 public:
  explicit JsonStreamWriter(JsonLayout layout);

  // Room for `bytes` of text, so a large document is not copied as it grows. Pages of the room
  // that the text never reaches are never touched (no resident memory).
  void reserve(std::size_t bytes) { out_.reserve(bytes); }

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view name);
  void value(const nlohmann::ordered_json& value);  // any value, laid out as format_json would
  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(bool flag);

  // From now on, hands the text to `sink` in pieces of about kStreamPiece bytes as it is
  // written, instead of keeping it all: finish() then hands over the rest and returns "".
  void stream_to(std::function<void(std::string_view)> sink);
  static constexpr std::size_t kStreamPiece = 64 * 1024;

  // Some object got a key twice (or two keys of the same hash: then true although they differ).
  bool repeated_key() const { return repeated_key_; }
  // The text, with the layout's final newline; the writer is empty afterwards.
  std::string finish();

 private:
  struct Frame {
    bool object = false;
    bool empty = true;
    std::size_t first_key = 0;  // where this object's key hashes start in key_hashes_
    // An object of many keys (a snapshot's "tables") keeps its key hashes here instead, so
    // finding a repeated key costs no more than writing the key.
    std::unique_ptr<std::unordered_set<std::uint64_t>> many_keys;
  };
  void start_element();  // a separator and the indent before a new element of the open container
  void resolve_pending(bool followed);
  void close(char bracket);

  JsonLayout layout_;
  std::string out_;
  std::vector<Frame> frames_;
  std::vector<std::uint64_t> key_hashes_;
  std::function<void(std::string_view)> sink_;  // when streaming
  bool repeated_key_ = false;
  std::size_t line_start_ = 0;  // where the current element's line starts (tabbed widths)
  // Tabbed layout: a whole array value whose layout waits for whether a sibling follows it.
  std::optional<nlohmann::ordered_json> pending_;
  int pending_used_ = 0;
};

// A number as JavaScript's Number.prototype.toString writes it (1e+21, 0.000001, 1e-7).
std::string js_number(double value);

}  // namespace flick::store

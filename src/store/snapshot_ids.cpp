// A snapshot's top-level "id" and "prevId", read without building the JSON tree.

#include <simdjson.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "files/input_file.hpp"
#include "flick/error.hpp"
#include "store/json_access.hpp"
#include "store/snapshot.hpp"

namespace flick::store {
namespace {

// Reads only the top-level "id" and "prevId" of a snapshot, building no tree: a folder of a
// thousand snapshots is checked without building a thousand schemas. The whole file is scanned,
// so a snapshot truncated after its ids is malformed.
class IdReader : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit IdReader(SnapshotIds& ids) : ids_(ids) {}
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t& value) override {
    if (depth_ == 1 && key_ == "id") ids_.id = value;
    if (depth_ == 1 && key_ == "prevId") ids_.prev_id = value;
    return true;
  }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return ++depth_, true; }
  bool end_object() override { return --depth_, true; }
  bool start_array(std::size_t) override { return ++depth_, true; }
  bool end_array() override { return --depth_, true; }
  bool key(string_t& value) override {
    if (depth_ == 1) key_ = value;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    failed_ = true;
    return false;
  }
  bool failed() const { return failed_; }

 private:
  SnapshotIds& ids_;
  int depth_ = 0;
  std::string key_;
  bool failed_ = false;
};

// The fast path: simdjson validates the whole text (structure, UTF-8) at several hundred MB/s
// and hands over the top-level object. False when it refuses the text or the ids are not both
// there as strings; the caller then lets nlohmann's parser decide, so what is accepted stays
// exactly what nlohmann accepts (a BOM, numbers beyond a double, nesting deeper than 1024).
bool read_ids_quickly(const std::string& text, SnapshotIds& ids) {
  simdjson::dom::parser& parser = thread_json_parser();
  simdjson::dom::element root;
  // The std::string overload parses in place when the reader left the padding simdjson reads.
  static_assert(simdjson::SIMDJSON_PADDING <= files::kSpareCapacity);
  if (parser.parse(text).get(root) != simdjson::SUCCESS) return false;
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) return false;
  // Every field in order, so a duplicated key keeps its last value as the SAX reader does.
  for (simdjson::dom::key_value_pair field : object) {
    if (field.key != "id" && field.key != "prevId") continue;
    std::string_view value;
    if (field.value.get_string().get(value) != simdjson::SUCCESS) return false;
    (field.key == "id" ? ids.id : ids.prev_id).assign(value);
  }
  return !ids.id.empty() && !ids.prev_id.empty();
}

}  // namespace

std::optional<SnapshotIds> read_snapshot_ids(const std::filesystem::path& path) {
  // Through the one input reader: a FIFO or a device (/dev/zero) is never read.
  std::string text;
  try {
    std::optional<std::string> plain = files::read_unlinked_input_file(path);
    text = plain ? std::move(*plain) : files::read_input_file(path);
  } catch (const UserError&) {
    return std::nullopt;
  }
  SnapshotIds ids;
  if (read_ids_quickly(text, ids)) return ids;
  ids = SnapshotIds{};
  IdReader reader(ids);
  nlohmann::json::sax_parse(text, &reader);
  if (reader.failed() || ids.id.empty()) return std::nullopt;
  return ids;
}

}  // namespace flick::store

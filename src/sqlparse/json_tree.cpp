// Parse trees from libpg_query's JSON output: the protobuf-c structs that unpacking its protobuf
// output would give, filled field by field from simdjson's document. libpg_query writes JSON
// with a plain string builder, while its protobuf output builds, sizes and packs every message
// (sizing each nested message again at every level above it); this path skips that and the
// unpack. tests/sqlparse/json_tree_test.cpp compares the two paths' trees byte for byte.

#include <pg_query.h>
#include <simdjson.h>

#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "sqlparse/parse_tree.hpp"

namespace flick::sqlparse {
namespace {

// "typeName", "type_name" and "TypeName" all become "typename": libpg_query's JSON keys are the
// proto fields' json_name (PostgreSQL's own field and node names), which protobuf-c's
// descriptors do not carry; normalised, they match the proto names.
std::string normalised(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == '_') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

// A message's fields by JSON key, learnt key by key (each key normalised once per thread).
class FieldIndex {
 public:
  explicit FieldIndex(const ProtobufCMessageDescriptor* descriptor) {
    for (unsigned i = 0; i < descriptor->n_fields; ++i) {
      by_normalised_name_.emplace(normalised(descriptor->fields[i].name), &descriptor->fields[i]);
    }
  }

  // nullptr for a key the message has no field for.
  const ProtobufCFieldDescriptor* find(std::string_view key) {
    if (auto it = by_key_.find(key); it != by_key_.end()) return it->second;
    auto named = by_normalised_name_.find(normalised(key));
    const ProtobufCFieldDescriptor* field =
        named == by_normalised_name_.end() ? nullptr : named->second;
    by_key_.emplace(std::string(key), field);
    return field;
  }

 private:
  std::unordered_map<std::string, const ProtobufCFieldDescriptor*> by_normalised_name_;
  std::unordered_map<std::string, const ProtobufCFieldDescriptor*, StringHash, std::equal_to<>>
      by_key_;
};

FieldIndex& index_of(const ProtobufCMessageDescriptor* descriptor) {
  thread_local std::unordered_map<const ProtobufCMessageDescriptor*, std::unique_ptr<FieldIndex>>
      indexes;
  std::unique_ptr<FieldIndex>& index = indexes[descriptor];
  if (!index) index = std::make_unique<FieldIndex>(descriptor);
  return *index;
}

// libpg_query 15's JSON writes an Integer node's ival only when it is positive: `{"ival":{}}`
// is 0 or any negative number (`-1`, the -1 of `text[]`'s array bounds). An A_Const says where
// its literal starts, so its value is read back from the SQL text there; any other such Integer
// makes the statement take the protobuf path.
std::optional<int32_t> integer_at(std::string_view sql, int32_t location) {
  if (location < 0 || static_cast<std::size_t>(location) >= sql.size()) return std::nullopt;
  std::size_t at = static_cast<std::size_t>(location);
  bool negative = sql[at] == '-';
  if (negative) {
    ++at;
    while (at < sql.size() &&
           (sql[at] == ' ' || sql[at] == '\t' || sql[at] == '\n' || sql[at] == '\r')) {
      ++at;
    }
  }
  std::int64_t value = 0;
  std::size_t digits = 0;
  for (; at < sql.size() && sql[at] >= '0' && sql[at] <= '9' && digits < 12; ++at, ++digits) {
    value = value * 10 + (sql[at] - '0');
  }
  if (digits == 0 || digits == 12) return std::nullopt;
  if (at < sql.size() &&
      (std::isalnum(static_cast<unsigned char>(sql[at])) || sql[at] == '.' || sql[at] == '_')) {
    return std::nullopt;  // not a plain integer literal (1.5, 1e3, 0x1F)
  }
  if (negative) value = -value;
  if (value > 0 || value < INT32_MIN) return std::nullopt;  // a positive ival would be written
  return static_cast<int32_t>(value);
}

class TreeFiller {
 public:
  TreeFiller(TreeArena& arena, std::string_view sql) : arena_(arena), sql_(sql) {}

  // A new message of `descriptor`'s type filled from `element`; nullptr when the JSON does not
  // fit the message (an unknown key, a value of the wrong kind).
  ProtobufCMessage* message(const ProtobufCMessageDescriptor* descriptor,
                            simdjson::dom::element element) {
    simdjson::dom::object object;
    if (element.get_object().get(object) != simdjson::SUCCESS) return nullptr;
    auto* message = static_cast<ProtobufCMessage*>(allocate(descriptor->sizeof_message));
    descriptor->message_init(message);
    FieldIndex& index = index_of(descriptor);
    bool has_ival = false;
    for (simdjson::dom::key_value_pair entry : object) {
      const ProtobufCFieldDescriptor* field = index.find(entry.key);
      if (field == nullptr || !fill(message, *field, entry.value)) return nullptr;
      has_ival = has_ival || entry.key == "ival";
    }
    if (descriptor == &pg_query__integer__descriptor && !has_ival) {
      unresolved_integer_ = reinterpret_cast<PgQuery__Integer*>(message);
    } else if (descriptor == &pg_query__a__const__descriptor) {
      auto* constant = reinterpret_cast<PgQuery__AConst*>(message);
      if (constant->val_case == PG_QUERY__A__CONST__VAL_IVAL &&
          constant->ival == unresolved_integer_ && unresolved_integer_ != nullptr) {
        std::optional<int32_t> value = integer_at(sql_, constant->location);
        if (!value) return nullptr;
        constant->ival->ival = *value;
        unresolved_integer_ = nullptr;
      }
    }
    if (unresolved_integer_ != nullptr && descriptor != &pg_query__integer__descriptor &&
        descriptor != &pg_query__a__const__descriptor) {
      return nullptr;  // an Integer of unknown value outside an A_Const
    }
    return message;
  }

 private:
  void* allocate(std::size_t size) {
    ProtobufCAllocator* allocator = arena_.allocator();
    return allocator->alloc(allocator->allocator_data, size);
  }

  bool fill(ProtobufCMessage* message, const ProtobufCFieldDescriptor& field,
            simdjson::dom::element value) {
    char* base = reinterpret_cast<char*>(message);
    if (field.label == PROTOBUF_C_LABEL_REPEATED) {
      simdjson::dom::array array;
      if (value.get_array().get(array) != simdjson::SUCCESS) return false;
      std::size_t count = array.size();
      std::size_t width = element_size(field);
      if (width == 0) return false;
      char* items = static_cast<char*>(allocate(count * width));
      std::size_t i = 0;
      for (simdjson::dom::element item : array) {
        if (!scalar_or_message(items + i * width, field, item)) return false;
        ++i;
      }
      *reinterpret_cast<std::size_t*>(base + field.quantifier_offset) = count;
      *reinterpret_cast<void**>(base + field.offset) = items;
      return true;
    }
    if (!scalar_or_message(base + field.offset, field, value)) return false;
    if (field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
      *reinterpret_cast<uint32_t*>(base + field.quantifier_offset) = field.id;
    } else if (field.label == PROTOBUF_C_LABEL_OPTIONAL && field.quantifier_offset != 0 &&
               field.type != PROTOBUF_C_TYPE_MESSAGE && field.type != PROTOBUF_C_TYPE_STRING) {
      *reinterpret_cast<protobuf_c_boolean*>(base + field.quantifier_offset) = 1;
    }
    return true;
  }

  // Bytes per element of a repeated field's array; 0 for a type this reader does not take.
  static std::size_t element_size(const ProtobufCFieldDescriptor& field) {
    switch (field.type) {
      case PROTOBUF_C_TYPE_INT32:
      case PROTOBUF_C_TYPE_SINT32:
      case PROTOBUF_C_TYPE_SFIXED32:
      case PROTOBUF_C_TYPE_UINT32:
      case PROTOBUF_C_TYPE_FIXED32:
      case PROTOBUF_C_TYPE_ENUM:
        return 4;
      case PROTOBUF_C_TYPE_INT64:
      case PROTOBUF_C_TYPE_SINT64:
      case PROTOBUF_C_TYPE_SFIXED64:
      case PROTOBUF_C_TYPE_UINT64:
      case PROTOBUF_C_TYPE_FIXED64:
        return 8;
      case PROTOBUF_C_TYPE_BOOL:
        return sizeof(protobuf_c_boolean);
      case PROTOBUF_C_TYPE_STRING:
      case PROTOBUF_C_TYPE_MESSAGE:
        return sizeof(void*);
      default:
        return 0;
    }
  }

  // Stores `value`, read by simdjson as a Read (int64_t or uint64_t), as a Field at `at`.
  template <class Read, class Field>
  static bool store_number(char* at, simdjson::dom::element value) {
    Read number;
    if (value.get<Read>().get(number) != simdjson::SUCCESS) return false;
    *reinterpret_cast<Field*>(at) = static_cast<Field>(number);
    return true;
  }

  // Writes one value of `field`'s type at `at`.
  bool scalar_or_message(char* at, const ProtobufCFieldDescriptor& field,
                         simdjson::dom::element value) {
    switch (field.type) {
      case PROTOBUF_C_TYPE_INT32:
      case PROTOBUF_C_TYPE_SINT32:
      case PROTOBUF_C_TYPE_SFIXED32:
        return store_number<std::int64_t, int32_t>(at, value);
      case PROTOBUF_C_TYPE_UINT32:
      case PROTOBUF_C_TYPE_FIXED32:
        return store_number<std::uint64_t, uint32_t>(at, value);
      case PROTOBUF_C_TYPE_INT64:
      case PROTOBUF_C_TYPE_SINT64:
      case PROTOBUF_C_TYPE_SFIXED64:
        return store_number<std::int64_t, int64_t>(at, value);
      case PROTOBUF_C_TYPE_UINT64:
      case PROTOBUF_C_TYPE_FIXED64:
        return store_number<std::uint64_t, uint64_t>(at, value);
      case PROTOBUF_C_TYPE_BOOL: {
        bool flag;
        if (value.get_bool().get(flag) != simdjson::SUCCESS) return false;
        *reinterpret_cast<protobuf_c_boolean*>(at) = flag ? 1 : 0;
        return true;
      }
      case PROTOBUF_C_TYPE_ENUM: {
        // simdjson's DOM keeps its strings NUL-terminated: protobuf-c's own lookup (a binary
        // search of the enum's names) takes them as they are.
        const char* name;
        if (value.get_c_str().get(name) != simdjson::SUCCESS) return false;
        const ProtobufCEnumValue* known = protobuf_c_enum_descriptor_get_value_by_name(
            static_cast<const ProtobufCEnumDescriptor*>(field.descriptor), name);
        if (known == nullptr) return false;
        *reinterpret_cast<int*>(at) = known->value;
        return true;
      }
      case PROTOBUF_C_TYPE_STRING: {
        std::string_view text;
        if (value.get_string().get(text) != simdjson::SUCCESS) return false;
        char* copy = static_cast<char*>(allocate(text.size() + 1));
        std::memcpy(copy, text.data(), text.size());
        copy[text.size()] = '\0';
        *reinterpret_cast<char**>(at) = copy;
        return true;
      }
      case PROTOBUF_C_TYPE_MESSAGE: {
        ProtobufCMessage* nested =
            message(static_cast<const ProtobufCMessageDescriptor*>(field.descriptor), value);
        if (nested == nullptr) return false;
        *reinterpret_cast<ProtobufCMessage**>(at) = nested;
        return true;
      }
      default:
        return false;
    }
  }

  TreeArena& arena_;
  std::string_view sql_;
  // The last Integer read without its ival, until the A_Const holding it resolves it.
  PgQuery__Integer* unresolved_integer_ = nullptr;
};

}  // namespace

PgQuery__ParseResult* parse_tree_from_json(std::string_view json, std::string_view sql,
                                           TreeArena& arena) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json.data(), json.size()).get(root) != simdjson::SUCCESS) return nullptr;
  TreeFiller filler(arena, sql);
  return reinterpret_cast<PgQuery__ParseResult*>(
      filler.message(&pg_query__parse_result__descriptor, root));
}

}  // namespace flick::sqlparse

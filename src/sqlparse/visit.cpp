#include "sqlparse/parse_tree.hpp"

namespace flick::sqlparse::detail {
namespace {

ProtobufCMessage* message_at(ProtobufCMessage* message, const ProtobufCFieldDescriptor& field) {
  return *reinterpret_cast<ProtobufCMessage**>(reinterpret_cast<char*>(message) + field.offset);
}

}  // namespace

void visit_children(ProtobufCMessage* message, void (*callback)(ProtobufCMessage*, void*),
                    void* context) {
  const ProtobufCMessageDescriptor* descriptor = message->descriptor;
  char* base = reinterpret_cast<char*>(message);
  if (descriptor == &pg_query__node__descriptor) {
    // A Node is one big oneof: look up the set member directly instead of scanning ~240 fields.
    auto* node = reinterpret_cast<PgQuery__Node*>(message);
    const ProtobufCFieldDescriptor* field =
        protobuf_c_message_descriptor_get_field(descriptor, node->node_case);
    if (field != nullptr && field->type == PROTOBUF_C_TYPE_MESSAGE) {
      if (ProtobufCMessage* child = message_at(message, *field)) callback(child, context);
    }
    return;
  }
  for (unsigned i = 0; i < descriptor->n_fields; ++i) {
    const ProtobufCFieldDescriptor& field = descriptor->fields[i];
    if (field.type != PROTOBUF_C_TYPE_MESSAGE) continue;
    if (field.label == PROTOBUF_C_LABEL_REPEATED) {
      std::size_t count = *reinterpret_cast<std::size_t*>(base + field.quantifier_offset);
      auto** items = *reinterpret_cast<ProtobufCMessage***>(base + field.offset);
      for (std::size_t j = 0; j < count; ++j) {
        if (items[j] != nullptr) callback(items[j], context);
      }
      continue;
    }
    if ((field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) != 0 &&
        *reinterpret_cast<uint32_t*>(base + field.quantifier_offset) != field.id) {
      continue;
    }
    if (ProtobufCMessage* child = message_at(message, field)) callback(child, context);
  }
}

}  // namespace flick::sqlparse::detail

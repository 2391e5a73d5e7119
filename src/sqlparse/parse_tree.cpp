#include "sqlparse/parse_tree.hpp"

#include <fmt/format.h>
#include <pg_query.h>

#include <cctype>
#include <stdexcept>

#include "flick/error.hpp"

namespace flick::sqlparse {
namespace {

// Skips whitespace and comments so a statement's offset names its first keyword.
std::size_t skip_blank(std::string_view text, std::size_t at, std::size_t end) {
  while (at < end) {
    if (std::isspace(static_cast<unsigned char>(text[at]))) {
      ++at;
    } else if (text.compare(at, 2, "--") == 0) {
      while (at < end && text[at] != '\n') ++at;
    } else if (text.compare(at, 2, "/*") == 0) {
      std::size_t close = text.find("*/", at + 2);
      at = close == std::string_view::npos || close + 2 > end ? end : close + 2;
    } else {
      break;
    }
  }
  return at;
}

}  // namespace

void ParseResultDeleter::operator()(PgQuery__ParseResult* result) const {
  pg_query__parse_result__free_unpacked(result, nullptr);
}

ParsedSql::ParsedSql(std::string text, std::string file_name,
                     std::unique_ptr<PgQuery__ParseResult, ParseResultDeleter> tree)
    : text_(std::move(text)), file_name_(std::move(file_name)), tree_(std::move(tree)) {}

std::size_t ParsedSql::statement_offset(std::size_t i) const {
  const PgQuery__RawStmt& raw = statement(i);
  std::size_t begin = static_cast<std::size_t>(raw.stmt_location);
  std::size_t end = raw.stmt_len == 0 ? text_.size() : begin + raw.stmt_len;
  return skip_blank(text_, begin, end);
}

std::string ParsedSql::position(std::size_t offset) const {
  Location location = location_of(text_, offset);
  return fmt::format("{}:{}:{}", file_name_, location.line, location.column);
}

std::unique_ptr<ParsedSql> try_parse_sql(std::string_view sql, const std::string& file_name,
                                         SyntaxError* error) {
  std::string text(sql);
  PgQueryProtobufParseResult result = pg_query_parse_protobuf(text.c_str());
  if (result.error != nullptr) {
    // cursorpos is 1-based; 0 means "unknown" (e.g. unterminated input).
    error->offset = result.error->cursorpos > 0 ? result.error->cursorpos - 1 : text.size();
    error->message = result.error->message;
    pg_query_free_protobuf_parse_result(result);
    return nullptr;
  }
  PgQuery__ParseResult* tree = pg_query__parse_result__unpack(
      nullptr, result.parse_tree.len, reinterpret_cast<const uint8_t*>(result.parse_tree.data));
  pg_query_free_protobuf_parse_result(result);
  if (tree == nullptr) throw std::runtime_error("libpg_query returned an unreadable parse tree");
  return std::make_unique<ParsedSql>(
      std::move(text), file_name, std::unique_ptr<PgQuery__ParseResult, ParseResultDeleter>(tree));
}

ParsedSql parse_sql(std::string_view sql, const std::string& file_name) {
  SyntaxError error;
  std::unique_ptr<ParsedSql> parsed = try_parse_sql(sql, file_name, &error);
  if (parsed == nullptr) {
    Location location = location_of(sql, error.offset);
    throw UserError(
        fmt::format("{}:{}:{}: {}", file_name, location.line, location.column, error.message));
  }
  return std::move(*parsed);
}

std::string node_kind(const Node* node) {
  if (node == nullptr) return "NULL";
  const ProtobufCFieldDescriptor* field =
      protobuf_c_message_descriptor_get_field(&pg_query__node__descriptor, node->node_case);
  if (field == nullptr || field->descriptor == nullptr) return "unknown node";
  return static_cast<const ProtobufCMessageDescriptor*>(field->descriptor)->short_name;
}

const char* string_value(const Node* node) {
  if (node == nullptr || node->node_case != PG_QUERY__NODE__NODE_STRING) {
    throw std::logic_error("expected a String node, got " + node_kind(node));
  }
  return node->string->sval;
}

bool integer_value(const Node* node, long* value) {
  if (node == nullptr) return false;
  if (node->node_case == PG_QUERY__NODE__NODE_INTEGER) {
    *value = node->integer->ival;
    return true;
  }
  if (node->node_case == PG_QUERY__NODE__NODE_A_CONST &&
      node->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
    *value = node->a_const->ival->ival;
    return true;
  }
  return false;
}

}  // namespace flick::sqlparse

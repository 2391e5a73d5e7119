#include <fmt/format.h>
#include <pg_query.h>

#include <stdexcept>
#include <unordered_map>

#include "flick/error.hpp"
#include "sqlparse/parse_tree.hpp"

namespace flick::sqlparse {
namespace {

constexpr std::string_view kSelectPrefix = "SELECT ";

// Two expressions that differ only in where they were written must share one cache entry.
void reset_locations(ProtobufCMessage* root) {
  visit_messages(root, [](ProtobufCMessage* message) {
    const ProtobufCFieldDescriptor* field =
        protobuf_c_message_descriptor_get_field_by_name(message->descriptor, "location");
    if (field != nullptr && field->type == PROTOBUF_C_TYPE_INT32) {
      *reinterpret_cast<int32_t*>(reinterpret_cast<char*>(message) + field->offset) = 0;
    }
  });
}

std::string pack(Node* statement) {
  PgQuery__RawStmt raw = PG_QUERY__RAW_STMT__INIT;
  raw.stmt = statement;
  PgQuery__RawStmt* raws[] = {&raw};
  PgQuery__ParseResult result = PG_QUERY__PARSE_RESULT__INIT;
  result.version = PG_VERSION_NUM;
  result.n_stmts = 1;
  result.stmts = raws;
  std::string packed(pg_query__parse_result__get_packed_size(&result), '\0');
  pg_query__parse_result__pack(&result, reinterpret_cast<uint8_t*>(packed.data()));
  return packed;
}

std::string deparse_packed(const std::string& packed) {
  PgQueryProtobuf protobuf{packed.size(), const_cast<char*>(packed.data())};
  PgQueryDeparseResult result = pg_query_deparse_protobuf(protobuf);
  if (result.error != nullptr) {
    std::string message = result.error->message;
    pg_query_free_deparse_result(result);
    throw std::runtime_error("libpg_query cannot deparse a parsed statement: " + message);
  }
  std::string text = result.query;
  pg_query_free_deparse_result(result);
  return text;
}

// `SELECT <expression>` around a node borrowed from another tree.
std::string pack_select_of(Node* expression) {
  PgQuery__ResTarget target = PG_QUERY__RES_TARGET__INIT;
  target.val = expression;
  PgQuery__Node target_node = PG_QUERY__NODE__INIT;
  target_node.node_case = PG_QUERY__NODE__NODE_RES_TARGET;
  target_node.res_target = &target;
  PgQuery__Node* targets[] = {&target_node};
  PgQuery__SelectStmt select = PG_QUERY__SELECT_STMT__INIT;
  select.n_target_list = 1;
  select.target_list = targets;
  select.limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
  select.op = PG_QUERY__SET_OPERATION__SETOP_NONE;
  PgQuery__Node select_node = PG_QUERY__NODE__INIT;
  select_node.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
  select_node.select_stmt = &select;
  return pack(&select_node);
}

using Cache = std::unordered_map<std::string, std::string>;

Cache& packed_cache() {
  thread_local Cache cache;
  return cache;
}

// True for `SELECT <one unnamed expression>` with no other clause.
bool is_bare_expression(const PgQuery__SelectStmt& select) {
  if (select.n_target_list != 1 || select.n_from_clause != 0 || select.where_clause != nullptr ||
      select.n_group_clause != 0 || select.having_clause != nullptr || select.n_sort_clause != 0 ||
      select.limit_count != nullptr || select.limit_offset != nullptr ||
      select.n_distinct_clause != 0 || select.n_values_lists != 0 || select.n_window_clause != 0 ||
      select.n_locking_clause != 0 || select.with_clause != nullptr ||
      select.into_clause != nullptr || select.op != PG_QUERY__SET_OPERATION__SETOP_NONE) {
    return false;
  }
  const PgQuery__ResTarget* target = select.target_list[0]->res_target;
  if (is_set(target->name)) return false;
  const Node* value = target->val;
  if (value->node_case == PG_QUERY__NODE__NODE_COLUMN_REF) {
    const PgQuery__ColumnRef* ref = value->column_ref;
    return ref->fields[ref->n_fields - 1]->node_case != PG_QUERY__NODE__NODE_A_STAR;
  }
  return true;
}

// Parses `SELECT <expression>` and returns the tree; the expression is its only target.
std::unique_ptr<ParsedSql> parse_expression(std::string_view expression,
                                            const std::string& context) {
  std::string text = std::string(kSelectPrefix) + std::string(expression);
  SyntaxError error;
  std::unique_ptr<ParsedSql> parsed = try_parse_sql(text, context, &error);
  std::string where = context.empty() ? "" : context + ": ";
  if (parsed == nullptr) {
    throw UserError(fmt::format("{}invalid expression `{}`: {}", where, expression, error.message));
  }
  bool single = parsed->size() == 1 &&
                parsed->statement(0).stmt->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
                is_bare_expression(*parsed->statement(0).stmt->select_stmt);
  if (!single) {
    throw UserError(fmt::format("{}`{}` is not a single SQL expression", where, expression));
  }
  return parsed;
}

Node* expression_of(const ParsedSql& parsed) {
  return parsed.statement(0).stmt->select_stmt->target_list[0]->res_target->val;
}

}  // namespace

std::string deparse_expression_node(Node* node) {
  reset_locations(&node->base);
  std::string packed = pack_select_of(node);
  Cache& cache = packed_cache();
  if (auto it = cache.find(packed); it != cache.end()) return it->second;
  std::string text = deparse_packed(packed);
  if (text.compare(0, kSelectPrefix.size(), kSelectPrefix) != 0) {
    throw std::logic_error("deparsed expression lacks its SELECT: " + text);
  }
  text.erase(0, kSelectPrefix.size());
  return cache.emplace(std::move(packed), std::move(text)).first->second;
}

std::string deparse_query_node(Node* node) {
  reset_locations(&node->base);
  std::string packed = pack(node);
  Cache& cache = packed_cache();
  if (auto it = cache.find(packed); it != cache.end()) return it->second;
  std::string text = deparse_packed(packed);
  return cache.emplace(std::move(packed), std::move(text)).first->second;
}

std::string normalise_expression(std::string_view expression, const std::string& context) {
  thread_local Cache cache;
  std::string key(expression);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  std::unique_ptr<ParsedSql> parsed = parse_expression(expression, context);
  std::string text = deparse_expression_node(expression_of(*parsed));
  return cache.emplace(std::move(key), std::move(text)).first->second;
}

std::string normalise_default(std::string_view expression, const std::string& column_type,
                              const std::string& column_type_schema, const std::string& context) {
  std::unique_ptr<ParsedSql> parsed = parse_expression(expression, context);
  TypeName type;
  type.type = column_type;
  type.type_schema = column_type_schema;
  return deparse_default_node(expression_of(*parsed), type);
}

std::string normalise_query(std::string_view query, const std::string& context) {
  thread_local Cache cache;
  std::string key(query);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  SyntaxError error;
  std::unique_ptr<ParsedSql> parsed = try_parse_sql(query, context, &error);
  std::string where = context.empty() ? "" : context + ": ";
  if (parsed == nullptr) {
    throw UserError(fmt::format("{}invalid query: {}", where, error.message));
  }
  if (parsed->size() != 1 ||
      parsed->statement(0).stmt->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) {
    throw UserError(fmt::format("{}a view definition must be one SELECT statement", where));
  }
  std::string text = deparse_query_node(parsed->statement(0).stmt);
  return cache.emplace(std::move(key), std::move(text)).first->second;
}

}  // namespace flick::sqlparse

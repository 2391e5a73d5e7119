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

// libpg_query's deparser writes `(now() AT TIME ZONE 'UTC')::date` without its parentheses,
// which reads back as a cast of 'UTC'. Under a cast, AT TIME ZONE is written as the call it is
// (`timezone('UTC', now())::date`, as PostgreSQL prints a timezone() call), which means the
// same and reads back the same.
void keep_casts_of_at_time_zone(Node* root) {
  visit_messages(&root->base, [](ProtobufCMessage* message) {
    if (message->descriptor != &pg_query__type_cast__descriptor) return;
    auto* cast = reinterpret_cast<PgQuery__TypeCast*>(message);
    if (cast->arg == nullptr || cast->arg->node_case != PG_QUERY__NODE__NODE_FUNC_CALL) return;
    PgQuery__FuncCall& call = *cast->arg->func_call;
    if (call.funcformat != PG_QUERY__COERCION_FORM__COERCE_SQL_SYNTAX || call.n_funcname == 0 ||
        std::string_view(string_value(call.funcname[call.n_funcname - 1])) != "timezone") {
      return;
    }
    call.funcformat = PG_QUERY__COERCION_FORM__COERCE_EXPLICIT_CALL;
    call.funcname += call.n_funcname - 1;  // without pg_catalog.
    call.n_funcname = 1;
  });
}

std::string pack(Node* statement) {
  keep_casts_of_at_time_zone(statement);
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

// Argument-less functions that columns commonly default to; none is a keyword, so deparse
// prints them unquoted.
bool is_plain_function_name(std::string_view name) {
  return name == "now" || name == "gen_random_uuid" || name == "random" ||
         name == "clock_timestamp" || name == "statement_timestamp" ||
         name == "transaction_timestamp" || name == "uuid_generate_v4";
}

// Formats the commonest defaults (a string without quotes or backslashes, a boolean, a
// non-negative integer, now()) as deparse does, without packing and deparsing the node.
// Resets the node's location like reset_locations.
bool format_trivial_expression(Node* node, std::string* text) {
  if (node->node_case == PG_QUERY__NODE__NODE_A_CONST) {
    PgQuery__AConst& constant = *node->a_const;
    if (constant.isnull) return false;
    switch (constant.val_case) {
      case PG_QUERY__A__CONST__VAL_BOOLVAL:
        *text = constant.boolval->boolval ? "true" : "false";
        constant.location = 0;
        return true;
      case PG_QUERY__A__CONST__VAL_IVAL:
        if (constant.ival->ival < 0) return false;
        *text = std::to_string(constant.ival->ival);
        constant.location = 0;
        return true;
      case PG_QUERY__A__CONST__VAL_SVAL: {
        std::string_view value = constant.sval->sval;
        if (value.find_first_of("'\\") != std::string_view::npos) return false;
        text->clear();
        text->reserve(value.size() + 2);
        text->append(1, '\'').append(value).append(1, '\'');
        constant.location = 0;
        return true;
      }
      default:
        return false;
    }
  }
  if (node->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) {
    PgQuery__FuncCall& call = *node->func_call;
    if (call.n_funcname != 1 || call.n_args != 0 || call.n_agg_order != 0 ||
        call.agg_filter != nullptr || call.over != nullptr || call.agg_within_group ||
        call.agg_star || call.agg_distinct || call.func_variadic ||
        call.funcformat != PG_QUERY__COERCION_FORM__COERCE_EXPLICIT_CALL ||
        call.funcname[0]->node_case != PG_QUERY__NODE__NODE_STRING) {
      return false;
    }
    std::string_view name = call.funcname[0]->string->sval;
    if (!is_plain_function_name(name)) return false;
    *text = std::string(name) + "()";
    call.location = 0;
    return true;
  }
  return false;
}

}  // namespace

std::string deparse_expression_node(Node* node) {
  if (std::string text; format_trivial_expression(node, &text)) return text;
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

namespace {

constexpr std::string_view kAddConstraintPrefix = "ALTER TABLE t ADD ";

}  // namespace

std::string deparse_constraint_node(PgQuery__Constraint* constraint) {
  char* name = constraint->conname;
  constraint->conname = nullptr;
  Node constraint_node = PG_QUERY__NODE__INIT;
  constraint_node.node_case = PG_QUERY__NODE__NODE_CONSTRAINT;
  constraint_node.constraint = constraint;
  reset_locations(&constraint_node.base);
  PgQuery__AlterTableCmd command = PG_QUERY__ALTER_TABLE_CMD__INIT;
  command.subtype = PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint;
  command.def = &constraint_node;
  command.behavior = PG_QUERY__DROP_BEHAVIOR__DROP_RESTRICT;
  Node command_node = PG_QUERY__NODE__INIT;
  command_node.node_case = PG_QUERY__NODE__NODE_ALTER_TABLE_CMD;
  command_node.alter_table_cmd = &command;
  Node* commands[] = {&command_node};
  PgQuery__RangeVar relation = PG_QUERY__RANGE_VAR__INIT;
  char table_name[] = "t";
  char permanent[] = "p";
  relation.relname = table_name;
  relation.inh = true;
  relation.relpersistence = permanent;
  PgQuery__AlterTableStmt alter = PG_QUERY__ALTER_TABLE_STMT__INIT;
  alter.relation = &relation;
  alter.n_cmds = 1;
  alter.cmds = commands;
  alter.objtype = PG_QUERY__OBJECT_TYPE__OBJECT_TABLE;
  Node alter_node = PG_QUERY__NODE__INIT;
  alter_node.node_case = PG_QUERY__NODE__NODE_ALTER_TABLE_STMT;
  alter_node.alter_table_stmt = &alter;
  std::string packed = pack(&alter_node);
  constraint->conname = name;
  Cache& cache = packed_cache();
  if (auto it = cache.find(packed); it != cache.end()) return it->second;
  std::string text = deparse_packed(packed);
  if (!text.starts_with(kAddConstraintPrefix)) {
    throw std::logic_error("deparsed constraint lacks its ALTER TABLE: " + text);
  }
  text.erase(0, kAddConstraintPrefix.size());
  return cache.emplace(std::move(packed), std::move(text)).first->second;
}

std::string normalise_constraint_definition(std::string_view definition,
                                            const std::string& context) {
  std::string text = std::string(kAddConstraintPrefix) + std::string(definition);
  SyntaxError error;
  std::unique_ptr<ParsedSql> parsed = try_parse_sql(text, context, &error);
  std::string where = context.empty() ? "" : context + ": ";
  if (parsed == nullptr) {
    throw UserError(fmt::format("{}invalid constraint `{}`: {}", where, definition, error.message));
  }
  Node* statement = parsed->size() == 1 ? parsed->statement(0).stmt : nullptr;
  if (statement == nullptr || statement->node_case != PG_QUERY__NODE__NODE_ALTER_TABLE_STMT ||
      statement->alter_table_stmt->n_cmds != 1 ||
      statement->alter_table_stmt->cmds[0]->alter_table_cmd->def == nullptr ||
      statement->alter_table_stmt->cmds[0]->alter_table_cmd->def->node_case !=
          PG_QUERY__NODE__NODE_CONSTRAINT) {
    throw UserError(fmt::format("{}`{}` is not a single table constraint", where, definition));
  }
  return deparse_constraint_node(
      statement->alter_table_stmt->cmds[0]->alter_table_cmd->def->constraint);
}

std::string normalise_expression(std::string_view expression, const std::string& context) {
  thread_local Cache cache;
  std::string key(expression);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  std::unique_ptr<ParsedSql> parsed = parse_expression(expression, context);
  std::string text = deparse_expression_node(expression_of(*parsed));
  return cache.emplace(std::move(key), std::move(text)).first->second;
}

namespace {

// `nextval('<name>'::regclass)` as pg_get_expr prints a serial or identity-less sequence
// default, with no quote or backslash in the name: deparse prints it back unchanged, so it
// needs no parse (pull meets one per table, each distinct).
bool is_printed_nextval(std::string_view expression) {
  constexpr std::string_view kPrefix = "nextval('";
  constexpr std::string_view kSuffix = "'::regclass)";
  if (expression.size() <= kPrefix.size() + kSuffix.size() ||
      expression.substr(0, kPrefix.size()) != kPrefix ||
      expression.substr(expression.size() - kSuffix.size()) != kSuffix) {
    return false;
  }
  std::string_view name =
      expression.substr(kPrefix.size(), expression.size() - kPrefix.size() - kSuffix.size());
  return name.find_first_of("'\\") == std::string_view::npos;
}

}  // namespace

std::string normalise_default(std::string_view expression, const std::string& column_type,
                              const std::string& column_type_schema, const std::string& context) {
  if (is_printed_nextval(expression)) return std::string(expression);
  thread_local Cache cache;
  std::string key;
  key.reserve(expression.size() + column_type.size() + column_type_schema.size() + 2);
  key.append(expression).append(1, '\x1f').append(column_type).append(1, '\x1f');
  key.append(column_type_schema);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  std::unique_ptr<ParsedSql> parsed = parse_expression(expression, context);
  TypeName type;
  type.type = column_type;
  type.type_schema = column_type_schema;
  std::string text = deparse_default_node(expression_of(*parsed), type);
  return cache.emplace(std::move(key), std::move(text)).first->second;
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

#include <algorithm>
#include <cctype>

#include "sqlparse/parse_tree.hpp"

namespace flick::sqlparse {
namespace {

std::string schema_or_default(const std::string& schema) {
  return schema.empty() ? "public" : schema;
}

// "varchar(20)" -> "varchar", "timestamp (3) with time zone" -> "timestamp with time zone".
std::string without_modifiers(const std::string& type) {
  std::string result;
  int depth = 0;
  for (char c : type) {
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (depth == 0) {
      result += c;
    }
  }
  std::string collapsed;
  for (char c : result) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += c;
  }
  if (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

bool is_cast_to_column_type(const TypeName& cast, const TypeName& column) {
  if (cast.is_user_type) {
    return cast.type == column.type &&
           schema_or_default(cast.type_schema) == schema_or_default(column.type_schema);
  }
  return column.type_schema.empty() &&
         (cast.type == column.type || cast.type == without_modifiers(column.type));
}

bool is_integer_type(const std::string& type) {
  return type == "smallint" || type == "integer" || type == "bigint" || type == "smallserial" ||
         type == "serial" || type == "bigserial";
}

bool is_integer_literal(std::string_view text) {
  if (!text.empty() && text[0] == '-') text.remove_prefix(1);
  return !text.empty() && text.size() <= 19 && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

}  // namespace

std::string deparse_default_node(Node* node, const TypeName& column_type) {
  if (node->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) {
    PgQuery__TypeCast* cast = node->type_cast;
    Node* literal = cast->arg;
    if (literal != nullptr && literal->node_case == PG_QUERY__NODE__NODE_A_CONST &&
        literal->a_const->isnull) {
      return "NULL";  // NULL::<any type>
    }
    if (literal != nullptr && literal->node_case == PG_QUERY__NODE__NODE_A_CONST &&
        literal->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL &&
        is_cast_to_column_type(canonical_type(cast->type_name), column_type)) {
      const char* value = literal->a_const->sval->sval;
      if (is_integer_type(column_type.type) && is_integer_literal(value)) {
        return normalise_expression(value);
      }
      return deparse_expression_node(literal);
    }
  }
  return deparse_expression_node(node);
}

}  // namespace flick::sqlparse

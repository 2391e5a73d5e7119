#include "sqlparse/parse_tree.hpp"

namespace flick::sqlparse {
namespace {

// FigureColnameInternal of PostgreSQL's parse_target.c, for the node kinds an index expression
// can hold. Returns the strength of the guess: 0 none, 1 second best, 2 good.
int figure_column_name(const Node* node, std::string* name) {
  if (node == nullptr) return 0;
  switch (node->node_case) {
    case PG_QUERY__NODE__NODE_COLUMN_REF: {
      const PgQuery__ColumnRef* ref = node->column_ref;
      for (std::size_t i = ref->n_fields; i > 0; --i) {
        if (ref->fields[i - 1]->node_case == PG_QUERY__NODE__NODE_STRING) {
          *name = string_value(ref->fields[i - 1]);
          return 2;
        }
      }
      return 0;
    }
    case PG_QUERY__NODE__NODE_A_INDIRECTION: {
      const PgQuery__AIndirection* indirection = node->a_indirection;
      for (std::size_t i = indirection->n_indirection; i > 0; --i) {
        const Node* item = indirection->indirection[i - 1];
        if (item->node_case == PG_QUERY__NODE__NODE_A_STAR) break;
        if (item->node_case == PG_QUERY__NODE__NODE_STRING) {
          *name = string_value(item);
          return 2;
        }
      }
      return figure_column_name(indirection->arg, name);
    }
    case PG_QUERY__NODE__NODE_FUNC_CALL: {
      const PgQuery__FuncCall* call = node->func_call;
      *name = string_value(call->funcname[call->n_funcname - 1]);
      return 2;
    }
    case PG_QUERY__NODE__NODE_A_EXPR:
      if (node->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF) {
        *name = "nullif";
        return 2;
      }
      return 0;
    case PG_QUERY__NODE__NODE_TYPE_CAST: {
      int strength = figure_column_name(node->type_cast->arg, name);
      if (strength <= 1 && node->type_cast->type_name != nullptr) {
        const PgQuery__TypeName* type = node->type_cast->type_name;
        *name = string_value(type->names[type->n_names - 1]);
        return 1;
      }
      return strength;
    }
    case PG_QUERY__NODE__NODE_COLLATE_CLAUSE:
      return figure_column_name(node->collate_clause->arg, name);
    case PG_QUERY__NODE__NODE_SUB_LINK:
      switch (node->sub_link->sub_link_type) {
        case PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK:
          *name = "exists";
          return 2;
        case PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK:
          *name = "array";
          return 2;
        default:
          return 0;
      }
    case PG_QUERY__NODE__NODE_CASE_EXPR: {
      int strength = figure_column_name(node->case_expr->defresult, name);
      if (strength <= 1) {
        *name = "case";
        return 1;
      }
      return strength;
    }
    case PG_QUERY__NODE__NODE_A_ARRAY_EXPR:
      *name = "array";
      return 2;
    case PG_QUERY__NODE__NODE_ROW_EXPR:
      *name = "row";
      return 2;
    case PG_QUERY__NODE__NODE_COALESCE_EXPR:
      *name = "coalesce";
      return 2;
    case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
      *name = node->min_max_expr->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST ? "greatest" : "least";
      return 2;
    case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
      switch (node->sqlvalue_function->op) {
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE:
          *name = "current_date";
          return 2;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME_N:
          *name = "current_time";
          return 2;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N:
          *name = "current_timestamp";
          return 2;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME_N:
          *name = "localtime";
          return 2;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP:
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N:
          *name = "localtimestamp";
          return 2;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_ROLE:
          *name = "current_role";
          return 2;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_USER:
          *name = "current_user";
          return 2;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_USER:
          *name = "user";
          return 2;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_SESSION_USER:
          *name = "session_user";
          return 2;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_CATALOG:
          *name = "current_catalog";
          return 2;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_SCHEMA:
          *name = "current_schema";
          return 2;
        default:
          return 0;
      }
    default:
      return 0;
  }
}

}  // namespace

std::string index_expression_column_name(const Node* expression) {
  std::string name;
  figure_column_name(expression, &name);
  return name;
}

}  // namespace flick::sqlparse

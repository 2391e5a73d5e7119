/* Parse trees straight from PostgreSQL's own nodes: libpg_query's raw parse (pg_query_raw_parse)
 * gives the grammar's node tree, which is copied here into the protobuf-c structs that unpacking
 * libpg_query's protobuf output would give, for the node types schema files are made of. It
 * skips the JSON text libpg_query would write and the reading of it back (parse_tree_from_json).
 * Any other node type, and any syntax error, returns NULL: the caller then takes the JSON path,
 * which also words the errors. tests/sqlparse/raw_tree_test.cpp compares the packed bytes with
 * pg_query_parse_protobuf's for every SQL file of the repository.
 *
 * The node structs come from postgresql-server-dev-15, libpg_query's from PostgreSQL 15.1: both
 * of major version 15, whose node layouts and tags do not change between minor releases (the
 * build checks the majors, the test the bytes). Written in C: PostgreSQL's headers are C. */

#include <pg_query.h>

/* libpg_query's PostgreSQL version, before the server headers define their own. */
enum { kLibpgQueryVersionNum = PG_VERSION_NUM };
#undef PG_VERSION
#undef PG_VERSION_NUM
#undef PG_MAJORVERSION

#include <pg_query/pg_query_internal.h>
#include <stdlib.h>
#include <string.h>

#include "nodes/parsenodes.h"
#include "nodes/pg_list.h"
#include "nodes/primnodes.h"
#include "nodes/value.h"
#include "postgres.h"
#include "sqlparse/raw_tree.h"

#if PG_VERSION_NUM / 10000 != 15
#error "the node headers must be PostgreSQL 15's, the version of libpg_query's grammar"
#endif
_Static_assert(kLibpgQueryVersionNum / 10000 == PG_VERSION_NUM / 10000,
               "libpg_query and the node headers are of different PostgreSQL majors");

typedef struct {
  ProtobufCAllocator *allocator;
  int refused; /* a node type this file does not copy */
} Copier;

static void *allocate(Copier *c, size_t size) {
  return c->allocator->alloc(c->allocator->allocator_data, size);
}

/* A message of type T in the arena, initialised as protobuf-c's INIT macro does. */
#define NEW(T, INIT_MACRO)               \
  T *out = (T *)allocate(c, sizeof(T));  \
  {                                      \
    static const T initial = INIT_MACRO; \
    *out = initial;                      \
  }

/* A copy of a string in the arena; NULL stays the empty default. */
static char *text_of(Copier *c, const char *value) {
  if (value == NULL) return (char *)protobuf_c_empty_string;
  size_t length = strlen(value);
  char *out = (char *)allocate(c, length + 1);
  memcpy(out, value, length + 1);
  return out;
}

/* A char field: a one-character string, or the empty default for '\0'. */
static char *char_of(Copier *c, char value) {
  if (value == 0) return (char *)protobuf_c_empty_string;
  char *out = (char *)allocate(c, 2);
  out[0] = value;
  out[1] = '\0';
  return out;
}

static PgQuery__Node *node_of(Copier *c, const Node *node);

/* A list of nodes: the count, the array through `items`. */
static size_t list_of(Copier *c, const List *list, PgQuery__Node ***items) {
  *items = NULL;
  int length = list_length(list);
  if (length == 0) return 0;
  *items = (PgQuery__Node **)allocate(c, sizeof(PgQuery__Node *) * (size_t)length);
  for (int i = 0; i < length; ++i) (*items)[i] = node_of(c, (const Node *)list_nth(list, i));
  return (size_t)length;
}

#define LIST(field, value) out->n_##field = list_of(c, (value), &out->field)
/* The protobuf enums are PostgreSQL's shifted by one: 0 is their UNDEFINED. */
#define ENUM(type, value) ((type)((int)(value) + 1))

static PgQuery__String *string_of(Copier *c, const String *node) {
  NEW(PgQuery__String, PG_QUERY__STRING__INIT);
  out->sval = text_of(c, node->sval);
  return out;
}

static PgQuery__Integer *integer_of(Copier *c, const Integer *node) {
  NEW(PgQuery__Integer, PG_QUERY__INTEGER__INIT);
  out->ival = node->ival;
  return out;
}

static PgQuery__Float *float_of(Copier *c, const Float *node) {
  NEW(PgQuery__Float, PG_QUERY__FLOAT__INIT);
  out->fval = text_of(c, node->fval);
  return out;
}

static PgQuery__Boolean *boolean_of(Copier *c, const Boolean *node) {
  NEW(PgQuery__Boolean, PG_QUERY__BOOLEAN__INIT);
  out->boolval = node->boolval;
  return out;
}

static PgQuery__BitString *bit_string_of(Copier *c, const BitString *node) {
  NEW(PgQuery__BitString, PG_QUERY__BIT_STRING__INIT);
  out->bsval = text_of(c, node->bsval);
  return out;
}

static PgQuery__AConst *a_const_of(Copier *c, const A_Const *node) {
  NEW(PgQuery__AConst, PG_QUERY__A__CONST__INIT);
  out->isnull = node->isnull;
  out->location = node->location;
  if (node->isnull) return out;
  switch (nodeTag(&node->val)) {
    case T_Integer:
      out->val_case = PG_QUERY__A__CONST__VAL_IVAL;
      out->ival = integer_of(c, &node->val.ival);
      break;
    case T_Float:
      out->val_case = PG_QUERY__A__CONST__VAL_FVAL;
      out->fval = float_of(c, &node->val.fval);
      break;
    case T_Boolean:
      out->val_case = PG_QUERY__A__CONST__VAL_BOOLVAL;
      out->boolval = boolean_of(c, &node->val.boolval);
      break;
    case T_String:
      out->val_case = PG_QUERY__A__CONST__VAL_SVAL;
      out->sval = string_of(c, &node->val.sval);
      break;
    case T_BitString:
      out->val_case = PG_QUERY__A__CONST__VAL_BSVAL;
      out->bsval = bit_string_of(c, &node->val.bsval);
      break;
    default:
      c->refused = 1;
  }
  return out;
}

static PgQuery__List *list_node_of(Copier *c, const List *node) {
  NEW(PgQuery__List, PG_QUERY__LIST__INIT);
  LIST(items, node);
  return out;
}

static PgQuery__RangeVar *range_var_of(Copier *c, const RangeVar *node) {
  if (node == NULL) return NULL;
  NEW(PgQuery__RangeVar, PG_QUERY__RANGE_VAR__INIT);
  out->catalogname = text_of(c, node->catalogname);
  out->schemaname = text_of(c, node->schemaname);
  out->relname = text_of(c, node->relname);
  out->inh = node->inh;
  out->relpersistence = char_of(c, node->relpersistence);
  if (node->alias != NULL) c->refused = 1;
  out->location = node->location;
  return out;
}

static PgQuery__TypeName *type_name_of(Copier *c, const TypeName *node) {
  if (node == NULL) return NULL;
  NEW(PgQuery__TypeName, PG_QUERY__TYPE_NAME__INIT);
  LIST(names, node->names);
  out->type_oid = node->typeOid;
  out->setof = node->setof;
  out->pct_type = node->pct_type;
  LIST(typmods, node->typmods);
  out->typemod = node->typemod;
  LIST(array_bounds, node->arrayBounds);
  out->location = node->location;
  return out;
}

static PgQuery__RoleSpec *role_spec_of(Copier *c, const RoleSpec *node) {
  if (node == NULL) return NULL;
  NEW(PgQuery__RoleSpec, PG_QUERY__ROLE_SPEC__INIT);
  out->roletype = ENUM(PgQuery__RoleSpecType, node->roletype);
  out->rolename = text_of(c, node->rolename);
  out->location = node->location;
  return out;
}

static PgQuery__ColumnDef *column_def_of(Copier *c, const ColumnDef *node) {
  NEW(PgQuery__ColumnDef, PG_QUERY__COLUMN_DEF__INIT);
  out->colname = text_of(c, node->colname);
  out->type_name = type_name_of(c, node->typeName);
  out->compression = text_of(c, node->compression);
  out->inhcount = node->inhcount;
  out->is_local = node->is_local;
  out->is_not_null = node->is_not_null;
  out->is_from_type = node->is_from_type;
  out->storage = char_of(c, node->storage);
  out->raw_default = node_of(c, node->raw_default);
  out->cooked_default = node_of(c, node->cooked_default);
  out->identity = char_of(c, node->identity);
  out->identity_sequence = range_var_of(c, node->identitySequence);
  out->generated = char_of(c, node->generated);
  if (node->collClause != NULL) c->refused = 1;
  out->coll_oid = node->collOid;
  LIST(constraints, node->constraints);
  LIST(fdwoptions, node->fdwoptions);
  out->location = node->location;
  return out;
}

static PgQuery__Constraint *constraint_of(Copier *c, const Constraint *node) {
  NEW(PgQuery__Constraint, PG_QUERY__CONSTRAINT__INIT);
  out->contype = ENUM(PgQuery__ConstrType, node->contype);
  out->conname = text_of(c, node->conname);
  out->deferrable = node->deferrable;
  out->initdeferred = node->initdeferred;
  out->location = node->location;
  out->is_no_inherit = node->is_no_inherit;
  out->raw_expr = node_of(c, node->raw_expr);
  out->cooked_expr = text_of(c, node->cooked_expr);
  out->generated_when = char_of(c, node->generated_when);
  out->nulls_not_distinct = node->nulls_not_distinct;
  LIST(keys, node->keys);
  LIST(including, node->including);
  LIST(exclusions, node->exclusions);
  LIST(options, node->options);
  out->indexname = text_of(c, node->indexname);
  out->indexspace = text_of(c, node->indexspace);
  out->reset_default_tblspc = node->reset_default_tblspc;
  out->access_method = text_of(c, node->access_method);
  out->where_clause = node_of(c, node->where_clause);
  out->pktable = range_var_of(c, node->pktable);
  LIST(fk_attrs, node->fk_attrs);
  LIST(pk_attrs, node->pk_attrs);
  out->fk_matchtype = char_of(c, node->fk_matchtype);
  out->fk_upd_action = char_of(c, node->fk_upd_action);
  out->fk_del_action = char_of(c, node->fk_del_action);
  LIST(fk_del_set_cols, node->fk_del_set_cols);
  LIST(old_conpfeqop, node->old_conpfeqop);
  out->old_pktable_oid = node->old_pktable_oid;
  out->skip_validation = node->skip_validation;
  out->initially_valid = node->initially_valid;
  return out;
}

static PgQuery__FuncCall *func_call_of(Copier *c, const FuncCall *node) {
  NEW(PgQuery__FuncCall, PG_QUERY__FUNC_CALL__INIT);
  LIST(funcname, node->funcname);
  LIST(args, node->args);
  LIST(agg_order, node->agg_order);
  out->agg_filter = node_of(c, node->agg_filter);
  if (node->over != NULL) c->refused = 1;
  out->agg_within_group = node->agg_within_group;
  out->agg_star = node->agg_star;
  out->agg_distinct = node->agg_distinct;
  out->func_variadic = node->func_variadic;
  out->funcformat = ENUM(PgQuery__CoercionForm, node->funcformat);
  out->location = node->location;
  return out;
}

static PgQuery__TypeCast *type_cast_of(Copier *c, const TypeCast *node) {
  NEW(PgQuery__TypeCast, PG_QUERY__TYPE_CAST__INIT);
  out->arg = node_of(c, node->arg);
  out->type_name = type_name_of(c, node->typeName);
  out->location = node->location;
  return out;
}

static PgQuery__ColumnRef *column_ref_of(Copier *c, const ColumnRef *node) {
  NEW(PgQuery__ColumnRef, PG_QUERY__COLUMN_REF__INIT);
  LIST(fields, node->fields);
  out->location = node->location;
  return out;
}

static PgQuery__AExpr *a_expr_of(Copier *c, const A_Expr *node) {
  NEW(PgQuery__AExpr, PG_QUERY__A__EXPR__INIT);
  out->kind = ENUM(PgQuery__AExprKind, node->kind);
  LIST(name, node->name);
  out->lexpr = node_of(c, node->lexpr);
  out->rexpr = node_of(c, node->rexpr);
  out->location = node->location;
  return out;
}

static PgQuery__BoolExpr *bool_expr_of(Copier *c, const BoolExpr *node) {
  NEW(PgQuery__BoolExpr, PG_QUERY__BOOL_EXPR__INIT);
  out->boolop = ENUM(PgQuery__BoolExprType, node->boolop);
  LIST(args, node->args);
  out->location = node->location;
  return out;
}

static PgQuery__NullTest *null_test_of(Copier *c, const NullTest *node) {
  NEW(PgQuery__NullTest, PG_QUERY__NULL_TEST__INIT);
  out->arg = node_of(c, (const Node *)node->arg);
  out->nulltesttype = ENUM(PgQuery__NullTestType, node->nulltesttype);
  out->argisrow = node->argisrow;
  out->location = node->location;
  return out;
}

static PgQuery__SQLValueFunction *sql_value_function_of(Copier *c, const SQLValueFunction *node) {
  NEW(PgQuery__SQLValueFunction, PG_QUERY__SQLVALUE_FUNCTION__INIT);
  out->op = ENUM(PgQuery__SQLValueFunctionOp, node->op);
  out->type = node->type;
  out->typmod = node->typmod;
  out->location = node->location;
  return out;
}

static PgQuery__AArrayExpr *a_array_expr_of(Copier *c, const A_ArrayExpr *node) {
  NEW(PgQuery__AArrayExpr, PG_QUERY__A__ARRAY_EXPR__INIT);
  LIST(elements, node->elements);
  out->location = node->location;
  return out;
}

static PgQuery__DefElem *def_elem_of(Copier *c, const DefElem *node) {
  NEW(PgQuery__DefElem, PG_QUERY__DEF_ELEM__INIT);
  out->defnamespace = text_of(c, node->defnamespace);
  out->defname = text_of(c, node->defname);
  out->arg = node_of(c, node->arg);
  out->defaction = ENUM(PgQuery__DefElemAction, node->defaction);
  out->location = node->location;
  return out;
}

static PgQuery__IndexElem *index_elem_of(Copier *c, const IndexElem *node) {
  NEW(PgQuery__IndexElem, PG_QUERY__INDEX_ELEM__INIT);
  out->name = text_of(c, node->name);
  out->expr = node_of(c, node->expr);
  out->indexcolname = text_of(c, node->indexcolname);
  LIST(collation, node->collation);
  LIST(opclass, node->opclass);
  LIST(opclassopts, node->opclassopts);
  out->ordering = ENUM(PgQuery__SortByDir, node->ordering);
  out->nulls_ordering = ENUM(PgQuery__SortByNulls, node->nulls_ordering);
  return out;
}

static PgQuery__CreateStmt *create_stmt_of(Copier *c, const CreateStmt *node) {
  NEW(PgQuery__CreateStmt, PG_QUERY__CREATE_STMT__INIT);
  out->relation = range_var_of(c, node->relation);
  LIST(table_elts, node->tableElts);
  LIST(inh_relations, node->inhRelations);
  if (node->partbound != NULL || node->partspec != NULL) c->refused = 1;
  out->of_typename = type_name_of(c, node->ofTypename);
  LIST(constraints, node->constraints);
  LIST(options, node->options);
  out->oncommit = ENUM(PgQuery__OnCommitAction, node->oncommit);
  out->tablespacename = text_of(c, node->tablespacename);
  out->access_method = text_of(c, node->accessMethod);
  out->if_not_exists = node->if_not_exists;
  return out;
}

static PgQuery__IndexStmt *index_stmt_of(Copier *c, const IndexStmt *node) {
  NEW(PgQuery__IndexStmt, PG_QUERY__INDEX_STMT__INIT);
  out->idxname = text_of(c, node->idxname);
  out->relation = range_var_of(c, node->relation);
  out->access_method = text_of(c, node->accessMethod);
  out->table_space = text_of(c, node->tableSpace);
  LIST(index_params, node->indexParams);
  LIST(index_including_params, node->indexIncludingParams);
  LIST(options, node->options);
  out->where_clause = node_of(c, node->whereClause);
  LIST(exclude_op_names, node->excludeOpNames);
  out->idxcomment = text_of(c, node->idxcomment);
  out->index_oid = node->indexOid;
  out->old_node = node->oldNode;
  out->old_create_subid = node->oldCreateSubid;
  out->old_first_relfilenode_subid = node->oldFirstRelfilenodeSubid;
  out->unique = node->unique;
  out->nulls_not_distinct = node->nulls_not_distinct;
  out->primary = node->primary;
  out->isconstraint = node->isconstraint;
  out->deferrable = node->deferrable;
  out->initdeferred = node->initdeferred;
  out->transformed = node->transformed;
  out->concurrent = node->concurrent;
  out->if_not_exists = node->if_not_exists;
  out->reset_default_tblspc = node->reset_default_tblspc;
  return out;
}

static PgQuery__CreateEnumStmt *create_enum_stmt_of(Copier *c, const CreateEnumStmt *node) {
  NEW(PgQuery__CreateEnumStmt, PG_QUERY__CREATE_ENUM_STMT__INIT);
  LIST(type_name, node->typeName);
  LIST(vals, node->vals);
  return out;
}

static PgQuery__AlterTableStmt *alter_table_stmt_of(Copier *c, const AlterTableStmt *node) {
  NEW(PgQuery__AlterTableStmt, PG_QUERY__ALTER_TABLE_STMT__INIT);
  out->relation = range_var_of(c, node->relation);
  LIST(cmds, node->cmds);
  out->objtype = ENUM(PgQuery__ObjectType, node->objtype);
  out->missing_ok = node->missing_ok;
  return out;
}

static PgQuery__AlterTableCmd *alter_table_cmd_of(Copier *c, const AlterTableCmd *node) {
  NEW(PgQuery__AlterTableCmd, PG_QUERY__ALTER_TABLE_CMD__INIT);
  out->subtype = ENUM(PgQuery__AlterTableType, node->subtype);
  out->name = text_of(c, node->name);
  out->num = node->num;
  out->newowner = role_spec_of(c, node->newowner);
  out->def = node_of(c, node->def);
  out->behavior = ENUM(PgQuery__DropBehavior, node->behavior);
  out->missing_ok = node->missing_ok;
  out->recurse = node->recurse;
  return out;
}

static PgQuery__CommentStmt *comment_stmt_of(Copier *c, const CommentStmt *node) {
  NEW(PgQuery__CommentStmt, PG_QUERY__COMMENT_STMT__INIT);
  out->objtype = ENUM(PgQuery__ObjectType, node->objtype);
  out->object = node_of(c, node->object);
  out->comment = text_of(c, node->comment);
  return out;
}

static PgQuery__CreateSchemaStmt *create_schema_stmt_of(Copier *c, const CreateSchemaStmt *node) {
  NEW(PgQuery__CreateSchemaStmt, PG_QUERY__CREATE_SCHEMA_STMT__INIT);
  out->schemaname = text_of(c, node->schemaname);
  out->authrole = role_spec_of(c, node->authrole);
  LIST(schema_elts, node->schemaElts);
  out->if_not_exists = node->if_not_exists;
  return out;
}

static PgQuery__CreateExtensionStmt *create_extension_stmt_of(Copier *c,
                                                              const CreateExtensionStmt *node) {
  NEW(PgQuery__CreateExtensionStmt, PG_QUERY__CREATE_EXTENSION_STMT__INIT);
  out->extname = text_of(c, node->extname);
  out->if_not_exists = node->if_not_exists;
  LIST(options, node->options);
  return out;
}

static PgQuery__VariableSetStmt *variable_set_stmt_of(Copier *c, const VariableSetStmt *node) {
  NEW(PgQuery__VariableSetStmt, PG_QUERY__VARIABLE_SET_STMT__INIT);
  out->kind = ENUM(PgQuery__VariableSetKind, node->kind);
  out->name = text_of(c, node->name);
  LIST(args, node->args);
  out->is_local = node->is_local;
  return out;
}

static PgQuery__AStar *a_star_of(Copier *c, const A_Star *node) {
  (void)node;
  NEW(PgQuery__AStar, PG_QUERY__A__STAR__INIT);
  return out;
}

/* One Node wrapper per copied node, as libpg_query's protobuf output has. */
#define COPY(TAG, CASE, member, copy)             \
  case T_##TAG:                                   \
    out->node_case = PG_QUERY__NODE__NODE_##CASE; \
    out->member = copy(c, (const TAG *)node);     \
    break;

static PgQuery__Node *node_of(Copier *c, const Node *node) {
  if (node == NULL || c->refused) return NULL;
  NEW(PgQuery__Node, PG_QUERY__NODE__INIT);
  switch (nodeTag(node)) {
    COPY(String, STRING, string, string_of)
    COPY(Integer, INTEGER, integer, integer_of)
    COPY(Float, FLOAT, float_, float_of)
    COPY(Boolean, BOOLEAN, boolean, boolean_of)
    COPY(BitString, BIT_STRING, bit_string, bit_string_of)
    COPY(A_Const, A_CONST, a_const, a_const_of)
    COPY(List, LIST, list, list_node_of)
    COPY(RangeVar, RANGE_VAR, range_var, range_var_of)
    COPY(TypeName, TYPE_NAME, type_name, type_name_of)
    COPY(RoleSpec, ROLE_SPEC, role_spec, role_spec_of)
    COPY(ColumnDef, COLUMN_DEF, column_def, column_def_of)
    COPY(Constraint, CONSTRAINT, constraint, constraint_of)
    COPY(FuncCall, FUNC_CALL, func_call, func_call_of)
    COPY(TypeCast, TYPE_CAST, type_cast, type_cast_of)
    COPY(ColumnRef, COLUMN_REF, column_ref, column_ref_of)
    COPY(A_Star, A_STAR, a_star, a_star_of)
    COPY(A_Expr, A_EXPR, a_expr, a_expr_of)
    COPY(BoolExpr, BOOL_EXPR, bool_expr, bool_expr_of)
    COPY(NullTest, NULL_TEST, null_test, null_test_of)
    COPY(SQLValueFunction, SQLVALUE_FUNCTION, sqlvalue_function, sql_value_function_of)
    COPY(A_ArrayExpr, A_ARRAY_EXPR, a_array_expr, a_array_expr_of)
    COPY(DefElem, DEF_ELEM, def_elem, def_elem_of)
    COPY(IndexElem, INDEX_ELEM, index_elem, index_elem_of)
    COPY(CreateStmt, CREATE_STMT, create_stmt, create_stmt_of)
    COPY(IndexStmt, INDEX_STMT, index_stmt, index_stmt_of)
    COPY(CreateEnumStmt, CREATE_ENUM_STMT, create_enum_stmt, create_enum_stmt_of)
    COPY(AlterTableStmt, ALTER_TABLE_STMT, alter_table_stmt, alter_table_stmt_of)
    COPY(AlterTableCmd, ALTER_TABLE_CMD, alter_table_cmd, alter_table_cmd_of)
    COPY(CommentStmt, COMMENT_STMT, comment_stmt, comment_stmt_of)
    COPY(CreateSchemaStmt, CREATE_SCHEMA_STMT, create_schema_stmt, create_schema_stmt_of)
    COPY(CreateExtensionStmt, CREATE_EXTENSION_STMT, create_extension_stmt,
         create_extension_stmt_of)
    COPY(VariableSetStmt, VARIABLE_SET_STMT, variable_set_stmt, variable_set_stmt_of)
    default:
      c->refused = 1;
      return NULL;
  }
  return out;
}

PgQuery__ParseResult *flick_parse_tree_from_raw(const char *text, ProtobufCAllocator *allocator,
                                                size_t *refused) {
  MemoryContext context = pg_query_enter_memory_context();
  PgQueryInternalParsetreeAndError parsed = pg_query_raw_parse(text);
  PgQuery__ParseResult *result = NULL;
  *refused = 0;
  if (parsed.error == NULL) {
    Copier copier = {allocator, 0};
    Copier *c = &copier;
    NEW(PgQuery__ParseResult, PG_QUERY__PARSE_RESULT__INIT);
    out->version = kLibpgQueryVersionNum;
    int count = list_length(parsed.tree);
    out->n_stmts = (size_t)count;
    out->stmts = count == 0
                     ? NULL
                     : (PgQuery__RawStmt **)allocate(c, sizeof(PgQuery__RawStmt *) * (size_t)count);
    for (int i = 0; i < count; ++i) {
      const RawStmt *raw = (const RawStmt *)list_nth(parsed.tree, i);
      PgQuery__RawStmt *statement = (PgQuery__RawStmt *)allocate(c, sizeof(PgQuery__RawStmt));
      static const PgQuery__RawStmt initial = PG_QUERY__RAW_STMT__INIT;
      *statement = initial;
      copier.refused = 0;
      statement->stmt = node_of(c, raw->stmt);
      if (copier.refused) {
        statement->stmt = NULL;
        ++*refused;
      }
      statement->stmt_location = raw->stmt_location;
      statement->stmt_len = raw->stmt_len;
      out->stmts[i] = statement;
    }
    result = out;
  } else {
    pg_query_free_error(parsed.error);
  }
  free(parsed.stderr_buffer);
  pg_query_exit_memory_context(context);
  return result;
}

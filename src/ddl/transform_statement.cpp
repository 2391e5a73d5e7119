#include <fmt/format.h>

#include "ddl/builder.hpp"

namespace flick::ddl {

namespace {

// `DROP TABLE / VIEW / SEQUENCE / TYPE / DOMAIN IF EXISTS x` before x is defined: generated
// scripts start that way (drop, then create), and it does nothing. A schema file says what
// exists, so any other DROP is refused: delete the definition instead.
void transform_drop_if_exists(const PgQuery__DropStmt& statement, const Source& source,
                              CatalogBuilder& builder) {
  const model::Catalog& catalog = builder.catalog();
  bool relation = false;
  switch (statement.remove_type) {
    case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
    case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
      relation = true;
      break;
    case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
    case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
      break;
    default:
      source.unsupported(-1,
                         "unsupported statement DROP in a schema file (it says what exists: "
                         "delete the object's definition instead)");
  }
  if (!statement.missing_ok) {
    source.unsupported(-1,
                       "unsupported statement DROP without IF EXISTS in a schema file (it says "
                       "what exists: delete the object's definition instead)");
  }
  for (std::size_t i = 0; i < statement.n_objects; ++i) {
    QualifiedName name = object_name(statement.objects[i], source);
    bool exists = relation ? catalog.find_table(name.schema, name.name) != nullptr ||
                                 catalog.find_view(name.schema, name.name) != nullptr ||
                                 catalog.find_sequence(name.schema, name.name) != nullptr
                           : catalog.has_user_type(name.schema, name.name);
    if (exists) {
      source.unsupported(-1, fmt::format("DROP IF EXISTS of \"{}\".\"{}\", which the schema files "
                                         "define before it: delete that definition instead",
                                         name.schema, name.name));
    }
  }
}

void transform_one(Node* statement, const Source& source, CatalogBuilder& builder) {
  switch (statement->node_case) {
    case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
      return transform_create_schema(*statement->create_schema_stmt, source, builder);
    case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
      return transform_create_enum(*statement->create_enum_stmt, source, builder);
    case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
      return transform_create_sequence(*statement->create_seq_stmt, source, builder);
    case PG_QUERY__NODE__NODE_CREATE_STMT:
      return transform_create_table(*statement->create_stmt, source, builder);
    case PG_QUERY__NODE__NODE_INDEX_STMT:
      return transform_index(*statement->index_stmt, source, builder);
    case PG_QUERY__NODE__NODE_VIEW_STMT:
      return transform_view(*statement->view_stmt, source, builder);
    case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
      if (statement->create_table_as_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW) {
        return transform_materialized_view(*statement->create_table_as_stmt, source, builder);
      }
      source.unsupported(-1, "unsupported statement CREATE TABLE ... AS");
    case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
      return transform_alter_table(*statement->alter_table_stmt, source, builder);
    case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
      return transform_policy(*statement->create_policy_stmt, source, builder);
    case PG_QUERY__NODE__NODE_COMMENT_STMT:
      return transform_comment(*statement->comment_stmt, source, builder);
    case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
      return transform_create_composite_type(*statement->composite_type_stmt, source, builder);
    case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT:
      return transform_create_range(*statement->create_range_stmt, source, builder);
    case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
      return transform_create_domain(*statement->create_domain_stmt, source, builder);
    case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT:
      return transform_create_extension(*statement->create_extension_stmt, source, builder);
    case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
      return transform_create_function(*statement->create_function_stmt, source, builder);
    case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
      return transform_create_trigger(*statement->create_trig_stmt, source, builder);
    case PG_QUERY__NODE__NODE_DEFINE_STMT:
      return transform_define(*statement->define_stmt, source, builder);
    case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT:
      return transform_alter_sequence(*statement->alter_seq_stmt, source, builder);
    case PG_QUERY__NODE__NODE_GRANT_STMT:
      return transform_grant(*statement->grant_stmt, source, builder);
    case PG_QUERY__NODE__NODE_GRANT_ROLE_STMT:
      return transform_grant_role(*statement->grant_role_stmt, source, builder);
    case PG_QUERY__NODE__NODE_ALTER_DEFAULT_PRIVILEGES_STMT:
      return transform_alter_default_privileges(*statement->alter_default_privileges_stmt, source,
                                                builder);
    case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT:
      return transform_create_role(*statement->create_role_stmt, source, builder);
    case PG_QUERY__NODE__NODE_ALTER_ROLE_STMT:
      return transform_alter_role(*statement->alter_role_stmt, source, builder);
    case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT:
      return transform_alter_owner(*statement->alter_owner_stmt, source, builder);
    case PG_QUERY__NODE__NODE_DROP_STMT:
      return transform_drop_if_exists(*statement->drop_stmt, source, builder);
    default:
      source.unsupported(-1, "unsupported statement " + sqlparse::node_kind(statement));
  }
}

}  // namespace

void transform_statement(Node* statement, const Source& source, CatalogBuilder& builder) {
  if (builder.catalog().default_privileges.empty()) {
    return transform_one(statement, source, builder);
  }
  CreatedCounts before = created_counts(builder.catalog());
  transform_one(statement, source, builder);
  grant_defaults_to_new_objects(builder.catalog(), before);
}

}  // namespace flick::ddl

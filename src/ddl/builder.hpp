#pragma once

// Internal state of the DDL reader: the catalog being built, the names PostgreSQL would see as
// taken (to choose implicit names the way it does), and references resolved at the end.

#include <functional>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "flick/error.hpp"
#include "flick/model.hpp"
#include "sqlparse/parse_tree.hpp"

namespace flick::ddl {

using sqlparse::Node;

// A statement (or clause) the model cannot represent: for the schema reader an error like any
// other, for a lenient replay a "not understood" warning rather than a broken history.
class UnsupportedStatement : public UserError {
 public:
  using UserError::UserError;
};

// A statement on an object the migrations never created, in a schema whose objects the
// database is said to have already (CatalogBuilder::set_provided_elsewhere): the replay skips
// the statement instead of calling it a failure.
class ProvidedElsewhere : public UserError {
 public:
  using UserError::UserError;
};

// The statement being transformed, for error positions, and the schema unqualified names
// resolve to (the first schema of the search_path in effect).
class Source {
 public:
  Source(const sqlparse::ParsedSql& parsed, std::size_t statement_index,
         std::string default_schema = model::kDefaultSchema)
      : parsed_(parsed),
        base_(parsed.statement_base(statement_index)),
        statement_offset_(parsed.statement_offset(statement_index)),
        statement_end_(parsed.statement_end(statement_index)),
        default_schema_(std::move(default_schema)) {}

  // "<file>:<line>:<col>" of a node location (a byte offset; -1 means the statement itself).
  std::string position(int location) const;
  const std::string& default_schema() const { return default_schema_; }
  // The statement's text as written, from its first token to just before its ';'.
  std::string statement_text() const {
    return parsed_.text().substr(statement_offset_, statement_end_ - statement_offset_);
  }

  // Throws flick::UserError "<file>:<line>:<col>: <message>".
  [[noreturn]] void fail(int location, const std::string& message) const;
  // Throws UnsupportedStatement "<file>:<line>:<col>: <message>".
  [[noreturn]] void unsupported(int location, const std::string& message) const;

 private:
  const sqlparse::ParsedSql& parsed_;
  std::size_t base_;  // node locations count from here
  std::size_t statement_offset_;
  std::size_t statement_end_;
  std::string default_schema_;
};

// Schema and name of a relation as written; the schema defaults to source.default_schema().
struct QualifiedName {
  std::string schema;
  std::string name;
};
QualifiedName qualified_name(const PgQuery__RangeVar* range, const Source& source);
QualifiedName qualified_name(Node** names, std::size_t count, int location, const Source& source);
// The name of the object node of a DROP, RENAME, COMMENT ON, GRANT or ALTER ... OWNER TO: a List
// of name parts, a TypeName, or a String (a bare name: schema ""). Unsupported for other nodes.
QualifiedName object_name(const Node* object, const Source& source);

// Names of the columns in a list of String nodes (keys of a constraint, INCLUDE lists, ...).
std::vector<std::string> string_list(Node** items, std::size_t count);

class CatalogBuilder {
 public:
  model::Catalog& catalog() { return catalog_; }
  const model::Catalog& catalog() const { return catalog_; }

  // Adds a table (callers check it is new; check's replay may add one again after a DROP) and
  // returns it, with no constraint names claimed on it yet; references to earlier tables stay
  // valid until the next add_table.
  model::Table& add_table(model::Table table);
  // The table; nullptr when it has not been created (yet).
  model::Table* find_table(const std::string& schema, const std::string& name);
  const model::Table* find_table(const std::string& schema, const std::string& name) const;

  // The table, or a UserError at `location` when it has not been created (yet): a
  // ProvidedElsewhere when its schema is provided elsewhere.
  model::Table& table(const QualifiedName& name, int location, const Source& source);

  // Schemas whose objects the database has before the first migration (a platform's, such as
  // Supabase's auth, storage and realtime). A foreign key to a table missing there is taken as
  // written, an object created in such a schema needs no CREATE SCHEMA, and a statement on a
  // table missing there throws ProvidedElsewhere. None by default.
  void set_provided_elsewhere(std::function<bool(const std::string& schema)> provided) {
    provided_elsewhere_ = std::move(provided);
  }
  bool provided_elsewhere(const std::string& schema) const {
    return provided_elsewhere_ && provided_elsewhere_(schema);
  }
  // "table auth.users": what the history took to exist without creating it, in first-use order.
  const std::vector<std::string>& assumed_existing() const { return assumed_existing_; }
  // Records one (once) and throws ProvidedElsewhere "<position>: <kind> "<schema>"."<name>" ...".
  [[noreturn]] void assume_existing(const std::string& kind, const QualifiedName& name,
                                    const std::string& position);

  // Claims an explicit name (a table, index, sequence, view, or constraint); PostgreSQL's
  // implicit names avoid the ones already claimed in the schema. Returns false when the name
  // was already taken.
  bool claim_relation_name(const std::string& schema, const std::string& name);
  bool claim_constraint_name(const std::string& schema, const std::string& name);
  // Claims a constraint name on one table (PostgreSQL keeps them unique per table). Returns
  // false when the table already has a constraint so named.
  bool claim_table_constraint_name(const std::string& schema, const std::string& table,
                                   const std::string& name);

  // ChooseRelationName: an implicit index / sequence name, digits appended on a clash; with
  // `is_constraint` (primary key, unique) constraint names are avoided too.
  std::string choose_relation_name(const std::string& schema, const std::string& table,
                                   const std::vector<std::string>& columns,
                                   const std::string& suffix, bool is_constraint);
  // ChooseConstraintName: an implicit CHECK / FOREIGN KEY name.
  std::string choose_constraint_name(const std::string& schema, const std::string& table,
                                     const std::vector<std::string>& columns,
                                     const std::string& suffix);

  // A column whose type is not built in: resolved against the catalog's enums at the end.
  void defer_user_type(const std::string& schema, const std::string& table,
                       const std::string& column, std::string position);
  // A foreign key: its target table (and, when it names none, its columns: the target's
  // primary key) is checked at the end.
  void defer_foreign_key(const std::string& schema, const std::string& table, std::size_t index,
                         std::string position);
  // A schema an object was created in; it must be created by CREATE SCHEMA somewhere.
  void use_schema(const std::string& schema, std::string position);

  // ALTER SEQUENCE `sequence` OWNED BY `table`.`column` (pg_dump writes serial columns so). At
  // the end, a sequence owned by an integer column whose default is its nextval becomes that
  // column's serial type, as the database reader reads it; the table and column must exist.
  void own_sequence(const QualifiedName& sequence, const QualifiedName& table, std::string column,
                    std::string position);

  // ALTER TABLE parent ATTACH PARTITION child bound / DETACH PARTITION child. `child` keeps its
  // columns; `bound` is partition_bound_text's. Throw UserError at `position` when either table
  // is missing, the parent is not partitioned or the child is (not) a partition.
  void attach_partition(const QualifiedName& parent, const QualifiedName& child, std::string bound,
                        const std::string& position);
  void detach_partition(const QualifiedName& parent, const QualifiedName& child,
                        const std::string& position);
  // ALTER TABLE child INHERIT parent: the child must have each of the parent's columns already,
  // of the same type (and NOT NULL where the parent's is); they stay the child's own. NO INHERIT
  // parent: the columns only that parent gave, and its CHECKs, become the child's own. Throw
  // UserError at `position` when a table is missing, partitioned, a partition, or (not) a parent
  // already.
  void inherit(const QualifiedName& child, const QualifiedName& parent,
               const std::string& position);
  void no_inherit(const QualifiedName& child, const QualifiedName& parent,
                  const std::string& position);
  // Gives the tables with INHERITS their parents' columns now (model::copy_inherited_columns),
  // so that later statements can name them.
  void settle_inherited_columns();
  // ALTER INDEX parent_index ATTACH PARTITION child_index: the child's index (or the key or
  // unique constraint behind it) is the parent's, so the child does not hold it.
  void attach_index(const std::string& schema, const std::string& child_index);

  // Leaves out of every partition what it has from its parent: a primary key, uniques,
  // exclusions, checks, foreign keys and indexes equal to the parent's (pg_dump writes them for
  // each partition).
  void fold_partitions();

  // Resolves what was deferred, normalises and returns the catalog.
  model::Catalog finish();

  // For replay, where statements may drop or rename what earlier ones deferred: resolves the
  // deferred types, foreign keys and schema uses now and forgets them.
  void resolve_deferred();
  // Forgets what was deferred without resolving it (a statement failed half-way).
  void clear_deferred();

  // Objects the model does not hold (functions, triggers, extensions, domains, composite and
  // range types, ...), followed by kind and name so later statements can refer to them: keys
  // like "function public.touch(integer)", "trigger public.users.users_touch",
  // "type public.email" (a domain), "extension citext".
  std::set<std::string>& other_objects() { return other_objects_; }
  // Whether a column may have the non-enum user type `schema`.`name`: (when any extension was
  // created) a type an extension brings, or (replay) a domain, composite or range type created
  // earlier.
  bool accepts_other_type(const std::string& schema, const std::string& name) const;
  // Lets the reader accept such types (replay does; the schema reader does not yet).
  void set_other_types_allowed(bool allowed) { other_types_allowed_ = allowed; }

  // Rebuilds the table lookup after tables were removed, renamed or moved.
  void reindex_tables();
  // Releases a name claimed earlier (the object was dropped or renamed).
  void release_relation_name(const std::string& schema, const std::string& name);
  void release_constraint_name(const std::string& schema, const std::string& name);

 private:
  void note_assumed(const std::string& key);

  std::function<bool(const std::string&)> provided_elsewhere_;
  std::vector<std::string> assumed_existing_;
  struct Names {
    std::set<std::string> relations;
    std::set<std::string> constraints;
    std::set<std::pair<std::string, std::string>> table_constraints;  // (table, constraint)
  };
  struct DeferredType {
    std::string schema, table, column, position;
  };
  struct DeferredForeignKey {
    std::string schema, table;
    std::size_t index;
    std::string position;
  };

  struct OwnedSequence {
    std::string schema, name, table_schema, table, column, position;
  };

  void resolve_user_type(const DeferredType& deferred);
  void fold_owned_sequences();
  void resolve_foreign_key(const DeferredForeignKey& deferred);

  model::Catalog catalog_;
  std::unordered_map<std::string, std::size_t> table_index_;  // "schema.name" -> position
  std::map<std::string, Names> names_;
  std::vector<DeferredType> deferred_types_;
  std::vector<DeferredForeignKey> deferred_foreign_keys_;
  std::vector<OwnedSequence> owned_sequences_;
  std::vector<std::pair<std::string, std::string>> used_schemas_;
  std::set<std::string> other_objects_;
  bool other_types_allowed_ = false;
};

// SET / RESET search_path moves `schema`, where unqualified names go, to the first schema it names
// ("$user" and pg_catalog skipped); RESET or SET ... TO DEFAULT moves it back to public. Returns
// false for any other setting (which changes nothing the model holds).
bool follow_search_path(const PgQuery__VariableSetStmt& statement, std::string& schema);
// A schema file's session setting: any `SET` / `RESET`, or pg_dump's
// `SELECT pg_catalog.set_config('search_path', '', false)`, followed as above. False for any
// other statement.
bool read_session_setting(Node* statement, const Source& source, std::string& schema);

// Fails (as PostgreSQL would, "type ... already exists") when `schema`.`name`, about to be created
// as `kind` ("enum", "domain", "composite type", "table"), clashes with a type of that name: an
// enum, domain or composite type, or the row type every table and view has.
void refuse_type_name_clash(const CatalogBuilder& builder, const std::string& schema,
                            const std::string& name, const char* kind, const Source& source,
                            int location);

// Privileges (transform_privileges.cpp). grant_privilege / revoke_privilege change the catalog's
// grants as GRANT / REVOKE would (a privilege PostgreSQL gives PUBLIC by itself is recorded as
// `revoked` when taken away; `only_grant_option`: REVOKE GRANT OPTION FOR). drop_role removes a
// role with its grants, default privileges and memberships.
void grant_privilege(model::Catalog& catalog, model::Grant grant);
void revoke_privilege(model::Catalog& catalog, const model::Grant& grant, bool only_grant_option);
void drop_role(model::Catalog& catalog, const std::string& name);
// Removes the grants on objects (or columns) the catalog no longer has: dropped with them.
void prune_grants(model::Catalog& catalog);
// ALTER ... RENAME (a table, view, sequence, column, schema or type): its grants follow it.
void rename_in_grants(model::Catalog& catalog, const PgQuery__RenameStmt& statement,
                      const Source& source);

// Ownership (transform_owner.cpp). owner_role: the role an OWNER TO / AUTHORIZATION names, ""
// for CURRENT_USER / CURRENT_ROLE / SESSION_USER (the role running the migrations: no opinion);
// PUBLIC is an error. set_owner replaces the object's entry (removes it for role "").
// set_relation_owner: ALTER TABLE / VIEW / SEQUENCE ... OWNER TO; a serial or identity column's
// sequence follows its table and is skipped; a relation not created is an error at `location`.
// prune_owners / rename_in_owners: entries follow DROP and ALTER ... RENAME of their objects.
std::string owner_role(const PgQuery__RoleSpec& role, const Source& source);
void set_owner(model::Catalog& catalog, model::Owner owner);
void set_relation_owner(model::Catalog& catalog, const QualifiedName& name, std::string role,
                        const Source& source, int location);
void transform_alter_owner(PgQuery__AlterOwnerStmt& statement, const Source& source,
                           CatalogBuilder& builder);
void prune_owners(model::Catalog& catalog);
void rename_in_owners(model::Catalog& catalog, const PgQuery__RenameStmt& statement,
                      const Source& source);

// Whether `name` may be a sequence PostgreSQL made for a serial or identity column
// ("<table>_<column>_seq" when created): a table of the schema has such a column.
bool is_implicit_sequence(const model::Catalog& catalog, const std::string& schema,
                          const std::string& name);

// The routine an ObjectWithArgs names (GRANT ON FUNCTION, COMMENT ON FUNCTION): by its name alone
// when no argument types are given and the name is unique. A UserError when there is none.
const model::Function& resolve_routine(const model::Catalog& catalog,
                                       const PgQuery__ObjectWithArgs& routine,
                                       const Source& source);

// Comments on schemas, views, sequences, types and routines (transform_comment.cpp), kept in
// Catalog::comments. prune_comments removes those of objects the catalog no longer has (dropped
// with them); rename_in_comments makes them follow ALTER ... RENAME of their object.
void prune_comments(model::Catalog& catalog);
void rename_in_comments(model::Catalog& catalog, const PgQuery__RenameStmt& statement,
                        const Source& source);

// How many objects of each kind that default privileges apply to a catalog holds; objects are
// appended when created, so the ones past these counts after a statement are new.
struct CreatedCounts {
  std::size_t schemas, tables, views, sequences, functions, enums, domains, composite_types;
};
CreatedCounts created_counts(const model::Catalog& catalog);
// Gives the objects created since `before` what the default privileges (of the role that runs
// the migrations: those without FOR ROLE) give new objects, as PostgreSQL does.
void grant_defaults_to_new_objects(model::Catalog& catalog, const CreatedCounts& before);

// One function per statement kind; each throws a UserError for clauses it cannot represent.
void transform_statement(Node* statement, const Source& source, CatalogBuilder& builder);
void transform_grant(PgQuery__GrantStmt& statement, const Source& source, CatalogBuilder& builder);
void transform_grant_role(PgQuery__GrantRoleStmt& statement, const Source& source,
                          CatalogBuilder& builder);
void transform_alter_default_privileges(PgQuery__AlterDefaultPrivilegesStmt& statement,
                                        const Source& source, CatalogBuilder& builder);
void transform_create_role(PgQuery__CreateRoleStmt& statement, const Source& source,
                           CatalogBuilder& builder);
void transform_alter_role(PgQuery__AlterRoleStmt& statement, const Source& source,
                          CatalogBuilder& builder);
void transform_create_schema(PgQuery__CreateSchemaStmt& statement, const Source& source,
                             CatalogBuilder& builder);
void transform_create_enum(PgQuery__CreateEnumStmt& statement, const Source& source,
                           CatalogBuilder& builder);
void transform_create_sequence(PgQuery__CreateSeqStmt& statement, const Source& source,
                               CatalogBuilder& builder);
void transform_alter_sequence(PgQuery__AlterSeqStmt& statement, const Source& source,
                              CatalogBuilder& builder);
void transform_create_table(PgQuery__CreateStmt& statement, const Source& source,
                            CatalogBuilder& builder);
void transform_index(PgQuery__IndexStmt& statement, const Source& source, CatalogBuilder& builder);
void transform_view(PgQuery__ViewStmt& statement, const Source& source, CatalogBuilder& builder);
void transform_materialized_view(PgQuery__CreateTableAsStmt& statement, const Source& source,
                                 CatalogBuilder& builder);
void transform_alter_table(PgQuery__AlterTableStmt& statement, const Source& source,
                           CatalogBuilder& builder);
void transform_policy(PgQuery__CreatePolicyStmt& statement, const Source& source,
                      CatalogBuilder& builder);
void transform_comment(PgQuery__CommentStmt& statement, const Source& source,
                       CatalogBuilder& builder);
// Extensions, functions and procedures, triggers (transform_routines.cpp). A CREATE OR REPLACE
// of an existing function replaces it; otherwise an existing one is an error.
void transform_create_extension(PgQuery__CreateExtensionStmt& statement, const Source& source,
                                CatalogBuilder& builder);
void transform_create_function(PgQuery__CreateFunctionStmt& statement, const Source& source,
                               CatalogBuilder& builder);
void transform_create_trigger(PgQuery__CreateTrigStmt& statement, const Source& source,
                              CatalogBuilder& builder);
void transform_create_domain(PgQuery__CreateDomainStmt& statement, const Source& source,
                             CatalogBuilder& builder);
model::Domain domain_of(PgQuery__CreateDomainStmt& statement, const Source& source);
// CREATE TYPE ... AS (...): attribute types spelled like function argument types.
void transform_create_composite_type(PgQuery__CompositeTypeStmt& statement, const Source& source,
                                     CatalogBuilder& builder);
model::CompositeType composite_type_of(PgQuery__CompositeTypeStmt& statement, const Source& source);
// The model's function for a CREATE FUNCTION / PROCEDURE statement (identity, canonical form,
// definition as written), without adding it anywhere.
model::Function function_of(PgQuery__CreateFunctionStmt& statement, const Source& source);
model::Trigger trigger_of(PgQuery__CreateTrigStmt& statement, const Source& source);
// CREATE AGGREGATE (the new-style form with an argument list; not ordered-set aggregates) as a
// model::Function with `aggregate` set, without adding it anywhere.
model::Function aggregate_of(PgQuery__DefineStmt& statement, const Source& source);
// CREATE AGGREGATE into the catalog (as transform_create_function), CREATE COLLATION (as
// transform_create_collation); the other CREATE statements of this form (operators, base types,
// text search objects) are refused as unsupported.
void transform_define(PgQuery__DefineStmt& statement, const Source& source,
                      CatalogBuilder& builder);
// A function named by an option (an aggregate's SFUNC, a range type's SUBTYPE_DIFF) as canonical
// forms name it: the schema left out when it is `default_schema` or pg_catalog, so
// "public._concat" (as introspection spells it) and "_concat" (as a schema file may) agree.
std::string support_function(const Node* value, const std::string& default_schema);
// ALTER TABLE ... ENABLE [REPLICA | ALWAYS] / DISABLE TRIGGER name | ALL | USER on `table`'s
// triggers (other subcommands are left alone). ALL and USER set every trigger of the model;
// DISABLE TRIGGER ALL, which also stops foreign keys' internal triggers the model does not hold,
// is refused as unsupported when `refuse_disable_all` (schema files). An unknown trigger name is
// a UserError.
void set_trigger_state(model::Table& table, const PgQuery__AlterTableCmd& command,
                       const Source& source, bool refuse_disable_all);
// CREATE TYPE ... AS RANGE and CREATE COLLATION (transform_range_and_collation.cpp): the model's
// object without adding it anywhere, and into the catalog (a name taken is an error). A
// collation FROM another copies it: "C", "POSIX" and "ucs_basic", or one of `catalog`; any other
// is refused, naming the options to write instead.
model::RangeType range_type_of(PgQuery__CreateRangeStmt& statement, const Source& source);
void transform_create_range(PgQuery__CreateRangeStmt& statement, const Source& source,
                            CatalogBuilder& builder);
model::Collation collation_of(PgQuery__DefineStmt& statement, const Source& source,
                              const model::Catalog& catalog);
void transform_create_collation(PgQuery__DefineStmt& statement, const Source& source,
                                CatalogBuilder& builder);
// An argument or result type of a routine as its identity spells it: drizzle's spelling, a user
// type with its schema ("public.mood"). Function keys and model::Function::arguments join these
// with ", ".
std::string routine_type(const PgQuery__TypeName* type, const std::string& default_schema);

}  // namespace flick::ddl

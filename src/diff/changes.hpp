#pragma once

// The change kinds a diff produces. Each is a small value type holding exactly what its SQL
// statement needs; emit turns each into one or more statements. Names are unquoted. CreateTable
// alone refers to the catalog the diff was made to (see diff::diff).

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "flick/model.hpp"

namespace flick::diff {

// A schema-qualified object name.
struct QualifiedName {
  std::string schema = model::kDefaultSchema;
  std::string name;

  bool operator==(const QualifiedName&) const = default;
};

struct CreateSchema {
  std::string name;
};
struct RenameSchema {
  std::string from, to;
};
struct DropSchema {
  std::string name;
};

struct CreateEnum {
  model::Enum enum_type;
};
struct DropEnum {
  QualifiedName name;
};
struct RenameEnum {
  QualifiedName from;
  std::string to;
};
struct MoveEnum {
  QualifiedName from;
  std::string to_schema;
};
// ALTER TYPE ... ADD VALUE; at most one of before/after is set (neither: appended last).
struct AddEnumValue {
  QualifiedName enum_name;
  std::string value;
  std::optional<std::string> before, after;
};
struct RenameEnumValue {
  QualifiedName enum_name;
  std::string from, to;
};

// A column whose type is an enum being rebuilt.
struct EnumDependent {
  QualifiedName table;
  std::string column;
  bool is_array = false;
  std::optional<std::string> old_default;  // dropped before the re-cast
  std::optional<std::string> new_default;  // set after it
};
// Removed or reordered values: rename the old type aside, create the new one, re-cast every
// dependent column through text, drop the old type.
struct RebuildEnum {
  model::Enum enum_type;   // the new definition
  std::string aside_name;  // temporary name for the old type (<= 63 bytes)
  std::vector<EnumDependent> dependents;
};

struct CreateSequence {
  model::Sequence sequence;
};
struct AlterSequence {
  model::Sequence sequence;
  bool cycle_was_on = false;
};
struct DropSequence {
  QualifiedName name;
};
struct RenameSequence {
  QualifiedName from;
  std::string to;
};
struct MoveSequence {
  QualifiedName from;
  std::string to_schema;
};

// Refers to the table in the `to` catalog of diff() rather than holding a copy (a first
// migration's changes are mostly its tables): valid while that catalog is.
struct CreateTable {
  const model::Table* table;  // never null
};
struct DropTable {
  QualifiedName name;
  std::vector<std::string> policies;
};
struct RenameTable {
  QualifiedName from;
  std::string to;
};
struct MoveTable {
  QualifiedName from;
  std::string to_schema;
};

struct AddColumn {
  QualifiedName table;
  model::Column column;
};
struct DropColumn {
  QualifiedName table;
  std::string column;
};
struct RenameColumn {
  QualifiedName table;
  std::string from, to;
};
struct AlterColumnType {
  QualifiedName table;
  std::string column;
  std::string type;          // canonical drizzle spelling
  std::string type_schema;   // user types only
  bool needs_using = false;  // no implicit/assignment cast: USING "col"::type
  std::string collation;     // COLLATE as SQL ("C" quoted); "" = the type's default
};
struct SetDefault {
  QualifiedName table;
  std::string column, expression;
};
struct DropDefault {
  QualifiedName table;
  std::string column;
};
// When backfill is set, NULLs are first replaced by that expression (the column's default).
struct SetNotNull {
  QualifiedName table;
  std::string column;
  std::optional<std::string> backfill;
};
struct DropNotNull {
  QualifiedName table;
  std::string column;
};
struct AddIdentity {
  QualifiedName table;
  std::string column;
  model::Identity identity;
};
struct DropIdentity {
  QualifiedName table;
  std::string column;
};
struct AlterIdentity {
  QualifiedName table;
  std::string column;
  model::Identity from, to;
};
struct DropExpression {
  QualifiedName table;
  std::string column;
};
struct SetColumnComment {
  QualifiedName table;
  std::string column;
  std::optional<std::string> comment;  // nullopt: COMMENT ... IS NULL
};
struct SetTableComment {
  QualifiedName table;
  std::optional<std::string> comment;
};

struct AddPrimaryKey {
  QualifiedName table;
  std::string name;
  std::vector<std::string> columns;
};
struct AddUnique {
  QualifiedName table;
  model::UniqueConstraint unique;
};
struct AddCheck {
  QualifiedName table;
  model::CheckConstraint check;
};
struct AddExclusion {
  QualifiedName table;
  model::ExclusionConstraint exclusion;
};
// ALTER TABLE parent ATTACH PARTITION partition bound / DETACH PARTITION partition: the rows stay.
struct AttachPartition {
  QualifiedName parent, partition;
  std::string bound;
};
struct DetachPartition {
  QualifiedName parent, partition;
};
// ALTER TABLE child INHERIT parent / NO INHERIT parent: the rows and columns stay; the child's
// columns must match the parent's before it inherits.
struct SetInheritance {
  QualifiedName table, parent;
  bool inherit = true;
};
// ALTER TABLE ... SET UNLOGGED / SET LOGGED.
struct SetLogged {
  QualifiedName table;
  bool unlogged = false;
};
struct AddForeignKey {
  QualifiedName table;
  model::ForeignKey foreign_key;
};
struct DropConstraint {
  QualifiedName table;
  std::string name;
  bool foreign_key = false;  // drizzle ends a foreign-key drop with a newline
};
struct RenameConstraint {
  QualifiedName table;
  std::string from, to;
};

struct CreateIndex {
  QualifiedName table;
  model::Index index;
};
struct DropIndex {
  QualifiedName name;  // in the schema of its table
};
struct RenameIndex {
  QualifiedName from;
  std::string to;
};

struct CreateView {
  model::View view;
};
struct DropView {
  QualifiedName name;
  bool materialized = false;
};
struct RenameView {
  QualifiedName from;
  std::string to;
  bool materialized = false;
};
struct MoveView {
  QualifiedName from;
  std::string to_schema;
  bool materialized = false;
};

struct EnableRls {
  QualifiedName table;
};
struct DisableRls {
  QualifiedName table;
};
struct CreatePolicy {
  QualifiedName table;
  model::Policy policy;
};
struct DropPolicy {
  QualifiedName table;
  std::string name;
};
struct RenamePolicy {
  QualifiedName table;
  std::string from, to;
};
// Roles, USING or WITH CHECK changed (AS and FOR cannot be altered: those drop and re-create).
struct AlterPolicy {
  QualifiedName table;
  model::Policy policy;
};

// Domains.
struct CreateDomain {
  model::Domain domain;
};
// Default, NOT NULL and CHECKs changed (the base type and collation stay).
struct AlterDomain {
  model::Domain from, to;
};
struct CreateCompositeType {
  model::CompositeType type;
};
// Attributes added, dropped or retyped (ALTER TYPE ... ADD / DROP / ALTER ATTRIBUTE).
struct AlterCompositeType {
  model::CompositeType from, to;
};
struct DropCompositeType {
  QualifiedName name;
};
struct DropDomain {
  QualifiedName name;
};
// Range types are created and dropped, never altered (PostgreSQL has no ALTER for their
// definition): a changed one is dropped and created again when no column stores it.
struct CreateRangeType {
  model::RangeType type;
};
struct DropRangeType {
  QualifiedName name;
};
// Collations likewise: a changed one is dropped and created again when nothing uses it.
struct CreateCollation {
  model::Collation collation;
};
struct DropCollation {
  QualifiedName name;
};

// Extensions, functions and procedures, triggers.
struct CreateExtension {
  model::Extension extension;
};
struct DropExtension {
  std::string name;
};
struct CreateFunction {
  model::Function function;
};
// CREATE OR REPLACE of a function whose identity and result stay.
struct ReplaceFunction {
  model::Function function;
};
struct DropFunction {
  QualifiedName name;
  std::string arguments;  // identity argument types, "integer, text"
  bool procedure = false;
  bool aggregate = false;
  // "aggregate", "procedure" or "function".
  const char* kind() const {
    return aggregate ? "aggregate" : procedure ? "procedure" : "function";
  }
};
struct CreateTrigger {
  QualifiedName table;
  model::Trigger trigger;
};
struct DropTrigger {
  QualifiedName table;
  std::string name;
};
// ALTER TABLE ... ENABLE [REPLICA | ALWAYS] / DISABLE TRIGGER: `enabled` as model::Trigger's.
struct SetTriggerState {
  QualifiedName table;
  std::string name;
  char enabled = 'O';
};

// COMMENT ON a schema, view, sequence, type or routine; an empty text removes the comment.
struct SetComment {
  model::Comment comment;
};

// Roles and privileges (managed only with [privileges] manage = true).
struct CreateRole {
  model::Role role;
};
struct AlterRole {  // attributes and memberships from `from` to `to` (same name)
  model::Role from;
  model::Role to;
};
struct DropRole {
  std::string name;
};
// One GRANT or REVOKE statement: privileges of one grantee on one object (or its columns), all
// with the same grant option. A `revoked` entry (a privilege PUBLIC has by itself, taken away) is
// written the other way round: granting it is a REVOKE.
struct GrantPrivileges {
  std::vector<model::Grant> grants;
};
// ALTER <sql_kind> object OWNER TO role.
struct SetOwner {
  std::string sql_kind;   // "TABLE", "VIEW", "MATERIALIZED VIEW", "SEQUENCE", "FUNCTION",
                          // "PROCEDURE", "AGGREGATE", "TYPE", "DOMAIN" or "SCHEMA"
  QualifiedName object;   // a schema: {schema, ""}
  std::string arguments;  // a routine's identity argument types
  std::string role;
  std::string previous_role;  // "" when unknown (an object with no entry, or created now)
};
struct RevokePrivileges {
  std::vector<model::Grant> grants;
};
// One ALTER DEFAULT PRIVILEGES statement (same role, schema, kind, grantee, grant option).
struct GrantDefaultPrivileges {
  std::vector<model::DefaultPrivilege> entries;
};
struct RevokeDefaultPrivileges {
  std::vector<model::DefaultPrivilege> entries;
};

// Plain words for messages: "SELECT, INSERT on table public.t to app" (a `revoked` entry:
// "PUBLIC's default EXECUTE on routine public.f(integer)"), "USAGE on types in schema app for
// new objects of reader to app".
std::string privileges_text(const std::vector<model::Grant>& grants);
// The object a comment is on, in plain words: `view "app"."totals"`, `schema "app"`,
// `routine "app"."f"(integer)`.
std::string commented_object_text(const model::Comment& comment);
std::string default_privileges_text(const std::vector<model::DefaultPrivilege>& entries);
// The object a SetOwner names, for messages: `table "public"."t"`, `function
// "public"."f"(integer)`, `schema "app"`.
std::string owned_object_text(const SetOwner& change);
// A trigger state in words: "enable", "disable", "enable (replica sessions only)", "enable
// (always)"; with `past`, "enabled", "disabled", ... .
std::string trigger_state_words(char enabled, bool past = false);

using Change = std::variant<
    CreateSchema, RenameSchema, DropSchema, CreateEnum, DropEnum, RenameEnum, MoveEnum,
    AddEnumValue, RenameEnumValue, RebuildEnum, CreateSequence, AlterSequence, DropSequence,
    RenameSequence, MoveSequence, CreateTable, DropTable, RenameTable, MoveTable, AddColumn,
    DropColumn, RenameColumn, AlterColumnType, SetDefault, DropDefault, SetNotNull, DropNotNull,
    AddIdentity, DropIdentity, AlterIdentity, DropExpression, SetColumnComment, SetTableComment,
    AddPrimaryKey, AddUnique, AddCheck, AddForeignKey, DropConstraint, RenameConstraint,
    CreateIndex, DropIndex, RenameIndex, CreateView, DropView, RenameView, MoveView, EnableRls,
    DisableRls, CreatePolicy, DropPolicy, RenamePolicy, AlterPolicy, CreateExtension, DropExtension,
    CreateFunction, ReplaceFunction, DropFunction, CreateTrigger, DropTrigger, CreateDomain,
    AlterDomain, DropDomain, AddExclusion, SetLogged, AttachPartition, DetachPartition,
    CreateCompositeType, AlterCompositeType, DropCompositeType, CreateRole, AlterRole, DropRole,
    GrantPrivileges, RevokePrivileges, GrantDefaultPrivileges, RevokeDefaultPrivileges, SetComment,
    CreateRangeType, DropRangeType, CreateCollation, DropCollation, SetTriggerState, SetInheritance,
    SetOwner>;

}  // namespace flick::diff

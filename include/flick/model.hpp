#pragma once

// The canonical schema model. Every source (SQL DDL files, drizzle snapshots, a live database)
// is turned into a Catalog; diff compares two Catalogs. Text fields hold canonical forms so that
// plain string equality is semantic equality:
//   - identifiers are stored unquoted, exactly as PostgreSQL stores them (case preserved);
//   - schema names are always explicit ("public" for the default schema);
//   - types use drizzle's spelling (see canonical type rules in sqlparse/type_name.hpp);
//   - expressions (defaults, checks, generated, index expressions and WHERE, view definitions,
//     policy USING / WITH CHECK) are normalised by round-tripping through the PostgreSQL parser.
// Vectors keep declaration order (it decides the order of output); names are unique within their
// scope.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace flick::model {

inline constexpr const char* kDefaultSchema = "public";

struct SequenceOptions {
  // All values are decimal strings, as drizzle writes them. Unset options are filled with
  // PostgreSQL's defaults for the sequence's type by normalise(), so equal sequences compare equal.
  std::string increment;
  std::string min_value;
  std::string max_value;
  std::string start_with;
  std::string cache;
  bool cycle = false;

  bool operator==(const SequenceOptions&) const = default;
};

struct Sequence {
  std::string schema = kDefaultSchema;
  std::string name;
  SequenceOptions options;

  bool operator==(const Sequence&) const = default;
};

struct Enum {
  std::string schema = kDefaultSchema;
  std::string name;
  std::vector<std::string> values;

  bool operator==(const Enum&) const = default;
};

// An optional value kept on the heap, for a large member most owners leave empty: it takes a
// pointer's room in its owner instead of the value's. Copies copy the value; the interface is
// the part of std::optional's the model uses.
template <class T>
class HeapOptional {
 public:
  HeapOptional() = default;
  HeapOptional(std::nullopt_t) {}  // NOLINT: implicit, as std::optional's
  HeapOptional(T value) : value_(std::make_unique<T>(std::move(value))) {}  // NOLINT: as above
  HeapOptional(const HeapOptional& other)
      : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  HeapOptional(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(const HeapOptional& other) {
    if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
    return *this;
  }
  HeapOptional& operator=(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(std::nullopt_t) {
    value_.reset();
    return *this;
  }
  HeapOptional& operator=(T value) {
    value_ = std::make_unique<T>(std::move(value));
    return *this;
  }

  bool has_value() const { return value_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  // Preconditions: has_value(), as for std::optional's.
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return value_.get(); }
  const T* operator->() const { return value_.get(); }
  // Throws std::bad_optional_access when empty.
  const T& value() const {
    if (!value_) throw std::bad_optional_access();
    return *value_;
  }
  void reset() { value_.reset(); }
  template <class... Args>
  T& emplace(Args&&... args) {
    value_ = std::make_unique<T>(std::forward<Args>(args)...);
    return *value_;
  }

  friend bool operator==(const HeapOptional& a, const HeapOptional& b) {
    return a.has_value() == b.has_value() && (!a.has_value() || *a == *b);
  }

 private:
  std::unique_ptr<T> value_;
};

enum class IdentityKind { kAlways, kByDefault };

struct Identity {
  IdentityKind kind = IdentityKind::kByDefault;
  std::string sequence_name;  // "<table>_<column>_seq" unless named explicitly
  SequenceOptions options;

  bool operator==(const Identity&) const = default;
};

struct Column {
  std::string name;
  // Canonical type in drizzle spelling, e.g. "integer", "varchar(20)", "numeric(10, 2)",
  // "timestamp (3) with time zone", "text[]". For a user type (enum) this is the bare type name
  // (plus any "[]") and type_schema holds its schema; type_schema is empty for built-in types.
  std::string type;
  std::string type_schema;
  bool not_null = false;
  // True when this column alone is the primary key (drizzle's column-level primaryKey flag).
  bool primary_key = false;
  std::optional<std::string> default_expr;  // normalised SQL expression
  std::optional<std::string> generated;     // GENERATED ALWAYS AS (<expr>) STORED
  HeapOptional<Identity> identity;          // rare: on the heap, so a Column stays small
  std::optional<std::string> comment;
  // COLLATE as SQL: a quoted name ("C", "en-x-icu"), schema-qualified outside pg_catalog
  // ("app"."ci"); "" = the type's default collation.
  std::string collation;
  // The column exists only because a table in Table::inherits has it (pg_attribute.attislocal
  // false): CREATE TABLE does not write it, and its changes are the parent's, which PostgreSQL
  // passes down. A column declared in the child as well is the child's own (false).
  bool inherited = false;

  bool operator==(const Column&) const = default;
};

// A primary key over several columns, or one declared out of line / with an explicit name.
struct PrimaryKey {
  std::string name;  // empty: PostgreSQL's implicit "<table>_pkey"
  std::vector<std::string> columns;

  bool operator==(const PrimaryKey&) const = default;
};

struct UniqueConstraint {
  std::string name;
  std::vector<std::string> columns;
  bool nulls_not_distinct = false;

  bool operator==(const UniqueConstraint&) const = default;
};

// Referential actions in drizzle's spelling: "no action", "restrict", "cascade", "set null",
// "set default".
struct ForeignKey {
  std::string name;
  std::vector<std::string> columns;
  std::string ref_schema = kDefaultSchema;
  std::string ref_table;
  std::vector<std::string> ref_columns;
  std::string on_delete = "no action";
  std::string on_update = "no action";

  bool operator==(const ForeignKey&) const = default;
};

struct CheckConstraint {
  std::string name;
  std::string expression;  // normalised, without the surrounding CHECK ( )

  bool operator==(const CheckConstraint&) const = default;
};

// EXCLUDE: no two rows may make every `WITH` operator true (a booking overlap, ...).
struct ExclusionConstraint {
  std::string name;
  // Canonical text after the name, as PostgreSQL's parser deparses it:
  // "EXCLUDE USING gist (room WITH =, during WITH &&)", "... WHERE (active)".
  std::string definition;

  bool operator==(const ExclusionConstraint&) const = default;
};

struct IndexElement {
  std::string expression;  // a column name, or a normalised expression when is_expression
  bool is_expression = false;
  bool asc = true;
  // "first" / "last". Empty means "not given": normalise() fills PostgreSQL's default ("last"
  // for ASC, "first" for DESC) so omitted and explicit defaults compare equal.
  std::string nulls;
  std::string opclass;  // empty: the default operator class

  bool operator==(const IndexElement&) const = default;
};

struct Index {
  std::string name;
  std::vector<IndexElement> elements;
  bool unique = false;
  bool nulls_not_distinct = false;
  bool concurrently = false;
  std::string method = "btree";
  std::optional<std::string> where;         // normalised predicate
  std::vector<std::string> include;         // INCLUDE (...) columns
  std::map<std::string, std::string> with;  // storage parameters

  bool operator==(const Index&) const = default;
};

struct Policy {
  std::string name;
  std::string as = "PERMISSIVE";    // PERMISSIVE | RESTRICTIVE
  std::string for_command = "ALL";  // ALL | SELECT | INSERT | UPDATE | DELETE
  std::vector<std::string> to = {"public"};
  std::optional<std::string> using_expr;
  std::optional<std::string> with_check;

  bool operator==(const Policy&) const = default;
};

// CREATE TRIGGER on a table. Compared by name and canonical form; `definition` is what emit runs.
struct Trigger {
  std::string name;
  // The CREATE [CONSTRAINT] TRIGGER statement as written (schema file) or as PostgreSQL prints
  // it (pg_get_triggerdef), without its ';'.
  std::string definition;
  // Comparison key: the statement deparsed with the table and function names qualified and the
  // trigger's own name and table left out (so a renamed table keeps equal triggers).
  std::string canonical;
  // When it fires (pg_trigger.tgenabled, set by ALTER TABLE ... ENABLE / DISABLE TRIGGER): 'O'
  // in origin and local sessions (the default), 'D' never, 'R' in replica sessions only, 'A'
  // always.
  char enabled = 'O';

  bool operator==(const Trigger& other) const {
    return name == other.name && canonical == other.canonical && enabled == other.enabled;
  }
};

// A table that is a partition of a partitioned table.
struct PartitionOf {
  std::string schema;  // the parent's
  std::string name;
  // "FOR VALUES FROM ('a') TO ('b')", "FOR VALUES IN (1, 2)", "FOR VALUES WITH (modulus 4,
  // remainder 0)" or "DEFAULT", as PostgreSQL's parser deparses it.
  std::string bound;

  bool operator==(const PartitionOf&) const = default;
};

// A table named in INHERITS (...).
struct TableParent {
  std::string schema;
  std::string name;

  bool operator==(const TableParent&) const = default;
};

struct Table {
  std::string schema = kDefaultSchema;
  std::string name;
  std::vector<Column> columns;
  std::optional<PrimaryKey> primary_key;  // composite/named keys; single inline keys use the flag
  std::vector<UniqueConstraint> uniques;
  std::vector<ForeignKey> foreign_keys;
  std::vector<CheckConstraint> checks;
  std::vector<ExclusionConstraint> exclusions;  // in name order
  std::vector<Index> indexes;
  std::vector<Policy> policies;
  std::vector<Trigger> triggers;
  bool rls_enabled = false;
  bool unlogged = false;  // CREATE UNLOGGED TABLE: not written to the WAL, emptied by a crash
  // PARTITION BY: "RANGE (at)", "LIST (region)", "HASH (id)"; "" for a plain table.
  std::string partition_by;
  // A partition holds the parent's columns (as PostgreSQL gives them) and only what is its own
  // besides: keys, indexes, checks and foreign keys it has from the parent are left out.
  std::optional<PartitionOf> partition_of;
  // INHERITS (...), in the order written (pg_inherits.inhseqno). The parents' columns come first
  // in columns, marked inherited unless the child declares them too; the parents' CHECKs are
  // left out (PostgreSQL gives the child copies that go with the parent's).
  std::vector<TableParent> inherits;
  std::optional<std::string> comment;

  bool operator==(const Table&) const = default;
};

struct View {
  std::string schema = kDefaultSchema;
  std::string name;
  std::string definition;  // normalised SELECT text
  bool materialized = false;
  std::map<std::string, std::string> with;  // reloptions (security_barrier, ...)
  bool with_no_data = false;                // materialized views only
  std::vector<Index> indexes;               // materialized views only

  bool operator==(const View&) const = default;
};

// CREATE DOMAIN: a base type with a default, NOT NULL and named CHECKs (on VALUE).
struct Domain {
  std::string schema = kDefaultSchema;
  std::string name;
  std::string base_type;  // canonical spelling; a user type with its schema ("public.mood")
  std::string collation;  // COLLATE as written; "" = the base type's
  std::optional<std::string> default_expr;
  bool not_null = false;
  std::vector<CheckConstraint> checks;  // in name order

  bool operator==(const Domain&) const = default;
};

// CREATE TYPE ... AS (attribute type, ...): a row type of its own.
struct CompositeAttribute {
  std::string name;
  std::string type;       // canonical; a user type with its schema ("public.mood")
  std::string collation;  // COLLATE as SQL ("C" quoted); "" = the type's default

  bool operator==(const CompositeAttribute&) const = default;
};
struct CompositeType {
  std::string schema = kDefaultSchema;
  std::string name;
  std::vector<CompositeAttribute> attributes;  // in order

  bool operator==(const CompositeType&) const = default;
};

// CREATE TYPE ... AS RANGE: a range type and the multirange type PostgreSQL makes with it.
struct RangeType {
  std::string schema = kDefaultSchema;
  std::string name;
  std::string subtype;          // canonical; a user type with its schema ("public.mood")
  std::string subtype_opclass;  // qualified operator class; "" = the subtype's default b-tree one
  std::string collation;        // COLLATE as SQL ("C" quoted); "" = the subtype's default
  std::string canonical_function;  // qualified function name; "" for none
  std::string subtype_diff;        // qualified function name; "" for none
  // The multirange type's name (in the range's schema); "" = PostgreSQL's default for the name
  // ("range" in it becomes "multirange", else "_multirange" appended), which normalise() sets.
  std::string multirange_type_name;

  bool operator==(const RangeType&) const = default;
};

// The multirange type name PostgreSQL gives range type `name` when none is written.
std::string default_multirange_name(const std::string& name);
// The name of `range`'s multirange type: the one written, else PostgreSQL's default.
std::string multirange_name(const RangeType& range);

// CREATE COLLATION with its provider and locale (FROM an existing collation is written out as
// the provider and locale it copies).
struct Collation {
  std::string schema = kDefaultSchema;
  std::string name;
  std::string provider = "libc";  // "libc" | "icu"
  std::string lc_collate;         // ICU: the locale, in both
  std::string lc_ctype;
  bool deterministic = true;

  bool operator==(const Collation&) const = default;
};

// True when `reference` (a COLLATE as the model spells it: `"ci"`, `public."ci"`, `app.ci`)
// names `collation`; an unqualified name is looked up in the default schema.
bool names_collation(const std::string& reference, const Collation& collation);

// CREATE EXTENSION. Compared by name only: where it was installed and its version are what the
// server chose unless the schema file says.
struct Extension {
  std::string name;
  std::string
      schema;  // SCHEMA written in the schema file (or read from the database); "" = default
  std::string version;  // VERSION written in the schema file; "" = the default version

  bool operator==(const Extension& other) const { return name == other.name; }
};

// CREATE FUNCTION / PROCEDURE. Identity: schema, name and argument types; two definitions are
// equal when their canonical forms are (whitespace, comments, keyword case and the spelling of
// types do not count).
struct Function {
  std::string schema = kDefaultSchema;
  std::string name;
  bool procedure = false;
  // CREATE AGGREGATE: `definition` is its CREATE OR REPLACE AGGREGATE statement, `returns` its
  // state type and final function (a change of either drops and creates it again), `language`
  // "" .
  bool aggregate = false;
  // The identity argument types (IN, INOUT and VARIADIC), canonical, e.g. "integer, text".
  std::string arguments;
  // The canonical result ("trigger", "SETOF text", "TABLE(id integer)"); "" for a procedure.
  std::string returns;
  // The CREATE OR REPLACE statement to run, as written (schema file) or as PostgreSQL prints it
  // (pg_get_functiondef), without its ';'.
  std::string definition;
  // Comparison key: arguments with their names, modes and defaults, result, language, options
  // (volatility, strict, security definer, leakproof, parallel, cost, rows, SET ...) that differ
  // from PostgreSQL's defaults, and the body's tokens.
  std::string canonical;
  // "plpgsql", "sql", ...: a SQL-language body is checked against the tables when created, so
  // such functions are created after the tables and views.
  std::string language;

  bool operator==(const Function& other) const {
    return schema == other.schema && name == other.name && procedure == other.procedure &&
           aggregate == other.aggregate && arguments == other.arguments &&
           canonical == other.canonical;
  }
};

// "aggregate", "procedure" or "function", as SQL names the kind of routine.
inline const char* routine_kind(const Function& function) {
  return function.aggregate ? "aggregate" : function.procedure ? "procedure" : "function";
}

// CREATE ROLE (roles are the cluster's, not one database's: a migration creates one only when it
// is missing and drops one only when no schema file of this folder names it any more). The
// attributes drizzle's snapshot has (createDb, createRole, inherit) and the others a schema file
// may set; a password never belongs in a schema file.
struct Role {
  std::string name;
  bool create_db = false;
  bool create_role = false;
  bool inherit = true;
  bool login = false;
  bool bypass_rls = false;
  int connection_limit = -1;           // -1: no limit
  std::vector<std::string> member_of;  // GRANT role TO this role; sorted

  bool operator==(const Role&) const = default;
};

// The kinds of object a privilege is held on, as GRANT names them ("routine": a function,
// procedure or aggregate; "table": a table, view, materialized view or partition; "type": an enum,
// domain or composite type).
inline constexpr const char* kGrantKinds[] = {"schema", "table", "sequence", "routine", "type"};

// One privilege of one grantee on one object: what the object's access list holds beyond what
// PostgreSQL gives by itself. Its owner's own privileges are never listed. `revoked` marks a
// privilege PostgreSQL gives by itself that was taken away (EXECUTE on a routine and USAGE on a
// type for PUBLIC, USAGE on schema public for PUBLIC). Managed only with `[privileges] manage =
// true`; otherwise strip_privileges() removes them from every catalog.
struct Grant {
  std::string object_kind;  // one of kGrantKinds
  std::string schema;       // the object's schema; for a schema grant, the schema itself
  std::string name;         // "" for a schema grant
  std::string arguments;    // a routine's identity argument types ("integer, text")
  std::string column;       // a column privilege on a table; "" otherwise
  std::string grantee;      // a role name, or "PUBLIC"
  std::string privilege;    // upper case: SELECT, INSERT, ..., USAGE, CREATE, EXECUTE
  bool grant_option = false;
  bool revoked = false;

  auto operator<=>(const Grant&) const = default;
  bool operator==(const Grant&) const = default;
};

// ALTER ... OWNER TO / CREATE SCHEMA ... AUTHORIZATION: the owner a schema file names for one
// object. An object without an entry keeps whatever owner it has (normally the role that runs
// the migrations, which created it): the entries are opinions, and a removed one changes
// nothing. A database read holds an entry per object the role reading does not own. Managed only
// with `[privileges] manage = true`, like grants.
struct Owner {
  std::string object_kind;  // one of kGrantKinds
  std::string schema;       // the object's schema; for a schema, the schema itself
  std::string name;         // "" for a schema
  std::string arguments;    // a routine's identity argument types ("integer, text")
  std::string role;

  auto operator<=>(const Owner&) const = default;
  bool operator==(const Owner&) const = default;
};

// ALTER DEFAULT PRIVILEGES: what objects of `object_kind` created later by `for_role` in `schema`
// get. `for_role` "" is the role that runs the migrations (ALTER DEFAULT PRIVILEGES without FOR
// ROLE); `schema` "" is every schema. `revoked` (only without a schema): a privilege PostgreSQL
// gives by itself (EXECUTE on routines, USAGE on types for PUBLIC) taken away.
struct DefaultPrivilege {
  std::string for_role;
  std::string schema;
  std::string object_kind;  // "table", "sequence", "routine", "type", "schema"
  std::string grantee;
  std::string privilege;
  bool grant_option = false;
  bool revoked = false;

  auto operator<=>(const DefaultPrivilege&) const = default;
  bool operator==(const DefaultPrivilege&) const = default;
};

// Whether `entry` applies to a new object of `kind` in `schema` created by the migrations: it
// has no FOR ROLE, is for that kind, and is for every schema or that one.
bool default_privilege_applies(const DefaultPrivilege& entry, const std::string& kind,
                               const std::string& schema);

// The privileges `kind` has for everyone: "SELECT, INSERT, ..." expanded from ALL.
const std::vector<std::string>& privileges_of_kind(const std::string& kind);

// Whether PostgreSQL gives `privilege` on an object of `kind` named `schema`.`name` to PUBLIC by
// itself (EXECUTE on routines, USAGE on types, USAGE on schema public).
bool public_by_default(const std::string& kind, const std::string& schema, const std::string& name,
                       const std::string& privilege);

// COMMENT ON an object other than a table or column (those are Table::comment and
// Column::comment). An empty comment is no comment (PostgreSQL removes it).
struct Comment {
  // PostgreSQL's own comment on schema public: the model holds it as no comment.
  static constexpr const char* kPublicSchemaDefault = "standard public schema";

  // "schema", "view", "materialized view", "sequence", "type" (an enum, domain, composite or
  // range type), "collation" or "routine" (a function, procedure or aggregate)
  std::string object_kind;
  std::string schema;     // the object's schema; for a schema's comment, the schema itself
  std::string name;       // "" for a schema
  std::string arguments;  // a routine's identity argument types ("integer, text")
  std::string text;

  auto operator<=>(const Comment&) const = default;
  bool operator==(const Comment&) const = default;
};

struct Catalog {
  std::vector<std::string> schemas;  // explicitly created schemas; never "public"
  std::vector<Extension> extensions;
  std::vector<Collation> collations;
  std::vector<Function> functions;
  std::vector<Enum> enums;
  std::vector<Domain> domains;
  std::vector<CompositeType> composite_types;
  std::vector<RangeType> range_types;
  std::vector<Sequence> sequences;
  std::vector<Table> tables;
  std::vector<View> views;
  // Managed privileges (see Grant): roles, grants and default privileges, sorted.
  std::vector<Role> roles;
  std::vector<Grant> grants;
  std::vector<DefaultPrivilege> default_privileges;
  std::vector<Owner> owners;  // sorted, one per object
  // Comments on schemas, views, sequences, types and routines, sorted.
  std::vector<Comment> comments;

  bool operator==(const Catalog&) const = default;

  const Table* find_table(const std::string& schema, const std::string& name) const;
  Table* find_table(const std::string& schema, const std::string& name);
  const Enum* find_enum(const std::string& schema, const std::string& name) const;
  const Domain* find_domain(const std::string& schema, const std::string& name) const;
  const CompositeType* find_composite_type(const std::string& schema,
                                           const std::string& name) const;
  const RangeType* find_range_type(const std::string& schema, const std::string& name) const;
  // The range type whose multirange type has this name.
  const RangeType* find_multirange_type(const std::string& schema, const std::string& name) const;
  const Collation* find_collation(const std::string& schema, const std::string& name) const;
  // True when an enum, domain, composite, range or multirange type has this name.
  bool has_user_type(const std::string& schema, const std::string& name) const;
  // True for "public" and the schemas the catalog creates.
  bool has_schema(const std::string& schema) const;
  // True when the object `comment` is on is in the catalog, of the kind it names.
  bool has_commented_object(const Comment& comment) const;
  const Sequence* find_sequence(const std::string& schema, const std::string& name) const;
  const View* find_view(const std::string& schema, const std::string& name) const;
  // The function or procedure with these identity argument types ("integer, text").
  const Function* find_function(const std::string& schema, const std::string& name,
                                const std::string& arguments) const;
};

// Removes roles, grants, default privileges and owners: what a catalog holds when privileges are
// not managed (the default; `[privileges] manage = true` keeps them).
void strip_privileges(Catalog& catalog);

// Column lookup by name; nullptr when absent.
const Column* find_column(const Table& table, const std::string& name);

// Fills every implicit default (sequence options for the type, index NULLS ordering, a COLLATE
// naming a collation of the default schema unqualified gets the schema as the database spells
// it, ...) and
// truncates constraint and index names to PostgreSQL's 63 bytes, so that two catalogs
// describing the same database compare equal. Idempotent.
void normalise(Catalog& catalog);

// Sequence defaults PostgreSQL applies for a sequence of the given integer type
// ("smallint" | "integer" | "bigint"), given the increment's sign.
SequenceOptions default_sequence_options(const std::string& type, bool ascending = true);

// Gives every partition its parent's columns, as PostgreSQL does (an identity, a primary-key flag
// and a comment stay the parent's), parents of sub-partitions first. The columns of a partition
// are its parent's whatever a schema file, a history or a database says about them.
void copy_partition_columns(Catalog& catalog);

// Gives every table with INHERITS its parents' columns as PostgreSQL does: the parents' columns
// first (in INHERITS order, each name once), then the child's own. A column of a parent that the
// child declares too stays the child's (NOT NULL if a parent's is, the parent's default if it has
// none, the parent's type); one it does not is a copy marked inherited (without the parent's
// identity, key flag or comment), keeping the NOT NULL, default, comment and primary key the
// child gave its copy (pg_dump's `ALTER TABLE ONLY child ...`).
// Inherited columns no parent has any more go, and so do the child's CHECKs equal to a parent's
// (merged with it). Parents missing from the catalog leave the child as it is; grandparents are
// settled first.
void copy_inherited_columns(Catalog& catalog);

// The serial type of an integer column type ("integer" -> "serial", "bigint" -> "bigserial",
// "smallint" -> "smallserial"); "" for any other type.
std::string serial_type_of(const std::string& type);

// True when `column`'s default is nextval of sequence `schema`.`name` as PostgreSQL prints it
// (`nextval('app.t_id_seq'::regclass)`; in the public schema qualified or not, names quoted as
// regclass quotes them): the default a serial column has.
bool defaults_to_nextval_of(const Column& column, const std::string& schema,
                            const std::string& name);

}  // namespace flick::model

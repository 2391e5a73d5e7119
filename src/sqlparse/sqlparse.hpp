#pragma once

// The only user of libpg_query (the real PostgreSQL 15 grammar). Other modules ask it to split
// SQL text into statements, to normalise expressions and type names, and to quote identifiers.
// No libpg_query types appear in this header.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "flick/model.hpp"

namespace flick::sqlparse {

// A position in a source text, 1-based.
struct Location {
  int line = 1;
  int column = 1;
};

// Converts a byte offset in `text` into a line/column position. Scans `text` from its start:
// for many offsets into one text use LineIndex.
Location location_of(std::string_view text, std::size_t offset);

// The line starts of one text, indexed once: line_of is a binary search, so finding the line of
// every statement of a file is linear in its size. Holds offsets only (no view of the text).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // The 1-based line holding byte `offset` (clamped to the indexed text's end).
  int line_of(std::size_t offset) const;
  // Line and column (characters, not bytes) of `offset` in `text`, the text it indexed.
  Location location_of(std::string_view text, std::size_t offset) const;

 private:
  std::size_t size_ = 0;
  std::vector<std::size_t> line_starts_;
};

struct SyntaxError {
  std::string message;     // PostgreSQL's message, e.g. `syntax error at or near "TABEL"`
  std::size_t offset = 0;  // byte offset in the parsed text
};

// "<file>:<line>:<col>: <message>" for `error`, its offset taken in `text`.
std::string describe(const SyntaxError& error, std::string_view text, const std::string& file_name);

// One top-level statement of a SQL text.
struct Statement {
  std::string text;        // the statement's source text, without the trailing ';'
  std::size_t offset = 0;  // byte offset of its first character in the whole text
  std::string kind;        // node kind, e.g. "CreateStmt", "IndexStmt", "AlterTableStmt"
};

// Splits `sql` into statements with the PostgreSQL parser. Throws flick::UserError naming
// `file_name`, line and column on a syntax error.
std::vector<Statement> split_statements(std::string_view sql, const std::string& file_name);

// Normalises a SQL value expression: `NOW( )` -> `now()`, `'x'::TEXT` -> `'x'::text`,
// redundant quotes and parentheses removed. Results are cached (the same defaults recur across
// thousands of columns). Throws UserError on a syntax error, naming `context`.
std::string normalise_expression(std::string_view expression, const std::string& context = "");

// Normalises an expression evaluated on the rows of table `schema`.`table` (a CHECK, generated
// column, index expression or predicate, policy USING / WITH CHECK): like normalise_expression,
// and column references qualified with that table lose the qualifier, so drizzle's
// `"users"."age" > 0` and PostgreSQL's `age > 0` agree.
std::string normalise_table_expression(std::string_view expression, const std::string& schema,
                                       const std::string& table, const std::string& context = "");

// Normalises a table constraint's definition without its name (pg_get_constraintdef's text,
// "EXCLUDE USING gist (room WITH =, during WITH &&)") as deparse_constraint_node spells it.
// Throws UserError naming `context` when it is not one constraint.
std::string normalise_constraint_definition(std::string_view definition,
                                            const std::string& context = "");

// Normalise pg_get_partkeydef's and pg_get_expr(relpartbound)'s texts to the spelling the
// schema reader gives PARTITION BY and a partition's bound (partition_key_text and
// partition_bound_text). Throw UserError naming `context` when the text is not one.
std::string normalise_partition_key(std::string_view key, const std::string& context = "");
std::string normalise_partition_bound(std::string_view bound, const std::string& context = "");

// Normalises a SELECT statement (a view definition) the same way.
std::string normalise_query(std::string_view query, const std::string& context = "");

// A type name split into its canonical drizzle spelling and the schema of a user type.
struct TypeName {
  std::string type;         // e.g. "varchar(20)", "timestamp (3) with time zone", "mood[]"
  std::string type_schema;  // non-empty only for user types written or resolved with a schema
  bool is_serial = false;   // serial / bigserial / smallserial (callers turn it into a sequence)
  // Not a PostgreSQL built-in type: an enum (or another user type) to be resolved by the caller.
  bool is_user_type = false;

  bool operator==(const TypeName&) const = default;
};

// Canonicalises a type written as SQL text ("character varying(20)", "int4", "\"inet\"",
// "public.mood[]", "timestamp(3) with time zone") into drizzle's spelling.
TypeName canonical_type(std::string_view type_text);

// Normalises a column DEFAULT like normalise_expression, and also drops a top-level cast of a
// string literal to the column's own type (ignoring its length/precision), so pg_dump-style and
// drizzle-style defaults agree: `'ONBOARDING'::user_status` on a user_status column and
// `'pending'::character varying` on a varchar(20) column become `'ONBOARDING'` / `'pending'`.
// A literal integer cast to an integer column type (pg_dump's `'-1'::integer`) becomes `-1`.
// `NULL::<any type>` becomes `NULL`.
// `column_type` / `column_type_schema` are the column's model::Column::type / type_schema (an
// empty schema means "public").
std::string normalise_default(std::string_view expression, const std::string& column_type,
                              const std::string& column_type_schema = "",
                              const std::string& context = "");

// The distinct column names an expression references (its ColumnRef nodes, last field of each),
// in order of first appearance: `lower(email) || "Name"` -> {"email", "Name"}.
std::vector<std::string> referenced_columns(std::string_view normalised_expression);

// The columns a table constraint's definition (without its name) uses: its key or element
// columns and those its expressions reference. "EXCLUDE USING gist (room WITH =, during WITH
// &&)" -> {"room", "during"}.
std::vector<std::string> constraint_columns(std::string_view definition);

// The name PostgreSQL 15 chooses for an implicit constraint / index / sequence
// (makeObjectName): "<table>_<col1>_<col2>_<suffix>", or "<table>_<suffix>" without columns,
// with the table and column parts truncated (longer one first) so the result fits in 63 bytes,
// never splitting a UTF-8 character. It does not add the digits PostgreSQL appends on a clash.
std::string implicit_name(const std::string& table, const std::vector<std::string>& columns,
                          const std::string& suffix);

// A partition as DETACH PARTITION leaves it (`catalog` holds its parent): the parent's primary key,
// unique constraints and indexes become its own, under the names PostgreSQL gave them when the
// partition was created with PARTITION OF ("<table>_pkey", "<table>_<columns>_key",
// "<table>_<columns>_idx"), and the foreign keys it cloned from the parent stay, under the
// parent's names. `partition_of` is left as it was (the caller clears it).
model::Table detached_partition(const model::Catalog& catalog, const model::Table& partition);

// One index element as written between the parentheses of CREATE INDEX.
struct IndexElementParts {
  std::string column;      // a plain column, even in parentheses: its name
  std::string expression;  // otherwise the expression, deparsed (not yet normalised)
  bool asc = true;
  std::string nulls;  // "", "first" or "last"
  std::string opclass;
};

// Reads `"data" jsonb_path_ops`, `lower(email) DESC NULLS LAST`, ... as CREATE INDEX does.
// Throws flick::UserError when `text` is not one index element.
IndexElementParts parse_index_element(std::string_view text);

// A SQL statement a PL/pgSQL body (a DO block's, a function's) runs.
struct PlpgsqlStatement {
  // The statement's text; for EXECUTE of a constant string, the string's contents. With
  // `dynamic`, what could not be read statically (the EXECUTE expression, or the kind of a loop,
  // CASE, ... whose statements may run any number of times).
  std::string sql;
  int line = 0;  // 1-based line in the body
  // Under an IF, or in a block whose EXCEPTION handler catches duplicate_object,
  // undefined_object, others, ...: a failure of this statement does not fail the block.
  bool guarded = false;
  bool dynamic = false;
};

// The statements a PL/pgSQL body runs, in order, nested blocks and IF branches included.
// Throws flick::UserError naming `context` when the body does not parse.
std::vector<PlpgsqlStatement> plpgsql_statements(std::string_view body, const std::string& context);

// A routine body (PL/pgSQL or SQL) as its tokens joined by single spaces, comments left out,
// keywords and unquoted names lower-cased: two bodies that differ only in layout, comments or
// case give the same text. A body the SQL scanner cannot read is only trimmed.
std::string canonical_tokens(std::string_view text);

// Quotes an identifier always, doubling embedded quotes: foo -> "foo", a"b -> "a""b".
std::string quote_identifier(std::string_view identifier);

// Quotes a string literal: it's -> 'it''s'.
std::string quote_literal(std::string_view value);

}  // namespace flick::sqlparse

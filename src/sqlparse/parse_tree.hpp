#pragma once

// Parse trees for the modules that transform statements (ddl, introspect). Unlike sqlparse.hpp
// this header exposes libpg_query's protobuf-c structs; keep it out of public headers.

#include <pg_query/pg_query.pb-c.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "sqlparse/sqlparse.hpp"

namespace flick::sqlparse {

using Node = PgQuery__Node;

// Memory for unpacked parse trees: bump allocation, all freed at once with the arena, so
// neither unpacking nor dropping a tree walks it node by node.
class TreeArena {
 public:
  TreeArena() = default;
  TreeArena(const TreeArena&) = delete;
  TreeArena& operator=(const TreeArena&) = delete;

  ProtobufCAllocator* allocator() { return &allocator_; }

 private:
  static void* allocate(void* self, std::size_t size);
  static void release(void*, void*) {}

  ProtobufCAllocator allocator_{&TreeArena::allocate, &TreeArena::release, this};
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
};

// A parsed SQL text: its statements, each a RawStmt whose stmt_location / stmt_len are byte
// offsets in text() (stmt_len 0: to the end of the text), and whose nodes' `location` fields
// are byte offsets from statement_base(i). Owns the trees; nodes handed out point into them.
class ParsedSql {
 public:
  ParsedSql(std::string text, std::string file_name);

  // Adds the statements of `tree`, parsed from the text starting at byte `base` and ending at
  // byte `end` of text(). The tree lives in an arena passed to adopt_arena.
  void add_tree(PgQuery__ParseResult* tree, std::size_t base, std::size_t end);
  void adopt_arena(std::unique_ptr<TreeArena> arena) { arenas_.push_back(std::move(arena)); }

  const std::string& text() const { return text_; }
  const std::string& file_name() const { return file_name_; }
  std::size_t size() const { return statements_.size(); }
  PgQuery__RawStmt& statement(std::size_t i) const { return *statements_[i].raw; }

  // Byte offset in text() that statement i's node locations count from.
  std::size_t statement_base(std::size_t i) const { return statements_[i].base; }
  // Byte offset of statement i's first token (after leading blanks and comments).
  std::size_t statement_offset(std::size_t i) const;
  // Byte offset just past statement i (before its ';').
  std::size_t statement_end(std::size_t i) const { return statements_[i].end; }

  // "<file>:<line>:<col>" for a byte offset into text(). Cheap after the first call (it
  // indexes line starts once).
  std::string position(std::size_t offset) const;
  // The text's line index (built on first use).
  const LineIndex& lines() const;

 private:
  struct Span {
    PgQuery__RawStmt* raw;
    std::size_t base;
    std::size_t end;
  };

  std::string text_;
  std::string file_name_;
  std::vector<std::unique_ptr<TreeArena>> arenas_;
  std::vector<Span> statements_;
  mutable std::unique_ptr<LineIndex> lines_;
};

// Parses `sql`; throws flick::UserError "<file>:<line>:<col>: <PostgreSQL message>" on a syntax
// error. A long text is parsed once into PostgreSQL's nodes: the statements raw_tree.c copies
// come from that parse, the others are parsed alone through libpg_query's output (whose cost
// grows with the size of one parse); the text is split with PostgreSQL's scanner only when that
// parse fails.
ParsedSql parse_sql(std::string_view sql, const std::string& file_name);

// The tree libpg_query's JSON output `json` of the SQL text `sql` describes, as the protobuf-c
// structs unpacking its protobuf output gives (the same bytes when packed), allocated in
// `arena`; nullptr when the JSON does not fit pg_query.proto or leaves a value unknown (the
// caller then takes the protobuf path).
PgQuery__ParseResult* parse_tree_from_json(std::string_view json, std::string_view sql,
                                           TreeArena& arena);

// The tree of `text` (a NUL-terminated SQL text) in `arena`: copied from PostgreSQL's nodes
// (flick_parse_tree_from_raw) when every node is of a kind it copies, else through libpg_query's
// JSON output and parse_tree_from_json, else through its protobuf output (or with `use_protobuf`);
// nullptr with `error` set on a syntax error. Exposed for the test comparing the two paths.
PgQuery__ParseResult* parse_tree_of(const char* text, TreeArena& arena, SyntaxError* error,
                                    bool use_protobuf = false);

// Like parse_sql, but reports a syntax error through `error` (PostgreSQL's message and byte
// offset) instead of throwing; returns nullptr then.
std::unique_ptr<ParsedSql> try_parse_sql(std::string_view sql, const std::string& file_name,
                                         SyntaxError* error);

// drizzle-kit's statement separator in migration files.
inline constexpr std::string_view kStatementBreakpoint = "--> statement-breakpoint";

// The [begin, end) byte spans of `sql` between kStatementBreakpoint markers, in order: the chunks
// drizzle-orm's migrator sends one by one (one span, the whole text, without a marker).
std::vector<std::pair<std::size_t, std::size_t>> breakpoint_chunks(std::string_view sql);

// Parses a migration file the way drizzle-orm's migrator runs it: the text is cut at every
// kStatementBreakpoint (wherever it stands, as drizzle-orm does) and each chunk is parsed on its
// own, so a chunk whose last statement lacks its ';' is still accepted, and empty chunks are
// nothing. Offsets and errors are those of the whole file. Without a breakpoint this is
// try_parse_sql. Returns nullptr with `error` set (offset in the whole text) on a syntax error.
std::unique_ptr<ParsedSql> try_parse_migration(std::string_view sql, const std::string& file_name,
                                               SyntaxError* error);
// Like try_parse_migration; throws flick::UserError "<file>:<line>:<col>: <message>".
ParsedSql parse_migration(std::string_view sql, const std::string& file_name);

// protobuf-c leaves unset string fields as "" rather than nullptr.
inline bool is_set(const char* text) { return text != nullptr && *text != '\0'; }

// The node's kind as PostgreSQL names it ("CreateStmt", "A_Const" is "AConst" here).
std::string node_kind(const Node* node);

// The text of a String node; throws std::logic_error for any other node kind.
const char* string_value(const Node* node);

// Stores the integer of an Integer node, or of an A_Const holding one, in *value and returns
// true; returns false for any other node.
bool integer_value(const Node* node, long* value);

// The distinct columns a parsed expression references, as referenced_columns(text) does.
std::vector<std::string> referenced_columns(Node* expression);

// Canonical text of an expression node taken from a parsed statement (a DEFAULT, CHECK, WHERE,
// generated or index expression). Results are cached by the expression's shape, so the same
// default deparses once. Resets the `location` fields inside the node's subtree.
std::string deparse_expression_node(Node* node);

// Like deparse_expression_node, for an expression evaluated on the rows of one table (CHECK,
// generated column, index expression or WHERE, policy): column references qualified with that
// table ("users"."email", public.users.email) lose the qualifier, as PostgreSQL prints them.
// References inside subqueries are left alone.
std::string deparse_table_expression_node(Node* node, const std::string& schema,
                                          const std::string& table);

// Like deparse_expression_node, for a column DEFAULT: a top-level cast of a string literal to
// the column's own type is dropped (see normalise_default).
std::string deparse_default_node(Node* node, const TypeName& column_type);

// Canonical text of a SELECT statement node (a view's query).
std::string deparse_query_node(Node* node);

// Canonical PARTITION BY text: "RANGE (\"at\")", "LIST (\"region\" COLLATE \"C\")",
// "HASH ((lower(name)))": the strategy in capitals, column names quoted, expressions in
// parentheses.
std::string partition_key_text(const PgQuery__PartitionSpec& spec);

// Canonical partition bound: "FOR VALUES FROM ('a', MINVALUE) TO ('b', MAXVALUE)",
// "FOR VALUES IN (1, 2)", "FOR VALUES WITH (modulus 4, remainder 0)" or "DEFAULT".
std::string partition_bound_text(const PgQuery__PartitionBoundSpec& bound);

// Canonical text of a table constraint without its name, as `ALTER TABLE ... ADD` deparses it:
// "EXCLUDE USING gist (room WITH =, during WITH &&)". Resets the `location` fields inside it.
std::string deparse_constraint_node(PgQuery__Constraint* constraint);

// Canonical drizzle spelling of a type name node.
TypeName canonical_type(const PgQuery__TypeName* type_name);

// The column name PostgreSQL derives for an index expression (FigureIndexColname): the function
// name for a call, "case" for CASE, ...; empty when it cannot pick one (PostgreSQL then uses
// "expr").
std::string index_expression_column_name(const Node* expression);

}  // namespace flick::sqlparse

namespace flick::sqlparse {

// Whether the expression holds a subquery (EXISTS, IN (SELECT ...), a scalar subquery).
bool contains_subquery(Node* node);

// Calls visit(message) for `root` and every message below it (set oneof members and repeated
// items included), parents before children. A visitor returning bool prunes: false means "do
// not descend into this message".
template <typename Visit>
void visit_messages(ProtobufCMessage* root, Visit&& visit);

namespace detail {
void visit_children(ProtobufCMessage* message, void (*callback)(ProtobufCMessage*, void*),
                    void* context);
}  // namespace detail

template <typename Visit>
void visit_messages(ProtobufCMessage* root, Visit&& visit) {
  if (root == nullptr) return;
  struct Trampoline {
    static void call(ProtobufCMessage* message, void* context) {
      auto& visitor = *static_cast<std::remove_reference_t<Visit>*>(context);
      if constexpr (std::is_same_v<decltype(visitor(message)), bool>) {
        if (!visitor(message)) return;
      } else {
        visitor(message);
      }
      detail::visit_children(message, &Trampoline::call, context);
    }
  };
  Trampoline::call(root, &visit);
}

}  // namespace flick::sqlparse

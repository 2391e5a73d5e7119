#include "sqlparse/parse_tree.hpp"

#include <fmt/format.h>
#include <pg_query.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstddef>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <thread>

#include "flick/error.hpp"
#include "sqlparse/raw_tree.h"

namespace flick::sqlparse {
namespace {

// Skips whitespace and comments so a statement's offset names its first keyword.
std::size_t skip_blank(std::string_view text, std::size_t at, std::size_t end) {
  while (at < end) {
    if (std::isspace(static_cast<unsigned char>(text[at]))) {
      ++at;
    } else if (text.compare(at, 2, "--") == 0) {
      while (at < end && text[at] != '\n') ++at;
    } else if (text.compare(at, 2, "/*") == 0) {
      std::size_t close = text.find("*/", at + 2);
      at = close == std::string_view::npos || close + 2 > end ? end : close + 2;
    } else {
      break;
    }
  }
  return at;
}

}  // namespace

void* TreeArena::allocate(void* self, std::size_t size) {
  constexpr std::size_t kAlign = alignof(std::max_align_t);
  auto& arena = *static_cast<TreeArena*>(self);
  size = (size + kAlign - 1) & ~(kAlign - 1);
  if (size > arena.left_) {
    // 4 KiB for a lone expression, growing to 64 KiB blocks for whole files.
    std::size_t grown = std::size_t{4096} << std::min<std::size_t>(arena.blocks_.size(), 4);
    std::size_t block = std::max(size, grown);
    arena.blocks_.push_back(std::make_unique_for_overwrite<char[]>(block));
    arena.next_ = arena.blocks_.back().get();
    arena.left_ = block;
  }
  void* result = arena.next_;
  arena.next_ += size;
  arena.left_ -= size;
  return result;
}

ParsedSql::ParsedSql(std::string text, std::string file_name)
    : text_(std::move(text)), file_name_(std::move(file_name)) {}

void ParsedSql::add_tree(PgQuery__ParseResult* tree, std::size_t base, std::size_t end) {
  for (std::size_t i = 0; i < tree->n_stmts; ++i) {
    PgQuery__RawStmt* raw = tree->stmts[i];
    // Make the statement's span absolute, as if the whole text had been parsed at once.
    std::size_t begin = base + raw->stmt_location;
    std::size_t statement_end = raw->stmt_len == 0 ? end : begin + raw->stmt_len;
    raw->stmt_location = static_cast<int32_t>(begin);
    raw->stmt_len = statement_end == text_.size() ? 0 : static_cast<int32_t>(statement_end - begin);
    statements_.push_back({raw, base, statement_end});
  }
}

std::size_t ParsedSql::statement_offset(std::size_t i) const {
  const Span& span = statements_[i];
  return skip_blank(text_, span.raw->stmt_location, span.end);
}

const LineIndex& ParsedSql::lines() const {
  if (!lines_) lines_ = std::make_unique<LineIndex>(text_);
  return *lines_;
}

std::string ParsedSql::position(std::size_t offset) const {
  Location at = lines().location_of(text_, offset);
  return fmt::format("{}:{}:{}", file_name_, at.line, at.column);
}

namespace {

// libpg_query's error as a SyntaxError: cursorpos is 1-based; 0 means "unknown" (e.g.
// unterminated input), reported at the end of the text.
void set_syntax_error(const PgQueryError& from, const char* text, SyntaxError* error) {
  error->offset = from.cursorpos > 0 ? from.cursorpos - 1 : std::strlen(text);
  error->message = from.message;
}

}  // namespace

namespace {

// parse_tree_of without the copy from PostgreSQL's nodes: libpg_query's JSON output, else its
// protobuf output.
PgQuery__ParseResult* parse_tree_through_libpg_query(const char* text, TreeArena& arena,
                                                     SyntaxError* error, bool use_protobuf) {
  if (!use_protobuf) {
    PgQueryParseResult parsed = pg_query_parse(text);
    if (parsed.error != nullptr) {
      set_syntax_error(*parsed.error, text, error);
      pg_query_free_parse_result(parsed);
      return nullptr;
    }
    PgQuery__ParseResult* tree = parse_tree_from_json(parsed.parse_tree, text, arena);
    pg_query_free_parse_result(parsed);
    if (tree != nullptr) return tree;
  }
  PgQueryProtobufParseResult result = pg_query_parse_protobuf(text);
  if (result.error != nullptr) {
    set_syntax_error(*result.error, text, error);
    pg_query_free_protobuf_parse_result(result);
    return nullptr;
  }
  PgQuery__ParseResult* tree =
      pg_query__parse_result__unpack(arena.allocator(), result.parse_tree.len,
                                     reinterpret_cast<const uint8_t*>(result.parse_tree.data));
  pg_query_free_protobuf_parse_result(result);
  if (tree == nullptr) throw std::runtime_error("libpg_query returned an unreadable parse tree");
  return tree;
}

}  // namespace

PgQuery__ParseResult* parse_tree_of(const char* text, TreeArena& arena, SyntaxError* error,
                                    bool use_protobuf) {
  if (!use_protobuf) {
    // PostgreSQL's nodes copied straight into the structs, when they are of the common kinds.
    std::size_t refused = 0;
    PgQuery__ParseResult* tree = flick_parse_tree_from_raw(text, arena.allocator(), &refused);
    if (tree != nullptr && refused == 0) return tree;
  }
  return parse_tree_through_libpg_query(text, arena, error, use_protobuf);
}

namespace {

// Parses a long text in one go into PostgreSQL's nodes, copying each statement whose nodes are
// of the kinds raw_tree.c copies; the others (or, when that parse fails, every statement of
// PostgreSQL's scanner's split) are parsed on their own through libpg_query's output, on a few
// threads when there are many (libpg_query keeps its state per thread). nullptr when the split's
// statements do not parse one by one (the caller then parses the whole text, which reports
// errors with the right context).
std::unique_ptr<ParsedSql> parse_statement_by_statement(std::string_view sql,
                                                        const std::string& file_name) {
  auto parsed = std::make_unique<ParsedSql>(std::string(sql), file_name);
  const std::string& text = parsed->text();
  struct Fragment {
    std::size_t begin = 0;
    std::size_t length = 0;
    std::size_t base = 0;  // where the tree's locations count from
    PgQuery__ParseResult* tree = nullptr;
  };
  std::vector<Fragment> fragments;
  auto copied_arena = std::make_unique<TreeArena>();
  std::size_t refused = 0;
  PgQuery__ParseResult* whole =
      flick_parse_tree_from_raw(text.c_str(), copied_arena->allocator(), &refused);
  if (whole != nullptr && refused == 0) {
    parsed->add_tree(whole, 0, text.size());
    parsed->adopt_arena(std::move(copied_arena));
    return parsed;
  }
  if (whole != nullptr) {
    fragments.resize(whole->n_stmts);
    for (std::size_t i = 0; i < fragments.size(); ++i) {
      PgQuery__RawStmt* raw = whole->stmts[i];
      Fragment& fragment = fragments[i];
      fragment.begin = static_cast<std::size_t>(raw->stmt_location);
      fragment.length = raw->stmt_len == 0 ? text.size() - fragment.begin
                                           : static_cast<std::size_t>(raw->stmt_len);
      fragment.base = fragment.begin;
      if (raw->stmt == nullptr) continue;
      // A tree of its own for the statement, its locations counting from the text's start.
      ProtobufCAllocator* allocator = copied_arena->allocator();
      auto* single = static_cast<PgQuery__ParseResult*>(
          allocator->alloc(allocator->allocator_data, sizeof(PgQuery__ParseResult)));
      *single = *whole;
      single->n_stmts = 1;
      single->stmts = &whole->stmts[i];
      fragment.tree = single;
      fragment.base = 0;
    }
  } else {
    PgQuerySplitResult split = pg_query_split_with_scanner(text.c_str());
    if (split.error != nullptr) {
      pg_query_free_split_result(split);
      return nullptr;
    }
    fragments.resize(static_cast<std::size_t>(split.n_stmts));
    for (std::size_t i = 0; i < fragments.size(); ++i) {
      fragments[i].begin = static_cast<std::size_t>(split.stmts[i]->stmt_location);
      fragments[i].length = split.stmts[i]->stmt_len == 0 ? text.size() - fragments[i].begin
                                                          : split.stmts[i]->stmt_len;
      fragments[i].base = fragments[i].begin;
    }
    pg_query_free_split_result(split);
  }
  std::vector<std::size_t> pending;  // the fragments still to parse
  for (std::size_t i = 0; i < fragments.size(); ++i) {
    if (fragments[i].tree == nullptr) pending.push_back(i);
  }

  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  // One arena per worker: fragments are small, so sharing blocks keeps memory down.
  unsigned helpers = pending.size() < 64 ? 0 : std::min(3u, std::thread::hardware_concurrency());
  if (helpers > 0) --helpers;  // this thread works too
  std::vector<std::unique_ptr<TreeArena>> arenas;
  for (unsigned i = 0; i <= helpers; ++i) arenas.push_back(std::make_unique<TreeArena>());
  auto parse_fragments = [&](TreeArena& arena) {
    std::string fragment_text;
    for (std::size_t p = next++; p < pending.size() && !failed; p = next++) {
      Fragment& fragment = fragments[pending[p]];
      fragment_text.assign(text, fragment.begin, fragment.length);
      SyntaxError error;
      try {
        // The copy from PostgreSQL's nodes has refused these (or not been tried: the split's).
        fragment.tree = whole != nullptr ? parse_tree_through_libpg_query(fragment_text.c_str(),
                                                                          arena, &error, false)
                                         : parse_tree_of(fragment_text.c_str(), arena, &error);
      } catch (const std::exception&) {
        fragment.tree = nullptr;
      }
      if (fragment.tree == nullptr || fragment.tree->n_stmts > 1) failed = true;
    }
  };
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < helpers; ++i) {
    threads.emplace_back(parse_fragments, std::ref(*arenas[i + 1]));
  }
  parse_fragments(*arenas[0]);
  for (std::thread& thread : threads) thread.join();
  if (failed) return nullptr;
  for (Fragment& fragment : fragments) {
    parsed->add_tree(fragment.tree, fragment.base, fragment.begin + fragment.length);
  }
  parsed->adopt_arena(std::move(copied_arena));
  for (auto& arena : arenas) parsed->adopt_arena(std::move(arena));
  return parsed;
}

constexpr std::size_t kSplitThreshold = 4096;  // bytes; smaller texts parse in one go

}  // namespace

std::unique_ptr<ParsedSql> try_parse_sql(std::string_view sql, const std::string& file_name,
                                         SyntaxError* error) {
  if (sql.size() >= kSplitThreshold) {
    if (std::unique_ptr<ParsedSql> parsed = parse_statement_by_statement(sql, file_name)) {
      return parsed;
    }
  }
  auto parsed = std::make_unique<ParsedSql>(std::string(sql), file_name);
  auto arena = std::make_unique<TreeArena>();
  PgQuery__ParseResult* tree = parse_tree_of(parsed->text().c_str(), *arena, error);
  if (tree == nullptr) return nullptr;
  parsed->add_tree(tree, 0, parsed->text().size());
  parsed->adopt_arena(std::move(arena));
  return parsed;
}

ParsedSql parse_sql(std::string_view sql, const std::string& file_name) {
  SyntaxError error;
  std::unique_ptr<ParsedSql> parsed = try_parse_sql(sql, file_name, &error);
  if (parsed == nullptr) throw UserError(describe(error, sql, file_name));
  return std::move(*parsed);
}

std::vector<std::pair<std::size_t, std::size_t>> breakpoint_chunks(std::string_view sql) {
  std::vector<std::pair<std::size_t, std::size_t>> chunks;
  for (std::size_t begin = 0;;) {
    std::size_t marker = sql.find(kStatementBreakpoint, begin);
    if (marker == std::string_view::npos) {
      chunks.emplace_back(begin, sql.size());
      return chunks;
    }
    chunks.emplace_back(begin, marker);
    begin = marker + kStatementBreakpoint.size();
  }
}

std::unique_ptr<ParsedSql> try_parse_migration(std::string_view sql, const std::string& file_name,
                                               SyntaxError* error) {
  if (sql.find(kStatementBreakpoint) == std::string_view::npos) {
    return try_parse_sql(sql, file_name, error);
  }
  auto parsed = std::make_unique<ParsedSql>(std::string(sql), file_name);
  const std::string& text = parsed->text();
  auto arena = std::make_unique<TreeArena>();
  std::string chunk;
  for (const auto& [begin, end] : breakpoint_chunks(text)) {
    chunk.assign(text, begin, end - begin);
    PgQuery__ParseResult* tree = parse_tree_of(chunk.c_str(), *arena, error);
    if (tree == nullptr) {
      error->offset += begin;
      return nullptr;
    }
    parsed->add_tree(tree, begin, end);
  }
  parsed->adopt_arena(std::move(arena));
  return parsed;
}

ParsedSql parse_migration(std::string_view sql, const std::string& file_name) {
  SyntaxError error;
  std::unique_ptr<ParsedSql> parsed = try_parse_migration(sql, file_name, &error);
  if (parsed == nullptr) throw UserError(describe(error, sql, file_name));
  return std::move(*parsed);
}

std::string node_kind(const Node* node) {
  if (node == nullptr) return "NULL";
  const ProtobufCFieldDescriptor* field =
      protobuf_c_message_descriptor_get_field(&pg_query__node__descriptor, node->node_case);
  if (field == nullptr || field->descriptor == nullptr) return "unknown node";
  return static_cast<const ProtobufCMessageDescriptor*>(field->descriptor)->short_name;
}

const char* string_value(const Node* node) {
  if (node == nullptr || node->node_case != PG_QUERY__NODE__NODE_STRING) {
    throw std::logic_error("expected a String node, got " + node_kind(node));
  }
  return node->string->sval;
}

bool integer_value(const Node* node, long* value) {
  if (node == nullptr) return false;
  if (node->node_case == PG_QUERY__NODE__NODE_INTEGER) {
    *value = node->integer->ival;
    return true;
  }
  if (node->node_case == PG_QUERY__NODE__NODE_A_CONST &&
      node->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL) {
    *value = node->a_const->ival->ival;
    return true;
  }
  return false;
}

}  // namespace flick::sqlparse

#pragma once

// The parse tree of a SQL text straight from PostgreSQL's grammar nodes (raw_tree.c), for the
// node types schema files are made of.

#include <pg_query/pg_query.pb-c.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// The tree of `text` (NUL-terminated) as unpacking libpg_query's protobuf output would give it
// (the same bytes when packed), allocated with `allocator`; NULL on a syntax error. A statement
// with a node of a kind raw_tree.c does not copy has a NULL `stmt` (its stmt_location and
// stmt_len still say where it is, for the caller to parse it another way); `refused` counts
// them. Safe on several threads at once (libpg_query keeps its parser state per thread).
PgQuery__ParseResult* flick_parse_tree_from_raw(const char* text, ProtobufCAllocator* allocator,
                                                size_t* refused);

#ifdef __cplusplus
}
#endif

#pragma once

// Packed protobuf bytes of parse trees, for the tests that compare Flick's trees with
// libpg_query's own protobuf output byte for byte.

#include <pg_query.h>

#include <cstdint>
#include <string>

#include "sqlparse/parse_tree.hpp"

namespace flick::sqlparse::testing {

// `tree` packed as pg_query.proto's ParseResult.
inline std::string packed(const PgQuery__ParseResult* tree) {
  std::string bytes(pg_query__parse_result__get_packed_size(tree), '\0');
  pg_query__parse_result__pack(tree, reinterpret_cast<std::uint8_t*>(bytes.data()));
  return bytes;
}

// libpg_query's protobuf output for `sql`; "" when it does not parse.
inline std::string packed_by_libpg_query(const std::string& sql) {
  PgQueryProtobufParseResult result = pg_query_parse_protobuf(sql.c_str());
  std::string bytes =
      result.error != nullptr ? "" : std::string(result.parse_tree.data, result.parse_tree.len);
  pg_query_free_protobuf_parse_result(result);
  return bytes;
}

}  // namespace flick::sqlparse::testing

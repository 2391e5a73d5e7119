// The JSON path to parse trees against libpg_query's protobuf output: for every SQL file of the
// repository's tests and examples, and for statements of every kind Flick reads, the tree built
// from the JSON packs to exactly the bytes pg_query_parse_protobuf returns.

#include <gtest/gtest.h>
#include <pg_query.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "packed_tree.hpp"
#include "sqlparse/parse_tree.hpp"

namespace flick::sqlparse {
namespace {

namespace fs = std::filesystem;

// The packed protobuf of `sql` through the JSON path; nullopt when the JSON path leaves it to
// the protobuf path (a value the JSON does not carry), "" when it does not parse.
std::optional<std::string> packed_through_json(const std::string& sql) {
  PgQueryParseResult parsed = pg_query_parse(sql.c_str());
  if (parsed.error != nullptr) {
    pg_query_free_parse_result(parsed);
    return "";
  }
  TreeArena arena;
  PgQuery__ParseResult* tree = parse_tree_from_json(parsed.parse_tree, sql, arena);
  pg_query_free_parse_result(parsed);
  if (tree == nullptr) return std::nullopt;
  return testing::packed(tree);
}

using testing::packed_by_libpg_query;

TEST(JsonTree, PacksToTheProtobufOutputForEveryStatementKind) {
  const std::vector<std::string> statements = {
      "CREATE TABLE t (id serial PRIMARY KEY, s status DEFAULT 'a'::status NOT NULL, "
      "n numeric(10,2) DEFAULT 0, b boolean DEFAULT true, c timestamptz DEFAULT now(), "
      "p integer REFERENCES t2(id) ON DELETE CASCADE, f float DEFAULT -1.5, x int DEFAULT -0, "
      "z bit(3) DEFAULT B'101', h text DEFAULT E'caf\\u00e9 \\n', u uuid DEFAULT NULL, "
      "m int DEFAULT - 5, k bigint DEFAULT -2147483648, q int CHECK (q > -3))",
      "SELECT a.*, count(*) FILTER (WHERE x > 1) OVER w, $1::int[] FROM a JOIN b USING (id) "
      "WHERE a.v IN (SELECT 1) AND NOT EXISTS (SELECT) GROUP BY ROLLUP (a, b) HAVING true "
      "WINDOW w AS (PARTITION BY c ORDER BY d DESC NULLS LAST) ORDER BY 1 LIMIT 2 OFFSET 3 "
      "FOR UPDATE SKIP LOCKED",
      "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 9) "
      "SELECT * FROM r",
      "INSERT INTO t (a, b) VALUES (1, 'x'), (2, DEFAULT) ON CONFLICT (a) DO UPDATE SET b = "
      "excluded.b WHERE t.a > 0 RETURNING *",
      "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID, ALTER COLUMN b SET DATA TYPE "
      "varchar(20) USING b::varchar, DROP COLUMN IF EXISTS z CASCADE",
      "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t USING gin (lower(a) "
      "gin_trgm_ops, (b->>'k')) INCLUDE (c) WHERE d IS NOT NULL",
      "CREATE FUNCTION f(a int, OUT b text) RETURNS SETOF record LANGUAGE plpgsql STABLE AS "
      "$$ BEGIN RETURN QUERY SELECT 1; END $$",
      "CREATE TRIGGER tr BEFORE UPDATE OF a ON t FOR EACH ROW WHEN (OLD.a IS DISTINCT FROM "
      "NEW.a) EXECUTE FUNCTION f()",
      "CREATE POLICY p ON t AS RESTRICTIVE FOR SELECT TO authenticated USING (owner = "
      "current_user) WITH CHECK (true)",
      "CREATE TYPE mood AS ENUM ('a', 'b'); CREATE DOMAIN d AS int CHECK (VALUE > 0); "
      "CREATE TYPE c AS (x int, y text); CREATE SEQUENCE s INCREMENT 2 START 10 CACHE 1",
      "CREATE VIEW v WITH (security_barrier) AS SELECT CASE WHEN a THEN 1 ELSE 2 END, "
      "a::text COLLATE \"C\", ARRAY[1, 2], ROW(1, 2), a BETWEEN 1 AND 2, a IS TRUE, "
      "COALESCE(a, b), GREATEST(1, 2), x AT TIME ZONE 'UTC', interval '1 day', 1.5e10, "
      "9223372036854775808, -2147483648 FROM t",
      "CREATE MATERIALIZED VIEW m AS SELECT 1 WITH NO DATA; COMMENT ON COLUMN t.a IS 'x'; "
      "GRANT SELECT, UPDATE (a) ON t TO r WITH GRANT OPTION; REVOKE ALL ON SCHEMA s FROM r",
      "CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public; DO $$ BEGIN END $$; "
      "SET lock_timeout = '1s'; BEGIN; COMMIT; ALTER TYPE mood ADD VALUE 'c' BEFORE 'a'",
      "CREATE TABLE p (a int, b date) PARTITION BY RANGE (b); CREATE TABLE p1 PARTITION OF p "
      "FOR VALUES FROM ('2020-01-01') TO (MAXVALUE); ALTER TABLE t ALTER COLUMN a ADD "
      "GENERATED ALWAYS AS IDENTITY (START WITH 5)",
      "UPDATE t SET (a, b) = (SELECT 1, 2) FROM u WHERE t.id = u.id; DELETE FROM t USING u "
      "WHERE t.id = u.id RETURNING t.id; COPY t (a) FROM STDIN WITH (FORMAT csv)",
  };
  int through_json = 0;
  for (const std::string& sql : statements) {
    std::string expected = packed_by_libpg_query(sql);
    ASSERT_FALSE(expected.empty()) << "does not parse: " << sql;
    std::optional<std::string> packed = packed_through_json(sql);
    if (!packed) continue;
    EXPECT_EQ(*packed, expected) << sql;
    ++through_json;
  }
  // The first (negative and zero integer literals read back from the text) among them.
  EXPECT_TRUE(packed_through_json(statements[0]).has_value());
  EXPECT_GE(through_json, 12);
  // The JSON writes no ival for -1 (its array bound) nor for 0: left to the protobuf path.
  EXPECT_FALSE(packed_through_json("CREATE TABLE t (a text[])").has_value());
  EXPECT_FALSE(packed_through_json("CREATE SEQUENCE s INCREMENT BY -1").has_value());
}

TEST(JsonTree, PacksToTheProtobufOutputForEverySqlFileOfTheRepository) {
  fs::path root = FLICK_SOURCE_DIR;
  int compared = 0;
  for (const char* folder : {"tests", "examples"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".sql") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      std::string expected = packed_by_libpg_query(text.str());
      if (expected.empty()) continue;  // a file that is meant not to parse
      std::optional<std::string> packed = packed_through_json(text.str());
      if (!packed) continue;
      EXPECT_EQ(*packed, expected) << entry.path();
      ++compared;
    }
  }
  EXPECT_GT(compared, 250) << "too few SQL files through the JSON path under " << root;
}

TEST(JsonTree, ParseTreeOfReportsSyntaxErrorsAsTheProtobufPathDoes) {
  for (const char* sql : {"CREATE TABLE (", "SELECT 'unterminated", "ALTER TABLE t ADD"}) {
    TreeArena arena;
    SyntaxError through_json;
    SyntaxError through_protobuf;
    EXPECT_EQ(parse_tree_of(sql, arena, &through_json), nullptr);
    EXPECT_EQ(parse_tree_of(sql, arena, &through_protobuf, true), nullptr);
    EXPECT_EQ(through_json.offset, through_protobuf.offset) << sql;
    EXPECT_EQ(through_json.message, through_protobuf.message) << sql;
    EXPECT_FALSE(through_json.message.empty());
  }
}

}  // namespace
}  // namespace flick::sqlparse

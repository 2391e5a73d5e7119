#include <gtest/gtest.h>

#include "flick/error.hpp"
#include "sqlparse/sqlparse.hpp"

namespace flick::sqlparse {
namespace {

TEST(NormaliseExpression, SpellingDifferencesGiveEqualText) {
  const std::pair<const char*, const char*> same[] = {
      {"NOW( )", "now()"},
      {"'x'::TEXT", "'x'::text"},
      {"((1))", "1"},
      {"TRUE", "true"},
      {"null", "NULL"},
      {"a+b*c", "a + (b * c)"},
      {"\"status\" = 'ONBOARDING' and \"branch\" is null",
       "status = 'ONBOARDING' AND branch IS NULL"},
      {"\"Name\" || 'x'", "\"Name\" || 'x'"},
      {"LOWER( \"email\" )", "lower(email)"},
      {"x IN (1,2)", "x IN (1, 2)"},
      {"case when a then 1 else 2 end", "CASE WHEN a THEN 1 ELSE 2 END"},
      {"ARRAY[1,2]", "ARRAY[1, 2]"},
      {"now() + interval '1 day'", "now() + '1 day'::interval"},
      {"'a'::character varying", "'a'::varchar"},
      {"\"public\".\"t\".\"Col\"", "public.t.\"Col\""},
      {"'it''s'", "'it''s'"},
  };
  for (const auto& [written, canonical] : same) {
    EXPECT_EQ(normalise_expression(written), canonical) << written;
  }
  EXPECT_EQ(normalise_expression("(a + b) * c"), normalise_expression("(a+b)*c"));
  EXPECT_NE(normalise_expression("(a + b) * c"), normalise_expression("a + b * c"));
}

TEST(NormaliseExpression, RepeatedCallsReturnTheCachedText) {
  std::string first = normalise_expression("gen_random_uuid( )");
  EXPECT_EQ(normalise_expression("gen_random_uuid( )"), first);
  EXPECT_EQ(first, "gen_random_uuid()");
}

TEST(NormaliseExpression, RejectsSyntaxErrorsAndNonExpressions) {
  try {
    normalise_expression("foo(", "users.name default");
    FAIL() << "expected a UserError";
  } catch (const UserError& error) {
    EXPECT_EQ(std::string(error.what()),
              "users.name default: invalid expression `foo(`: syntax error at end of input");
  }
  EXPECT_THROW(normalise_expression("1, 2"), UserError);
  EXPECT_THROW(normalise_expression("a AS b"), UserError);
  EXPECT_THROW(normalise_expression("*"), UserError);
  EXPECT_THROW(normalise_expression("1 FROM t"), UserError);
}

TEST(NormaliseDefault, DropsACastOfAStringLiteralToTheColumnType) {
  EXPECT_EQ(normalise_default("'ONBOARDING'::user_status", "user_status", "public"),
            "'ONBOARDING'");
  EXPECT_EQ(normalise_default("'ONBOARDING'::\"public\".\"user_status\"", "user_status"),
            "'ONBOARDING'");
  EXPECT_EQ(normalise_default("'x'::text", "text"), "'x'");
  EXPECT_EQ(normalise_default("'pending'::character varying", "varchar(20)"), "'pending'");
  EXPECT_EQ(normalise_default("'{}'::jsonb", "jsonb"), "'{}'");
  EXPECT_EQ(normalise_default("'{}'::text[]", "text[]"), "'{}'");
  EXPECT_EQ(normalise_default("'1.50'::numeric", "numeric(10, 2)"), "'1.50'");
  EXPECT_EQ(normalise_default("'-1'::integer", "integer"), "-1");
  EXPECT_EQ(normalise_default("NULL::uuid", "uuid"), "NULL");
}

TEST(NormaliseDefault, KeepsOtherCasts) {
  EXPECT_EQ(normalise_default("'x'::text", "varchar"), "'x'::text");
  EXPECT_EQ(normalise_default("'ok'::mood", "user_status"), "'ok'::mood");
  EXPECT_EQ(normalise_default("'ok'::audit.mood", "mood", "public"), "'ok'::audit.mood");
  EXPECT_EQ(normalise_default("now()::text", "text"), "now()::text");
  EXPECT_EQ(normalise_default("now()", "timestamp"), "now()");
}

// pg_get_expr's serial defaults take a fast path (no parse); it must give what the parse gives.
TEST(NormaliseDefault, SequenceDefaultsAsPostgresPrintsThem) {
  for (const char* printed :
       {"nextval('t0001_id_seq'::regclass)", "nextval('\"Foo_id_seq\"'::regclass)",
        "nextval('app.t_id_seq'::regclass)", "nextval('\"My App\".\"T id seq\"'::regclass)"}) {
    EXPECT_EQ(normalise_default(printed, "integer"), printed);
    EXPECT_EQ(normalise_default(printed, "bigint", "", "ctx"), printed);
  }
  // Other spellings of the same call go through the parse and come out the same.
  EXPECT_EQ(normalise_default("nextval ( 's' :: regclass )", "integer"), "nextval('s'::regclass)");
  EXPECT_EQ(normalise_default("NEXTVAL('s'::REGCLASS)", "integer"), "nextval('s'::regclass)");
  EXPECT_EQ(normalise_default("nextval('it''s'::regclass)", "integer"),
            "nextval('it''s'::regclass)");
  EXPECT_EQ(normalise_default("pg_catalog.nextval('s'::regclass)", "integer"),
            "pg_catalog.nextval('s'::regclass)");
  EXPECT_THROW(normalise_default("nextval('s'::regclass", "integer"), UserError);
}

TEST(NormaliseQuery, NormalisesASelect) {
  EXPECT_EQ(
      normalise_query("select \"id\" , \"email\" from \"users\" where \"users\".\"age\" > 21"),
      "SELECT id, email FROM users WHERE users.age > 21");
  EXPECT_THROW(normalise_query("delete from users"), UserError);
  EXPECT_THROW(normalise_query("select 1; select 2"), UserError);
}

TEST(ReferencedColumns, ListsDistinctColumnsInOrder) {
  EXPECT_EQ(referenced_columns("lower(email) || \"Name\" || email"),
            (std::vector<std::string>{"email", "Name"}));
  EXPECT_EQ(referenced_columns("users.age > 21"), (std::vector<std::string>{"age"}));
  EXPECT_EQ(referenced_columns("now()"), (std::vector<std::string>{}));
}

}  // namespace
}  // namespace flick::sqlparse

namespace flick::sqlparse {
namespace {

TEST(NormaliseTableExpression, DropsQualifiersNamingTheTableItself) {
  EXPECT_EQ(normalise_table_expression("\"users\".\"age\" > 0", "public", "users"), "age > 0");
  EXPECT_EQ(normalise_table_expression("\"public\".\"users\".\"age\" > 0", "public", "users"),
            "age > 0");
  EXPECT_EQ(normalise_table_expression("shop.orders.total > orders.tax", "shop", "orders"),
            "total > tax");
  EXPECT_EQ(normalise_table_expression("other.age > users.age", "public", "users"),
            "other.age > age");
  EXPECT_EQ(normalise_table_expression("audit.users.age > 0", "public", "users"),
            "audit.users.age > 0");
  // Inside a subquery a qualifier may be what picks the outer row: it stays.
  EXPECT_EQ(normalise_table_expression("EXISTS (SELECT 1 FROM other WHERE other.id = users.id)",
                                       "public", "users"),
            "EXISTS (SELECT 1 FROM other WHERE other.id = users.id)");
  EXPECT_THROW(normalise_table_expression("1, 2", "public", "users"), UserError);
}

}  // namespace
// libpg_query's deparser drops the parentheses of `(x AT TIME ZONE 'UTC')::date`; under a cast
// it is written as the timezone() call, which reads back as the same expression.
TEST(NormaliseExpression, AtTimeZoneUnderACastKeepsItsMeaning) {
  EXPECT_EQ(normalise_expression("(now() AT TIME ZONE 'UTC')::date"),
            "timezone('UTC', now())::date");
  EXPECT_EQ(normalise_expression("((now() AT TIME ZONE 'UTC'::text))::date"),
            normalise_expression("(timezone('UTC'::text, now()))::date"));
  EXPECT_EQ(normalise_expression(normalise_expression("(now() AT TIME ZONE 'UTC')::date")),
            "timezone('UTC', now())::date");
  EXPECT_EQ(normalise_expression("now() AT TIME ZONE 'utc'"), "now() AT TIME ZONE 'utc'");
}

}  // namespace flick::sqlparse

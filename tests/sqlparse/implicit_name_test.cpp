#include <gtest/gtest.h>

#include "sqlparse/sqlparse.hpp"

namespace flick::sqlparse {
namespace {

// Expected names were produced by PostgreSQL 15.20 for the same tables and columns.
TEST(ImplicitName, ShortNames) {
  EXPECT_EQ(implicit_name("users", {}, "pkey"), "users_pkey");
  EXPECT_EQ(implicit_name("users", {"email"}, "key"), "users_email_key");
  EXPECT_EQ(implicit_name("t1", {"b", "c"}, "fkey"), "t1_b_c_fkey");
  EXPECT_EQ(implicit_name("t1", {"expr", "expr1"}, "idx"), "t1_expr_expr1_idx");
  EXPECT_EQ(implicit_name("t1", {"b"}, "check1"), "t1_b_check1");
  EXPECT_EQ(implicit_name("t1", {"f"}, "seq"), "t1_f_seq");
}

TEST(ImplicitName, TruncatesTheLongerPartFirstTo63Bytes) {
  const std::string table = "this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev";
  const std::string column = "this_is_a_very_long_column_name_that_is_also_really_long_indeed";
  EXPECT_EQ(implicit_name(table, {}, "pkey"),
            "this_is_a_very_long_table_name_that_goes_on_and_on_and_on__pkey");
  EXPECT_EQ(implicit_name(table, {"x"}, "key"),
            "this_is_a_very_long_table_name_that_goes_on_and_on_and_on_x_key");
  EXPECT_EQ(implicit_name(table, {"y"}, "check"),
            "this_is_a_very_long_table_name_that_goes_on_and_on_and__y_check");
  EXPECT_EQ(implicit_name(table, {column, "x"}, "idx"),
            "this_is_a_very_long_table_nam_this_is_a_very_long_column_na_idx");
  EXPECT_LE(implicit_name(table, {column}, "seq").size(), 63u);
}

TEST(ImplicitName, NeverSplitsAUtf8Character) {
  const std::string table =
      "\xC3\xBCtf_t\xC3\xA4"
      "ble_with_multibyte_chars_"
      "\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4"
      "\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4";
  const std::string column =
      "\xC3\xB6_column_name_with_multibyte_"
      "\xC3\xB6\xC3\xB6\xC3\xB6\xC3\xB6\xC3\xB6\xC3\xB6\xC3\xB6\xC3\xB6"
      "\xC3\xB6\xC3\xB6\xC3\xB6\xC3\xB6\xC3\xB6";
  EXPECT_EQ(implicit_name(table, {column}, "key"),
            "\xC3\xBCtf_t\xC3\xA4"
            "ble_with_multibyte_ch_\xC3\xB6_column_name_with_multibyte_key");
}

TEST(Quote, QuotesIdentifiersAndLiterals) {
  EXPECT_EQ(quote_identifier("users"), "\"users\"");
  EXPECT_EQ(quote_identifier("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(quote_literal("it's"), "'it''s'");
  EXPECT_EQ(quote_literal(""), "''");
}

}  // namespace
}  // namespace flick::sqlparse

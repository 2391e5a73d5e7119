#include "diff/casts.hpp"

#include <gtest/gtest.h>

namespace flick::diff {
namespace {

TEST(NeedsUsing, ImplicitAndAssignmentCastsNeedNone) {
  EXPECT_FALSE(needs_using({"integer", ""}, {"bigint", ""}));
  EXPECT_FALSE(needs_using({"bigint", ""}, {"integer", ""}));  // assignment cast
  EXPECT_FALSE(needs_using({"varchar(20)", ""}, {"varchar(50)", ""}));
  EXPECT_FALSE(needs_using({"numeric(10, 2)", ""}, {"numeric(12, 4)", ""}));
  EXPECT_FALSE(needs_using({"timestamp", ""}, {"timestamp (3) with time zone", ""}));
  EXPECT_FALSE(needs_using({"text", ""}, {"varchar(10)", ""}));
  EXPECT_FALSE(needs_using({"json", ""}, {"jsonb", ""}));
  EXPECT_FALSE(needs_using({"serial", ""}, {"bigint", ""}));
}

TEST(NeedsUsing, AnythingCastsToStringTypes) {
  EXPECT_FALSE(needs_using({"uuid", ""}, {"text", ""}));
  EXPECT_FALSE(needs_using({"integer", ""}, {"varchar(20)", ""}));
  EXPECT_FALSE(needs_using({"mood", "public"}, {"text", ""}));  // enum -> text: I/O cast
}

TEST(NeedsUsing, ExplicitOnlyCastsNeedUsing) {
  EXPECT_TRUE(needs_using({"text", ""}, {"integer", ""}));
  EXPECT_TRUE(needs_using({"text", ""}, {"boolean", ""}));
  EXPECT_TRUE(needs_using({"integer", ""}, {"boolean", ""}));
  EXPECT_TRUE(needs_using({"text", ""}, {"mood", "public"}));
  EXPECT_TRUE(needs_using({"mood", "public"}, {"feeling", "public"}));
  EXPECT_TRUE(needs_using({"text", ""}, {"text[]", ""}));
  EXPECT_TRUE(needs_using({"jsonb", ""}, {"uuid", ""}));
}

}  // namespace
}  // namespace flick::diff

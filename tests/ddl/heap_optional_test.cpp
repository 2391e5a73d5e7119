// model::HeapOptional: std::optional's behaviour for the model's rare large members, in a
// pointer's room.

#include <gtest/gtest.h>

#include <optional>
#include <utility>

#include "flick/model.hpp"

namespace flick::model {
namespace {

Identity named(const std::string& sequence) {
  Identity identity;
  identity.kind = IdentityKind::kAlways;
  identity.sequence_name = sequence;
  identity.options.increment = "1";
  return identity;
}

static_assert(sizeof(HeapOptional<Identity>) == sizeof(void*));

TEST(HeapOptional, IsEmptyUntilGivenAValue) {
  HeapOptional<Identity> identity;
  EXPECT_FALSE(identity.has_value());
  EXPECT_FALSE(identity);
  EXPECT_THROW(identity.value(), std::bad_optional_access);
  identity = named("t_id_seq");
  ASSERT_TRUE(identity);
  EXPECT_EQ(identity->sequence_name, "t_id_seq");
  EXPECT_EQ((*identity).kind, IdentityKind::kAlways);
  identity = std::nullopt;
  EXPECT_FALSE(identity);
  identity.emplace().sequence_name = "other";
  EXPECT_EQ(identity.value().sequence_name, "other");
  identity.reset();
  EXPECT_FALSE(identity.has_value());
}

TEST(HeapOptional, CopiesAreDeepAndCompareByValue) {
  Column column;
  column.name = "id";
  column.identity = named("t_id_seq");
  Column copy = column;
  EXPECT_EQ(copy, column);
  ASSERT_NE(&*copy.identity, &*column.identity) << "a copy owns its own value";
  copy.identity->options.increment = "2";
  EXPECT_EQ(column.identity->options.increment, "1");
  EXPECT_NE(copy, column);
  copy = column;  // assignment copies again
  EXPECT_EQ(copy, column);
  Column moved = std::move(copy);
  EXPECT_EQ(moved, column);
  Column without;
  without.name = "id";
  EXPECT_NE(without, column) << "empty and set differ";
  without.identity = named("t_id_seq");
  EXPECT_EQ(without, column);
  Column& same = without;
  without = same;  // self-assignment keeps the value
  EXPECT_EQ(without, column);
}

}  // namespace
}  // namespace flick::model

#include "diff/names.hpp"

#include <gtest/gtest.h>

namespace flick::diff {
namespace {

TEST(FittedName, KeepsShortNames) { EXPECT_EQ(fitted_name("mood", "_old"), "mood_old"); }

TEST(FittedName, LongNamesGetAStableHashWithin63Bytes) {
  std::string base(70, 'x');
  std::string name = fitted_name(base, "_old");
  EXPECT_LE(name.size(), kMaxIdentifierBytes);
  EXPECT_EQ(name.substr(name.size() - 4), "_old");
  EXPECT_EQ(name, fitted_name(base, "_old"));
  EXPECT_NE(name, fitted_name(std::string(70, 'y'), "_old"));
}

TEST(FittedName, NeverSplitsAUtf8Character) {
  std::string base;
  for (int i = 0; i < 40; ++i) base += "\xC3\xA9";  // é, two bytes each
  std::string name = fitted_name(base, "_old");
  EXPECT_LE(name.size(), kMaxIdentifierBytes);
  std::size_t hash = name.find('_');
  ASSERT_NE(hash, std::string::npos);
  EXPECT_EQ(hash % 2, 0u) << name;  // whole two-byte characters before the hash
}

}  // namespace
}  // namespace flick::diff

#include "store/hash.hpp"

#include <gtest/gtest.h>

#include "test_files.hpp"

namespace flick::store {
namespace {

TEST(Sha256Hex, MatchesKnownDigests) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256Hex, HashesAWholeMigrationFile) {
  auto path = testing::fixture_folder() / "0001_flat_mathemanic.sql";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "fixture absent: " << path;
  EXPECT_EQ(sha256_hex(testing::read_file(path)),
            "2f6c966fffc4e187dab342f53852a7c3ce0db04b6e33438f2a174d6a46f42501");
}

}  // namespace
}  // namespace flick::store

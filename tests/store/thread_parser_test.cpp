#include <gtest/gtest.h>

#include <thread>

#include "store/json_access.hpp"

namespace flick::store {
namespace {

TEST(ThreadJsonParser, IsTheSameParserWithinAThreadAndAnotherInEachThread) {
  simdjson::dom::parser* first = &thread_json_parser();
  EXPECT_EQ(&thread_json_parser(), first);
  simdjson::dom::parser* other = nullptr;
  simdjson::dom::parser* other_again = nullptr;
  std::thread thread([&] {
    other = &thread_json_parser();
    other_again = &thread_json_parser();
  });
  thread.join();
  ASSERT_NE(other, nullptr);
  EXPECT_NE(other, first);
  EXPECT_EQ(other_again, other);
  // The main thread's parser is still its own after the other thread ended (and freed its own).
  EXPECT_EQ(&thread_json_parser(), first);
}

}  // namespace
}  // namespace flick::store

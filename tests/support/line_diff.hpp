#pragma once

#include <gtest/gtest.h>

#include <string>

namespace flick::testing {

// A unified-style line diff of two texts: lines only in `expected` start with "- ", lines only
// in `actual` with "+ ", and up to two unchanged lines of context around each change start with
// "  ". Empty when the texts are equal.
std::string line_diff(const std::string& expected, const std::string& actual);

// Success when the texts are equal; otherwise a failure whose message is the line diff, headed by
// the two names.
::testing::AssertionResult same_text(const std::string& expected_name, const std::string& expected,
                                     const std::string& actual_name, const std::string& actual);

}  // namespace flick::testing

// Text-format conversions of the client's value types, without a database.

#include <gtest/gtest.h>

#include "flick/client.hpp"

namespace flick::client {
namespace {

using namespace std::chrono;

template <class T>
std::string written(const T& value) {
  std::string out;
  ValueTraits<T>::write(value, out);
  return out;
}

TEST(ClientTypes, UuidRoundTripsAndRejectsGarbage) {
  Uuid uuid = Uuid::parse("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11");
  EXPECT_EQ(uuid.str(), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
  EXPECT_EQ(Uuid::parse("{a0eebc999c0b4ef8bb6d6bb9bd380a11}"), uuid);
  EXPECT_THROW(Uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1"), ConversionError);
  EXPECT_THROW(Uuid::parse("g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), ConversionError);
  // The 36-character form is read by a table walk: a bad digit anywhere in it is refused.
  EXPECT_THROW(Uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1z"), ConversionError);
  EXPECT_THROW(Uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a-1"), ConversionError);
  EXPECT_THROW(Uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd38 a11"), ConversionError);
  EXPECT_THROW(Uuid::parse(std::string_view("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a\0"
                                            "1",
                                            36)),
               ConversionError);
  EXPECT_EQ(Uuid::parse("ffffffff-ffff-ffff-ffff-ffffffffffff").str(),
            "ffffffff-ffff-ffff-ffff-ffffffffffff");
  EXPECT_EQ(Uuid::parse("00000000-0000-0000-0000-000000000000").str(),
            "00000000-0000-0000-0000-000000000000");
}

TEST(ClientTypes, IntegersCheckTheirRange) {
  EXPECT_EQ(ValueTraits<std::int16_t>::read("-32768"), -32768);
  EXPECT_THROW(ValueTraits<std::int16_t>::read("32768"), ConversionError);
  EXPECT_EQ(ValueTraits<std::int64_t>::read("9223372036854775807"), INT64_MAX);
  EXPECT_THROW(ValueTraits<int>::read("12x"), ConversionError);
  EXPECT_EQ(written(std::int64_t{-42}), "-42");
}

TEST(ClientTypes, TimestampsReadOffsetsAndFractions) {
  Timestamp expected = sys_days(2024y / 2 / 29) + 13h + 5min + 7s + 120us;
  EXPECT_EQ(ValueTraits<Timestamp>::read("2024-02-29 13:05:07.00012"), expected);
  EXPECT_EQ(ValueTraits<Timestamp>::read("2024-02-29 13:05:07.00012+00"), expected);
  EXPECT_EQ(ValueTraits<Timestamp>::read("2024-02-29 15:35:07.00012+02:30"), expected);
  EXPECT_EQ(ValueTraits<Timestamp>::read("2024-02-29 08:05:07.00012-05"), expected);
  EXPECT_EQ(written(expected), "2024-02-29 13:05:07.000120+00");
  EXPECT_THROW(ValueTraits<Timestamp>::read("infinity"), ConversionError);
  EXPECT_THROW(ValueTraits<Timestamp>::read("2024-02-30 00:00:00"), ConversionError);
}

TEST(ClientTypes, DatesRoundTrip) {
  EXPECT_EQ(ValueTraits<Date>::read("1999-12-31"), 1999y / 12 / 31);
  EXPECT_EQ(written(Date(2001y / 1 / 2)), "2001-01-02");
  EXPECT_THROW(ValueTraits<Date>::read("1999-13-01"), ConversionError);
}

TEST(ClientTypes, ArraysQuoteAndReadNulls) {
  std::vector<std::string> words = {"a", "b c", "quote\"d", "back\\slash", "NULL", ""};
  std::string text = written(words);
  EXPECT_EQ(text, R"({"a","b c","quote\"d","back\\slash","NULL",""})");
  EXPECT_EQ(ValueTraits<std::vector<std::string>>::read(text), words);
  EXPECT_THROW(ValueTraits<std::vector<std::string>>::read(R"({a,"b c",NULL})"), ConversionError);
}

TEST(ClientTypes, ArrayNullNeedsOptionalElements) {
  using Optional = std::vector<std::optional<int>>;
  Optional values = ValueTraits<Optional>::read("{1,NULL,3}");
  ASSERT_EQ(values.size(), 3u);
  EXPECT_EQ(values[0], 1);
  EXPECT_FALSE(values[1]);
  EXPECT_THROW(ValueTraits<std::vector<int>>::read("{1,NULL,3}"), ConversionError);
  EXPECT_TRUE(ValueTraits<std::vector<int>>::read("{}").empty());
}

TEST(ClientTypes, ParamsMarkNulls) {
  std::optional<int> none;
  Params params(1, std::string("x"), none, std::nullopt, "lit", true);
  ASSERT_EQ(params.size(), 6);
  EXPECT_EQ(params.offsets()[2], -1);
  EXPECT_EQ(params.offsets()[3], -1);
  EXPECT_STREQ(params.buffer().data() + params.offsets()[4], "lit");
  EXPECT_STREQ(params.buffer().data() + params.offsets()[5], "true");
}

}  // namespace
}  // namespace flick::client

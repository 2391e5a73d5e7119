// Composite values in PostgreSQL's record text form, without a database: the client's one
// parser (detail::split_record) on the cases record_out writes and record_in accepts, and the
// ValueTraits the golden header (data/small_schema.hpp) generates for its composite types, read
// and written through the parser, nested composites and arrays of composites included.

#include <gtest/gtest.h>

#include "small_schema.hpp"

namespace flick::client {
namespace {

using Fields = std::vector<std::optional<std::string>>;
using namespace std::chrono;

template <class T>
std::string written(const T& value) {
  std::string out;
  ValueTraits<T>::write(value, out);
  return out;
}

TEST(CompositeText, EmptyFieldsAreNullQuotedEmptyOnesAreEmptyStrings) {
  EXPECT_EQ(detail::split_record("(a,\"b c\",)", 3), (Fields{"a", "b c", std::nullopt}));
  EXPECT_EQ(detail::split_record("(,\"\",)", 3), (Fields{std::nullopt, "", std::nullopt}));
  EXPECT_EQ(detail::split_record("(\"\")", 1), (Fields{""}));
  // A one-attribute record "()" holds one NULL; a zero-attribute one is "()" too.
  EXPECT_EQ(detail::split_record("()", 1), (Fields{std::nullopt}));
  EXPECT_EQ(detail::split_record("()", 0), Fields{});
}

TEST(CompositeText, QuotesCommasAndBackslashes) {
  // record_out doubles quotes and backslashes inside quotes: "say ""hi""" and "C:\\dir".
  EXPECT_EQ(detail::split_record(R"~(("say ""hi""","C:\\dir","a,b","(x)"))~", 4),
            (Fields{"say \"hi\"", "C:\\dir", "a,b", "(x)"}));
  // record_in also takes a backslash escape outside quotes, and quotes in the middle of a field.
  EXPECT_EQ(detail::split_record(R"~((a\,b,x"y,z"w,\"))~", 3), (Fields{"a,b", "xy,zw", "\""}));
  // Spaces inside are data; outside the parentheses they are skipped.
  EXPECT_EQ(detail::split_record("  ( a , b )\n", 2), (Fields{" a ", " b "}));
  // "NULL" is a string in a record (unlike in an array).
  EXPECT_EQ(detail::split_record("(NULL,null)", 2), (Fields{"NULL", "null"}));
}

TEST(CompositeText, NestedRecordsAndArraysAreOneFieldEach) {
  // What PostgreSQL prints for ROW('x', ROW(1, 'a b')::inner, ARRAY['p', 'q r']).
  Fields outer = detail::split_record(R"~((x,"(1,""a b"")","{p,""q r""}"))~", 3);
  ASSERT_EQ(outer, (Fields{"x", "(1,\"a b\")", "{p,\"q r\"}"}));
  EXPECT_EQ(detail::split_record(*outer[1], 2), (Fields{"1", "a b"}));
  EXPECT_EQ(detail::split_array(*outer[2]), (Fields{"p", "q r"}));
  // Two levels deep: quotes double at each level.
  Fields deep = detail::split_record(R"~(("(""(""""a"""",)"",z)"))~", 1);
  ASSERT_EQ(deep.size(), 1u);
  Fields middle = detail::split_record(*deep[0], 2);
  EXPECT_EQ(middle, (Fields{"(\"a\",)", "z"}));
  EXPECT_EQ(detail::split_record(*middle[0], 2), (Fields{"a", std::nullopt}));
}

TEST(CompositeText, MalformedTextAndOtherFieldCountsThrow) {
  EXPECT_THROW(detail::split_record("a,b", 2), ConversionError);
  EXPECT_THROW(detail::split_record("(a,b", 2), ConversionError);
  EXPECT_THROW(detail::split_record("(\"a,b)", 1), ConversionError);  // quote never closes
  EXPECT_THROW(detail::split_record("(a\\", 1), ConversionError);     // backslash at the end
  EXPECT_THROW(detail::split_record("(a,b)x", 2), ConversionError);
  EXPECT_THROW(detail::split_record("(a,b)", 3), ConversionError);
  EXPECT_THROW(detail::split_record("(a,b,c)", 2), ConversionError);
  EXPECT_THROW(detail::split_record("(a)", 0), ConversionError);
  EXPECT_THROW(detail::split_record("", 1), ConversionError);
  try {
    detail::split_record("(secret,value)", 3);
    FAIL();
  } catch (const ConversionError& error) {
    EXPECT_EQ(std::string(error.what()).find("secret"), std::string::npos) << error.what();
  }
}

TEST(CompositeText, GeneratedStructsReadWhatPostgresPrints) {
  // SELECT ROW('1 Main St', '12345', 'so-so', ARRAY['a', 'b,c'])::address
  small::Address address =
      ValueTraits<small::Address>::read(R"~(("1 Main St",12345,so-so,"{a,""b,c""}"))~");
  EXPECT_EQ(address.street, "1 Main St");
  EXPECT_EQ(address.zip_code, "12345");
  EXPECT_EQ(address.class_, small::Mood::kSoSo);
  EXPECT_EQ(address.lines, (std::vector<std::string>{"a", "b,c"}));
  small::Address empty = ValueTraits<small::Address>::read("(,\"\",,)");
  EXPECT_EQ(empty.street, std::nullopt);
  EXPECT_EQ(empty.zip_code, "");
  EXPECT_EQ(empty.class_, std::nullopt);
  EXPECT_EQ(empty.lines, std::nullopt);
  EXPECT_THROW(ValueTraits<small::Address>::read("(a,b,not-a-mood,)"), ConversionError);
}

TEST(CompositeText, GeneratedStructsRoundTripNestedAndInArrays) {
  small::BillingLine line{.item = "say \"hi\"\\",
                          .cents = 250,
                          .ship_to = small::Address{.street = "", .class_ = small::Mood::kHappy},
                          .paid_at = sys_days(2026y / 1 / 2) + 3h};
  std::string text = written(line);
  EXPECT_EQ(text,
            R"~(("say \"hi\"\\","250","(\"\",,\"happy\",)","2026-01-02 03:00:00.000000+00"))~");
  EXPECT_EQ(ValueTraits<small::BillingLine>::read(text), line);
  // Read back the way PostgreSQL prints the same value.
  EXPECT_EQ(ValueTraits<small::BillingLine>::read(
                R"~(("say ""hi""\\",250,"("""",,happy,)","2026-01-02 03:00:00+00"))~"),
            line);
  std::vector<small::BillingLine> lines = {line, small::BillingLine{}};
  std::string array = written(lines);
  EXPECT_EQ(ValueTraits<std::vector<small::BillingLine>>::read(array), lines);
  EXPECT_EQ(written(small::BillingLine{}), "(,,,)");
}

}  // namespace
}  // namespace flick::client

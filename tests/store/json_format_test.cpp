#include "store/json_format.hpp"

#include <gtest/gtest.h>

namespace flick::store {
namespace {

using Json = nlohmann::ordered_json;

Json sample() {
  return Json::parse(R"({"b":1,"a":{"x":[],"y":{},"z":["p","q"]},"list":[{"k":true}],"n":null})");
}

TEST(FormatJson, DrizzleKitLayoutIsJsonStringifyWithTwoSpaces) {
  EXPECT_EQ(format_json(sample(), JsonLayout::kDrizzleKit),
            "{\n"
            "  \"b\": 1,\n"
            "  \"a\": {\n"
            "    \"x\": [],\n"
            "    \"y\": {},\n"
            "    \"z\": [\n"
            "      \"p\",\n"
            "      \"q\"\n"
            "    ]\n"
            "  },\n"
            "  \"list\": [\n"
            "    {\n"
            "      \"k\": true\n"
            "    }\n"
            "  ],\n"
            "  \"n\": null\n"
            "}");
}

TEST(FormatJson, CompactLayoutIsOneLine) {
  EXPECT_EQ(format_json(sample(), JsonLayout::kCompact),
            R"({"b":1,"a":{"x":[],"y":{},"z":["p","q"]},"list":[{"k":true}],"n":null})");
}

TEST(FormatJson, TabbedLayoutInlinesShortScalarArraysAndEndsWithNewline) {
  EXPECT_EQ(format_json(sample(), JsonLayout::kTabbed),
            "{\n"
            "\t\"b\": 1,\n"
            "\t\"a\": {\n"
            "\t\t\"x\": [],\n"
            "\t\t\"y\": {},\n"
            "\t\t\"z\": [\"p\", \"q\"]\n"
            "\t},\n"
            "\t\"list\": [\n"
            "\t\t{\n"
            "\t\t\t\"k\": true\n"
            "\t\t}\n"
            "\t],\n"
            "\t\"n\": null\n"
            "}\n");
}

TEST(FormatJson, TabbedLayoutBreaksArraysPastEightyColumns) {
  // Indent counts 2 columns per tab; the trailing comma counts too.
  std::string word(30, 'w');
  Json fits = Json::object();
  fits["k"] = Json::array({word, std::string(35, 'v')});  // 2 + 5 + 73 = 80 columns
  EXPECT_EQ(format_json(fits, JsonLayout::kTabbed),
            "{\n\t\"k\": [\"" + word + "\", \"" + std::string(35, 'v') + "\"]\n}\n");
  Json with_comma = fits;
  with_comma["z"] = 1;  // now the array line ends with "," and is 81 columns
  EXPECT_EQ(format_json(with_comma, JsonLayout::kTabbed), "{\n\t\"k\": [\n\t\t\"" + word +
                                                              "\",\n\t\t\"" + std::string(35, 'v') +
                                                              "\"\n\t],\n\t\"z\": 1\n}\n");
}

TEST(FormatJson, EscapesStringsLikeJsonStringify) {
  Json value = std::string("q\"b\\n\n\t\x01 é/");
  EXPECT_EQ(format_json(value, JsonLayout::kCompact), "\"q\\\"b\\\\n\\n\\t\\u0001 é/\"");
}

TEST(DetectJsonLayout, RecognisesEachLayout) {
  EXPECT_EQ(detect_json_layout("{\"a\":1}"), JsonLayout::kCompact);
  EXPECT_EQ(detect_json_layout("{\n  \"a\": 1\n}"), JsonLayout::kDrizzleKit);
  EXPECT_EQ(detect_json_layout("{\n\t\"a\": 1\n}\n"), JsonLayout::kTabbed);
}

TEST(JsNumber, MatchesNumberToString) {
  EXPECT_EQ(js_number(0.0), "0");
  EXPECT_EQ(js_number(1.5), "1.5");
  EXPECT_EQ(js_number(-0.25), "-0.25");
  EXPECT_EQ(js_number(100.0), "100");
  EXPECT_EQ(js_number(1e21), "1e+21");
  EXPECT_EQ(js_number(123456789012345680000.0), "123456789012345680000");
  EXPECT_EQ(js_number(0.000001), "0.000001");
  EXPECT_EQ(js_number(1e-7), "1e-7");
  EXPECT_EQ(js_number(1.5e-10), "1.5e-10");
  EXPECT_EQ(js_number(0.1 + 0.2), "0.30000000000000004");
}

}  // namespace
}  // namespace flick::store

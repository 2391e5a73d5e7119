#include "store/json_format.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "flick/error.hpp"
#include "store/json_access.hpp"

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

// Writes `value` through a JsonStreamWriter the way the snapshot writer does: objects member by
// member, arrays of objects element by element, arrays of scalars whole. With `whole_at`, every
// value at that depth is handed over whole instead.
void stream(JsonStreamWriter& out, const Json& value, int depth = 0, int whole_at = -1) {
  bool scalars = value.is_array() && std::all_of(value.begin(), value.end(), [](const Json& item) {
                   return !item.is_structured() || item.empty();
                 });
  if (depth == whole_at || !value.is_structured() || scalars) {
    out.value(value);
  } else if (value.is_object()) {
    out.begin_object();
    for (auto it = value.begin(); it != value.end(); ++it) {
      out.key(it.key());
      stream(out, *it, depth + 1, whole_at);
    }
    out.end_object();
  } else {
    out.begin_array();
    for (const Json& item : value) stream(out, item, depth + 1, whole_at);
    out.end_array();
  }
}

std::string streamed(const Json& value, JsonLayout layout, int whole_at = -1) {
  JsonStreamWriter out(layout);
  stream(out, value, 0, whole_at);
  return out.finish();
}

TEST(JsonStreamWriter, WritesTheBytesFormatJsonWritesInEveryLayout) {
  std::string word(30, 'w');
  std::vector<Json> values = {
      sample(),
      Json::parse(R"({"a":{"b":{"c":{"d":[1,2,{"e":[]}],"f":"x"}}},"g":[],"h":{}})"),
      Json::parse(R"([{"k":1},{"k":[true,false,null]},[],{}])"),
      Json::parse(
          R"({"deep":[[1,2],[3]],"mixed":[1,{"a":2}],"n":-1.5e-7,"u":18446744073709551615})"),
      Json::object(),
      Json::array(),
      Json(1),
      Json::parse(R"({"s":"q\"b\\n\n\t\u0001 é/"})"),
  };
  // Arrays right at the 80-column limit of the tabbed layout, with and without a comma after.
  Json edge = Json::object();
  edge["k"] = Json::array({word, std::string(35, 'v')});
  values.push_back(edge);
  edge["z"] = 1;
  values.push_back(edge);
  Json nested = Json::object();
  nested["outer"] = Json::object({{"ééé", Json::array({word, std::string(29, 'v')})}, {"b", 2}});
  values.push_back(nested);
  for (JsonLayout layout : {JsonLayout::kDrizzleKit, JsonLayout::kTabbed, JsonLayout::kCompact}) {
    for (const Json& value : values) {
      EXPECT_EQ(streamed(value, layout), format_json(value, layout)) << value.dump();
      for (int depth = 0; depth < 4; ++depth) {
        EXPECT_EQ(streamed(value, layout, depth), format_json(value, layout))
            << value.dump() << " whole at depth " << depth;
      }
    }
  }
}

TEST(JsonStreamWriter, ReportsAKeyWrittenTwiceInOneObjectOnly) {
  JsonStreamWriter twice(JsonLayout::kCompact);
  twice.begin_object();
  twice.key("a");
  twice.value(true);
  twice.key("b");
  twice.begin_object();
  twice.key("a");  // another object: not a repeat
  twice.value(false);
  twice.end_object();
  EXPECT_FALSE(twice.repeated_key());
  twice.key("a");
  twice.value(false);
  twice.end_object();
  EXPECT_TRUE(twice.repeated_key());
  EXPECT_EQ(twice.finish(), R"({"a":true,"b":{"a":false},"a":false})");
}

// An object of many keys keeps its keys in a set: a repeat among them is still found, and the
// keys of the objects inside it (written before and after the switch) are their own.
TEST(JsonStreamWriter, ReportsAKeyWrittenTwiceInAnObjectOfManyKeys) {
  for (int repeat : {-1, 3, 40}) {
    SCOPED_TRACE(repeat);
    JsonStreamWriter out(JsonLayout::kCompact);
    out.begin_object();
    for (int i = 0; i < 50; ++i) {
      out.key("table_" + std::to_string(i));
      out.begin_object();
      out.key("table_" + std::to_string(i));  // the same name one level down: not a repeat
      out.value(true);
      out.end_object();
      if (i == 45 && repeat >= 0) {
        out.key("table_" + std::to_string(repeat));
        out.value(false);
      }
    }
    out.end_object();
    EXPECT_EQ(out.repeated_key(), repeat >= 0);
    std::string text = out.finish();
    EXPECT_EQ(nlohmann::ordered_json::parse(text).size(), 50u) << text.substr(0, 200);
  }
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

// The value type of every node, depth first, and the text: equal for two trees only when each
// number has the same nlohmann type (unsigned, integer, float) and each object the same order.
std::string shape(const Json& value) {
  std::string out(1, static_cast<char>('0' + static_cast<int>(value.type())));
  if (value.is_structured()) {
    for (const Json& item : value) out += shape(item);
  }
  return out + value.dump();
}

// parse_json_text builds its tree from simdjson's document where it can and leaves the rest to
// nlohmann: either way the tree, its number types and its key order are nlohmann's own.
TEST(ParseJsonText, BuildsTheTreeNlohmannWould) {
  std::string many_keys = "{";
  for (int i = 40; i > 0; --i)
    many_keys += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  many_keys += "\"last\":[]}";
  const std::vector<std::string> texts = {
      R"({"b":1,"a":{"x":[],"y":{},"z":["p","q"]},"list":[{"k":true}],"n":null})",
      R"([0, -1, 1, 18446744073709551615, -9223372036854775808, 1.5, -0.25, 1e2, 2E-3, 1.0])",
      R"({"s":"caf\u00e9 \"q\" \\ \/ \n\t \u0000 end","emoji":"\ud83d\ude00","t":"\u00E9"})",
      R"({"dup":1,"other":2,"dup":3})",
      R"({"z":-0,"y":[-0]})",
      "\xEF\xBB\xBF{\"bom\":true}",
      R"({"big":123456789012345678901234567890})",
      "  {\"id\" : \"6d0209e8-9df0-4552-9fcf-92667fc3173f\" , \"n\" : -0.0 }  ",
      many_keys,
      many_keys.substr(0, many_keys.size() - 1) + ",\"k7\":0}",
  };
  for (const std::string& text : texts) {
    EXPECT_EQ(shape(parse_json_text(text, "t.json")), shape(Json::parse(text))) << text;
  }
  for (const std::string bad :
       {"{", "{\"a\":1,}", "[1 2]", "{\"a\":\"\xff\"}", "{} x", "\"\\ud800\"", "{\"a\":1e400}"}) {
    EXPECT_THROW(parse_json_text(bad, "t.json"), UserError) << bad;
  }
}

}  // namespace
}  // namespace flick::store

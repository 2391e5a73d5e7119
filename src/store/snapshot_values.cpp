#include "store/snapshot_values.hpp"

#include <cctype>
#include <charconv>
#include <cstdint>
#include <limits>

#include "store/json_format.hpp"

namespace flick::store {
namespace {

using Json = nlohmann::ordered_json;

bool iequals(const std::string& a, const char* b) {
  std::size_t i = 0;
  for (; i < a.size() && b[i]; ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return i == a.size() && !b[i];
}

// A JSON number when `text` is exactly how JavaScript prints that number, else null.
Json canonical_number(const std::string& text) {
  if (text.empty() || !(std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '-')) {
    return nullptr;
  }
  double value = 0;
  auto end = text.data() + text.size();
  auto result = std::from_chars(text.data(), end, value);
  if (result.ec != std::errc() || result.ptr != end) return nullptr;
  if (js_number(value) != text) return nullptr;
  std::int64_t integer = 0;
  auto as_integer = std::from_chars(text.data(), end, integer);
  if (as_integer.ec == std::errc() && as_integer.ptr == end) return integer;
  return value;
}

std::string number_text(const Json& value) {
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  if (value.is_number_unsigned()) return std::to_string(value.get<std::uint64_t>());
  return js_number(value.get<double>());
}

// Appends the elements of a JSON array as a PostgreSQL array literal's text ({...}), as later
// drizzle-kit versions write an array default: strings quoted, numbers and booleans bare, null
// NULL, nested arrays nested. False for an object inside.
bool append_array_literal(const Json& array, std::string& out) {
  out += '{';
  bool first = true;
  for (const Json& item : array) {
    if (!first) out += ',';
    first = false;
    if (item.is_array()) {
      if (!append_array_literal(item, out)) return false;
    } else if (item.is_string()) {
      out += '"';
      for (char c : item.get_ref<const std::string&>()) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
      }
      out += '"';
    } else if (item.is_number()) {
      out += number_text(item);
    } else if (item.is_boolean()) {
      out += item.get<bool>() ? "true" : "false";
    } else if (item.is_null()) {
      out += "NULL";
    } else {
      return false;
    }
  }
  out += '}';
  return true;
}

}  // namespace

Json default_to_json(const std::string& expression) {
  if (iequals(expression, "null")) return nullptr;
  if (iequals(expression, "true")) return true;
  if (iequals(expression, "false")) return false;
  Json number = canonical_number(expression);
  if (!number.is_null()) return number;
  return expression;
}

bool default_from_json(const Json& value, std::string& expression) {
  if (value.is_null()) {
    expression = "NULL";
  } else if (value.is_boolean()) {
    expression = value.get<bool>() ? "true" : "false";
  } else if (value.is_number()) {
    expression = number_text(value);
  } else if (value.is_string()) {
    expression = value.get<std::string>();
  } else if (value.is_array()) {
    // Older drizzle-kit versions wrote an array default as the JavaScript value ("default": []);
    // the migration's SQL has the array literal ('{}').
    std::string literal;
    if (!append_array_literal(value, literal)) return false;
    expression = "'";
    for (char c : literal) {
      if (c == '\'') expression += '\'';
      expression += c;
    }
    expression += "'";
  } else {
    return false;
  }
  return true;
}

Json option_to_json(const std::string& value) {
  if (value == "true") return true;
  if (value == "false") return false;
  Json number = canonical_number(value);
  if (!number.is_null()) return number;
  return value;
}

bool option_from_json(const Json& value, std::string& text) {
  if (value.is_boolean()) {
    text = value.get<bool>() ? "true" : "false";
  } else if (value.is_number()) {
    text = number_text(value);
  } else if (value.is_string()) {
    text = value.get<std::string>();
  } else {
    return false;
  }
  return true;
}

std::string snake_case(const std::string& camel) {
  std::string out;
  for (char c : camel) {
    if (std::isupper(static_cast<unsigned char>(c))) {
      out += '_';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

std::string camel_case(const std::string& snake) {
  std::string out;
  bool upper = false;
  for (char c : snake) {
    if (c == '_') {
      upper = true;
    } else {
      out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      upper = false;
    }
  }
  return out;
}

}  // namespace flick::store

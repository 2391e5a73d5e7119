#pragma once

// C++ <-> PostgreSQL text-format value conversions. A type T is usable as a parameter or a result
// column when ValueTraits<T> has
//   static void write(const T& value, std::string& out);  // appends the text form
//   static T read(std::string_view text);                 // parses the server's text form
// Provided: std::string (text, varchar, inet, ...), std::string_view / const char* (parameters
// only), bool, int16/32/64, float, double, Uuid, Numeric, Timestamp (timestamptz and timestamp,
// the latter read as UTC), Date, nlohmann::json (json/jsonb), std::vector<T> (1-D arrays),
// std::optional<T> (NULL), enum classes with an EnumTraits specialisation, and composite types
// (structs with a ValueTraits specialisation over detail::split_record; codegen makes both).

#include <array>
#include <chrono>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace flick::client {

// A UUID as its 16 bytes. Text form: lower-case 8-4-4-4-12 hex.
struct Uuid {
  std::array<std::uint8_t, 16> bytes{};

  // Accepts the canonical form (any case, optional braces or missing hyphens as PostgreSQL does).
  // Throws ConversionError on anything else.
  static Uuid parse(std::string_view text);
  std::string str() const;

  auto operator<=>(const Uuid&) const = default;
};

// An exact decimal number (numeric/decimal) kept as its decimal text, e.g. "-12.50", "NaN".
struct Numeric {
  std::string value;

  bool operator==(const Numeric&) const = default;
};

// timestamptz / timestamp. A timestamp without time zone is read and written as if in UTC.
using Timestamp = std::chrono::sys_time<std::chrono::microseconds>;
// date
using Date = std::chrono::year_month_day;

// Specialised by generated code for each user enum:
//   static constexpr std::string_view pg_name = "\"public\".\"user_status\"";
//   static std::string_view to_string(E value);
//   static std::optional<E> from_string(std::string_view label);
template <class E>
struct EnumTraits;

template <class E, class = void>
struct IsPgEnum : std::false_type {};
template <class E>
struct IsPgEnum<E, std::void_t<decltype(EnumTraits<E>::from_string(std::string_view()))>>
    : std::true_type {};

template <class T, class = void>
struct ValueTraits;

namespace detail {
void write_integer(long long value, std::string& out);
long long read_integer(std::string_view text, long long min, long long max, const char* type);
void write_double(double value, std::string& out);
double read_double(std::string_view text);
void write_timestamp(Timestamp value, std::string& out);
Timestamp read_timestamp(std::string_view text);
void write_date(Date value, std::string& out);
Date read_date(std::string_view text);
bool read_bool(std::string_view text);
// Array literal helpers: element texts ({a,"b c",NULL} -> "a", "b c", nullopt) and quoting.
std::vector<std::optional<std::string>> split_array(std::string_view text);
void write_array_element(std::string_view element_text, std::string& out);
// The fields of a composite value in PostgreSQL's record text form, for exactly `fields`
// attributes: "(a,\"b c\",)" -> "a", "b c", nullopt. An empty field is NULL, a quoted empty one
// ("") the empty string; inside a field "..." quotes (a doubled "" inside them is one '"') and a
// backslash takes the next character as it is; a nested record or an array is one field holding
// its own text, to read with its ValueTraits. A zero-attribute type is "()"; a one-attribute
// record "()" holds one NULL. Whitespace outside the parentheses is skipped, inside it is data.
// Throws ConversionError (without the value) for anything else, or another number of fields.
// Writing one: '(' then each field's text quoted by write_array_element (its quoting is valid
// record syntax too), nothing for NULL, ',' between, then ')'.
std::vector<std::optional<std::string>> split_record(std::string_view text, std::size_t fields);
[[noreturn]] void unknown_enum_label(std::string_view pg_name);
}  // namespace detail

template <>
struct ValueTraits<std::string> {
  static void write(const std::string& value, std::string& out) { out += value; }
  static std::string read(std::string_view text) { return std::string(text); }
};
template <>
struct ValueTraits<std::string_view> {
  static void write(std::string_view value, std::string& out) { out += value; }
};
template <>
struct ValueTraits<const char*> {
  static void write(const char* value, std::string& out) { out += value; }
};
template <std::size_t N>
struct ValueTraits<char[N]> {
  static void write(const char* value, std::string& out) { out += value; }
};
template <>
struct ValueTraits<bool> {
  static void write(bool value, std::string& out) { out += value ? "true" : "false"; }
  static bool read(std::string_view text) { return detail::read_bool(text); }
};

template <class T>
struct ValueTraits<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool> &&
                                       !std::is_same_v<T, char>>> {
  static void write(T value, std::string& out) {
    detail::write_integer(static_cast<long long>(value), out);
  }
  static T read(std::string_view text) {
    static_assert(sizeof(T) <= sizeof(long long) && std::is_signed_v<T>,
                  "flick: PostgreSQL integers are signed (smallint, integer, bigint)");
    return static_cast<T>(detail::read_integer(text, std::numeric_limits<T>::min(),
                                               std::numeric_limits<T>::max(),
                                               sizeof(T) == 2   ? "smallint"
                                               : sizeof(T) == 4 ? "integer"
                                                                : "bigint"));
  }
};

template <class T>
struct ValueTraits<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static void write(T value, std::string& out) { detail::write_double(value, out); }
  static T read(std::string_view text) { return static_cast<T>(detail::read_double(text)); }
};

template <>
struct ValueTraits<Uuid> {
  static void write(const Uuid& value, std::string& out) { out += value.str(); }
  static Uuid read(std::string_view text) { return Uuid::parse(text); }
};
template <>
struct ValueTraits<Numeric> {
  static void write(const Numeric& value, std::string& out) { out += value.value; }
  static Numeric read(std::string_view text) { return Numeric{std::string(text)}; }
};
template <>
struct ValueTraits<Timestamp> {
  static void write(Timestamp value, std::string& out) { detail::write_timestamp(value, out); }
  static Timestamp read(std::string_view text) { return detail::read_timestamp(text); }
};
template <>
struct ValueTraits<Date> {
  static void write(Date value, std::string& out) { detail::write_date(value, out); }
  static Date read(std::string_view text) { return detail::read_date(text); }
};
template <>
struct ValueTraits<nlohmann::json> {
  static void write(const nlohmann::json& value, std::string& out) { out += value.dump(); }
  static nlohmann::json read(std::string_view text) { return nlohmann::json::parse(text); }
};

template <class E>
struct ValueTraits<E, std::enable_if_t<IsPgEnum<E>::value>> {
  static void write(E value, std::string& out) { out += EnumTraits<E>::to_string(value); }
  static E read(std::string_view text) {
    std::optional<E> value = EnumTraits<E>::from_string(text);
    if (!value) detail::unknown_enum_label(EnumTraits<E>::pg_name);
    return *value;
  }
};

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

// std::optional<T> is NULL when empty; the Params and Row code handle that before calling here.
template <class T>
struct ValueTraits<std::vector<T>> {
  static void write(const std::vector<T>& values, std::string& out) {
    out += '{';
    std::string element;
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out += ',';
      if constexpr (IsOptional<T>::value) {
        if (!values[i]) {
          out += "NULL";
          continue;
        }
        element.clear();
        ValueTraits<typename T::value_type>::write(*values[i], element);
      } else {
        element.clear();
        ValueTraits<T>::write(values[i], element);
      }
      detail::write_array_element(element, out);
    }
    out += '}';
  }
  static std::vector<T> read(std::string_view text) {
    std::vector<T> values;
    for (std::optional<std::string>& element : detail::split_array(text)) {
      if constexpr (IsOptional<T>::value) {
        values.push_back(element ? T(ValueTraits<typename T::value_type>::read(*element))
                                 : T(std::nullopt));
      } else {
        if (!element) throw_array_null();
        values.push_back(ValueTraits<T>::read(*element));
      }
    }
    return values;
  }
  [[noreturn]] static void throw_array_null();
};

}  // namespace flick::client

#include "flick/client/error.hpp"

template <class T>
void flick::client::ValueTraits<std::vector<T>>::throw_array_null() {
  throw_conversion_error("array holds NULL; read it as std::vector<std::optional<T>>");
}

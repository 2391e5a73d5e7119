#include "flick/client/types.hpp"

#include <fmt/core.h>

#include <array>
#include <charconv>
#include <cstdio>

#include "flick/client/error.hpp"

namespace flick::client {

namespace {

constexpr int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads exactly `digits` decimal digits at text[pos]; -1 when they are not there.
int read_fixed(std::string_view text, std::size_t pos, int digits) {
  if (pos + static_cast<std::size_t>(digits) > text.size()) return -1;
  int value = 0;
  for (int i = 0; i < digits; ++i) {
    char c = text[pos + static_cast<std::size_t>(i)];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

[[noreturn]] void bad(const char* type) {
  throw_conversion_error(fmt::format("malformed {} text", type));
}

// "YYYY-MM-DD" at the start of text (years may have more than 4 digits); returns the length.
std::size_t parse_date_prefix(std::string_view text, Date& date) {
  std::size_t dash = text.find('-', 4);
  if (dash == std::string_view::npos) bad("date");
  int year = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + dash, year);
  if (error != std::errc() || end != text.data() + dash) bad("date");
  int month = read_fixed(text, dash + 1, 2);
  int day = read_fixed(text, dash + 4, 2);
  if (month < 0 || day < 0 || text.size() < dash + 6 || text[dash + 3] != '-') bad("date");
  date = std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
         std::chrono::day{static_cast<unsigned>(day)};
  if (!date.ok()) bad("date");
  return dash + 6;
}

}  // namespace

// Hex digit values by character, -1 for any other character.
constexpr std::array<std::int8_t, 256> kHexValues = [] {
  std::array<std::int8_t, 256> values{};
  values.fill(-1);
  for (int c = 0; c < 256; ++c)
    values[static_cast<std::size_t>(c)] = static_cast<std::int8_t>(hex_digit(static_cast<char>(c)));
  return values;
}();

Uuid Uuid::parse(std::string_view text) {
  // PostgreSQL's output form, 8-4-4-4-12 digits: a fixed table walk (the hot path of reading
  // rows). Anything else takes the general loop below.
  if (text.size() == 36 && text[8] == '-' && text[13] == '-' && text[18] == '-' &&
      text[23] == '-') {
    static constexpr std::array<std::uint8_t, 16> kByteAt = {0,  2,  4,  6,  9,  11, 14, 16,
                                                             19, 21, 24, 26, 28, 30, 32, 34};
    Uuid uuid;
    int invalid = 0;
    for (std::size_t i = 0; i < 16; ++i) {
      int high = kHexValues[static_cast<unsigned char>(text[kByteAt[i]])];
      int low = kHexValues[static_cast<unsigned char>(text[kByteAt[i] + 1u])];
      invalid |= high | low;
      uuid.bytes[i] = static_cast<std::uint8_t>((high << 4) | (low & 15));
    }
    if (invalid < 0) bad("uuid");
    return uuid;
  }
  if (!text.empty() && text.front() == '{' && text.back() == '}') {
    text = text.substr(1, text.size() - 2);
  }
  Uuid uuid;
  std::size_t byte = 0;
  int high = -1;
  for (char c : text) {
    if (c == '-') continue;
    int digit = hex_digit(c);
    if (digit < 0 || byte >= 16) bad("uuid");
    if (high < 0) {
      high = digit;
    } else {
      uuid.bytes[byte++] = static_cast<std::uint8_t>(high * 16 + digit);
      high = -1;
    }
  }
  if (byte != 16 || high >= 0) bad("uuid");
  return uuid;
}

std::string Uuid::str() const {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[bytes[i] >> 4];
    out += kHex[bytes[i] & 15];
  }
  return out;
}

namespace detail {

void write_integer(long long value, std::string& out) {
  char buffer[24];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, end);
}

long long read_integer(std::string_view text, long long min, long long max, const char* type) {
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) bad(type);
  if (value < min || value > max) {
    throw_conversion_error(fmt::format("value out of range for {}", type));
  }
  return value;
}

void write_double(double value, std::string& out) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
  if (text == "inf") text = "Infinity";
  if (text == "-inf") text = "-Infinity";
  if (text == "nan" || text == "-nan") text = "NaN";
  out += text;
}

double read_double(std::string_view text) {
  if (text == "Infinity") return std::numeric_limits<double>::infinity();
  if (text == "-Infinity") return -std::numeric_limits<double>::infinity();
  if (text == "NaN") return std::numeric_limits<double>::quiet_NaN();
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) bad("floating-point");
  return value;
}

bool read_bool(std::string_view text) {
  if (text == "t") return true;
  if (text == "f") return false;
  bad("boolean");
}

void write_date(Date value, std::string& out) {
  if (!value.ok()) throw_conversion_error("invalid date parameter");
  out += fmt::format("{:04}-{:02}-{:02}", static_cast<int>(value.year()),
                     static_cast<unsigned>(value.month()), static_cast<unsigned>(value.day()));
}

Date read_date(std::string_view text) {
  Date date;
  if (parse_date_prefix(text, date) != text.size()) bad("date");
  return date;
}

void write_timestamp(Timestamp value, std::string& out) {
  using namespace std::chrono;
  sys_days day = floor<days>(value);
  year_month_day date(day);
  hh_mm_ss<microseconds> time(value - day);
  out += fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:06}+00", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count(),
                     time.subseconds().count());
}

// "YYYY-MM-DD HH:MM:SS[.ffffff][+HH[:MM[:SS]]]" (DateStyle ISO); no offset means UTC.
Timestamp read_timestamp(std::string_view text) {
  using namespace std::chrono;
  if (text == "infinity" || text == "-infinity") {
    throw_conversion_error("timestamp is infinite; it has no std::chrono value");
  }
  Date date;
  std::size_t pos = parse_date_prefix(text, date);
  if (pos >= text.size() || text[pos] != ' ') bad("timestamp");
  int hour = read_fixed(text, pos + 1, 2);
  int minute = read_fixed(text, pos + 4, 2);
  int second = read_fixed(text, pos + 7, 2);
  if (hour < 0 || minute < 0 || second < 0) bad("timestamp");
  pos += 9;
  long long micros = 0;
  if (pos < text.size() && text[pos] == '.') {
    int scale = 100000;
    for (++pos; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
      micros += (text[pos] - '0') * scale;
      scale /= 10;
    }
  }
  long long offset_seconds = 0;
  if (pos < text.size()) {
    char sign = text[pos];
    if (sign != '+' && sign != '-') bad("timestamp");
    int offset_hours = read_fixed(text, pos + 1, 2);
    if (offset_hours < 0) bad("timestamp");
    offset_seconds = offset_hours * 3600LL;
    pos += 3;
    for (int unit : {60, 1}) {
      if (pos >= text.size()) break;
      int part = text[pos] == ':' ? read_fixed(text, pos + 1, 2) : -1;
      if (part < 0) bad("timestamp");
      offset_seconds += part * unit;
      pos += 3;
    }
    if (pos != text.size()) bad("timestamp");
    if (sign == '-') offset_seconds = -offset_seconds;
  }
  Timestamp local =
      sys_days(date) + hours(hour) + minutes(minute) + seconds(second) + microseconds(micros);
  return local - seconds(offset_seconds);
}

std::vector<std::optional<std::string>> split_array(std::string_view text) {
  // Skip an optional dimension decoration "[1:3]=".
  if (!text.empty() && text.front() == '[') {
    std::size_t equals = text.find('=');
    if (equals == std::string_view::npos) bad("array");
    text.remove_prefix(equals + 1);
  }
  if (text.size() < 2 || text.front() != '{' || text.back() != '}') bad("array");
  std::vector<std::optional<std::string>> elements;
  std::size_t pos = 1;
  std::size_t end = text.size() - 1;
  if (pos == end) return elements;
  while (pos <= end) {
    std::string element;
    bool quoted = false;
    if (text[pos] == '{') throw_conversion_error("multi-dimensional arrays are not supported");
    if (text[pos] == '"') {
      quoted = true;
      for (++pos; pos < end && text[pos] != '"'; ++pos) {
        if (text[pos] == '\\') ++pos;
        if (pos < end) element += text[pos];
      }
      if (pos >= end) bad("array");
      ++pos;  // closing quote
    } else {
      while (pos < end && text[pos] != ',') element += text[pos++];
    }
    if (!quoted && element == "NULL") {
      elements.emplace_back(std::nullopt);
    } else {
      elements.emplace_back(std::move(element));
    }
    if (pos < end && text[pos] != ',') bad("array");
    ++pos;  // the comma, or past the closing brace
  }
  return elements;
}

void write_array_element(std::string_view element_text, std::string& out) {
  out += '"';
  for (char c : element_text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

// As record_in reads it (src/backend/utils/adt/rowtypes.c): a field ends at a ',' or ')' outside
// quotes; an empty field is NULL.
std::vector<std::optional<std::string>> split_record(std::string_view text, std::size_t fields) {
  auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  };
  std::size_t pos = 0;
  while (pos < text.size() && is_space(text[pos])) ++pos;
  if (pos >= text.size() || text[pos] != '(') bad("record");
  ++pos;
  std::vector<std::optional<std::string>> out;
  out.reserve(fields);
  if (fields == 0) {
    if (pos >= text.size()) bad("record");
    if (text[pos] != ')') throw_conversion_error("record text has more fields than its type (0)");
  }
  for (std::size_t field = 0; field < fields; ++field) {
    if (pos >= text.size()) bad("record");
    if (text[pos] == ',' || text[pos] == ')') {
      out.emplace_back(std::nullopt);
    } else {
      std::string value;
      bool quoted = false;
      while (quoted || (text[pos] != ',' && text[pos] != ')')) {
        char c = text[pos++];
        if (c == '\\') {
          if (pos >= text.size()) bad("record");
          value += text[pos++];
        } else if (c == '"') {
          if (!quoted) {
            quoted = true;
          } else if (pos < text.size() && text[pos] == '"') {
            value += '"';
            ++pos;
          } else {
            quoted = false;
          }
        } else {
          value += c;
        }
        if (pos >= text.size()) bad("record");
      }
      out.emplace_back(std::move(value));
    }
    bool last = field + 1 == fields;
    if (text[pos] == (last ? ')' : ',')) {
      if (!last) ++pos;
    } else {
      throw_conversion_error(fmt::format("record text has {} fields than its type ({})",
                                         last ? "more" : "fewer", fields));
    }
  }
  ++pos;  // the closing parenthesis
  while (pos < text.size() && is_space(text[pos])) ++pos;
  if (pos != text.size()) bad("record");
  return out;
}

void unknown_enum_label(std::string_view pg_name) {
  throw_conversion_error(fmt::format("label not in enum {}", pg_name));
}

}  // namespace detail

}  // namespace flick::client

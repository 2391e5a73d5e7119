#include "store/json_format.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace flick::store {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kPrintWidth = 80;
constexpr int kTabWidth = 2;  // biome's and prettier's default indent width

bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

void append_string(std::string& out, std::string_view text) {
  out += '"';
  // Copy runs of plain characters at once; escape the rest one by one.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (!needs_escape(c)) continue;
    out.append(text, run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += fmt::format("\\u{:04x}", c);
    }
  }
  out.append(text, run, text.size() - run);
  out += '"';
}

void append_scalar(std::string& out, const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      out += "null";
      break;
    case Json::value_t::boolean:
      out += value.get<bool>() ? "true" : "false";
      break;
    case Json::value_t::number_integer:
      out += std::to_string(value.get<std::int64_t>());
      break;
    case Json::value_t::number_unsigned:
      out += std::to_string(value.get<std::uint64_t>());
      break;
    case Json::value_t::number_float:
      out += js_number(value.get<double>());
      break;
    case Json::value_t::string:
      append_string(out, value.get_ref<const std::string&>());
      break;
    default:
      throw std::logic_error("append_scalar: not a scalar");
  }
}

bool is_container(const Json& value) { return value.is_object() || value.is_array(); }

// Display width of UTF-8 text: one column per code point.
int display_width(std::string_view text) {
  int width = 0;
  for (unsigned char c : text) {
    if ((c & 0xc0) != 0x80) ++width;
  }
  return width;
}

// JSON.stringify(value) and JSON.stringify(value, null, indent).
void write_stringify(std::string& out, const Json& value, const std::string& indent, int depth) {
  if (!is_container(value)) return append_scalar(out, value);
  bool object = value.is_object();
  if (value.empty()) {
    out += object ? "{}" : "[]";
    return;
  }
  out += object ? '{' : '[';
  bool first = true;
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (!first) out += ',';
    first = false;
    if (!indent.empty()) {
      out += '\n';
      for (int i = 0; i <= depth; ++i) out += indent;
    }
    if (object) {
      append_string(out, it.key());
      out += indent.empty() ? ":" : ": ";
    }
    write_stringify(out, *it, indent, depth + 1);
  }
  if (!indent.empty()) {
    out += '\n';
    for (int i = 0; i < depth; ++i) out += indent;
  }
  out += object ? '}' : ']';
}

// An array prettier/biome may keep on one line: every element is a scalar or an empty container.
bool may_inline(const Json& array) {
  for (const Json& element : array) {
    if (is_container(element) && !element.empty()) return false;
  }
  return true;
}

std::string inline_array(const Json& array) {
  std::string out = "[";
  bool first = true;
  for (const Json& element : array) {
    if (!first) out += ", ";
    first = false;
    write_stringify(out, element, "", 0);
  }
  return out + "]";
}

void indent_tabs(std::string& out, int depth) { out.append(static_cast<std::size_t>(depth), '\t'); }

// `used` is the width already taken on the current line (indent and key); `trailing` the width
// of what follows the value on the same line (a comma).
void write_tabbed(std::string& out, const Json& value, int depth, int used, int trailing) {
  if (!is_container(value)) return append_scalar(out, value);
  bool object = value.is_object();
  if (value.empty()) {
    out += object ? "{}" : "[]";
    return;
  }
  if (!object && may_inline(value)) {
    std::string flat = inline_array(value);
    if (used + display_width(flat) + trailing <= kPrintWidth) {
      out += flat;
      return;
    }
  }
  out += object ? "{\n" : "[\n";
  std::size_t remaining = value.size();
  for (auto it = value.begin(); it != value.end(); ++it) {
    --remaining;
    indent_tabs(out, depth + 1);
    std::size_t line_start = out.size();
    if (object) {
      append_string(out, it.key());
      out += ": ";
    }
    int key_width = display_width(std::string_view(out).substr(line_start));
    int comma = remaining > 0 ? 1 : 0;
    write_tabbed(out, *it, depth + 1, (depth + 1) * kTabWidth + key_width, comma);
    if (comma) out += ',';
    out += '\n';
  }
  indent_tabs(out, depth);
  out += object ? '}' : ']';
}

}  // namespace

JsonLayout detect_json_layout(std::string_view text) {
  if (text.find('\n') == std::string_view::npos) return JsonLayout::kCompact;
  if (text.find("\n\t") != std::string_view::npos) return JsonLayout::kTabbed;
  return JsonLayout::kDrizzleKit;
}

std::string format_json(const Json& value, JsonLayout layout) {
  std::string out;
  out.reserve(1 << 16);
  switch (layout) {
    case JsonLayout::kDrizzleKit:
      write_stringify(out, value, "  ", 0);
      break;
    case JsonLayout::kCompact:
      write_stringify(out, value, "", 0);
      break;
    case JsonLayout::kTabbed:
      write_tabbed(out, value, 0, 0, 0);
      out += '\n';
      break;
  }
  return out;
}

namespace {

const char* indent_unit(JsonLayout layout) {
  switch (layout) {
    case JsonLayout::kDrizzleKit:
      return "  ";
    case JsonLayout::kTabbed:
      return "\t";
    case JsonLayout::kCompact:
      break;
  }
  return "";
}

}  // namespace

JsonStreamWriter::JsonStreamWriter(JsonLayout layout) : layout_(layout) { out_.reserve(1 << 16); }

void JsonStreamWriter::stream_to(std::function<void(std::string_view)> sink) {
  sink_ = std::move(sink);
}

void JsonStreamWriter::start_element() {
  if (frames_.empty()) return;  // the top-level value
  if (pending_) resolve_pending(true);
  // Before an element nothing written is looked at again (line_start_ is set below).
  if (sink_ && out_.size() >= kStreamPiece) {
    sink_(out_);
    out_.clear();
  }
  Frame& frame = frames_.back();
  if (!frame.empty) out_ += ',';
  frame.empty = false;
  if (layout_ == JsonLayout::kCompact) return;
  out_ += '\n';
  for (std::size_t i = 0; i < frames_.size(); ++i) out_ += indent_unit(layout_);
  line_start_ = out_.size();
}

void JsonStreamWriter::resolve_pending(bool followed) {
  Json value = std::move(*pending_);
  pending_.reset();
  write_tabbed(out_, value, static_cast<int>(frames_.size()), pending_used_, followed ? 1 : 0);
}

void JsonStreamWriter::key(std::string_view name) {
  if (frames_.empty() || !frames_.back().object) {
    throw std::logic_error("JsonStreamWriter::key outside an object");
  }
  start_element();
  std::uint64_t hash = std::hash<std::string_view>{}(name);
  Frame& frame = frames_.back();
  if (frame.many_keys) {
    if (!frame.many_keys->insert(hash).second) repeated_key_ = true;
  } else {
    for (std::size_t i = frame.first_key; i < key_hashes_.size(); ++i) {
      if (key_hashes_[i] == hash) repeated_key_ = true;
    }
    key_hashes_.push_back(hash);
    constexpr std::size_t kKeysSearchedInTurn = 16;
    if (key_hashes_.size() - frame.first_key > kKeysSearchedInTurn) {
      auto first = key_hashes_.begin() + static_cast<std::ptrdiff_t>(frame.first_key);
      frame.many_keys =
          std::make_unique<std::unordered_set<std::uint64_t>>(first, key_hashes_.end());
      key_hashes_.erase(first, key_hashes_.end());
    }
  }
  append_string(out_, name);
  out_ += layout_ == JsonLayout::kCompact ? ":" : ": ";
}

void JsonStreamWriter::value(const Json& value) {
  bool in_array = !frames_.empty() && !frames_.back().object;
  if (in_array) start_element();
  int depth = static_cast<int>(frames_.size());
  if (layout_ != JsonLayout::kTabbed) {
    write_stringify(out_, value, indent_unit(layout_), depth);
    return;
  }
  // Width already taken on this line: the indent (tabs count kTabWidth) and the key.
  int used = depth * kTabWidth + display_width(std::string_view(out_).substr(line_start_));
  if (frames_.empty()) used = 0;
  if (value.is_array() && !value.empty() && may_inline(value)) {
    pending_ = value;  // on one line or not depends on the comma a sibling would add
    pending_used_ = used;
    return;
  }
  write_tabbed(out_, value, depth, used, 0);
}

// Scalars are written in place, in every layout alike: no Json value (and no copy of the text).
void JsonStreamWriter::value(std::string_view text) {
  if (!frames_.empty() && !frames_.back().object) start_element();
  append_string(out_, text);
}

void JsonStreamWriter::value(bool flag) {
  if (!frames_.empty() && !frames_.back().object) start_element();
  out_ += flag ? "true" : "false";
}

void JsonStreamWriter::begin_object() {
  if (!frames_.empty() && !frames_.back().object) start_element();
  out_ += '{';
  frames_.push_back({true, true, key_hashes_.size(), nullptr});
}

void JsonStreamWriter::begin_array() {
  if (!frames_.empty() && !frames_.back().object) start_element();
  out_ += '[';
  frames_.push_back({false, true, key_hashes_.size(), nullptr});
}

void JsonStreamWriter::close(char bracket) {
  if (pending_) resolve_pending(false);
  Frame frame = std::move(frames_.back());
  frames_.pop_back();
  key_hashes_.resize(frame.first_key);
  if (!frame.empty && layout_ != JsonLayout::kCompact) {
    out_ += '\n';
    for (std::size_t i = 0; i < frames_.size(); ++i) out_ += indent_unit(layout_);
  }
  out_ += bracket;
}

void JsonStreamWriter::end_object() { close('}'); }

void JsonStreamWriter::end_array() { close(']'); }

std::string JsonStreamWriter::finish() {
  if (pending_) resolve_pending(false);
  if (layout_ == JsonLayout::kTabbed) out_ += '\n';
  frames_.clear();
  key_hashes_.clear();
  if (sink_) {
    sink_(out_);
    out_.clear();
    return "";
  }
  return std::move(out_);
}

std::string js_number(double value) {
  if (std::isnan(value) || std::isinf(value)) return "null";  // what JSON.stringify writes
  if (value == 0) return "0";
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  std::string scientific(buffer, result.ptr);  // e.g. "-1.2345e+20"
  std::string sign;
  if (scientific[0] == '-') {
    sign = "-";
    scientific.erase(0, 1);
  }
  std::size_t e = scientific.find('e');
  std::string digits = scientific.substr(0, e);
  if (digits.size() > 1) digits.erase(1, 1);  // drop the decimal point
  int k = static_cast<int>(digits.size());
  int n = std::stoi(scientific.substr(e + 1)) + 1;  // decimal point position
  std::string out;
  if (k <= n && n <= 21) {
    out = digits + std::string(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out = digits.substr(0, static_cast<std::size_t>(n)) + "." +
          digits.substr(static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out = "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
  } else {
    out = digits.substr(0, 1);
    if (k > 1) out += "." + digits.substr(1);
    out += fmt::format("e{}{}", n - 1 >= 0 ? "+" : "-", std::abs(n - 1));
  }
  return sign + out;
}

}  // namespace flick::store

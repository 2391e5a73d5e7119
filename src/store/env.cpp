#include "store/env.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "files/input_file.hpp"
#include "flick/error.hpp"

namespace flick::store {
namespace {

std::string_view trim(std::string_view text) {
  std::size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  std::size_t last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

bool valid_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string unquote_double(std::string_view body) {
  std::string out;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\\' && i + 1 < body.size() && (body[i + 1] == 'n' || body[i + 1] == 'r')) {
      out += body[i + 1] == 'n' ? '\n' : '\r';
      ++i;
    } else {
      out += body[i];
    }
  }
  return out;
}

}  // namespace

std::map<std::string, std::string> parse_dotenv(std::string_view text,
                                                const std::string& file_name) {
  std::map<std::string, std::string> out;
  int line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim(text.substr(start, end - start));
    ++line_number;
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    if (line.substr(0, 7) == "export ") line = trim(line.substr(7));
    std::size_t equals = line.find('=');
    std::string_view name = equals == std::string_view::npos ? line : trim(line.substr(0, equals));
    if (equals == std::string_view::npos || !valid_name(name)) {
      throw UserError(fmt::format("{}:{}: expected NAME=value", file_name, line_number));
    }
    std::string_view value = trim(line.substr(equals + 1));
    std::string parsed;
    char quote = value.empty() ? '\0' : value[0];
    std::size_t close = (quote == '"' || quote == '\'' || quote == '`') ? value.find(quote, 1)
                                                                        : std::string_view::npos;
    if (close != std::string_view::npos) {
      std::string_view body = value.substr(1, close - 1);
      parsed = quote == '"' ? unquote_double(body) : std::string(body);
    } else {
      std::size_t comment = value.find(" #");
      parsed = std::string(trim(value.substr(0, comment)));
    }
    out[std::string(name)] = std::move(parsed);
  }
  return out;
}

Environment Environment::beside(const std::filesystem::path& dir) {
  std::filesystem::path path = dir / ".env";
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return Environment();
  return Environment(parse_dotenv(files::read_input_file(path), path.string()));
}

std::optional<std::string> Environment::lookup(const std::string& name) const {
  if (const char* value = std::getenv(name.c_str())) return std::string(value);
  auto it = dotenv_.find(name);
  if (it != dotenv_.end()) return it->second;
  return std::nullopt;
}

std::string Environment::expand(std::string_view text, const std::string& context) const {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      std::size_t close = text.find('}', i + 2);
      if (close == std::string_view::npos) {
        throw UserError(fmt::format("{}: unclosed \"${{\" in \"{}\"", context, text));
      }
      std::string name(text.substr(i + 2, close - i - 2));
      std::optional<std::string> value = lookup(name);
      if (!value) {
        throw UserError(fmt::format(
            "{}: environment variable {} is not set (neither in the environment nor in .env)",
            context, name));
      }
      out += *value;
      i = close + 1;
    } else {
      out += text[i++];
    }
  }
  return out;
}

}  // namespace flick::store

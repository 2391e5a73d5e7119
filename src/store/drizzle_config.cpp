// A small reader of the JavaScript object literal in a drizzle config: enough of the language
// for configuration (literals, arrays, nested objects, process.env lookups, comments); anything
// else in a value Flick needs is reported with its line rather than guessed.

#include "store/drizzle_config.hpp"

#include <fmt/format.h>

#include <cctype>
#include <map>
#include <variant>
#include <vector>

#include "flick/error.hpp"
#include "store/config.hpp"
#include "store/json_access.hpp"

namespace flick::store {
namespace fs = std::filesystem;
namespace {

// A value as far as it could be read: a string, a bool, a list of strings, an object, or the
// reason it could not be read statically.
struct Value;
using Object = std::map<std::string, Value>;
struct Unreadable {
  std::string why;
};
struct Value {
  int line = 0;
  std::variant<std::string, bool, std::vector<std::string>, Object, Unreadable> data;
};

class Reader {
 public:
  Reader(std::string text, std::string file, const Environment& env)
      : text_(std::move(text)), file_(std::move(file)), env_(env) {}

  // Top-level `const|let|var NAME = <value>;` bindings whose value can be read, for values
  // that name them (`url: databaseUrl`, shorthand `{ url }`).
  void read_bindings() {
    for (const char* keyword : {"const ", "let ", "var "}) {
      std::size_t from = 0;
      for (;;) {
        std::size_t at = text_.find(keyword, from);
        if (at == std::string::npos) break;
        from = at + 1;
        bool starts = at == 0 || text_[at - 1] == '\n' || text_[at - 1] == ';';
        if (!starts) continue;
        pos_ = at + std::string_view(keyword).size();
        skip();
        std::string name = identifier();
        skip();
        if (name.empty() || pos_ >= text_.size() || text_[pos_] != '=') continue;
        ++pos_;
        Value bound = value();
        skip();
        bindings_.emplace(name, bound);
      }
    }
  }

  // The config object: defineConfig({...}), export default {...}, module.exports = {...}, or
  // the whole text (JSON).
  Object config_object() {
    read_bindings();
    for (const char* anchor : {"defineConfig(", "export default", "module.exports"}) {
      std::size_t at = find_code(anchor);
      if (at == std::string::npos) continue;
      pos_ = at + std::string_view(anchor).size();
      skip();
      if (pos_ < text_.size() && text_[pos_] == '=') {
        ++pos_;
        skip();
      }
      if (pos_ < text_.size() && text_[pos_] == '{') return object();
      fail("the config is not an object literal Flick can read without running Node");
    }
    pos_ = 0;
    skip();
    if (pos_ < text_.size() && text_[pos_] == '{') return object();
    fail("no defineConfig({...}), export default {...} or module.exports = {...} found");
  }

  [[noreturn]] void fail(const std::string& message, int line = 0) const {
    throw UserError(fmt::format("{}:{}: {}", file_, line > 0 ? line : line_at(pos_), message));
  }

 private:
  int line_at(std::size_t offset) const {
    int line = 1;
    for (std::size_t i = 0; i < offset && i < text_.size(); ++i) line += text_[i] == '\n';
    return line;
  }

  // The first occurrence of `word` outside comments and strings.
  std::size_t find_code(std::string_view word) {
    for (pos_ = 0; pos_ < text_.size();) {
      skip();
      if (text_.compare(pos_, word.size(), word) == 0) return pos_;
      if (text_[pos_] == '"' || text_[pos_] == '\'' || text_[pos_] == '`') {
        skip_string();
      } else {
        ++pos_;
      }
    }
    return std::string::npos;
  }

  void skip() {
    while (pos_ < text_.size()) {
      if (std::isspace(static_cast<unsigned char>(text_[pos_]))) {
        ++pos_;
      } else if (text_.compare(pos_, 2, "//") == 0) {
        pos_ = text_.find('\n', pos_);
        if (pos_ == std::string::npos) pos_ = text_.size();
      } else if (text_.compare(pos_, 2, "/*") == 0) {
        std::size_t end = text_.find("*/", pos_ + 2);
        pos_ = end == std::string::npos ? text_.size() : end + 2;
      } else {
        return;
      }
    }
  }

  void skip_string() {
    char quote = text_[pos_++];
    while (pos_ < text_.size() && text_[pos_] != quote) pos_ += text_[pos_] == '\\' ? 2 : 1;
    ++pos_;
  }

  // A string literal at pos_; nullopt for a template literal with ${...}.
  std::optional<std::string> string_literal() {
    char quote = text_[pos_++];
    std::string value;
    while (pos_ < text_.size() && text_[pos_] != quote) {
      char c = text_[pos_++];
      if (c == '\\' && pos_ < text_.size()) {
        char escaped = text_[pos_++];
        value += escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped;
      } else if (quote == '`' && c == '$' && pos_ < text_.size() && text_[pos_] == '{') {
        skip_to_close(quote);
        return std::nullopt;
      } else {
        value += c;
      }
    }
    ++pos_;
    return value;
  }

  void skip_to_close(char quote) {
    while (pos_ < text_.size() && text_[pos_] != quote) pos_ += text_[pos_] == '\\' ? 2 : 1;
    ++pos_;
  }

  std::string identifier() {
    std::size_t start = pos_;
    while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) ||
                                   text_[pos_] == '_' || text_[pos_] == '$')) {
      ++pos_;
    }
    return text_.substr(start, pos_ - start);
  }

  Object object() {
    ++pos_;  // {
    Object result;
    for (;;) {
      skip();
      if (pos_ >= text_.size()) fail("the config object is not closed");
      if (text_[pos_] == '}') {
        ++pos_;
        return result;
      }
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (text_.compare(pos_, 3, "...") == 0) {
        pos_ += 3;
        int line = line_at(pos_);
        skip_value();
        result["..."] = {line, Unreadable{"a spread (...) in the config object"}};
        continue;
      }
      std::string key;
      if (text_[pos_] == '"' || text_[pos_] == '\'') {
        key = string_literal().value_or("");
      } else {
        key = identifier();
        if (key.empty()) fail(fmt::format("unexpected '{}' in the config object", text_[pos_]));
      }
      skip();
      if (pos_ < text_.size() && text_[pos_] == ':') {
        ++pos_;
        result[key] = value();
      } else {
        // Shorthand `{ url }`: the binding of that name.
        result[key] = bound(key, line_at(pos_));
      }
    }
  }

  Value value() {
    skip();
    Value result{line_at(pos_), Unreadable{}};
    std::size_t start = pos_;
    if (pos_ >= text_.size()) fail("a value is missing");
    char c = text_[pos_];
    if (c == '{') {
      result.data = object();
    } else if (c == '[') {
      ++pos_;
      std::vector<std::string> items;
      bool readable = true;
      for (;;) {
        skip();
        if (pos_ >= text_.size()) fail("an array is not closed");
        if (text_[pos_] == ']') {
          ++pos_;
          break;
        }
        if (text_[pos_] == ',') {
          ++pos_;
          continue;
        }
        Value item = value();
        if (auto* text = std::get_if<std::string>(&item.data)) {
          items.push_back(*text);
        } else {
          readable = false;
        }
      }
      if (readable) {
        result.data = items;
      } else {
        result.data = Unreadable{"an array of anything but strings"};
      }
    } else if (c == '"' || c == '\'' || c == '`') {
      std::optional<std::string> text = string_literal();
      if (text) {
        result.data = *text;
      } else {
        result.data = Unreadable{"a template literal with ${...}"};
      }
    } else if (text_.compare(pos_, 4, "true") == 0 || text_.compare(pos_, 5, "false") == 0) {
      result.data = text_[pos_] == 't';
      pos_ += text_[pos_] == 't' ? 4 : 5;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      result.data = identifier();
    } else if (text_.compare(pos_, 12, "process.env.") == 0 ||
               text_.compare(pos_, 12, "process.env[") == 0) {
      result = environment_value(result.line);
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$') {
      result = bound(identifier(), result.line);
    } else {
      skip_value();
      result.data = Unreadable{snippet(start)};
      return result;
    }
    // Anything after the value on its line, but before , } ] or ;, makes it an expression Flick
    // does not evaluate.
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    if (text_.compare(pos_, 2, "//") == 0 || text_.compare(pos_, 2, "/*") == 0) skip();
    if (pos_ < text_.size() &&
        std::string_view(",}];\r\n").find(text_[pos_]) == std::string_view::npos) {
      skip_value();
      result.data = Unreadable{snippet(start)};
    }
    return result;
  }

  // The source text from `start` to the current position, on one line, for messages.
  std::string snippet(std::size_t start) const {
    std::string text = text_.substr(start, pos_ - start);
    std::size_t newline = text.find('\n');
    if (newline != std::string::npos) text = text.substr(0, newline) + " ...";
    if (text.size() > 80) text = text.substr(0, 77) + "...";
    while (!text.empty() && (text.back() == ' ' || text.back() == ';')) text.pop_back();
    return "`" + text + "`";
  }

  // process.env.NAME, process.env["NAME"], optionally `!`, then `?? literal` or `|| literal`.
  Value environment_value(int line) {
    std::size_t start = pos_;
    pos_ += 11;  // process.env
    std::string name;
    if (text_[pos_] == '.') {
      ++pos_;
      name = identifier();
    } else {
      ++pos_;
      skip();
      name = string_literal().value_or("");
      skip();
      if (pos_ < text_.size() && text_[pos_] == ']') ++pos_;
    }
    if (pos_ < text_.size() && text_[pos_] == '!') ++pos_;
    skip();
    std::optional<std::string> fallback;
    if (text_.compare(pos_, 2, "??") == 0 || text_.compare(pos_, 2, "||") == 0) {
      pos_ += 2;
      skip();
      if (pos_ < text_.size() && (text_[pos_] == '"' || text_[pos_] == '\'')) {
        fallback = string_literal();
      } else {
        skip_value();
        return {line, Unreadable{snippet(start)}};
      }
    }
    std::optional<std::string> found = env_.lookup(name);
    if (found && !found->empty()) return {line, *found};
    if (fallback) return {line, *fallback};
    return {line, Unreadable{"process.env." + name +
                             " is not set (neither in the environment "
                             "nor in .env)"}};
  }

  // The value bound to `name`, as read where the config object uses it.
  Value bound(const std::string& name, int line) const {
    auto it = bindings_.find(name);
    if (it == bindings_.end()) return {line, Unreadable{"`" + name + "`"}};
    Value value = it->second;
    value.line = line;
    return value;
  }

  // Skips an expression Flick does not read, up to the , } or ] that ends it.
  void skip_value() {
    int depth = 0;
    while (pos_ < text_.size()) {
      skip();
      if (pos_ >= text_.size()) return;
      char c = text_[pos_];
      if (c == '"' || c == '\'' || c == '`') {
        skip_string();
        continue;
      }
      if (c == '(' || c == '[' || c == '{') ++depth;
      if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) return;
        --depth;
      }
      if (c == ',' && depth == 0) return;
      ++pos_;
    }
  }

  std::string text_;
  std::string file_;
  const Environment& env_;
  std::size_t pos_ = 0;
  std::map<std::string, Value> bindings_;
};

class ConfigValues {
 public:
  ConfigValues(const Reader& reader, const Object& object) : reader_(reader), object_(object) {}

  const Value* find(const std::string& key) const {
    auto it = object_.find(key);
    return it == object_.end() ? nullptr : &it->second;
  }
  std::optional<std::string> string(const std::string& key) const {
    const Value* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (auto* text = std::get_if<std::string>(&value->data)) return *text;
    fail(*value, key, "a string");
  }
  std::optional<bool> boolean(const std::string& key) const {
    const Value* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (auto* flag = std::get_if<bool>(&value->data)) return *flag;
    fail(*value, key, "true or false");
  }
  std::optional<std::vector<std::string>> strings(const std::string& key) const {
    const Value* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (auto* text = std::get_if<std::string>(&value->data)) return std::vector{*text};
    if (auto* list = std::get_if<std::vector<std::string>>(&value->data)) return *list;
    fail(*value, key, "a string or an array of strings");
  }
  std::optional<ConfigValues> object(const std::string& key) const {
    const Value* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (auto* inner = std::get_if<Object>(&value->data)) return ConfigValues(reader_, *inner);
    fail(*value, key, "an object");
  }

 private:
  [[noreturn]] void fail(const Value& value, const std::string& key,
                         const std::string& expected) const {
    if (auto* unreadable = std::get_if<Unreadable>(&value.data)) {
      if (unreadable->why.rfind("process.env.", 0) == 0) {
        reader_.fail(fmt::format("{}: {}", key, unreadable->why), value.line);
      }
      reader_.fail(fmt::format("{}: {} cannot be read without running Node (write the value "
                               "itself, or use a flick.toml)",
                               key, unreadable->why),
                   value.line);
    }
    reader_.fail(fmt::format("{}: expected {}", key, expected), value.line);
  }

  const Reader& reader_;
  const Object& object_;
};

}  // namespace

std::optional<fs::path> find_drizzle_config(const fs::path& dir) {
  for (const char* name : {"drizzle.config.ts", "drizzle.config.js", "drizzle.config.mjs",
                           "drizzle.config.cjs", "drizzle.config.json"}) {
    std::error_code error;
    if (fs::is_regular_file(dir / name, error)) return dir / name;
  }
  return std::nullopt;
}

void read_drizzle_config(const fs::path& path, const Environment& env, Config& config) {
  Reader reader(read_text_file(path.string()), path.string(), env);
  Object root = reader.config_object();
  ConfigValues values(reader, root);
  if (auto dialect = values.string("dialect")) {
    if (*dialect != "postgresql") {
      reader.fail(
          fmt::format("dialect: \"{}\" is not supported (Flick supports \"postgresql\")", *dialect),
          values.find("dialect")->line);
    }
  } else if (auto driver = values.string("driver"); driver && *driver != "pg") {
    reader.fail(fmt::format("driver: \"{}\" is not supported (Flick supports PostgreSQL)", *driver),
                values.find("driver")->line);
  }
  // out and the url may come from flags instead: what cannot be read fails only when needed.
  try {
    if (auto out = values.string("out"))
      config.out = path_under(config.dir, *out).lexically_normal();
  } catch (const UserError& error) {
    config.out_error = error.what();
  }
  // TypeScript schemas are drizzle-kit's input, not Flick's: only SQL globs are taken, and a
  // schema value that cannot be read is left alone.
  try {
    if (auto schema = values.strings("schema")) {
      bool sql = std::all_of(schema->begin(), schema->end(), [](const std::string& glob) {
        return glob.size() > 4 && glob.substr(glob.size() - 4) == ".sql";
      });
      if (sql) config.schema = *schema;
    }
  } catch (const UserError&) {
  }
  if (auto strict = values.boolean("strict")) config.strict = *strict;
  if (auto verbose = values.boolean("verbose")) config.verbose = *verbose;
  if (auto breakpoints = values.boolean("breakpoints")) config.breakpoints = *breakpoints;
  if (auto filter = values.strings("schemaFilter")) config.schema_filter = *filter;
  if (auto filter = values.strings("tablesFilter")) config.tables_filter = *filter;
  if (auto credentials = values.object("dbCredentials")) try {
      if (auto url = credentials->string("url")) {
        config.url = *url;
      } else if (auto host = credentials->string("host")) {
        std::string user = credentials->string("user").value_or("");
        std::string password = credentials->string("password").value_or("");
        std::string port = credentials->string("port").value_or("");
        std::string database = credentials->string("database").value_or("");
        config.url = fmt::format("postgresql://{}{}{}{}{}{}/{}", user,
                                 password.empty() ? "" : ":" + password, user.empty() ? "" : "@",
                                 *host, port.empty() ? "" : ":", port, database);
      }
    } catch (const UserError& error) {
      config.url_error = error.what();
    }
  if (auto migrations = values.object("migrations")) {
    if (auto table = migrations->string("table")) config.migrations.table = *table;
    if (auto schema = migrations->string("schema")) config.migrations.schema = *schema;
    if (auto prefix = migrations->string("prefix")) {
      config.migrations.prefix =
          parse_prefix_mode(*prefix, fmt::format("{}: migrations.prefix", path.string()));
    }
  }
}

}  // namespace flick::store

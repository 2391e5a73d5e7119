#pragma once

// Environment for flick.toml: process variables, a .env file, and ${VAR} expansion.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace flick::store {

// Parses .env text with dotenv's rules: KEY=VALUE lines, optional "export ", # comments (also
// after an unquoted value), values in '...' taken literally, in "..." with \n expanded,
// unquoted values trimmed. Throws flick::UserError naming `file_name` and the line of a line
// that is not an assignment.
std::map<std::string, std::string> parse_dotenv(std::string_view text,
                                                const std::string& file_name);

// Variables for ${VAR} expansion: the process environment first, then a .env file (like
// dotenv, a .env never overrides a variable already set).
class Environment {
 public:
  Environment() = default;
  explicit Environment(std::map<std::string, std::string> dotenv) : dotenv_(std::move(dotenv)) {}

  // Loads `dir`/.env when it exists.
  static Environment beside(const std::filesystem::path& dir);

  std::optional<std::string> lookup(const std::string& name) const;

  // Replaces each ${NAME} in `text`. Throws flick::UserError naming `context` when a variable
  // is not set or a ${ is not closed. A "$" not followed by "{" is kept.
  std::string expand(std::string_view text, const std::string& context) const;

 private:
  std::map<std::string, std::string> dotenv_;
};

}  // namespace flick::store

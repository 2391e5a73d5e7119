#pragma once

// The errors Flick reports to its user, one type per exit code of the CLI (see README: exit
// codes): bad input exits 2, an environment problem exits 3.

#include <stdexcept>
#include <string>

namespace flick {

// Bad input from the user (a file, a flag, a config key). The CLI prints the message and exits 2
// without having changed anything. Messages name the file/line/object at fault.
class UserError : public std::runtime_error {
 public:
  explicit UserError(const std::string& message) : std::runtime_error(message) {}
};

// The environment is not as the command needs it: the database cannot be reached or refuses the
// login, PostgreSQL's server binaries are not installed, a directory cannot be written. The CLI
// prints the message (passwords redacted) and exits 3.
class EnvironmentError : public std::runtime_error {
 public:
  explicit EnvironmentError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace flick

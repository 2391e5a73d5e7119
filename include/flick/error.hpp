#pragma once

#include <stdexcept>
#include <string>

namespace flick {

// Bad input from the user (a file, a flag, a config key). The CLI prints the message and exits 2
// without having changed anything. Messages name the file/line/object at fault.
class UserError : public std::runtime_error {
 public:
  explicit UserError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace flick

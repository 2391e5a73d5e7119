#pragma once

// Names of places in a snapshot, used as keys of Snapshot::spellings and with_key_order.
// Internal to src/store; reader and writer must agree on them.

#include <string>

namespace flick::store::location {

inline std::string table(const std::string& schema, const std::string& name) {
  return "tables/" + schema + "." + name;
}
inline std::string column(const std::string& table_location, const std::string& column) {
  return table_location + "/columns/" + column;
}
inline std::string check(const std::string& table_location, const std::string& name) {
  return table_location + "/checks/" + name;
}
inline std::string index(const std::string& table_location, const std::string& name) {
  return table_location + "/indexes/" + name;
}
inline std::string policy(const std::string& owner_location, const std::string& name) {
  return owner_location + "/policies/" + name;
}
inline std::string view(const std::string& schema, const std::string& name) {
  return "views/" + schema + "." + name;
}

}  // namespace flick::store::location

#pragma once

// Internal to flick_pg: the copied contents of a libpq result.

#include <string>
#include <vector>

#include "pg/pg.hpp"

namespace flick::pg {

struct Result::Data {
  std::vector<std::string> column_names;
  std::vector<std::string> values;  // row-major
  std::vector<bool> nulls;          // row-major
  int rows = 0;
  long affected_rows = 0;
  std::string command_tag;
};

}  // namespace flick::pg

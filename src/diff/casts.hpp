#pragma once

// Whether PostgreSQL can change a column's type without a USING clause.

#include <string>

namespace flick::diff {

// A column type as the model holds it: drizzle spelling plus the schema of a user type.
struct ColumnType {
  std::string type;
  std::string type_schema;  // empty for built-in types
};

// True when ALTER COLUMN ... SET DATA TYPE from `from` to `to` needs `USING "col"::to`, i.e.
// PostgreSQL 15 has no implicit or assignment cast between them (pg_cast, plus the automatic
// I/O conversion to string types). Same type with other modifiers (varchar(20) -> varchar(50))
// needs none. Unknown type pairs get USING: it is never wrong for castable types.
bool needs_using(const ColumnType& from, const ColumnType& to);

}  // namespace flick::diff

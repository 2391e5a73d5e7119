#pragma once

// A synthetic schema description shared by the SQL and the TypeScript writers, so that both
// describe the same database.

#include <string>
#include <vector>

namespace flick::bench {

struct SynthEnum {
  std::string name;
  std::vector<std::string> values;
};

struct SynthTable {
  std::string name;        // "t0001"
  std::size_t enum_index;  // which enum the "state" column uses
  std::string parent;      // table referenced by parent_id; empty for the first table
};

struct SynthSchema {
  std::vector<SynthEnum> enums;
  std::vector<SynthTable> tables;
};

// Every table has the same eight columns (id serial PK, name varchar(100), state <enum>,
// amount numeric(12, 2), is_active boolean, payload jsonb, created_at timestamptz, parent_id
// integer), a foreign key parent_id -> previous table's id (ON DELETE CASCADE) and two indexes:
// (name) and (state, created_at).
SynthSchema make_synthetic_schema(std::size_t table_count);

// Constraint and index names, identical to drizzle-kit's defaults or declared explicitly in both
// outputs.
std::string foreign_key_name(const SynthTable& table);
std::string name_index_name(const SynthTable& table);
std::string state_index_name(const SynthTable& table);

}  // namespace flick::bench

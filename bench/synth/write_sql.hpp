#pragma once

#include <filesystem>

#include "synthetic_schema.hpp"

namespace flick::bench {

// Writes the schema as hand-written-style PostgreSQL DDL: dir/00_enums.sql, then one
// dir/tables_NNNN.sql per block of tables_per_file tables (NNNN = first table's number), so the
// glob dir/*.sql lists them in dependency order. Throws std::runtime_error when a file cannot be
// written.
void write_sql(const SynthSchema& schema, const std::filesystem::path& dir,
               std::size_t tables_per_file);

}  // namespace flick::bench

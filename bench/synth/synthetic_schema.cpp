#include "synthetic_schema.hpp"

#include <fmt/format.h>

namespace flick::bench {

SynthSchema make_synthetic_schema(std::size_t table_count) {
  SynthSchema schema;
  // Alphabetical, as drizzle-kit orders enums by the TS export names, so both first migrations
  // can be byte-identical.
  schema.enums = {
      {"color", {"red", "green", "blue"}},
      {"kind", {"alpha", "beta", "gamma"}},
      {"priority", {"low", "medium", "high", "urgent"}},
      {"status", {"active", "inactive", "banned"}},
  };
  for (std::size_t i = 1; i <= table_count; ++i) {
    SynthTable table;
    table.name = fmt::format("t{:04}", i);
    table.enum_index = i % schema.enums.size();
    if (i > 1) table.parent = fmt::format("t{:04}", i - 1);
    schema.tables.push_back(std::move(table));
  }
  return schema;
}

std::string foreign_key_name(const SynthTable& table) {
  return fmt::format("{}_parent_id_{}_id_fk", table.name, table.parent);
}

std::string name_index_name(const SynthTable& table) { return table.name + "_name_idx"; }

std::string state_index_name(const SynthTable& table) { return table.name + "_state_created_idx"; }

}  // namespace flick::bench

#pragma once

#include <filesystem>

#include "synthetic_schema.hpp"

namespace flick::bench {

// Writes the schema as one drizzle-orm TypeScript module (pg-core builders). Throws
// std::runtime_error when the file cannot be written.
void write_ts(const SynthSchema& schema, const std::filesystem::path& file);

}  // namespace flick::bench

// libFuzzer target: the schema DDL reader, ddl::read_schema_sql, on one schema file's text.
// Contract: every input either gives a catalog or is refused with flick::UserError; texts the
// input-file boundary refuses (NUL, invalid UTF-8) are skipped (fuzz_support.hpp).

#include <cstddef>
#include <cstdint>

#include "ddl/ddl.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view sql = flick::fuzz::as_text(data, size);
  if (!flick::fuzz::passes_input_file_boundary(sql)) return -1;  // never reaches the reader
  flick::fuzz::refuse_cleanly([&] {
    flick::model::Catalog catalog = flick::ddl::read_schema_sql(sql, "schema/fuzz.sql");
    (void)catalog;
  });
  return 0;
}

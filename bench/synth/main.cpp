// flick_bench_synth --tables N --sql-dir DIR --ts-file FILE [--tables-per-file K]
// Writes the same synthetic schema as SQL DDL files and as a drizzle TypeScript schema.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <exception>

#include "synthetic_schema.hpp"
#include "write_sql.hpp"
#include "write_ts.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Writes a synthetic N-table schema as SQL DDL files and as a drizzle TS schema"};
  std::size_t tables = 100;
  std::size_t tables_per_file = 100;
  std::string sql_dir;
  std::string ts_file;
  app.add_option("--tables", tables, "number of tables")->check(CLI::Range(1, 100000));
  app.add_option("--tables-per-file", tables_per_file, "tables per SQL file")
      ->check(CLI::Range(1, 100000));
  app.add_option("--sql-dir", sql_dir, "directory for the .sql files")->required();
  app.add_option("--ts-file", ts_file, "path of the TypeScript schema file")->required();
  CLI11_PARSE(app, argc, argv);

  try {
    const auto schema = flick::bench::make_synthetic_schema(tables);
    flick::bench::write_sql(schema, sql_dir, tables_per_file);
    flick::bench::write_ts(schema, ts_file);
  } catch (const std::exception& e) {
    fmt::print(stderr, "flick_bench_synth: {}\n", e.what());
    return 1;
  }
  return 0;
}

// flick_codegen_tool SCHEMA_DIR OUT.hpp NAMESPACE: the build-time generator of the example
// schema header (the same code as `flick codegen`, without the CLI's other dependencies).

#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

#include "codegen/codegen.hpp"
#include "ddl/ddl.hpp"
#include "flick/error.hpp"

int main(int argc, char** argv) {
  if (argc != 4) {
    fmt::print(stderr, "usage: flick_codegen_tool SCHEMA_DIR OUT.hpp NAMESPACE\n");
    return 2;
  }
  try {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
      if (entry.path().extension() == ".sql") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    flick::codegen::Options options;
    options.cpp_namespace = argv[3];
    options.source = std::filesystem::path(argv[1]).filename().string() + "/*.sql";
    std::string header =
        flick::codegen::generate_header(flick::ddl::read_schema_files(files), options);
    std::ofstream(argv[2], std::ios::binary) << header;
  } catch (const flick::UserError& error) {
    fmt::print(stderr, "{}\n", error.what());
    return 2;
  }
  return 0;
}

// flick codegen --out FILE.hpp: the schema files as a C++ header for the runtime client (row
// structs, table descriptors, enum classes; see src/codegen/codegen.hpp).

#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "commands.hpp"
#include "flick/error.hpp"
#include "project_options.hpp"
#include "toolkit/project_state.hpp"

namespace flick::cli {
namespace {

struct CodegenOptions {
  ProjectOptions project;
  std::string out;
  std::string cpp_namespace = "db";
};

int run_codegen(const CodegenOptions& options) {
  toolkit::Project project = toolkit::project_from_config(load_project(options.project, false));
  model::Catalog catalog = project.read_schema();
  std::string header = toolkit::codegen(project, catalog, {.cpp_namespace = options.cpp_namespace});
  std::filesystem::path out(options.out);
  if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
  std::ofstream file(out, std::ios::binary);
  file << header;
  file.close();
  if (!file) throw UserError(fmt::format("{}: cannot write the header", out.string()));
  fmt::print("flick codegen: wrote {} ({} tables, {} enums)\n", out.string(), catalog.tables.size(),
             catalog.enums.size());
  return 0;
}

}  // namespace

void setup_codegen(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<CodegenOptions>();
  CLI::App* command =
      app.add_subcommand("codegen", "write a C++ header of the schema for the flick client");
  add_config_flag(*command, options->project);
  add_schema_flag(*command, options->project);
  command->add_option("--out", options->out, "the header to write, e.g. src/db/schema.hpp")
      ->required();
  command->add_option("--namespace", options->cpp_namespace,
                      "C++ namespace of the generated code (default: db)");
  command->callback([options, &status] { status.code = run_codegen(*options); });
}

}  // namespace flick::cli

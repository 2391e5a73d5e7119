// toolkit::export_sql and toolkit::codegen: what the schema files become without a folder.

#include "codegen/codegen.hpp"
#include "diff/diff.hpp"
#include "emit/emit.hpp"
#include "toolkit/project_state.hpp"

namespace flick::toolkit {

std::vector<std::string> export_sql(const Project& project) {
  model::Catalog schema = project.read_schema();
  diff::ChangeSet changes = diff::diff(model::Catalog{}, schema, diff::Options{});
  return emit::sql_statements(changes);
}

std::string codegen(const Project& project, const CodegenOptions& options) {
  return codegen(project, project.read_schema(), options);
}

std::string codegen(const Project& project, const model::Catalog& schema,
                    const CodegenOptions& options) {
  codegen::Options generate;
  generate.cpp_namespace = options.cpp_namespace;
  const store::Config& config = config_of(project);
  if (!config.schema.empty()) generate.source = config.schema[0];
  return codegen::generate_header(schema, generate);
}

}  // namespace flick::toolkit

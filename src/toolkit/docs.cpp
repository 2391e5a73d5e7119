// toolkit::docs: the schema wiki of a project (schema files, else the latest snapshot, and the
// migration folder).

#include <fmt/core.h>

#include <memory>

#include "ddl/ddl.hpp"
#include "store/folder.hpp"
#include "toolkit/docs_pages.hpp"
#include "toolkit/project_state.hpp"

namespace flick::toolkit {
namespace {

namespace fs = std::filesystem;

// `path` as the pages print it: relative to the flick.toml folder.
std::string shown(const fs::path& path, const fs::path& base) {
  fs::path relative = fs::absolute(path).lexically_normal().lexically_relative(
      fs::absolute(base).lexically_normal());
  return relative.empty() ? path.generic_string() : relative.generic_string();
}

docs::Sources read_sources(const store::Config& config, const store::MigrationFolder* folder) {
  docs::Sources sources;
  if (folder) {
    sources.folder = folder;
    sources.folder_name = shown(config.out, config.dir);
  }
  std::string context =
      config.config_path.empty() ? std::string("flick.toml") : config.config_path.string();
  sources.lint_settings = lint::Settings::from_config(config.lint_rules, context);
  sources.search_path = config.migrations.search_path;
  std::vector<fs::path> files =
      config.schema.empty() ? std::vector<fs::path>{} : schema_files_of(config);
  if (!files.empty()) {
    sources.schema = ddl::read_schema_files(files);
    for (const fs::path& file : files) sources.schema_origin.push_back(shown(file, config.dir));
    return sources;
  }
  std::optional<store::Snapshot> latest = folder ? folder->latest_snapshot() : std::nullopt;
  if (!latest) {
    throw UserError(
        "nothing to document: no schema files (set `schema` in flick.toml or pass --schema) and "
        "no snapshot in the migration folder");
  }
  sources.schema = latest->catalog;
  model::normalise(sources.schema);
  sources.schema_from_files = false;
  sources.schema_origin.push_back("the latest snapshot " +
                                  shown(folder->snapshot_paths().back(), config.dir));
  return sources;
}

}  // namespace

std::vector<docs::Page> docs_pages(const Project& project) {
  const store::Config& config = config_of(project);
  std::unique_ptr<store::MigrationFolder> folder;
  if (fs::is_directory(config.out)) folder = std::make_unique<store::MigrationFolder>(config.out);
  return docs::build_pages(read_sources(config, folder.get()));
}

std::vector<DocsPage> docs(const Project& project) {
  std::vector<DocsPage> pages;
  for (docs::Page& page : docs_pages(project)) {
    pages.push_back({std::move(page.path), std::move(page.title), std::move(page.markdown)});
  }
  return pages;
}

DocsWriteReport write_docs(const Project& project, const fs::path& out) {
  std::vector<docs::Page> pages = docs_pages(project);
  DocsWriteReport report;
  report.out = out.empty() ? config_of(project).docs_out : out;
  docs::WriteResult result = docs::write_pages(report.out, pages);
  report.pages = pages.size();
  report.written = result.written;
  report.unchanged = result.unchanged;
  report.removed = result.removed;
  return report;
}

}  // namespace flick::toolkit

// flick docs: writes the schema wiki (Markdown) from the schema files and the migration folder,
// or serves it to a browser on 127.0.0.1 with --serve.

#include <fmt/core.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "commands.hpp"
#include "ddl/ddl.hpp"
#include "docs/docs.hpp"
#if FLICK_DOCS_SERVER
#include "docs/serve.hpp"
#endif
#include "flick/error.hpp"
#include "project_options.hpp"

namespace flick::cli {
namespace {

namespace fs = std::filesystem;

struct DocsOptions {
  ProjectOptions project;
  std::string out;
  bool serve = false;
  int port = 4180;
};

// `path` as the pages print it: relative to the flick.toml folder.
std::string shown(const fs::path& path, const fs::path& base) {
  fs::path relative = fs::absolute(path).lexically_normal().lexically_relative(
      fs::absolute(base).lexically_normal());
  return relative.empty() ? path.generic_string() : relative.generic_string();
}

docs::Sources read_sources(const store::Config& config,
                           const std::unique_ptr<store::MigrationFolder>& folder) {
  docs::Sources sources;
  if (folder) {
    sources.folder = folder.get();
    sources.folder_name = shown(config.out, config.dir);
  }
  std::string context =
      config.config_path.empty() ? std::string("flick.toml") : config.config_path.string();
  sources.lint_settings = lint::Settings::from_config(config.lint_rules, context);
  sources.search_path = config.migrations.search_path;
  if (!config.schema_files.empty()) {
    sources.schema = ddl::read_schema_files(config.schema_files);
    for (const fs::path& file : config.schema_files) {
      sources.schema_origin.push_back(shown(file, config.dir));
    }
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

#if FLICK_DOCS_SERVER
fs::path own_executable() {
  std::error_code error;
  fs::path path = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path() : path;
}
#endif

int run_docs(const DocsOptions& options) {
  store::Config config = load_project(options.project, /*resolve_schema=*/true);
  std::unique_ptr<store::MigrationFolder> folder;
  if (fs::is_directory(config.out)) folder = std::make_unique<store::MigrationFolder>(config.out);
  docs::Sources sources = read_sources(config, folder);
  std::vector<docs::Page> pages = docs::build_pages(sources);
  if (options.serve) {
#if !FLICK_DOCS_SERVER
    throw UserError(
        "--serve: this flick was built without the docs server (FLICK_BUILD_DOCS_SERVER=OFF); "
        "write the pages with `flick docs` instead");
#else
    docs::ServeOptions serve_options;
    serve_options.port = options.port;
    serve_options.mermaid_js = docs::find_mermaid(own_executable());
    docs::serve(pages, serve_options, [&pages](int port) {
      fmt::print("flick docs: {} pages at http://127.0.0.1:{}/ (Ctrl-C stops)\n", pages.size(),
                 port);
      std::fflush(stdout);
    });
    return 0;
#endif
  }
  fs::path out = options.out.empty() ? config.docs_out : fs::path(options.out);
  docs::WriteResult result = docs::write_pages(out, pages);
  fmt::print("{}: {} pages, {} written, {} unchanged, {} removed\n", out.string(), pages.size(),
             result.written, result.unchanged, result.removed);
  return 0;
}

}  // namespace

void setup_docs(CLI::App& app, ExitStatus& status) {
  auto options = std::make_shared<DocsOptions>();
  CLI::App* command = app.add_subcommand(
      "docs", "write the schema wiki (Markdown with mermaid diagrams), or serve it with --serve");
  command->add_option("--out", options->out,
                      "folder for the pages (default: [docs] out in flick.toml, else docs/ beside "
                      "it)");
  add_config_flag(*command, options->project);
  add_schema_flag(*command, options->project);
  command->add_option("--migrations", options->project.out,
                      "migration folder (default: `out` in flick.toml)");
  command->add_flag("--serve", options->serve,
                    "serve the pages on 127.0.0.1 instead of writing them (Ctrl-C stops)");
  command->add_option("--port", options->port, "port for --serve (0: any free port)")
      ->check(CLI::Range(0, 65535));
  command->callback([options, &status] { status.code = run_docs(*options); });
}

}  // namespace flick::cli

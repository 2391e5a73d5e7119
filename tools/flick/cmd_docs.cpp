// flick docs: writes the schema wiki (Markdown) from the schema files and the migration folder,
// or serves it to a browser on 127.0.0.1 with --serve.

#include <fmt/core.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "commands.hpp"
#if FLICK_DOCS_SERVER
#include "docs/serve.hpp"
#endif
#include "flick/error.hpp"
#include "project_options.hpp"
#include "toolkit/docs_pages.hpp"

namespace flick::cli {
namespace {

namespace fs = std::filesystem;

struct DocsOptions {
  ProjectOptions project;
  std::string out;
  bool serve = false;
  int port = 4180;
};

#if FLICK_DOCS_SERVER
fs::path own_executable() {
  std::error_code error;
  fs::path path = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path() : path;
}
#endif

int run_docs(const DocsOptions& options) {
  toolkit::Project project =
      toolkit::project_from_config(load_project(options.project, /*resolve_schema=*/true));
  if (options.serve) {
#if !FLICK_DOCS_SERVER
    throw UserError(
        "--serve: this flick was built without the docs server (FLICK_BUILD_DOCS_SERVER=OFF); "
        "write the pages with `flick docs` instead");
#else
    std::vector<docs::Page> pages = toolkit::docs_pages(project);
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
  toolkit::DocsWriteReport report = toolkit::write_docs(project, options.out);
  fmt::print("{}: {} pages, {} written, {} unchanged, {} removed\n", report.out.string(),
             report.pages, report.written, report.unchanged, report.removed);
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

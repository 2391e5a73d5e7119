#pragma once

// flick docs --serve: the pages in a single-page viewer (page list, search box, Markdown and
// mermaid diagrams rendered in the browser), on 127.0.0.1, with no network needed.

#include <filesystem>
#include <functional>
#include <vector>

#include "docs/docs.hpp"

namespace flick::docs {

// Where the viewer's mermaid.min.js comes from (installed from npm by `make build` into the
// ignored third_party_npm/ folder): $FLICK_MERMAID_JS when set, else
// third_party_npm/node_modules/mermaid/dist/mermaid.min.js in the source tree flick was built
// from, else in the executable's folder or any folder above it. Throws flick::UserError naming
// the places looked at when none holds it.
std::filesystem::path find_mermaid(const std::filesystem::path& executable);

struct ServeOptions {
  int port = 4180;  // 0: a free port the system picks
  std::filesystem::path mermaid_js;
};

// Serves the viewer until SIGINT or SIGTERM; calls `on_listening` with the port once
// connections are accepted. Routes: "/" (the viewer), its scripts and style, "/mermaid.min.js",
// "/pages.json" (paths, titles and search terms), "/pages/<path>" (a page's Markdown).
// Throws flick::UserError when the port cannot be bound or mermaid cannot be read.
void serve(const std::vector<Page>& pages, const ServeOptions& options,
           const std::function<void(int port)>& on_listening);

}  // namespace flick::docs

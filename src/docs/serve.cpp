#include "docs/serve.hpp"

#include <fmt/core.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "docs/http_server.hpp"
#include "docs/web_assets.hpp"
#include "flick/error.hpp"

namespace flick::docs {
namespace {

namespace fs = std::filesystem;

constexpr const char* kMermaidInNpmFolder =
    "third_party_npm/node_modules/mermaid/dist/mermaid.min.js";

volatile std::sig_atomic_t stop_requested = 0;

void request_stop(int) { stop_requested = 1; }

std::string content_type(const std::string& path) {
  auto ends_with = [&path](std::string_view suffix) {
    return path.size() >= suffix.size() &&
           path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".html")) return "text/html; charset=utf-8";
  if (ends_with(".js")) return "text/javascript; charset=utf-8";
  if (ends_with(".css")) return "text/css; charset=utf-8";
  if (ends_with(".json")) return "application/json; charset=utf-8";
  if (ends_with(".md")) return "text/markdown; charset=utf-8";
  return "application/octet-stream";
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UserError(fmt::format("{}: cannot read mermaid", path.string()));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string pages_json(const std::vector<Page>& pages) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Page& page : pages) {
    nlohmann::ordered_json terms = nlohmann::ordered_json::array();
    for (const SearchTerm& term : page.terms) {
      terms.push_back({{"kind", term.kind}, {"name", term.name}});
    }
    list.push_back({{"path", page.path}, {"title", page.title}, {"terms", terms}});
  }
  return list.dump();
}

class Routes {
 public:
  Routes(const std::vector<Page>& pages, std::string mermaid)
      : mermaid_(std::move(mermaid)), pages_json_(pages_json(pages)) {
    for (const Page& page : pages) markdown_["/pages/" + page.path] = &page.markdown;
  }

  HttpResponse operator()(const std::string& path) const {
    std::string asset_path = path == "/" ? "/index.html" : path;
    if (std::optional<std::string_view> asset = web_asset(asset_path)) {
      return {200, content_type(asset_path), std::string(*asset)};
    }
    if (path == "/mermaid.min.js") return {200, content_type(path), mermaid_};
    if (path == "/pages.json") return {200, content_type(path), pages_json_};
    auto page = markdown_.find(path);
    if (page != markdown_.end()) return {200, content_type(path), *page->second};
    return {404, "text/plain; charset=utf-8", fmt::format("no page at {}\n", path)};
  }

 private:
  std::string mermaid_;
  std::string pages_json_;
  std::map<std::string, const std::string*> markdown_;
};

}  // namespace

fs::path find_mermaid(const fs::path& executable) {
  if (const char* env = std::getenv("FLICK_MERMAID_JS"); env && *env) {
    fs::path path(env);
    if (!fs::is_regular_file(path)) {
      throw UserError(fmt::format("FLICK_MERMAID_JS={}: no such file", path.string()));
    }
    return path;
  }
  // Beside an installed flick (<prefix>/share/flick), or in the npm folder of the source tree a
  // built flick is under.
  std::vector<fs::path> candidates;
  std::error_code error;
  fs::path dir = fs::weakly_canonical(executable, error).parent_path();
  for (; !dir.empty(); dir = dir.parent_path()) {
    candidates.push_back(dir / "share" / "flick" / "mermaid.min.js");
    candidates.push_back(dir / kMermaidInNpmFolder);
    if (dir == dir.root_path()) break;
  }
  for (const fs::path& candidate : candidates) {
    if (fs::is_regular_file(candidate, error)) return candidate;
  }
  throw UserError(fmt::format(
      "mermaid not found (looked for share/flick/mermaid.min.js and {} in the directories above "
      "{}): run `make build`, which installs it from npm, or set FLICK_MERMAID_JS to a "
      "mermaid.min.js",
      kMermaidInNpmFolder, executable.parent_path().string()));
}

void serve(const std::vector<Page>& pages, const ServeOptions& options,
           const std::function<void(int port)>& on_listening) {
  Routes routes(pages, read_bytes(options.mermaid_js));
  HttpServer server(options.port);
  stop_requested = 0;
  struct sigaction action {};
  action.sa_handler = request_stop;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  on_listening(server.port());
  server.run([&routes](const std::string& path) { return routes(path); }, stop_requested);
}

}  // namespace flick::docs

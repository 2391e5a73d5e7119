// `flick docs --serve` in a real headless Chromium: the index's erDiagram is drawn by mermaid
// (an SVG in the DOM) and the search box, filled from ?q=, lists the table holding a column.
// Skipped when /usr/bin/chromium is not installed (`make test` installs it).

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "flick_process.hpp"

namespace flick::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kChromium = "/usr/bin/chromium";
const fs::path kData = FLICK_DOCS_DATA;

// A port nobody listens on right now.
int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

bool accepts_connections(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return ok;
}

// The DOM Chromium holds once the page settled (mermaid draws asynchronously; the virtual time
// budget lets the scripts finish before the dump).
std::string dump_dom(const std::string& url, const fs::path& profile) {
  std::string command = std::string("timeout 120 ") + kChromium +
                        " --headless --no-sandbox --disable-gpu --disable-dev-shm-usage"
                        " --no-first-run --user-data-dir=" +
                        profile.string() + " --virtual-time-budget=30000 --dump-dom '" + url +
                        "' 2>" + (profile / "chromium.log").string();
  std::string dom;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return dom;
  char buffer[65536];
  std::size_t got;
  while ((got = fread(buffer, 1, sizeof buffer, pipe)) > 0) dom.append(buffer, got);
  pclose(pipe);
  return dom;
}

class DocsBrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kChromium)) {
      GTEST_SKIP() << kChromium << " is not installed (apt-get install chromium; make test does)";
    }
    temp_ = make_temp_dir("flick-docs-browser");
    port_ = free_port();
    server_ = std::make_unique<BackgroundFlick>(
        std::vector<std::string>{"docs", "--config", (kData / "project/flick.toml").string(),
                                 "--serve", "--port", std::to_string(port_)});
    for (int i = 0; i < 200 && !accepts_connections(port_); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (!accepts_connections(port_)) {
      server_->kill(SIGTERM);
      FlickRun run = server_->wait();
      FAIL() << "flick docs --serve did not start: " << run.err;
    }
  }

  void TearDown() override {
    if (server_) {
      server_->kill(SIGTERM);
      FlickRun run = server_->wait();
      EXPECT_EQ(run.exit_code, 0) << "flick docs --serve did not stop cleanly: " << run.err;
    }
    if (!temp_.empty()) fs::remove_all(temp_);
  }

  std::string url(const std::string& rest) const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/" + rest;
  }

  fs::path temp_;
  int port_ = 0;
  std::unique_ptr<BackgroundFlick> server_;
};

TEST_F(DocsBrowserTest, IndexDrawsTheDiagramAndSearchFindsAColumn) {
  std::string dom = dump_dom(url("?q=display_name"), temp_);
  ASSERT_NE(dom.find("data-state=\"ready\""), std::string::npos)
      << "the page never finished rendering; DOM:\n"
      << dom << "\nchromium: " << read_text(temp_ / "chromium.log");
  EXPECT_NE(dom.find("data-page=\"index.md\""), std::string::npos);
  // mermaid replaced the erDiagram source with its SVG, one entity per table.
  EXPECT_EQ(dom.find("mermaid-source"), std::string::npos) << "a diagram was left undrawn";
  EXPECT_EQ(dom.find("diagram failed"), std::string::npos) << dom;
  EXPECT_NE(dom.find("aria-roledescription=\"er\""), std::string::npos) << dom;
  EXPECT_NE(dom.find("post_tags"), std::string::npos);
  // The search box lists the table that has the column.
  std::size_t results = dom.find("id=\"search-results\"");
  ASSERT_NE(results, std::string::npos);
  std::string list = dom.substr(results, dom.find("</ul>", results) - results);
  EXPECT_NE(list.find("href=\"#/tables/public.users.md\""), std::string::npos) << list;
  EXPECT_NE(list.find("<code>display_name</code>"), std::string::npos) << list;
  EXPECT_EQ(list.find("public.posts.md"), std::string::npos) << list;
}

TEST_F(DocsBrowserTest, TablePagesRenderTheirMarkdown) {
  std::string dom = dump_dom(url("#/tables/public.posts.md"), temp_);
  ASSERT_NE(dom.find("data-page=\"tables/public.posts.md\""), std::string::npos) << dom;
  EXPECT_NE(dom.find("<h1 id=\"table-posts\">Table <code>posts</code></h1>"), std::string::npos)
      << dom;
  EXPECT_NE(dom.find("<td><code>author_id</code></td>"), std::string::npos) << dom;
  // Links between pages are rewritten to the viewer's #/ addresses.
  EXPECT_NE(dom.find("href=\"#/tables/public.users.md\""), std::string::npos) << dom;
  EXPECT_NE(dom.find("href=\"#/enums/public.post_status.md\""), std::string::npos) << dom;
}

}  // namespace
}  // namespace flick::testing

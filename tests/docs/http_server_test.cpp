#include "docs/http_server.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "flick/error.hpp"

namespace flick::docs {
namespace {

// Sends `request` to 127.0.0.1:`port` and returns the whole answer.
std::string exchange(int port, const std::string& request) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return "";
  send(fd, request.data(), request.size(), 0);
  std::string answer;
  char buffer[4096];
  for (ssize_t got; (got = recv(fd, buffer, sizeof buffer, 0)) > 0;) answer.append(buffer, got);
  close(fd);
  return answer;
}

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<HttpServer>(0);
    thread_ = std::thread([this] {
      server_->run(
          [](const std::string& path) {
            if (path == "/pages/a b.md") return HttpResponse{200, "text/markdown", "# A\n"};
            return HttpResponse{404, "text/plain", "no\n"};
          },
          stop_);
    });
  }
  void TearDown() override {
    stop_ = 1;
    thread_.join();
  }

  volatile std::sig_atomic_t stop_ = 0;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
};

TEST_F(HttpServerTest, AnswersGetWithLengthAndDecodedPath) {
  EXPECT_GT(server_->port(), 0);
  std::string answer =
      exchange(server_->port(), "GET /pages/a%20b.md?x=1 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(answer,
            "HTTP/1.1 200 OK\r\nContent-Type: text/markdown\r\nContent-Length: 4\r\n"
            "Cache-Control: no-store\r\nConnection: close\r\n\r\n# A\n");
}

TEST_F(HttpServerTest, HeadHasNoBodyAndOtherMethodsAreRefused) {
  std::string head = exchange(server_->port(), "HEAD /nope HTTP/1.1\r\n\r\n");
  EXPECT_EQ(head.rfind("HTTP/1.1 404 Not Found\r\n", 0), 0u) << head;
  EXPECT_EQ(head.substr(head.size() - 4), "\r\n\r\n");
  std::string post = exchange(server_->port(), "POST / HTTP/1.1\r\n\r\n");
  EXPECT_EQ(post.rfind("HTTP/1.1 405 Method Not Allowed\r\n", 0), 0u) << post;
}

TEST(HttpServer, BusyPortIsAUserError) {
  HttpServer first(0);
  EXPECT_THROW(HttpServer second(first.port()), UserError);
}

}  // namespace
}  // namespace flick::docs

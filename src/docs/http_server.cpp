#include "docs/http_server.hpp"

#include <arpa/inet.h>
#include <fmt/core.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "flick/error.hpp"

namespace flick::docs {
namespace {

constexpr std::size_t kMaxRequestHead = 16 * 1024;
constexpr int kReadTimeoutMs = 5000;

std::string reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    default:
      return "Internal Server Error";
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Reads until the end of the request head; false on timeout, error or an oversized head.
bool read_head(int connection, std::string& head) {
  char buffer[4096];
  while (head.find("\r\n\r\n") == std::string::npos) {
    if (head.size() > kMaxRequestHead) return false;
    pollfd ready{connection, POLLIN, 0};
    if (poll(&ready, 1, kReadTimeoutMs) <= 0) return false;
    ssize_t got = recv(connection, buffer, sizeof buffer, 0);
    if (got <= 0) return false;
    head.append(buffer, static_cast<std::size_t>(got));
  }
  return true;
}

void send_all(int connection, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = send(connection, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the browser went away; nothing to tell it
    sent += static_cast<std::size_t>(n);
  }
}

}  // namespace

HttpServer::HttpServer(int port) {
  socket_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (socket_ < 0) throw UserError(fmt::format("cannot open a socket: {}", std::strerror(errno)));
  int on = 1;
  setsockopt(socket_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      listen(socket_, 16) != 0) {
    std::string why = std::strerror(errno);
    ::close(socket_);
    throw UserError(
        fmt::format("cannot listen on 127.0.0.1:{}: {} (pick another --port)", port, why));
  }
  socklen_t length = sizeof address;
  getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
}

HttpServer::~HttpServer() {
  if (socket_ >= 0) ::close(socket_);
}

void HttpServer::run(const HttpHandler& handler, const volatile std::sig_atomic_t& stop) {
  std::atomic<int> active{0};
  while (!stop) {
    pollfd ready{socket_, POLLIN, 0};
    if (poll(&ready, 1, 200) <= 0) continue;
    int connection = accept4(socket_, nullptr, nullptr, SOCK_CLOEXEC);
    if (connection < 0) continue;
    ++active;
    std::thread([connection, &handler, &active] {
      answer(connection, handler);
      ::close(connection);
      --active;
    }).detach();
  }
  // Each connection ends within the read timeout; `handler` and `active` must outlive them.
  while (active > 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

void HttpServer::answer(int connection, const HttpHandler& handler) {
  std::string head;
  if (!read_head(connection, head)) return;
  std::size_t line_end = head.find("\r\n");
  std::string request_line = head.substr(0, line_end);
  std::size_t first_space = request_line.find(' ');
  std::size_t second_space = request_line.find(' ', first_space + 1);
  HttpResponse response;
  std::string method;
  if (first_space == std::string::npos || second_space == std::string::npos) {
    response = {400, "text/plain; charset=utf-8", "bad request\n"};
  } else {
    method = request_line.substr(0, first_space);
    std::string target = request_line.substr(first_space + 1, second_space - first_space - 1);
    target = target.substr(0, target.find('?'));
    if (method != "GET" && method != "HEAD") {
      response = {405, "text/plain; charset=utf-8", "only GET and HEAD\n"};
    } else {
      response = handler(percent_decode(target));
    }
  }
  std::string bytes = fmt::format(
      "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n"
      "Connection: close\r\n\r\n",
      response.status, reason(response.status), response.content_type, response.body.size());
  if (method != "HEAD") bytes += response.body;
  send_all(connection, bytes);
}

}  // namespace flick::docs

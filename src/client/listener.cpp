// Listener: LISTEN on a dedicated connection and wait for notifications.

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>
#include <string>

#include "client/connection_impl.hpp"

namespace flick::client {

using internal::error_from_result;

namespace {

// `name` as a quoted identifier (exactly these characters, any case); NUL cannot be sent.
std::string quote_channel(std::string_view name) {
  if (name.find('\0') != std::string_view::npos) {
    throw std::invalid_argument("a channel name cannot contain a NUL character");
  }
  return detail::quote_identifier(name);
}

}  // namespace

Listener::Listener(ConnectionOptions options) : connection_(std::move(options)) {}

void Listener::run_listen(std::string_view command, std::string_view channel) {
  connection_.execute_script(std::string(command) + " " + quote_channel(channel));
}

void Listener::listen(std::string_view channel) {
  run_listen("LISTEN", channel);
  if (std::find(channels_.begin(), channels_.end(), channel) == channels_.end()) {
    channels_.emplace_back(channel);
  }
}

void Listener::unlisten(std::string_view channel) {
  run_listen("UNLISTEN", channel);
  std::erase(channels_, channel);
}

void Listener::unlisten_all() {
  connection_.execute_script("UNLISTEN *");
  channels_.clear();
}

std::optional<Notification> Listener::wait(std::chrono::milliseconds timeout) {
  using std::chrono::steady_clock;
  PGconn* conn = connection_.impl_->conn;
  auto deadline = steady_clock::now() + timeout;
  for (;;) {
    if (PGnotify* note = PQnotifies(conn)) {
      Notification out{note->relname, note->extra != nullptr ? note->extra : "", note->be_pid};
      PQfreemem(note);
      return out;
    }
    if (PQstatus(conn) != CONNECTION_OK) throw error_from_result(conn, nullptr, "");
    auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - steady_clock::now());
    pollfd fd{PQsocket(conn), POLLIN, 0};
    int ready = poll(&fd, 1, static_cast<int>(std::max<long long>(left.count(), 0)));
    if (ready < 0) {
      if (errno == EINTR) continue;
      throw error_from_result(conn, nullptr, "");
    }
    if (ready == 0) {
      if (steady_clock::now() >= deadline) return std::nullopt;
      continue;
    }
    // Notifications, or whatever else the server sent while idle (a notice, its shutdown).
    if (PQconsumeInput(conn) == 0) throw error_from_result(conn, nullptr, "");
  }
}

void Listener::reconnect() {
  connection_.reconnect();
  for (const std::string& channel : channels_) run_listen("LISTEN", channel);
}

}  // namespace flick::client

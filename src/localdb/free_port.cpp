#include "localdb/free_port.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "flick/error.hpp"

namespace flick::localdb {

namespace {

// Binds a TCP socket to 127.0.0.1:port (0: any) and returns the bound port, or -1.
int bind_loopback(int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw EnvironmentError(std::string("socket: ") + std::strerror(errno));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  // As PostgreSQL does: a port whose old connections linger in TIME_WAIT can be listened on.
  int reuse = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof reuse);
  int bound = -1;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
    socklen_t length = sizeof address;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
      bound = ntohs(address.sin_port);
    }
  }
  close(fd);
  return bound;
}

}  // namespace

bool port_is_free(int port) { return port > 0 && bind_loopback(port) == port; }

int pick_free_port() {
  int port = bind_loopback(0);
  if (port <= 0) throw EnvironmentError("no free TCP port on 127.0.0.1");
  return port;
}

}  // namespace flick::localdb

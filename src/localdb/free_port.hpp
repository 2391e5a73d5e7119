#pragma once

// Internal to flick_localdb: TCP ports on 127.0.0.1.

namespace flick::localdb {

// True when a TCP socket can be bound to 127.0.0.1:port right now.
bool port_is_free(int port);

// A port on 127.0.0.1 that was free a moment ago (chosen by the kernel).
int pick_free_port();

}  // namespace flick::localdb

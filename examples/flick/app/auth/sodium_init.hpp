#pragma once

// Internal to flick_auth: libsodium's one-time initialisation.

namespace flick::auth {

// Calls sodium_init() once per process; throws std::runtime_error when libsodium cannot start
// (no usable random source).
void ensure_sodium();

}  // namespace flick::auth

#pragma once

// Internal to flick_seed: serialises concurrent runs of the same job.

#include <string_view>

#include "flick/client.hpp"

namespace flick::seed {

// Takes a transaction-scoped advisory lock keyed by `job` (released at COMMIT/ROLLBACK),
// waiting for another transaction that holds it.
void lock_for_transaction(client::Transaction& tx, std::string_view job);

}  // namespace flick::seed

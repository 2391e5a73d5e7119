#include "seed/advisory_lock.hpp"

namespace flick::seed {

void lock_for_transaction(client::Transaction& tx, std::string_view job) {
  tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", job);
}

}  // namespace flick::seed

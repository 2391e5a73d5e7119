#include "seed/schema_guard.hpp"

#include <fmt/core.h>

#include "flick/error.hpp"

namespace flick::seed {

void require_flick_schema(client::Executor& db) {
  for (const char* table : {"auth", "account", "session", "colleges", "platform_user"}) {
    bool present = db.query_value<bool>("SELECT to_regclass($1) IS NOT NULL", table);
    if (!present) {
      throw UserError(fmt::format(
          "the database has no table \"{}\": apply the Flick schema first (flick migrate)", table));
    }
  }
}

}  // namespace flick::seed

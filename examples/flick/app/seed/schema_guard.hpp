#pragma once

// A clear error, instead of a raw "relation does not exist", when the Flick schema is missing.

#include "flick/client.hpp"

namespace flick::seed {

// Throws flick::UserError naming the first of the tables seed and create-admin use (auth,
// account, session, colleges, platform_user) that the database lacks, and `flick migrate`.
void require_flick_schema(client::Executor& db);

}  // namespace flick::seed

#pragma once

// A readable, line-per-fact rendering of a Catalog, for golden comparisons and failure output.

#include <string>

#include "flick/model.hpp"

namespace flick::ddl::testing {

std::string catalog_text(const model::Catalog& catalog);

}  // namespace flick::ddl::testing

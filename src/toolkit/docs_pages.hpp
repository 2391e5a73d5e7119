#pragma once

// Internal to the toolkit and the CLI built on it: the schema wiki's pages with their search terms
// (what `flick docs --serve` hands to the server).

#include <vector>

#include "docs/docs.hpp"
#include "flick/toolkit.hpp"

namespace flick::toolkit {

// The pages toolkit::docs returns, as the docs module builds them.
std::vector<docs::Page> docs_pages(const Project& project);

}  // namespace flick::toolkit

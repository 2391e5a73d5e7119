#pragma once

// The viewer's own files (src/docs/web), compiled into flick by embed_web_assets.cmake.

#include <optional>
#include <string_view>

namespace flick::docs {

// The bytes of the viewer file at URL path `path` ("/index.html", "/app.js", ...), or nullopt.
std::optional<std::string_view> web_asset(std::string_view path);

}  // namespace flick::docs

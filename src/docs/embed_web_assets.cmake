# Writes OUTPUT, a C++ file defining flick::docs::web_asset() over the files in INPUTS
# (paths separated by '|'), each served at "/<file name>".
# Run with: cmake -DOUTPUT=... -DINPUTS=a|b -P <this>
string(REPLACE "|" ";" INPUTS "${INPUTS}")
set(arrays "")
set(entries "")
foreach(input IN LISTS INPUTS)
  get_filename_component(name "${input}" NAME)
  string(MAKE_C_IDENTIFIER "${name}" id)
  file(READ "${input}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(APPEND arrays "const unsigned char k_${id}[] = {${bytes}};\n")
  string(APPEND entries
         "      {\"/${name}\", {reinterpret_cast<const char*>(k_${id}), sizeof(k_${id})}},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from src/docs/web by embed_web_assets.cmake; do not edit.
#include <map>

#include \"docs/web_assets.hpp\"

namespace flick::docs {
namespace {
${arrays}}  // namespace

std::optional<std::string_view> web_asset(std::string_view path) {
  static const std::map<std::string_view, std::string_view> assets = {
${entries}  };
  auto found = assets.find(path);
  if (found == assets.end()) return std::nullopt;
  return found->second;
}

}  // namespace flick::docs
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")

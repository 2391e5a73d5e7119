# flick_codegen(TARGET <target> SCHEMA <file.sql>... [NAMESPACE <c++ namespace>]
#               [HEADER <relative/path.hpp>])
#
# Generates, at build time, the typed C++ header of the schema files for the runtime client
# (`flick codegen`) and adds it to <target>: `#include "<HEADER>"` (default: <target>/schema.hpp)
# in namespace NAMESPACE (default: db). The header is regenerated when a schema file changes.
function(flick_codegen)
  cmake_parse_arguments(ARG "" "TARGET;NAMESPACE;HEADER" "SCHEMA" ${ARGN})
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "flick_codegen: unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_TARGET OR NOT TARGET ${ARG_TARGET})
    message(FATAL_ERROR "flick_codegen: TARGET must name an existing target (got '${ARG_TARGET}')")
  endif()
  if(NOT ARG_SCHEMA)
    message(FATAL_ERROR "flick_codegen(${ARG_TARGET}): SCHEMA names no file")
  endif()
  if(NOT ARG_NAMESPACE)
    set(ARG_NAMESPACE db)
  endif()
  if(NOT ARG_HEADER)
    set(ARG_HEADER ${ARG_TARGET}/schema.hpp)
  endif()
  set(root ${CMAKE_CURRENT_BINARY_DIR}/flick_generated/${ARG_TARGET})
  set(header ${root}/${ARG_HEADER})
  set(schema_args)
  set(schema_files)
  foreach(file ${ARG_SCHEMA})
    get_filename_component(file ${file} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    if(NOT EXISTS ${file})
      message(FATAL_ERROR "flick_codegen(${ARG_TARGET}): schema file ${file} does not exist")
    endif()
    list(APPEND schema_args --schema ${file})
    list(APPEND schema_files ${file})
  endforeach()
  add_custom_command(
    OUTPUT ${header}
    COMMAND flick::flick codegen ${schema_args} --out ${header} --namespace ${ARG_NAMESPACE}
    DEPENDS ${schema_files} flick::flick
    WORKING_DIRECTORY ${root}
    COMMENT "flick codegen: ${ARG_HEADER}"
    VERBATIM)
  file(MAKE_DIRECTORY ${root})
  target_sources(${ARG_TARGET} PRIVATE ${header})
  target_include_directories(${ARG_TARGET} PRIVATE ${root})
endfunction()

# flick_module_headers(<module>): makes src/<module>/*.hpp includable as "<module>/x.hpp" by the
# library flick_<module> and by the targets that link it, and by no other target: each module
# gets an include root of its own holding one link, to its own folder. An include across an edge
# the build does not declare (docs/architecture.md) therefore fails to compile. The public
# headers (include/flick/...) are visible to every module and installed.
function(flick_module_headers module)
  set(root ${PROJECT_BINARY_DIR}/module_include/${module})
  if(NOT EXISTS ${root}/${module})
    file(MAKE_DIRECTORY ${root})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${module} ${root}/${module} SYMBOLIC)
  endif()
  target_include_directories(flick_${module} PUBLIC
    $<BUILD_INTERFACE:${root}>
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
endfunction()

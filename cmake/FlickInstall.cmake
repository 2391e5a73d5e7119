# What `cmake --install` puts under the prefix: bin/flick (the launcher) and bin/flick-core (the
# program it starts), the libraries applications link (flick::client, flick::toolkit, and the
# static module libraries the toolkit is made of), the
# public headers (include/flick), a CMake package (find_package(flick CONFIG)) with the
# flick_codegen() function, and pkg-config files (flick-client, flick-toolkit).
include(CMakePackageConfigHelpers)

# The toolkit and every module it links, in link order (each before what it uses).
set(flick_toolkit_modules
  toolkit docs check diagnostics lint introspect migrate fleet codegen localdb emit diff ddl store sqlparse files model pg)
set(flick_installed_targets flick flick_core flick_client pg_query_external)
foreach(module ${flick_toolkit_modules})
  list(APPEND flick_installed_targets flick_${module})
endforeach()
set_target_properties(flick_client PROPERTIES EXPORT_NAME client)
set_target_properties(flick_toolkit PROPERTIES EXPORT_NAME toolkit)

install(TARGETS ${flick_installed_targets}
  EXPORT flickTargets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/flick DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(flick_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/flick)
install(EXPORT flickTargets NAMESPACE flick:: DESTINATION ${flick_cmake_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/flickConfig.cmake.in
  ${PROJECT_BINARY_DIR}/package/flickConfig.cmake INSTALL_DESTINATION ${flick_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/package/flickConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/package/flickConfig.cmake
  ${PROJECT_BINARY_DIR}/package/flickConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/FlickCodegen.cmake
  DESTINATION ${flick_cmake_dir})

# pkg-config: -l flags in link order, for the toolkit every module library.
set(FLICK_TOOLKIT_LIBS "")
foreach(module ${flick_toolkit_modules})
  string(APPEND FLICK_TOOLKIT_LIBS " -lflick_${module}")
endforeach()
file(RELATIVE_PATH FLICK_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
get_filename_component(FLICK_PG_QUERY_DIR ${PG_QUERY_LIB} DIRECTORY)
foreach(pc flick-client flick-toolkit)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/${pc}.pc.in ${PROJECT_BINARY_DIR}/package/${pc}.pc
    @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/package/${pc}.pc
    DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endforeach()

# flick docs --serve looks for mermaid in <prefix>/share/flick (installed when make build
# fetched it).
install(FILES ${PROJECT_SOURCE_DIR}/third_party_npm/node_modules/mermaid/dist/mermaid.min.js
  DESTINATION ${CMAKE_INSTALL_DATADIR}/flick OPTIONAL)

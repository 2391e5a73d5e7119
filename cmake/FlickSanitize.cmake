# Sanitizer and fuzzing builds (both OFF by default; `make fuzz` and `make sanitize-test` turn them
# on in their own tree, build-fuzz, with clang-14).
#
#   FLICK_SANITIZE  ASan + UBSan on every target, compile and link; the first UB report stops the
#                   process (-fno-sanitize-recover=undefined). Defines FLICK_SANITIZED=1 for the
#                   code that must know the allocator is ASan's, not glibc's (tools/flick/huge_pages).
#   FLICK_FUZZ      the libFuzzer targets of tests/fuzz/ (clang only): every library of the build
#                   gets libFuzzer's coverage instrumentation (-fsanitize=fuzzer-no-link) and the
#                   fuzz executables link libFuzzer's main (-fsanitize=fuzzer, see tests/fuzz/).
#
# Included by the top-level CMakeLists.txt before any target is declared.
option(FLICK_SANITIZE "Build every target with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(FLICK_FUZZ "Build the libFuzzer targets of tests/fuzz (needs clang)" OFF)

if(FLICK_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR
    "FLICK_FUZZ=ON needs clang (libFuzzer), but the C++ compiler is ${CMAKE_CXX_COMPILER_ID} "
    "(${CMAKE_CXX_COMPILER}). Configure a separate tree with "
    "-DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14, or run `make fuzz`.")
endif()
if(FLICK_FUZZ AND NOT FLICK_BUILD_TESTS)
  message(FATAL_ERROR "FLICK_FUZZ=ON needs FLICK_BUILD_TESTS=ON (the fuzz targets live in tests/fuzz)")
endif()

if(FLICK_SANITIZE)
  set(flick_sanitize_flags -fsanitize=address,undefined -fno-omit-frame-pointer
                           -fno-sanitize-recover=undefined)
  add_compile_options(${flick_sanitize_flags})
  add_link_options(${flick_sanitize_flags})
  add_compile_definitions(FLICK_SANITIZED=1)
endif()

# Gives every library target declared under `dir` (recursively) the coverage instrumentation
# libFuzzer reads. Called once, at the end of the top-level directory, when all targets exist.
function(flick_fuzz_instrument_libraries dir)
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    if(type MATCHES "^(STATIC_LIBRARY|SHARED_LIBRARY|MODULE_LIBRARY|OBJECT_LIBRARY)$")
      target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
    endif()
  endforeach()
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(subdir IN LISTS subdirs)
    flick_fuzz_instrument_libraries(${subdir})
  endforeach()
endfunction()

if(FLICK_FUZZ)
  cmake_language(DEFER DIRECTORY ${PROJECT_SOURCE_DIR}
                 CALL flick_fuzz_instrument_libraries ${PROJECT_SOURCE_DIR})
endif()

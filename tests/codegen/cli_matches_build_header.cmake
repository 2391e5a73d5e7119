# ctest -P script: `flick codegen` on examples/flick/flick.toml must write exactly the header the
# build generates for flick_app_schema (same code path, same text).
execute_process(
  COMMAND ${FLICK} codegen --config ${CONFIG} --out ${OUT} --namespace flick::app
  RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "flick codegen failed (${status}): ${output}${errors}")
endif()
if(NOT output MATCHES "wrote .* \\(20 tables, 13 enums\\)")
  message(FATAL_ERROR "unexpected summary: ${output}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT} ${EXPECTED} RESULT_VARIABLE diff)
if(NOT diff EQUAL 0)
  message(FATAL_ERROR "${OUT} differs from ${EXPECTED}")
endif()

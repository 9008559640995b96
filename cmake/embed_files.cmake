# casechain_embed(TARGET name NAMESPACE ns FUNCTION fn FILES f1 f2 ...)
# Generates a C++ source holding each file's bytes, so the binary carries its
# schema and web assets and never depends on the working directory.
# The generated function `fn()` returns a std::span of {name, bytes} in the
# order the files were given (callers rely on that order for migrations).
function(casechain_embed)
  cmake_parse_arguments(E "" "TARGET;NAMESPACE;FUNCTION;HEADER" "FILES" ${ARGN})
  # One generated source per header, so a target can embed several sets.
  string(MAKE_C_IDENTIFIER "${E_HEADER}" header_id)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${E_TARGET}_${header_id}_embedded.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND}
      -DOUT=${out} -DNAMESPACE=${E_NAMESPACE} -DFUNCTION=${E_FUNCTION} -DHEADER=${E_HEADER}
      "-DFILES=${E_FILES}"
      -P "${PROJECT_SOURCE_DIR}/cmake/embed_generate.cmake"
    DEPENDS ${E_FILES} "${PROJECT_SOURCE_DIR}/cmake/embed_generate.cmake"
    COMMENT "Embedding files for ${E_TARGET}"
    VERBATIM)
  target_sources(${E_TARGET} PRIVATE "${out}")
endfunction()

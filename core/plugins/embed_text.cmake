# Generates a C++ source defining `const char* NAME()` that returns the text of
# FILE, so data the binary needs (the Lua host library) travels inside it.
file(READ ${FILE} text)
file(WRITE ${OUT}.tmp "// Generated from ${FILE}; do not edit.\nnamespace ${NAMESPACE} {\nconst char* ${NAME}() {\n  return R\"cqpmtext(${text})cqpmtext\";\n}\n}  // namespace ${NAMESPACE}\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)

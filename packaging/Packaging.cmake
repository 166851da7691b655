# `cpack -G DEB` in a build directory makes a Debian package that depends on the same Debian
# packages the build used.
install(FILES ${CMAKE_CURRENT_LIST_DIR}/fundtrace.desktop DESTINATION share/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/fundtrace.svg
        DESTINATION share/icons/hicolor/scalable/apps OPTIONAL)
install(FILES ${PROJECT_SOURCE_DIR}/docs/cli.md ${PROJECT_SOURCE_DIR}/docs/mapping.md
        DESTINATION share/doc/fundtrace)

set(CPACK_PACKAGE_NAME fundtrace)
set(CPACK_PACKAGE_VENDOR "Fundtrace developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Investigation workbench for countering the financing of terrorism")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Fundtrace developers")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
include(CPack)

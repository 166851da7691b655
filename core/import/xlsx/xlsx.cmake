# XLSX import reads the workbook's zip container through QuaZip. Included from core/CMakeLists.txt.
find_package(QuaZip-Qt6 REQUIRED)
target_link_libraries(fundtrace_core PRIVATE QuaZip::QuaZip)

# The XLSX bench needs libxlsxwriter, but bench/ is added after core: link it once every
# directory is configured, so the bench never builds without it.
cmake_language(DEFER DIRECTORY ${PROJECT_SOURCE_DIR} CALL include ${PROJECT_SOURCE_DIR}/bench/xlsx_bench.cmake)

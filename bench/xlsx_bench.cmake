# bench_xlsx_import has its workbook written by xlsx_statement_writer, which links libxlsxwriter:
# libxlsxwriter and QuaZip both carry minizip, whose symbols clash in one process. Included after
# bench/ is processed (deferred from core/import/xlsx/xlsx.cmake), so the bench target exists.
include_guard(GLOBAL)
if(TARGET bench_xlsx_import)
    find_package(PkgConfig REQUIRED)
    pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET GLOBAL xlsxwriter)
    add_executable(xlsx_statement_writer ${CMAKE_CURRENT_LIST_DIR}/xlsx_statement_writer.cpp)
    target_link_libraries(xlsx_statement_writer PRIVATE PkgConfig::XLSXWRITER)
    set_target_properties(xlsx_statement_writer PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bench)
    target_compile_definitions(bench_xlsx_import PRIVATE
                               XLSX_STATEMENT_WRITER="$<TARGET_FILE:xlsx_statement_writer>")
    add_dependencies(bench_xlsx_import xlsx_statement_writer)
endif()

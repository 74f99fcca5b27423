# One INTERFACE target that carries the project's warnings and Qt defines; every target links it.
add_library(batchwatch_settings INTERFACE)
add_library(batchwatch::settings ALIAS batchwatch_settings)

target_compile_options(batchwatch_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wcast-align
    -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough -Wformat=2)
if(BATCHWATCH_WERROR)
    target_compile_options(batchwatch_settings INTERFACE -Werror)
endif()

target_compile_definitions(batchwatch_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    BATCHWATCH_VERSION="${PROJECT_VERSION}")

# Adds one Qt Test executable per unit and registers it with CTest on the offscreen platform.
#   batchwatch_add_test(tst_name SOURCES a.cpp ... LIBS lib ... [LABELS l])
function(batchwatch_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    set_target_properties(${name} PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
    target_link_libraries(${name} PRIVATE Qt6::Test batchwatch::settings ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_SCALE_FACTOR=1;QT_ENABLE_HIGHDPI_SCALING=0;BATCHWATCH_FIXTURES=${BATCHWATCH_FIXTURES_DIR};LC_ALL=C.UTF-8;TZ=Europe/Berlin;QT_LOGGING_RULES=batchwatch.*=false")
endfunction()

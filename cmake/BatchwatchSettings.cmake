# One INTERFACE target that carries the project's warnings and Qt defines; every target links it.
set(BATCHWATCH_CMAKE_DIR "${CMAKE_CURRENT_LIST_DIR}")
set(BATCHWATCH_TEST_HOMES_DIR "${CMAKE_BINARY_DIR}/test-homes")

# When CTest reports a Qt Test binary as "Skipped": only when it ran nothing but skips. Qt Test
# always counts initTestCase and cleanupTestCase (declared or not) as passed, so a run whose
# every test function skipped prints "Totals: 2 passed, 0 failed, N skipped", and one whose
# initTestCase skipped prints "Totals: 0 passed, 0 failed, 1 skipped" (cleanupTestCase does not
# run then). A single real pass makes it 3 or more, and such a run is a pass even if some rows
# (say the PostgreSQL ones) skipped.
set(BATCHWATCH_TEST_SKIP_REGEX "Totals: [0-2] passed, 0 failed, [1-9][0-9]* skipped")

add_library(batchwatch_settings INTERFACE)
add_library(batchwatch::settings ALIAS batchwatch_settings)

# No -Wnull-dereference: GCC checks it only when optimising (at -O0 it never fired), and at -O2
# GCC 12 reports Qt's own inline code (QArrayDataPointer's copy, QSharedPointer) and every
# QPointer read again after its check as "potential" null dereferences — about 40 in this tree,
# none a real one. Null dereferences are caught at run time by the sanitizer stage (UBSan's
# null check, ASan). docs/PERFORMANCE.md "Build and CI".
target_compile_options(batchwatch_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wcast-align
    -Woverloaded-virtual -Wimplicit-fallthrough -Wformat=2)
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
#   batchwatch_add_test(tst_name SOURCES a.cpp ... LIBS lib ... [LABELS l] [TIMEOUT s])
#
# What every test can rely on, and nothing more:
# - its own empty HOME and XDG_{CONFIG,DATA,CACHE}_HOME / XDG_RUNTIME_DIR below
#   <build>/test-homes/<name>/ (recreated by the batchwatch_test_homes fixture before any test
#   runs), so the user's settings, profiles and keys never leak in and tests never share state;
# - the fixtures directory in BATCHWATCH_FIXTURES.
# The time zone and locale are NOT set: they pass through from the caller, and a test that needs
# a particular one sets it itself (CI runs the suite under two zones and two locales).
# A binary that ran nothing but skips (QSKIP) is reported as skipped, not passed; a binary that
# failed anything is still a failure, and one that passed real tests beside skipped rows (e.g.
# tst_jobstore without PostgreSQL) is a pass. See BATCHWATCH_TEST_SKIP_REGEX.
# The suite's longest tests, mostly waiting on loopback servers, child processes and timers rather
# than computing: CTest starts them first (COST), so that a parallel run does not end waiting on
# one of them alone. (After a run CTest keeps measured costs in Testing/Temporary/; this list
# orders the first run on a clean build, as in CI.)
set(BATCHWATCH_LONG_TESTS
    tst_jobstore tst_mainwindow tst_monitorloopback tst_pdfreport tst_clireliability
    tst_jobmonitor tst_cliwatch tst_shellcompletion tst_jobdetailspanel tst_cliget
    tst_gatewaysimulator tst_clientsimulator tst_gatewayclient)

function(batchwatch_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    set_target_properties(${name} PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
    target_link_libraries(${name} PRIVATE Qt6::Test batchwatch::settings ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_property(GLOBAL APPEND PROPERTY BATCHWATCH_TEST_NAMES ${name})
    set(home "${BATCHWATCH_TEST_HOMES_DIR}/${name}")
    if(name IN_LIST BATCHWATCH_LONG_TESTS)
        set_tests_properties(${name} PROPERTIES COST 100)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        FIXTURES_REQUIRED batchwatch_test_homes
        SKIP_REGULAR_EXPRESSION "${BATCHWATCH_TEST_SKIP_REGEX}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_SCALE_FACTOR=1;QT_ENABLE_HIGHDPI_SCALING=0;BATCHWATCH_FIXTURES=${BATCHWATCH_FIXTURES_DIR};QT_LOGGING_RULES=batchwatch.*=false;HOME=${home}/home;XDG_CONFIG_HOME=${home}/config;XDG_DATA_HOME=${home}/data;XDG_CACHE_HOME=${home}/cache;XDG_RUNTIME_DIR=${home}/runtime")
endfunction()

# The fixture that gives every test registered so far a fresh, empty home (see above). Call once,
# after the last batchwatch_add_test.
function(batchwatch_add_test_homes_fixture)
    get_property(names GLOBAL PROPERTY BATCHWATCH_TEST_NAMES)
    string(REPLACE ";" "," names "${names}")
    add_test(NAME batchwatch_test_homes
             COMMAND ${CMAKE_COMMAND} "-DROOT=${BATCHWATCH_TEST_HOMES_DIR}" "-DTESTS=${names}"
                     -P "${BATCHWATCH_CMAKE_DIR}/ResetTestHomes.cmake")
    set_tests_properties(batchwatch_test_homes PROPERTIES FIXTURES_SETUP batchwatch_test_homes)
endfunction()

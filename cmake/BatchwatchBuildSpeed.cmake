# What keeps a cold build short on two cores (docs/PERFORMANCE.md, "Build and CI"). Nothing here
# changes what is compiled or tested, only how fast:
#
# - The linker: lld when the compiler can use it (Debian package lld), else the default. About
#   ninety executables link the static project libraries with debug information; lld links each
#   in a fraction of GNU ld's time.
# - Precompiled headers (BATCHWATCH_PCH, on by default): one per project library and one per test
#   folder, shared by every test of that folder (REUSE_FROM: the tests of a folder are compiled
#   with the same flags). A test includes <QtTest>, which reads all of QtCore: parsing it once
#   per folder instead of once per test halves a test's compile time.
#
# Headers in a precompiled header are visible to every source of the target: code still
# includes what it uses (a build with -DBATCHWATCH_PCH=OFF must compile; scripts/fuzz.sh builds
# that way).

include(CheckLinkerFlag)

option(BATCHWATCH_PCH "Precompile the Qt headers (one per library and one per test folder)" ON)
set(BATCHWATCH_LINKER "auto" CACHE STRING
    "Linker: auto (lld when available), lld, gold, or default (the compiler's own)")
set_property(CACHE BATCHWATCH_LINKER PROPERTY STRINGS auto lld gold default)

if(BATCHWATCH_LINKER STREQUAL "auto")
    check_linker_flag(CXX -fuse-ld=lld BATCHWATCH_HAVE_LLD)
    if(BATCHWATCH_HAVE_LLD)
        add_link_options(-fuse-ld=lld)
    endif()
elseif(BATCHWATCH_LINKER STREQUAL "lld" OR BATCHWATCH_LINKER STREQUAL "gold")
    add_link_options(-fuse-ld=${BATCHWATCH_LINKER})
endif()

# ccache caches a compilation that uses a precompiled header only with these sloppiness flags
# and -fpch-preprocess (ccache manual, "Precompiled headers").
if(BATCHWATCH_PCH AND CMAKE_CXX_COMPILER_LAUNCHER MATCHES "ccache")
    set(CMAKE_CXX_COMPILER_LAUNCHER
        ${CMAKE_COMMAND} -E env CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
        ${CMAKE_CXX_COMPILER_LAUNCHER})
    add_compile_options(-fpch-preprocess)
endif()

# Headers most translation units of a layer read (counted over src/ and tests/); each list uses
# only the Qt modules of that layer.
set(BATCHWATCH_PCH_CORE
    <QByteArray> <QDateTime> <QHash> <QJsonArray> <QJsonDocument> <QJsonObject> <QList>
    <QMetaType> <QObject> <QPointer> <QRegularExpression> <QSet> <QString> <QStringList>
    <QTimer> <QUrl> <QVariant> <QNetworkAccessManager> <QNetworkReply> <QNetworkRequest>
    <algorithm> <functional> <memory> <optional> <utility>)
set(BATCHWATCH_PCH_GUI
    ${BATCHWATCH_PCH_CORE} <QAction> <QApplication> <QComboBox> <QDialog> <QEvent> <QHeaderView>
    <QLabel> <QLocale> <QPainter> <QPushButton> <QStyle> <QStyledItemDelegate> <QWidget>)
set(BATCHWATCH_PCH_TEST <QtTest> <QSignalSpy> <QTemporaryDir>)

# Gives `target` a precompiled header of `headers` (when BATCHWATCH_PCH is on).
function(batchwatch_precompile target)
    if(BATCHWATCH_PCH)
        target_precompile_headers(${target} PRIVATE ${ARGN})
    endif()
endfunction()

# One precompiled header per test folder with at least `min_tests` tests (fewer do not repay
# building it): the first test of the folder builds it, the others reuse it. Call after every
# batchwatch_add_test. Tests that link the GUI library get the GUI headers too.
function(batchwatch_precompile_tests min_tests)
    if(NOT BATCHWATCH_PCH)
        return()
    endif()
    get_property(names GLOBAL PROPERTY BATCHWATCH_TEST_NAMES)
    set(folders)
    foreach(name IN LISTS names)
        # Test names that are not targets of their own (a second run of a test binary, e.g.
        # tst_gatewayclient_curl) share their binary's header.
        if(NOT TARGET ${name})
            continue()
        endif()
        get_target_property(folder ${name} SOURCE_DIR)
        string(MAKE_C_IDENTIFIER "${folder}" key)
        list(APPEND folders ${key})
        list(APPEND tests_${key} ${name})
    endforeach()
    list(REMOVE_DUPLICATES folders)
    foreach(key IN LISTS folders)
        list(LENGTH tests_${key} count)
        if(count LESS min_tests)
            continue()
        endif()
        list(POP_FRONT tests_${key} donor)
        get_target_property(libs ${donor} LINK_LIBRARIES)
        if("batchwatch::gui" IN_LIST libs)
            target_precompile_headers(${donor} PRIVATE ${BATCHWATCH_PCH_GUI} ${BATCHWATCH_PCH_TEST})
        else()
            target_precompile_headers(${donor} PRIVATE ${BATCHWATCH_PCH_CORE} ${BATCHWATCH_PCH_TEST})
        endif()
        foreach(name IN LISTS tests_${key})
            target_precompile_headers(${name} REUSE_FROM ${donor})
        endforeach()
    endforeach()
endfunction()

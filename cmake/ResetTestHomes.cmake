# cmake -DROOT=<dir> -DTESTS=<name,name,...> -P ResetTestHomes.cmake
# Replaces ROOT with one empty home per test (see batchwatch_add_test): HOME and the XDG
# directories, the runtime one private to the user as the XDG spec requires.
if(NOT ROOT OR NOT TESTS)
    message(FATAL_ERROR "ROOT and TESTS are required")
endif()
file(REMOVE_RECURSE "${ROOT}")
string(REPLACE "," ";" tests "${TESTS}")
foreach(name IN LISTS tests)
    foreach(sub home config data cache runtime)
        file(MAKE_DIRECTORY "${ROOT}/${name}/${sub}")
    endforeach()
    file(CHMOD "${ROOT}/${name}/runtime" DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE
         OWNER_EXECUTE)
endforeach()

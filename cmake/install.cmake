# Installation (cmake --install build --prefix <p>) and the Debian package (cpack -G DEB),
# docs/installation.md. The program finds its data relative to its own location
# (src/paths/paths.cpp): <prefix>/bin/rapportverk reads <prefix>/share/rapportverk/.
#
#   bin/rapportverk
#   share/rapportverk/templates/      the bundled templates, with their hyphenation lists
#   share/rapportverk/fonts/          the fonts, their licence and README
#   share/doc/rapportverk/            README.md, docs/, data/ (the example data sets),
#                                     copyright, changelog.gz
#   share/man/man1/rapportverk*.1.gz  one page per command, made by the program itself
#   share/bash-completion/completions/rapportverk
#   share/lintian/overrides/rapportverk

# Man pages and the completion script come from the program's own help text
# (src/cli/man_page.cpp, completion.cpp), so they never say something --help does not.
set(RV_MAN_DIR ${CMAKE_CURRENT_BINARY_DIR}/man)
set(RV_COMPLETION ${CMAKE_CURRENT_BINARY_DIR}/completion/rapportverk)
add_custom_command(
  OUTPUT ${RV_MAN_DIR}/rapportverk.1.gz
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${RV_MAN_DIR}
  COMMAND $<TARGET_FILE:rapportverk> hjälp --man-mapp ${RV_MAN_DIR}
  # gzip -n: no name or time in the header, so the package is the same from build to build.
  COMMAND sh -c "gzip -9nf '${RV_MAN_DIR}'/*.1"
  DEPENDS rapportverk
  COMMENT "Manualsidorna ur programmets hjälptext"
  VERBATIM)
add_custom_command(
  OUTPUT ${RV_COMPLETION}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/completion
  COMMAND sh -c "'$<TARGET_FILE:rapportverk>' hjälp --bash-komplettering > '${RV_COMPLETION}'"
  DEPENDS rapportverk
  COMMENT "bash-kompletteringen ur programmets hjälptext"
  VERBATIM)

# Debian's changelog and copyright files for share/doc/rapportverk/.
set(RV_DEB_MAINTAINER "rapportverk <rapportverk@rapportverk.invalid>"
    CACHE STRING "Debianpaketets Maintainer (namn <e-post>)")
set(RV_LICENSE "ej angiven"
    CACHE STRING "rapportverks licens i paketets copyright-fil (källträdet anger ingen)")
# SOURCE_DATE_EPOCH, when set, makes the date (and so the package) reproducible.
string(TIMESTAMP RV_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
configure_file(packaging/changelog.in ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog @ONLY)
add_custom_command(
  OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog.gz
  COMMAND gzip -9nkf ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog
  DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog
  VERBATIM)
configure_file(packaging/copyright-header.in ${CMAKE_CURRENT_BINARY_DIR}/packaging/copyright-header
               @ONLY)
file(READ ${CMAKE_CURRENT_BINARY_DIR}/packaging/copyright-header RV_COPYRIGHT)
file(READ fonts/LICENSE RV_FONTS_LICENSE)
# The fonts' licence (Debian's copyright file of fonts-liberation2) applies to the fonts.
string(REPLACE "Files: *" "Files: usr/share/rapportverk/fonts/*" RV_FONTS_LICENSE
               "${RV_FONTS_LICENSE}")
file(CONFIGURE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/packaging/copyright
     CONTENT "${RV_COPYRIGHT}${RV_FONTS_LICENSE}" @ONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS fonts/LICENSE)

add_custom_target(rv_install_files ALL
                  DEPENDS ${RV_MAN_DIR}/rapportverk.1.gz ${RV_COMPLETION}
                          ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog.gz)

install(TARGETS rapportverk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY templates/ DESTINATION ${RV_INSTALL_DATADIR}/templates)
install(DIRECTORY fonts/ DESTINATION ${RV_INSTALL_DATADIR}/fonts)
install(FILES README.md ${CMAKE_CURRENT_BINARY_DIR}/packaging/copyright
              ${CMAKE_CURRENT_BINARY_DIR}/packaging/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
install(DIRECTORY data/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/data)
install(DIRECTORY ${RV_MAN_DIR}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        FILES_MATCHING PATTERN "*.1.gz")
install(FILES ${RV_COMPLETION} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES packaging/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides
        RENAME rapportverk)

# --- the Debian package: cpack -G DEB --config build/CPackConfig.cmake -------------------
# The libraries the program links are found by dpkg-shlibdeps; those it opens at run time
# (libzip, libxlsxwriter) and the Swedish hyphenation patterns are named here, by the
# package that holds the file on the build machine.
function(rv_package_of file out)
  execute_process(COMMAND dpkg-query -S ${file} OUTPUT_VARIABLE owner ERROR_QUIET
                  RESULT_VARIABLE failed)
  if(failed OR NOT owner)
    message(WARNING "Inget Debianpaket har ${file}: paketets Depends saknar det")
    set(${out} "" PARENT_SCOPE)
    return()
  endif()
  string(REGEX REPLACE "[:,].*" "" owner "${owner}")
  string(STRIP "${owner}" owner)
  set(${out} ${owner} PARENT_SCOPE)
endfunction()
set(RV_RUNTIME_FILES ${LIBZIP_REAL} ${XLSXWRITER_REAL} /usr/share/hyphen/hyph_sv_SE.dic)
set(RV_EXTRA_DEPENDS "")
foreach(f ${RV_RUNTIME_FILES})
  rv_package_of(${f} pkg)
  if(pkg)
    list(APPEND RV_EXTRA_DEPENDS ${pkg})
  endif()
endforeach()
list(JOIN RV_EXTRA_DEPENDS ", " CPACK_DEBIAN_PACKAGE_DEPENDS)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rapportverk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${RV_DEB_MAINTAINER}")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "statsbidragsdata till färdiga, tillgängliga dokument (PDF, CSV, XLSX)")
# The long description; CPack puts the summary above it.
set(CPACK_PACKAGE_DESCRIPTION
    "rapportverk gör ett års statsbidragsdata (YAML) till uppföljningsrapporter,
tjänsteutlåtanden, bilagetabeller och brev per mottagare, som taggad PDF
(PDF/UA-1 och PDF/A-2a), CSV och XLSX. Mallarna skrivs i Markdown med
ett eget mallspråk; alla siffror räknas fram ur data.")
include(CPack)

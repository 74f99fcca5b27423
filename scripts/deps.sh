#!/usr/bin/env bash
# Installs the Debian 12 packages batchwatch needs, only those that are missing. The fonts make
# reports and tests independent of what the machine happens to have: CJK text and emoji in job
# names must render (and be extractable from a PDF) everywhere. The app draws emoji in colour
# (fonts-noto-color-emoji); a PDF needs them from an outline font (fonts-symbola). Qt loads
# OpenSSL (libssl3) at run time for its TLS backend; libcurl4-openssl-dev is the second HTTP
# transport (core/wire/curltransport); libsqlite3-dev is SQLite's C API, which the store uses
# on the connection Qt's QSQLITE plugin opened (core/store/sqlitestatement). poppler-utils (pdftotext, pdfimages), tzdata, zsh and
# fish (the shell completion test) are for the tests, so that none of them is skipped.
# Sourced by run.sh and test.sh; safe to run again (a no-op when all are present).
set -euo pipefail

BATCHWATCH_PACKAGES=(
    cmake ninja-build g++ pkg-config lld
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev
    qt6-svg-dev qtkeychain-qt6-dev qt6-tools-dev qt6-l10n-tools libqt6sql6-sqlite
    libqt6sql6-psql postgresql-15
    libqt6opengl6-dev libxkbcommon-dev libgl-dev libssl3 libcurl4-openssl-dev
    libsqlite3-dev xvfb xauth poppler-utils tzdata fonts-dejavu-core fonts-wqy-microhei fonts-noto-color-emoji
    fonts-symbola zsh fish
)

# Prints, one a line, every package name dpkg knows as installed: real packages and the virtual
# ones they provide (so "pkg-config" is satisfied by pkgconf, whatever the release calls it).
batchwatch_installed_names() {
    dpkg-query -W -f='${db:Status-Abbrev}|${Package}|${Provides}\n' 2>/dev/null \
        | awk -F'|' '$1 ~ /^ii/ {
              print $2
              n = split($3, provided, ",")
              for (i = 1; i <= n; i++) {
                  name = provided[i]
                  sub(/\(.*/, "", name)
                  gsub(/[ \t]/, "", name)
                  if (name != "") print name
              }
          }'
}

# Installs the packages above (and any given as arguments) that are missing. Calls neither apt
# nor sudo when everything is present.
batchwatch_install_deps() {
    local missing=()
    local pkg
    local installed
    installed="$(batchwatch_installed_names | sort -u)"
    for pkg in "${BATCHWATCH_PACKAGES[@]}" "$@"; do
        if ! grep -qxF -- "$pkg" <<<"$installed"; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "Installing missing packages: ${missing[*]}" >&2
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Only for scripts/fuzz.sh and scripts/sanitize.sh (never installed by the default path): clang
# and its runtime libraries (libFuzzer, ASan, UBSan); GNU time for the figures they print.
BATCHWATCH_FUZZ_PACKAGES=(clang libclang-rt-14-dev time)

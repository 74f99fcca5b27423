#!/usr/bin/env bash
# Installs the Debian 12 packages batchwatch needs, only those that are missing. The fonts make
# reports and tests independent of what the machine happens to have: CJK text and emoji in job
# names must render (and be extractable from a PDF) everywhere.
# Sourced by run.sh and test.sh; safe to run again (a no-op when all are present).
set -euo pipefail

BATCHWATCH_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev
    qt6-svg-dev qtkeychain-qt6-dev qt6-tools-dev qt6-l10n-tools libqt6sql6-sqlite
    libqt6opengl6-dev libxkbcommon-dev libgl-dev
    xvfb xauth poppler-utils fonts-dejavu-core fonts-wqy-microhei fonts-noto-color-emoji
)

batchwatch_install_deps() {
    local missing=()
    local pkg
    for pkg in "${BATCHWATCH_PACKAGES[@]}" "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
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

#!/usr/bin/env bash
# Builds the .deb and .tar.gz from the CI build directory (build/ci, as scripts/test.sh left it:
# nothing is rebuilt that is up to date), unpacks the .deb into a scratch root and checks it from
# the installed paths, as a user would meet it:
#   - batchwatch-cli --version, and batchwatch-cli get against the gateway simulator;
#   - batchwatch --demo --screenshot (offscreen);
#   - no RUNPATH; the hicolor PNGs have their nominal sizes;
#   - desktop-file-validate, appstreamcli validate --no-net; the newest AppStream release and the
#     Debian changelog are the project's version; the AppStream screenshots exist;
#   - lintian (no error, no warning), mandoc -T lint (no warning), bash/zsh/fish parse the
#     completions.
# Installs the tools it needs with apt-get (see deps.sh). Exits non-zero on the first failure.
# Usage: scripts/package-check.sh [BUILD_DIR]   (default build/ci; configured by the ci preset)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="$(cd "${1:-$root/build/ci}" && pwd)"
source "$here/deps.sh"
batchwatch_install_deps dpkg-dev lintian mandoc desktop-file-utils appstream file

step_started=$SECONDS
step() {
    echo "--- package-check: $* (previous step $((SECONDS - step_started)) s)" >&2
    step_started=$SECONDS
}
fail() {
    echo "package-check: FAILED: $*" >&2
    exit 1
}

scratch="$(mktemp -d)"
sim_pid=""
cleanup() {
    if [ -n "$sim_pid" ]; then kill "$sim_pid" 2>/dev/null || true; fi
    rm -rf "$scratch"
}
trap cleanup EXIT

step "build what the package installs (up to date after scripts/test.sh)"
cmake --build "$build" --target batchwatch batchwatch-cli batchwatch_docs batchwatch-gateway-sim

step "cpack"
version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")"
[ -n "$version" ] || fail "no project version in $build/CMakeCache.txt"
packages="$build/packages"
rm -rf "$packages"
(cd "$build" && cpack -G "DEB;TGZ" -B "$packages" >/dev/null)
deb="$packages/batchwatch_${version}_$(dpkg --print-architecture).deb"
tgz="$(ls "$packages"/batchwatch-"$version"-*.tar.gz)"
[ -f "$deb" ] || fail "no $deb"
[ -f "$tgz" ] || fail "no .tar.gz beside the .deb"
dpkg-deb -f "$deb" Package Version Depends Recommends >&2

step "unpack into a scratch root"
dest="$scratch/root"
dpkg-deb -x "$deb" "$dest"
bin="$dest/usr/bin"
share="$dest/usr/share"
for f in "$bin/batchwatch" "$bin/batchwatch-cli" \
    "$share/applications/io.github.batchwatch.desktop" \
    "$share/metainfo/io.github.batchwatch.metainfo.xml" \
    "$share/icons/hicolor/scalable/apps/io.github.batchwatch.svg" \
    "$share/man/man1/batchwatch.1.gz" "$share/man/man1/batchwatch-cli.1.gz" \
    "$share/bash-completion/completions/batchwatch-cli" \
    "$share/zsh/vendor-completions/_batchwatch-cli" \
    "$share/fish/vendor_completions.d/batchwatch-cli.fish" \
    "$share/doc/batchwatch/copyright" "$share/doc/batchwatch/changelog.gz"; do
    [ -f "$f" ] || fail "the package lacks ${f#"$dest"}"
done
for exe in "$bin/batchwatch" "$bin/batchwatch-cli"; do
    if readelf -d "$exe" | grep -qE 'R(UN)?PATH'; then
        fail "${exe#"$dest"} carries a RUNPATH: $(readelf -d "$exe" | grep -E 'R(UN)?PATH')"
    fi
done
for size in 16 22 24 32 48 64 128 256; do
    png="$share/icons/hicolor/${size}x${size}/apps/io.github.batchwatch.png"
    [ -f "$png" ] || fail "no ${size}x${size} icon"
    file "$png" | grep -q "PNG image data, $size x $size," || fail "$(file "$png")"
done

# Each program runs with its own empty home: the user's settings, store and keys stay out.
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data"
export XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/runtime"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

step "installed batchwatch-cli --version"
got="$("$bin/batchwatch-cli" --version)"
[ "$got" = "batchwatch-cli $version" ] || fail "batchwatch-cli --version said \"$got\""

step "installed batchwatch-cli get against the simulator"
"$build/src/sim/batchwatch-gateway-sim" --port 0 --flavour bifrost --seed 7 --jobs 3 \
    --print-jobs >"$scratch/sim.out" 2>"$scratch/sim.err" &
sim_pid=$!
for _ in $(seq 100); do
    grep -q '^listening on ' "$scratch/sim.out" 2>/dev/null && [ "$(wc -l <"$scratch/sim.out")" -ge 4 ] && break
    kill -0 "$sim_pid" 2>/dev/null || fail "the simulator exited: $(cat "$scratch/sim.err")"
    sleep 0.1
done
url="$(sed -n 's/^listening on //p' "$scratch/sim.out")"
id="$(sed -n 2p "$scratch/sim.out" | cut -f1)"
[ -n "$url" ] && [ -n "$id" ] || fail "the simulator did not start: $(cat "$scratch/sim.out" "$scratch/sim.err")"
"$bin/batchwatch-cli" --gateway "$url" get "$id" --format json >"$scratch/get.json" \
    || fail "batchwatch-cli get exited $?"
grep -q "$id" "$scratch/get.json" || fail "batchwatch-cli get did not print $id"
kill "$sim_pid"
wait "$sim_pid" 2>/dev/null || true
sim_pid=""

step "installed batchwatch --demo --screenshot (offscreen)"
QT_QPA_PLATFORM=offscreen "$bin/batchwatch" --demo --size 1000x700 \
    --screenshot "$scratch/screenshot.png" 2>"$scratch/gui.err" \
    || fail "batchwatch --screenshot exited $?: $(cat "$scratch/gui.err")"
file "$scratch/screenshot.png" | grep -q "PNG image data, 1000 x 700," \
    || fail "the screenshot is not a 1000x700 PNG: $(file "$scratch/screenshot.png")"

step "desktop-file-validate, appstreamcli"
desktop-file-validate "$share/applications/io.github.batchwatch.desktop"
appstreamcli validate --no-net "$share/metainfo/io.github.batchwatch.metainfo.xml"
metainfo="$share/metainfo/io.github.batchwatch.metainfo.xml"
newest="$(grep -o '<release version="[^"]*"' "$metainfo" | head -1 | cut -d'"' -f2)"
[ "$newest" = "$version" ] || fail "the newest AppStream release is $newest, the project is $version"
zcat "$share/doc/batchwatch/changelog.gz" | head -1 | grep -qF "batchwatch ($version)" \
    || fail "packaging/changelog does not start with version $version"
for shot in $(grep -o 'docs/screenshots/[^<]*\.png' "$metainfo"); do
    [ -f "$root/$shot" ] || fail "the AppStream metadata shows $shot, which does not exist"
done

step "lintian"
lintian --fail-on error,warning --info "$deb"

step "mandoc -T lint"
for page in "$share"/man/man1/*.1.gz; do
    mandoc -T lint -W warning "$page" || fail "mandoc: $page"
done

step "completions parse"
bash -n "$share/bash-completion/completions/batchwatch-cli"
zsh -n "$share/zsh/vendor-completions/_batchwatch-cli"
fish -n "$share/fish/vendor_completions.d/batchwatch-cli.fish"

step "done"
echo "package-check: $deb and $(basename "$tgz") are fine" >&2

#!/usr/bin/env bash
# Regenerates the pictures in docs/screenshots/ from a built tree (default build/ci): the window
# pictures from the demo gateway (`batchwatch --demo --screenshot`, offscreen), the dialog
# pictures from the dialog layout test (BATCHWATCH_SHOT_DIR). The demo's jobs come from a fixed
# seed, so the ids below always exist; their states depend on the time it runs.
# Look at every picture before committing it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${1:-$root/build/ci}"
out="$root/docs/screenshots"
app="$build/src/app/batchwatch"
export QT_QPA_PLATFORM=offscreen

shot() { # file, then batchwatch options
    local file="$1"
    shift
    "$app" --demo --screenshot "$out/$file" --size 1400x860 "$@" >/dev/null 2>&1 \
        || { echo "failed: $file" >&2; return 1; }
    echo "$out/$file"
}

# The board: Bedrock jobs beside OpenAI, Anthropic and Gemini batches (Through Bifrost).
shot main.png --select shpxbzjzg8ek
shot bifrost-board.png
"$app" --demo --screenshot "$out/main-1280x720.png" --size 1280x720 >/dev/null 2>&1
shot overview.png --view overview
# A running Bedrock job: expiry from the native route, timeline.
shot bifrost-bedrock-overview.png --select zxlp04r6v3d4 --tab overview
shot timeline.png --select zxlp04r6v3d4 --tab timeline
# The Bedrock job Bifrost calls failed although 41,000 of its 41,234 records succeeded.
shot bifrost-records.png --select shpxbzjzg8ek --tab records
# An OpenAI batch's progress, a job's history and configuration.
shot progress.png --select batch_efc80532ca0069b5b4542b5d8f7015c7 --tab progress
shot history.png --select zxlp04r6v3d4 --tab history
shot configuration.png --select zxlp04r6v3d4 --tab configuration

# The dark palette (a settings file of its own): an OpenAI batch's timeline from the gateway's
# own times, and "Cancel" for its stop.
dialogs="$(mktemp -d)"
dark="$(mktemp -d)"
trap 'rm -rf "$dialogs" "$dark"' EXIT
mkdir -p "$dark/.config/batchwatch"
printf '[appearance]\ntheme=dark\n' >"$dark/.config/batchwatch/batchwatch.conf"
HOME="$dark" XDG_CONFIG_HOME="$dark/.config" XDG_DATA_HOME="$dark/.local/share" \
    shot dark.png --select batch_efc80532ca0069b5b4542b5d8f7015c7 --tab timeline

BATCHWATCH_SHOT_DIR="$dialogs" "$build/tests/gui/tst_dialoglayout" >/dev/null
cp "$dialogs/add-jobs-discovered-providers-light.png" "$out/bifrost-discover.png"
cp "$dialogs/profiles-tested-light.png" "$out/profiles-dialog.png"
echo "$out/bifrost-discover.png"
echo "$out/profiles-dialog.png"

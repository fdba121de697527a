#!/usr/bin/env bash
# Takes the README screenshots from the running app: docs/screenshots/mixlab-light.png and mixlab-dark.png.
# Starts Xvfb, opens the first session with a demo student profile and no sound device (silent clock), presses
# play, waits for the meters and the spectrum to show the song, and grabs the window.
# Needs Xvfb, xdotool and ImageMagick (apt-get install -y xvfb xdotool imagemagick).
set -euo pipefail
source "$(dirname "$0")/app-common.sh"
OUT="$ROOT/docs/screenshots"
PLAY_S="${PLAY_S:-4}"
mkdir -p "$OUT"
ensure_jar
DATA=""
cleanup() { stop_app; stop_xvfb; [[ -n "$DATA" ]] && rm -rf "$DATA"; }
trap cleanup EXIT
start_xvfb 1600x1000

shoot() {
    local theme="$1" win
    DATA="$(make_data_dir)"
    launch_app "$DATA" -Dmixlab.theme="$theme"
    win="$(wait_window)"
    [[ -n "$win" ]] || { echo "no MixLab window for the $theme theme; log:" >&2; cat "$DATA/app.log" >&2; exit 1; }
    sleep 2                                     # let the first layout and the loudness measure settle
    # Xvfb has no window manager, so keyboard focus is unreliable: click the play button (top left of the
    # transport bar); the Space shortcut does the same in a desktop session
    xdotool mousemove --window "$win" 29 50 click 1
    sleep 0.3
    xdotool mousemove --window "$win" 800 990   # move the pointer off the controls (no hover highlight)
    sleep "$PLAY_S"
    import -window "$win" "$DATA/raw.png"
    convert "$DATA/raw.png" -resize '1200x1200>' -strip -dither None -colors 128 -define png:compression-level=9 "$OUT/mixlab-$theme.png"
    echo "wrote $OUT/mixlab-$theme.png ($(stat -c %s "$OUT/mixlab-$theme.png") bytes)"
    stop_app
    rm -rf "$DATA"; DATA=""
}

shoot light
shoot dark

#!/usr/bin/env bash
# Takes the README screenshots from the running app: docs/screenshots/mixlab-app-lesson.png (the Tone lesson open,
# playing), mixlab-light.png, mixlab-dark.png,
# mixlab-light-compressor.png (compressor on the bass) and mixlab-dark-eq.png (EQ with the high-pass on the bass).
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

# shoot_editor THEME ITEM_ROW NAME [X Y ...]: as shoot, then opens "+ Insert" on the Bass strip, picks the
# processor in row ITEM_ROW of its menu (0 = Gain, 2 = Equalizer, 3 = Compressor), clicks each X Y of the editor
# (window coordinates, e.g. a band's "On" box) and grabs the screen over the main window, so the editor (a window
# of its own) is in the picture.
shoot_editor() {
    local theme="$1" row="$2" name="$3" win X Y WIDTH HEIGHT SCREEN WINDOW
    shift 3
    DATA="$(make_data_dir)"
    launch_app "$DATA" -Dmixlab.theme="$theme"
    win="$(wait_window)"
    [[ -n "$win" ]] || { echo "no MixLab window; log:" >&2; cat "$DATA/app.log" >&2; exit 1; }
    sleep 2
    xdotool mousemove --window "$win" 29 50 click 1
    sleep 1
    xdotool mousemove --window "$win" 386 147 click 1                    # Bass: "+ Insert"
    sleep 0.7
    xdotool mousemove --window "$win" 397 $((174 + 23 * row)) click 1     # the processor's menu item
    sleep 1.5
    while [[ $# -ge 2 ]]; do
        xdotool mousemove --window "$win" "$1" "$2" click 1
        shift 2
        sleep 0.3
    done
    xdotool mousemove --window "$win" 800 990
    sleep "$PLAY_S"
    eval "$(xdotool getwindowgeometry --shell "$win")"
    import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$DATA/raw.png"
    convert "$DATA/raw.png" -resize '1200x1200>' -strip -dither None -colors 128 -define png:compression-level=9 \
        "$OUT/$name.png"
    echo "wrote $OUT/$name.png ($(stat -c %s "$OUT/$name.png") bytes)"
    stop_app
    rm -rf "$DATA"; DATA=""
}

# shoot_lesson THEME NAME: as shoot, but first opens the Tone lesson (its "Start" button in the lesson dock)
shoot_lesson() {
    local theme="$1" name="$2" win
    DATA="$(make_data_dir)"
    launch_app "$DATA" -Dmixlab.theme="$theme"
    win="$(wait_window)"
    [[ -n "$win" ]] || { echo "no MixLab window; log:" >&2; cat "$DATA/app.log" >&2; exit 1; }
    sleep 2
    xdotool mousemove --window "$win" 1426 466 click 1   # lesson 3, Tone: "Start"
    sleep 1
    xdotool mousemove --window "$win" 29 50 click 1
    sleep 0.3
    xdotool mousemove --window "$win" 800 990
    sleep "$PLAY_S"
    import -window "$win" "$DATA/raw.png"
    convert "$DATA/raw.png" -resize '1200x1200>' -strip -dither None -colors 128 -define png:compression-level=9 "$OUT/$name.png"
    echo "wrote $OUT/$name.png ($(stat -c %s "$OUT/$name.png") bytes)"
    stop_app
    rm -rf "$DATA"; DATA=""
}

shoot_lesson light mixlab-app-lesson
shoot light
shoot dark
shoot_editor light 3 mixlab-light-compressor
shoot_editor dark 2 mixlab-dark-eq 397 525

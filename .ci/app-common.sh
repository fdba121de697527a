# Shared helpers for .ci/screenshots.sh and .ci/ui-measure.sh (sourced, not run).
# Builds the jar when missing, starts Xvfb on a free display, makes a data dir holding one student profile so the
# first-start profile dialog does not appear, and launches / stops the app.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/target/mixlab.jar"
XVFB_PID=""
APP_PID=""

ensure_jar() {
    if [[ ! -f "$JAR" ]]; then
        (cd "$ROOT" && mvn -B -q -o package -DskipTests)
    fi
}

# start_xvfb WIDTHxHEIGHT: starts Xvfb on the first free display from :77 up and exports DISPLAY
start_xvfb() {
    local size="${1:-1600x1000}" n=77 try
    for try in 1 2 3 4 5; do
        while [[ -e "/tmp/.X${n}-lock" || -e "/tmp/.X11-unix/X${n}" ]]; do n=$((n + 1)); done
        # -noreset: without it the server resets when its last client leaves, and the next app to start in that
        # moment cannot connect
        Xvfb ":$n" -screen 0 "${size}x24" -nolisten tcp -noreset >/dev/null 2>&1 &
        XVFB_PID=$!
        export DISPLAY=":$n"
        for _ in $(seq 50); do
            # our own server must be the one answering: a server on its way out can still answer on that display
            kill -0 "$XVFB_PID" 2>/dev/null || break
            { xdpyinfo >/dev/null 2>&1 || xdotool getdisplaygeometry >/dev/null 2>&1; } && kill -0 "$XVFB_PID" 2>/dev/null && return 0
            sleep 0.1
        done
        kill "$XVFB_PID" 2>/dev/null || true
        wait "$XVFB_PID" 2>/dev/null || true
        n=$((n + 1))
    done
    XVFB_PID=""
    echo "Xvfb did not start (tried up to :$n)" >&2
    return 1
}

# make_data_dir: prints a new temp data dir with the profile "Demo Student" (S001, class 10B) as current
make_data_dir() {
    local dir src
    dir="$(mktemp -d /tmp/mixlab-data.XXXXXX)"
    src="$(mktemp -d /tmp/mixlab-prof.XXXXXX)/MakeProfile.java"
    cat > "$src" <<'JAVA'
public class MakeProfile {
    public static void main(String[] a) throws Exception {
        org.mixlab.classroom.ProfileStore.open(java.nio.file.Path.of(a[0])).create("Demo Student", "S001", "10B");
    }
}
JAVA
    java -cp "$JAR" "$src" "$dir" >&2
    rm -rf "$(dirname "$src")"
    echo "$dir"
}

# launch_app DATA_DIR [java -D options...]: starts the app in the background (APP_PID), from the repo root, with
# the class-data-sharing archive as the README's run command does (later options win)
launch_app() {
    local data="$1"; shift
    (cd "$ROOT" && exec java -XX:SharedArchiveFile=target/mixlab.jsa -Dmixlab.audio=none -Dmixlab.dataDir="$data" \
        -Djava.util.prefs.userRoot="$data/prefs" "$@" -jar "$JAR") >"$data/app.log" 2>&1 &
    APP_PID=$!
}

# wait_window: prints the id of the main window (title contains MixLab) once it is mapped. Polls every 20 ms
# (xdotool's own --sync polls every 0.5 s, too coarse for timing start-up); gives up after 60 s.
wait_window() {
    local id="" end=$(( $(date +%s) + 60 ))
    while [[ -z "$id" && $(date +%s) -lt $end ]]; do
        id="$(xdotool search --onlyvisible --name MixLab 2>/dev/null | head -1 || true)"
        [[ -n "$id" ]] || sleep 0.02
    done
    echo "$id"
}

stop_app() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
}

stop_xvfb() {
    if [[ -n "$XVFB_PID" ]]; then
        kill "$XVFB_PID" 2>/dev/null || true
        wait "$XVFB_PID" 2>/dev/null || true
    fi
    XVFB_PID=""
}

#!/usr/bin/env bash
# Whole-process UI measures (not JMH): .ci/ui-measure.sh [RUNS] [SECONDS]
#  (a) cold start: wall time from launching the jar (with the CDS archive, as the README's run command) to its main
#      window being mapped (polled every 20 ms), RUNS
#      runs (default 5), each with a fresh data dir (profile pre-made) and fresh JVM;
#  (b) UI thread CPU while playing: presses play, then reads the "AWT-EventQueue-0" thread's utime+stime from
#      /proc/PID/task/TID/stat before and after SECONDS (default 20) -> % of one core, at the default frame clock
#      (30 ms, ~33 frames/s) and at -Dmixlab.fps=60; the whole process's CPU over the same time is shown too.
# SECONDS=0 skips (b). Runs under its own Xvfb; needs xdotool and jcmd (JDK).
set -euo pipefail
source "$(dirname "$0")/app-common.sh"
RUNS="${1:-5}"
SECONDS_CPU="${2:-20}"
ensure_jar
DATA=""
cleanup() { stop_app; stop_xvfb; [[ -n "$DATA" ]] && rm -rf "$DATA"; }
trap cleanup EXIT
start_xvfb 1600x1000
TICKS="$(getconf CLK_TCK)"

now_ms() { date +%s%3N; }

# jiffies PID [TID]: utime+stime of the process or of one of its threads
jiffies() {
    local f="/proc/$1/stat"
    [[ -n "${2:-}" ]] && f="/proc/$1/task/$2/stat"
    # fields after the ")" of the command name: state is $1, utime $12, stime $13
    sed 's/^.*) //' "$f" | awk '{print $12 + $13}'
}

echo "== cold start to visible window ($RUNS runs) =="
total=0
for i in $(seq "$RUNS"); do
    DATA="$(make_data_dir)"
    t0=$(now_ms)
    launch_app "$DATA"
    win="$(wait_window)"
    t1=$(now_ms)
    [[ -n "$win" ]] || { echo "no window; log:" >&2; cat "$DATA/app.log" >&2; exit 1; }
    cpu=$(awk -v j="$(jiffies "$APP_PID")" -v hz="$TICKS" 'BEGIN{printf "%.2f", j/hz}')
    echo "run $i: $((t1 - t0)) ms wall, $cpu s CPU (all JVM threads) when the window appeared"
    total=$((total + t1 - t0))
    stop_app
    rm -rf "$DATA"; DATA=""
done
echo "mean: $((total / RUNS)) ms"

cpu_run() {
    local label="$1"; shift
    DATA="$(make_data_dir)"
    launch_app "$DATA" "$@"
    win="$(wait_window)"
    [[ -n "$win" ]] || { echo "no window; log:" >&2; cat "$DATA/app.log" >&2; exit 1; }
    sleep 3                                           # first layout, loudness measure
    xdotool mousemove --window "$win" 29 50 click 1   # play (see screenshots.sh)
    xdotool mousemove --window "$win" 800 990
    sleep 2
    local jpid nid tid
    jpid="$APP_PID"
    nid="$(jcmd "$jpid" Thread.print | grep '^"AWT-EventQueue-0"' | sed -n 's/.* nid=\(0x[0-9a-f]*\).*/\1/p' | head -1)"
    [[ -n "$nid" ]] || { echo "AWT-EventQueue-0 not found" >&2; exit 1; }
    tid=$((nid))
    local e0 p0 e1 p1 t0 t1
    e0=$(jiffies "$jpid" "$tid"); p0=$(jiffies "$jpid"); t0=$(now_ms)
    sleep "$SECONDS_CPU"
    e1=$(jiffies "$jpid" "$tid"); p1=$(jiffies "$jpid"); t1=$(now_ms)
    local edt proc
    edt=$(awk -v a="$e0" -v b="$e1" -v hz="$TICKS" -v ms=$((t1 - t0)) 'BEGIN{printf "%.1f", 100*(b-a)/hz/(ms/1000)}')
    proc=$(awk -v a="$p0" -v b="$p1" -v hz="$TICKS" -v ms=$((t1 - t0)) 'BEGIN{printf "%.1f", 100*(b-a)/hz/(ms/1000)}')
    echo "$label: UI thread (AWT-EventQueue-0, tid $tid) ${edt} % of one core; whole process ${proc} % of one core" \
         "over $(( (t1 - t0) / 1000 )) s"
    stop_app
    rm -rf "$DATA"; DATA=""
}

[[ "$SECONDS_CPU" -gt 0 ]] || exit 0
echo "== UI thread CPU while playing (${SECONDS_CPU} s each) =="
cpu_run "default clock (30 ms, ~33 frames/s)"
cpu_run "60 frames/s (-Dmixlab.fps=60)" -Dmixlab.fps=60

#!/usr/bin/env bash
# Regenerates src/main/cds/mixlab.classlist, the list of classes the app loads while it starts and plays, from
# which `mvn package` dumps the class-data-sharing archive target/mixlab.jsa (see docs/performance.md, "Cold
# start"). Run it after changes that add or rename many classes used at start-up: .ci/cds-classlist.sh
# A stale list is harmless (missing classes are skipped, new ones load from the jar as usual); it only costs
# start-up time. Runs the app under its own Xvfb with the silent clock; needs xdotool.
set -euo pipefail
source "$(dirname "$0")/app-common.sh"
(cd "$ROOT" && mvn -B -q -o package -DskipTests)
DATA=""
cleanup() { stop_app; stop_xvfb; [[ -n "$DATA" ]] && rm -rf "$DATA"; }
trap cleanup EXIT
start_xvfb 1600x1000
DATA="$(make_data_dir)"
LIST="$DATA/classes.lst"
launch_app "$DATA" -Xshare:off -XX:DumpLoadedClassList="$LIST"
win="$(wait_window)"
[[ -n "$win" ]] || { echo "no window; log:" >&2; cat "$DATA/app.log" >&2; exit 1; }
sleep 2                                           # first paint and layout
xdotool mousemove --window "$win" 29 50 click 1   # play (see screenshots.sh)
sleep 3                                           # meters, spectrum, loudness match
stop_app
# the command line's classes too: render and analyze a song
(cd "$ROOT" && java -Xshare:off -XX:DumpLoadedClassList="$DATA/cli.lst" -jar "$JAR" render \
    audio/pop-rock/reference.session.json -o "$DATA/out.wav" --tail 0 >/dev/null 2>&1)
(cd "$ROOT" && java -Xshare:off -XX:DumpLoadedClassList="$DATA/cli2.lst" -jar "$JAR" analyze "$DATA/out.wav" \
    --json >/dev/null 2>&1)
# one list, first occurrence kept; dynamic proxies are generated at run time under new names each run: they cannot
# be archived
cat "$LIST" "$DATA/cli.lst" "$DATA/cli2.lst" | grep -v '\$Proxy' | awk '/^#/ && seen_header++ > 2 {next} !seen[$0]++' \
    > "$ROOT/src/main/cds/mixlab.classlist"
echo "wrote src/main/cds/mixlab.classlist: $(grep -vc '^#' "$ROOT/src/main/cds/mixlab.classlist") entries"

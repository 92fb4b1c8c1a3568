#!/usr/bin/env bash
# Start-up benchmark of the app image under Xvfb, against a bare JavaFX window from the same runtime and launcher:
#   (a) window shown: JVM uptime at the first pulse after stage.show()          RecruitDesk / hello   goal <= 1.3
#       (the console's first frame is the shell's outline, StartupFrame; the row after it says when the full shell,
#       with its controls, was on screen)
#   (b) schedule data: uptime when the Schedule screen shows the week's slots, from a home with 5,000 slots
#                                                                                RecruitDesk / hello   goal <= 2.5
#       (the form column beside the week fills in a frame later; the row after it says when)
#   (c) resident memory (VmRSS) one second after that data showed                RecruitDesk           goal <= 300 MB
# Runs alternate (warm-up of each, then hello, console, hello, console, …); figures are medians. Prints a table
# and writes target/bench/startup.json.
#
# Usage: installer/bench-startup.sh [--build] [RUNS]     (RUNS per variant, default 5)
# Env:   RECRUITDESK_JAVA_OPTS   passed to both variants, as the launcher does (default: the launcher's own)
#        RECRUITDESK_CDS=off     both variants without the class-data archive
set -euo pipefail

project="$(cd "$(dirname "$0")/.." && pwd)"
cd "$project"
if [ "${1:-}" = "--build" ]; then
  shift
  mvn -B -q -o -Pimage package -DskipTests -Dimage.deb=false
fi
runs="${1:-5}"
launcher="$project/target/image/recruitdesk/bin/recruitdesk"
[ -x "$launcher" ] || { echo "bench-startup: no image at $launcher (run with --build)" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "bench-startup: needs Xvfb (apt-get install xvfb libgtk-3-0)" >&2; exit 1; }

bench="$project/target/bench"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/recruitdesk-bench.XXXXXX")"
xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$scratch"; }
trap cleanup EXIT
mkdir -p "$bench"

# One X server for every run.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$scratch/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 50); do [ -s "$scratch/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -1 "$scratch/display")"

# The class-data archive the launcher would otherwise make in the background on the first start (RECRUITDESK_CDS=off:
# none, to measure without it).
started=$SECONDS
if [ "${RECRUITDESK_CDS:-on}" != off ]; then
  cds="$("$launcher" --cds-archive)" || exit 1
  echo "bench-startup: class-data archive $cds ($((SECONDS - started)) s)"
else
  echo "bench-startup: no class-data archive (RECRUITDESK_CDS=off)"
fi

home="$scratch/home"
started=$SECONDS
"$launcher" --bench-seed --home "$home" --slots 5000 >"$scratch/seed.log" 2>&1 \
  || { cat "$scratch/seed.log" >&2; exit 1; }
echo "bench-startup: $(cat "$scratch/seed.log") ($((SECONDS - started)) s); $runs runs each, load: $(cut -d' ' -f1-3 /proc/loadavg)"

probe=(-Drecruitdesk.startupProbe=true -Drecruitdesk.startupProbe.exit=true)
# Same launcher, same JVM options: the probe flags are appended to the launcher's defaults (or to the caller's).
opts="${RECRUITDESK_JAVA_OPTS:-$(sed -n 's/.*RECRUITDESK_JAVA_OPTS:-\([^}]*\)}.*/\1/p' "$launcher")}"
run() { # variant out-file
  local args=()
  [ "$1" = hello ] && args=(--bench-hello) || args=(--home "$home")
  RECRUITDESK_JAVA_OPTS="$opts ${probe[*]}" timeout 120 "$launcher" "${args[@]}" >"$2" 2>"$2.err" || true
}
value() { sed -n "s/^probe\.$1 [a-z]*=\([0-9]*\).*/\1/p" "$2" | head -1; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print ""; else if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

run hello "$scratch/warm-hello.out"
run console "$scratch/warm-console.out"
for i in $(seq 1 "$runs"); do
  run hello "$scratch/hello-$i.out"
  run console "$scratch/console-$i.out"
  printf 'run %d: hello window=%s rss=%s kB | console window=%s shell=%s data=%s form=%s rss=%s kB\n' "$i" \
    "$(value window-shown "$scratch/hello-$i.out")" "$(value rss "$scratch/hello-$i.out")" \
    "$(value window-shown "$scratch/console-$i.out")" "$(value shell-shown "$scratch/console-$i.out")" \
    "$(value schedule-data-shown "$scratch/console-$i.out")" "$(value schedule-form-shown "$scratch/console-$i.out")" \
    "$(value rss "$scratch/console-$i.out")"
done
collect() { for i in $(seq 1 "$runs"); do value "$2" "$scratch/$1-$i.out"; done | median; }
hello_window=$(collect hello window-shown)
hello_rss=$(collect hello rss)
console_window=$(collect console window-shown)
console_shell=$(collect console shell-shown)
console_data=$(collect console schedule-data-shown)
console_form=$(collect console schedule-form-shown)
console_rss=$(collect console rss)
for v in hello_window hello_rss console_window console_shell console_data console_form console_rss; do
  [ -n "${!v}" ] || { echo "bench-startup: no figure for $v; last output:" >&2; tail -20 "$scratch/console-$runs.out.err" >&2; exit 1; }
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
met() { awk -v v="$1" -v g="$2" 'BEGIN {print (v <= g) ? "yes" : "NO"}'; }
window_ratio=$(ratio "$console_window" "$hello_window")
shell_ratio=$(ratio "$console_shell" "$hello_window")
data_ratio=$(ratio "$console_data" "$hello_window")
form_ratio=$(ratio "$console_form" "$hello_window")
rss_mb=$((console_rss / 1024))
hello_rss_mb=$((hello_rss / 1024))
load="$(cut -d' ' -f1-3 /proc/loadavg)"

printf '\n%-38s %12s %10s %14s %5s\n' metric RecruitDesk hello ratio/goal met?
printf '%-38s %9s ms %7s ms %7s/≤1.3 %5s\n' "(a) window shown (median of $runs)" "$console_window" "$hello_window" "$window_ratio" "$(met "$window_ratio" 1.3)"
printf '%-38s %9s ms %7s ms %7s %11s\n' "    full shell (controls) shown" "$console_shell" "$hello_window" "$shell_ratio" "(no goal)"
printf '%-38s %9s ms %7s ms %7s/≤2.5 %5s\n' "(b) schedule shows 500 of 5,000 slots" "$console_data" "$hello_window" "$data_ratio" "$(met "$data_ratio" 2.5)"
printf '%-38s %9s ms %7s ms %7s %11s\n' "    and the form beside the week" "$console_form" "$hello_window" "$form_ratio" "(no goal)"
printf '%-38s %9s MB %7s MB %6s/≤300 %5s\n' "(c) resident memory after (b)" "$rss_mb" "$hello_rss_mb" "$rss_mb" "$(met "$rss_mb" 300)"
printf 'load average now: %s on %s cores; %d s in all\n' "$load" "$(nproc)" "$SECONDS"

cat >"$bench/startup.json" <<JSON
{
  "runsPerVariant": $runs,
  "javaOpts": "$opts",
  "loadAverage": "$load",
  "cores": $(nproc),
  "helloWindowShownMs": $hello_window,
  "helloRssKb": $hello_rss,
  "windowShownMs": $console_window,
  "windowRatio": $window_ratio,
  "windowRatioGoal": 1.3,
  "shellShownMs": $console_shell,
  "shellRatio": $shell_ratio,
  "scheduleDataShownMs": $console_data,
  "scheduleDataRatio": $data_ratio,
  "scheduleDataRatioGoal": 2.5,
  "scheduleFormShownMs": $console_form,
  "scheduleFormRatio": $form_ratio,
  "rssKb": $console_rss,
  "rssGoalMb": 300,
  "runs": {
    "helloWindowShownMs": [$(for i in $(seq 1 "$runs"); do value window-shown "$scratch/hello-$i.out"; done | paste -sd,)],
    "windowShownMs": [$(for i in $(seq 1 "$runs"); do value window-shown "$scratch/console-$i.out"; done | paste -sd,)],
    "shellShownMs": [$(for i in $(seq 1 "$runs"); do value shell-shown "$scratch/console-$i.out"; done | paste -sd,)],
    "scheduleDataShownMs": [$(for i in $(seq 1 "$runs"); do value schedule-data-shown "$scratch/console-$i.out"; done | paste -sd,)],
    "scheduleFormShownMs": [$(for i in $(seq 1 "$runs"); do value schedule-form-shown "$scratch/console-$i.out"; done | paste -sd,)],
    "rssKb": [$(for i in $(seq 1 "$runs"); do value rss "$scratch/console-$i.out"; done | paste -sd,)]
  }
}
JSON
echo "wrote $bench/startup.json"

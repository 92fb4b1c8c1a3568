#!/usr/bin/env bash
# Builds the app image with `mvn -Pimage package -DskipTests` and checks what an admin gets, in a clean
# environment (env -i, a throw-away HOME): the tar.gz unpacked elsewhere runs --self-test (database, TLS with
# ECDHE, bot client) and passes every flag through; a runtime without jdk.crypto.ec makes --self-test fail;
# the .deb holds the same tree, a menu entry, icons and the GTK dependency; the window opens under Xvfb when
# xvfb-run is installed (JavaFX natives loaded from runtime/lib).
#
# Usage: installer/test-image.sh [--no-build]      (from anywhere; exit 0 when every check passed)
# Env:   MAVEN_ARGS          extra Maven arguments for the build, e.g. "-o"
#        RECRUITDESK_TEST_GUI=false   skip the Xvfb window check
set -euo pipefail

project="$(cd "$(dirname "$0")/.." && pwd)"
cd "$project"
if [ "${1:-}" != "--no-build" ]; then
  # shellcheck disable=SC2086
  mvn -B -q -Pimage package -DskipTests ${MAVEN_ARGS:-}
fi

out="$project/target/image"
version="$(cat "$out/recruitdesk/VERSION")"
tarball="$(ls "$out"/recruitdesk-"$version"-linux-*.tar.gz)"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/recruitdesk-image-test.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
failures=0
pass() { printf 'ok   %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; failures=$((failures + 1)); }
# A clean environment: no JAVA_HOME, no user PATH, a fresh HOME.
clean() { env -i PATH=/usr/bin:/bin HOME="$scratch/home" "$@"; }
mkdir -p "$scratch/home"

# 1. The tar.gz, unpacked somewhere else and started through a symlink: relocatable, as /usr/bin/recruitdesk is.
mkdir -p "$scratch/opt" "$scratch/bin"
tar -C "$scratch/opt" -xzf "$tarball"
image="$scratch/opt/recruitdesk"
ln -s "$image/bin/recruitdesk" "$scratch/bin/recruitdesk"
launcher="$scratch/bin/recruitdesk"

# 0. Class-data sharing: the install makes its archive for its own paths (Java 17 archives cannot move), and the
#    JVM maps it (-Xshare:on refuses to start otherwise). Made first, so no later start makes it in the background.
code=0
cds="$(clean "$launcher" --cds-archive 2>&1)" || code=$?
if [ "$code" = 0 ] && [[ "$cds" == "$scratch/home/.cache/recruitdesk/cds-"*.jsa ]] && [ -f "$cds" ]; then
  pass "--cds-archive made $(du -h "$cds" | cut -f1) at ${cds#"$scratch/"}"
else
  fail "--cds-archive exited $code: $cds"
fi
if text="$(clean RECRUITDESK_JAVA_OPTS="-Xmx512m -XX:+UseSerialGC -Xshare:on" "$launcher" --self-test --home "$scratch/cds-home" 2>&1)" \
    && grep -q '^self-test ok ' <<<"$text"; then
  pass "the archive maps (-Xshare:on) and --self-test passes with it"
else
  fail "with -Xshare:on: $text"
fi

if text="$(clean "$launcher" --version)" && [[ "$text" == "RecruitDesk $version "* ]]; then
  pass "--version: $text"
else
  fail "--version printed '$text'"
fi
if text="$(clean "$launcher" --help)" && [[ "$text" == *"--self-test"* ]]; then
  pass "--help prints the usage"
else
  fail "--help"
fi
code=0; clean "$launcher" --no-such-flag >/dev/null 2>&1 || code=$?
[ "$code" = 2 ] && pass "an unknown flag exits 2" || fail "an unknown flag exited $code, expected 2"

# 2. --self-test on a home folder whose path has a space, as the brief's admins will have.
home="$scratch/data dir/home"
code=0
started=$(date +%s%N)
text="$(clean "$launcher" --self-test --home "$home" 2>"$scratch/self-test.err")" || code=$?
ms=$(( ($(date +%s%N) - started) / 1000000 ))
if [ "$code" = 0 ] && grep -q '^self-test ok ' <<<"$text" && grep -q ' tls=ECDHE([1-9][0-9]*) bot=ok' <<<"$text"; then
  pass "--self-test (${ms} ms wall): $text"
else
  fail "--self-test exited $code: $text $(cat "$scratch/self-test.err")"
fi
mode="$(stat -c %a "$home/recruitdesk.properties" 2>/dev/null || echo missing)"
[ "$mode" = 600 ] && pass "recruitdesk.properties is 0600" || fail "recruitdesk.properties mode $mode"
[ ! -e "$scratch/home/.recruitdesk" ] && pass "--home wins over ~/.recruitdesk" || fail "~/.recruitdesk was created despite --home"

# 3. RECRUITDESK_JAVA_OPTS reaches the JVM and replaces the default heap.
if clean RECRUITDESK_JAVA_OPTS="-Xmx300m -XshowSettings:vm" "$launcher" --version 2>&1 | grep -q 'Max. Heap Size.*: 300.00M'; then
  pass "RECRUITDESK_JAVA_OPTS is applied"
else
  fail "RECRUITDESK_JAVA_OPTS did not reach the JVM"
fi

# 4. The runtime: JavaFX linked in, natives beside the JDK's, jdk.crypto.ec present; without it --self-test fails.
modules="$("$image/runtime/bin/java" --list-modules)"
for m in javafx.controls javafx.fxml jdk.crypto.ec jdk.httpserver jdk.localedata; do
  grep -q "^$m@" <<<"$modules" && pass "runtime has $m" || fail "runtime lacks $m"
done
[ -f "$image/runtime/lib/libglassgtk3.so" ] && pass "JavaFX natives are in runtime/lib" || fail "no JavaFX natives in runtime/lib"
without_ec="$(grep -v '^jdk.crypto.ec@' <<<"$modules" | sed 's/@.*//' | paste -sd, -)"
code=0
text="$(clean RECRUITDESK_JAVA_OPTS="--limit-modules $without_ec" "$launcher" --self-test --home "$scratch/no-ec" 2>&1)" || code=$?
if [ "$code" = 1 ] && grep -q 'no ECDHE cipher suites' <<<"$text"; then
  pass "without jdk.crypto.ec --self-test fails: $(grep 'self-test failed' <<<"$text")"
else
  fail "without jdk.crypto.ec --self-test exited $code: $text"
fi

# 5. The .deb (when built): same launcher under /opt, /usr/bin symlink, menu entry, icons, GTK dependency.
deb="$(ls "$out"/recruitdesk_"$version"_*.deb 2>/dev/null || true)"
if [ -n "$deb" ]; then
  depends="$(dpkg-deb -f "$deb" Depends)"
  [[ "$depends" == *libgtk-3-0* ]] && pass ".deb Depends: $depends" || fail ".deb Depends lacks libgtk-3-0: $depends"
  listing="$(dpkg-deb -c "$deb")"
  for f in ./opt/recruitdesk/bin/recruitdesk ./opt/recruitdesk/runtime/bin/java ./usr/share/applications/recruitdesk.desktop \
           ./usr/share/icons/hicolor/256x256/apps/recruitdesk.png ./usr/share/icons/hicolor/scalable/apps/recruitdesk.svg; do
    grep -q " $f\$" <<<"$listing" && pass ".deb has $f" || fail ".deb lacks $f"
  done
  grep -q ' ./usr/bin/recruitdesk -> /opt/recruitdesk/bin/recruitdesk$' <<<"$listing" \
    && pass ".deb links /usr/bin/recruitdesk" || fail ".deb lacks the /usr/bin/recruitdesk link"
  dpkg-deb -x "$deb" "$scratch/deb"
  if text="$(clean "$scratch/deb/opt/recruitdesk/bin/recruitdesk" --version)" && [[ "$text" == "RecruitDesk $version "* ]]; then
    pass ".deb's launcher runs: $text"
  else
    fail ".deb's launcher: $text"
  fi
else
  echo "skip .deb checks (built with -Dimage.deb=false)"
fi

# 6. The window under Xvfb: JavaFX loads its natives from runtime/lib (no ~/.openjfx cache) and shows a window.
if [ "${RECRUITDESK_TEST_GUI:-true}" != "false" ] && command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null; then
  gui_log="$scratch/gui.log"
  clean RECRUITDESK_JAVA_OPTS="-Xmx512m -Djavafx.verbose=true" timeout 90 xvfb-run -a -s "-screen 0 1280x800x24" sh -c '
    "$1" --home "$2" & app=$!
    for i in $(seq 1 60); do
      sleep 1
      if xwininfo -root -tree | grep -q "dev.recruitdesk.app.ConsoleApp"; then echo "window shown after ${i}s"; break; fi
    done
    kill $app; wait $app 2>/dev/null; true' sh "$launcher" "$scratch/gui-home" >"$gui_log" 2>&1 || true
  if grep -q '^window shown' "$gui_log" && grep -q 'runtime/lib/libglassgtk3.so from relative path' "$gui_log" \
      && [ ! -e "$scratch/home/.openjfx" ]; then
    pass "console window under Xvfb ($(grep '^window shown' "$gui_log")), natives from runtime/lib"
  else
    fail "console window under Xvfb: $(tail -5 "$gui_log")"
  fi
else
  echo "skip window check (needs xvfb-run and x11-utils; or RECRUITDESK_TEST_GUI=false)"
fi

if [ "$failures" -gt 0 ]; then
  echo "test-image: $failures check(s) failed"
  exit 1
fi
echo "test-image: all checks passed ($(du -sh "$image" | cut -f1) image, $(du -h "$tarball" | cut -f1) tar.gz${deb:+, $(du -h "$deb" | cut -f1) .deb})"

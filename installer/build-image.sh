#!/usr/bin/env bash
# Builds the RecruitDesk app image from what `mvn -Pimage package` left in target/:
#   target/recruitdesk-<version>.jar   the application
#   target/image-input/fxmods/*.jar    JavaFX modular jars (linux classifier) -> linked into the runtime
#   target/image-input/app/*.jar       every other runtime dependency        -> class path
# and writes to target/image/:
#   recruitdesk/                       relocatable app image: bin/recruitdesk, runtime/, lib/*.jar
#   recruitdesk-<version>-linux-<arch>.tar.gz
#   recruitdesk_<version>_<debarch>.deb  (unless RECRUITDESK_DEB=false)
#
# Usage: installer/build-image.sh VERSION        (run from the project folder; Maven does this)
# Env:   RECRUITDESK_DEB=false   skip the .deb
#        JAVA_HOME               the JDK whose jlink and jmods are used (default: jlink on PATH)
set -euo pipefail

version="${1:?usage: build-image.sh VERSION}"
project="$(cd "$(dirname "$0")/.." && pwd)"
target="$project/target"
input="$target/image-input"
out="$target/image"
app="$out/recruitdesk"

jlink=jlink
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ]; then
  jlink="$JAVA_HOME/bin/jlink"
fi

# JDK modules, from jdeps over the application and each dependency jar (see installer/README.md, "Runtime modules").
# Beyond what jdeps finds: jdk.crypto.ec (ECDHE TLS suites; without them api.telegram.org is unreachable),
# jdk.localedata (Russian formats), jdk.charsets, jdk.zipfs, jdk.unsupported (ByteBuddy), jdk.security.auth
# (PostgreSQL Kerberos login).
jdk_modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.prefs,java.rmi,java.scripting,java.security.jgss,java.sql,java.transaction.xa,java.xml,\
jdk.charsets,jdk.crypto.ec,jdk.httpserver,jdk.localedata,jdk.net,jdk.security.auth,jdk.unsupported,jdk.zipfs
fx_modules=javafx.base,javafx.graphics,javafx.controls,javafx.fxml

app_jar="$target/recruitdesk-$version.jar"
for need in "$app_jar" "$input/fxmods" "$input/app"; do
  [ -e "$need" ] || { echo "build-image: missing $need (run: mvn -Pimage package)" >&2; exit 1; }
done

step() { printf 'build-image: [%3ds] %s\n' "$SECONDS" "$*" >&2; }
rm -rf "$out"
mkdir -p "$app/bin" "$app/lib"

step "jlink runtime"
"$jlink" --module-path "$input/fxmods" \
  --add-modules "$jdk_modules,$fx_modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --include-locales=en,ru \
  --generate-cds-archive \
  --exclude-resources='glob:/javafx.graphics/*.so' \
  --output "$app/runtime"
# JavaFX finds its natives next to the runtime's own libraries; left in the jimage they would be unpacked into
# ~/.openjfx on first start, which needs a writable home and leaves a cache behind.
for jar in "$input"/fxmods/*.jar; do
  unzip -q -j -o "$jar" '*.so' -d "$app/runtime/lib/" 2>/dev/null || true
done
[ -f "$app/runtime/lib/libglass.so" ] || { echo "build-image: JavaFX natives missing from the runtime" >&2; exit 1; }

step "class path"
cp "$app_jar" "$app/lib/"
cp "$input"/app/*.jar "$app/lib/"

cat > "$app/bin/recruitdesk" <<'LAUNCHER'
#!/bin/sh
# RecruitDesk launcher: the bundled Java runtime on the bundled jars. It finds its folder through symlinks
# (/usr/bin/recruitdesk -> /opt/recruitdesk/bin/recruitdesk), so the image can live anywhere.
# RECRUITDESK_JAVA_OPTS replaces the default memory, GC and JIT options below, e.g. RECRUITDESK_JAVA_OPTS="-Xmx1g".
# Defaults are tuned for start-up on small desktops (installer/bench-startup.sh): C1 only (C2 compiling Hibernate's
# boot doubled the CPU time of start-up), a small initial heap (RSS), and a metaspace threshold above what the
# console loads (three full GCs during start-up otherwise).
self=$(readlink -f "$0") || exit 1
root=$(dirname "$(dirname "$self")")
java="$root/runtime/bin/java"
# The jars one by one in a fixed order, not lib/*: a class-data archive is only valid for the class path it was
# made with.
cp=$(LC_ALL=C; for jar in "$root"/lib/*.jar; do printf '%s:' "$jar"; done)
cp=${cp%:}

# Class-data sharing (AppCDS): the ~15,000 classes a start loads, pre-parsed into an archive the JVM maps instead
# of reading and verifying the jars; it roughly halves the CPU time of a start. Java 17 archives record absolute jar
# paths, so the image ships the class list of a training run (lib/recruitdesk.classlist) and each install makes
# its archive: in the user's cache, named after this folder and its jars, on the first start (in the background)
# or with `recruitdesk --cds-archive`. RECRUITDESK_CDS=off leaves it out.
cds_opts=""
list="$root/lib/recruitdesk.classlist"
cache="${XDG_CACHE_HOME:-${HOME:+$HOME/.cache}}"
if [ -f "$list" ] && [ -n "$cache" ] && [ "${RECRUITDESK_CDS:-on}" != off ]; then
  stamp=$( (echo "$root"; cat "$root/VERSION"; ls -l --time-style=+%s "$root"/lib/*.jar "$root/runtime/lib/modules") 2>/dev/null | cksum | cut -d' ' -f1)
  jsa="$cache/recruitdesk/cds-$stamp.jsa"
  dump() {
    mkdir -p "$cache/recruitdesk" && rm -f "$cache"/recruitdesk/cds-*.jsa.tmp.* \
      && nice "$java" -Xshare:dump -XX:+UseSerialGC -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$jsa.tmp.$$" -cp "$cp" \
      && for old in "$cache"/recruitdesk/cds-*.jsa; do [ "$old" = "$jsa" ] || rm -f "$old"; done \
      && mv -f "$jsa.tmp.$$" "$jsa"
  }
  if [ "${1:-}" = "--cds-archive" ]; then
    [ -f "$jsa" ] || { mkdir -p "$cache/recruitdesk" && dump >"$cache/recruitdesk/cds.log" 2>&1; } || { echo "recruitdesk: no class-data archive, see $cache/recruitdesk/cds.log" >&2; exit 1; }
    echo "$jsa"
    exit 0
  fi
  if [ -f "$jsa" ]; then
    # its name changes with the jars, so it is never stale; the JVM's CDS notices stay out of stdout, which the
    # probe, --version and --self-test print to
    cds_opts="-XX:SharedArchiveFile=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
  else
    case "${1:-}" in
      --version|--help|-h) ;;
      *) (mkdir -p "$cache/recruitdesk" 2>/dev/null && dump >"$cache/recruitdesk/cds.log" 2>&1 &) ;;
    esac
  fi
elif [ "${1:-}" = "--cds-archive" ]; then
  echo "recruitdesk: no class-data archive (RECRUITDESK_CDS=off, no cache folder or no class list)" >&2
  exit 1
fi

# glibc gives each busy thread its own malloc arena; two are plenty for this process and save resident memory
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec "$java" -Dfile.encoding=UTF-8 \
  ${RECRUITDESK_JAVA_OPTS:--Xmx512m -Xms64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MetaspaceSize=96m} \
  $cds_opts -cp "$cp" dev.recruitdesk.app.Main "$@"
LAUNCHER
chmod 755 "$app/bin/recruitdesk"

# The class list of the CDS archive (see the launcher): what a --self-test and, where Xvfb can give it a display, a
# console start showing a week of slots load. Without Xvfb the list lacks the JavaFX classes: still correct, slower.
step "class list (training runs)"
train="$(mktemp -d "${TMPDIR:-/tmp}/recruitdesk-train.XXXXXX")"
train_xvfb=""
trap '[ -n "$train_xvfb" ] && kill "$train_xvfb" 2>/dev/null; rm -rf "$train"' EXIT
defaults="$(sed -n 's/.*RECRUITDESK_JAVA_OPTS:-\([^}]*\)}.*/\1/p' "$app/bin/recruitdesk")"
training() { # list-name extra-java-options launcher-args...
  local name="$1" extra="$2"; shift 2
  HOME="$train/user" RECRUITDESK_CDS=off RECRUITDESK_JAVA_OPTS="$defaults $extra -XX:DumpLoadedClassList=$train/$name.classlist" \
    timeout 180 "$app/bin/recruitdesk" "$@" >>"$train/training.log" 2>&1
}
training self-test "" --self-test --home "$train/self-test" || { cat "$train/training.log" >&2; exit 1; }
if command -v Xvfb >/dev/null; then
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$train/display" >/dev/null 2>&1 &
  train_xvfb=$!
  for _ in $(seq 1 50); do [ -s "$train/display" ] && break; sleep 0.1; done
  HOME="$train/user" RECRUITDESK_CDS=off "$app/bin/recruitdesk" --bench-seed --home "$train/console" --slots 1000 >>"$train/training.log" 2>&1
  DISPLAY=":$(head -1 "$train/display")" training console \
    "-Drecruitdesk.startupProbe=true -Drecruitdesk.startupProbe.exit=true" --home "$train/console" || true
  grep -q '^probe.schedule-data-shown' "$train/training.log" || echo "build-image: console training run showed no data" >&2
else
  echo "build-image: no Xvfb, the class list covers the back end only" >&2
fi
cat "$train"/*.classlist | grep -v '^#' | awk '!seen[$0]++' > "$app/lib/recruitdesk.classlist"
step "class list: $(wc -l < "$app/lib/recruitdesk.classlist") entries"

mkdir -p "$app/share"
cp "$project/assets/icon.svg" "$app/share/recruitdesk.svg"
cp "$project/assets/icons/recruitdesk-256.png" "$app/share/recruitdesk.png"
cp "$project/installer/README.md" "$project/installer/recruitdesk.service" "$project/installer/recruitdesk.desktop" "$app/share/"
echo "$version" > "$app/VERSION"

arch="$(uname -m)"
step "tar.gz"
tar -C "$out" --owner=0 --group=0 -czf "$out/recruitdesk-$version-linux-$arch.tar.gz" recruitdesk

if [ "${RECRUITDESK_DEB:-true}" != "false" ]; then
  step ".deb"
  "$project/installer/build-deb.sh" "$app" "$version" "$out"
fi
step "done: $(du -sh "$app" | cut -f1) in $app"

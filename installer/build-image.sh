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
exec "$root/runtime/bin/java" -Dfile.encoding=UTF-8 \
  ${RECRUITDESK_JAVA_OPTS:--Xmx512m -Xms64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MetaspaceSize=96m} \
  -cp "$root/lib/*" dev.recruitdesk.app.Main "$@"
LAUNCHER
chmod 755 "$app/bin/recruitdesk"

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

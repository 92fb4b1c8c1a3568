#!/usr/bin/env bash
# Packs an app image made by build-image.sh into a .deb with dpkg-deb: the same tree under /opt/recruitdesk, the
# same launcher (so every flag and RECRUITDESK_JAVA_OPTS behave as in the tar.gz), /usr/bin/recruitdesk as a
# symlink, a menu entry and hicolor icons. No maintainer scripts: dpkg's triggers refresh the menu and icon caches.
#
# Usage: installer/build-deb.sh APP_IMAGE_DIR VERSION OUT_DIR
# Env:   RECRUITDESK_MAINTAINER   the Maintainer field
set -euo pipefail

app="${1:?usage: build-deb.sh APP_IMAGE_DIR VERSION OUT_DIR}"
version="${2:?version}"
out="${3:?out dir}"
project="$(cd "$(dirname "$0")/.." && pwd)"
maintainer="${RECRUITDESK_MAINTAINER:-RecruitDesk maintainers <recruitdesk@example.org>}"
debarch="$(dpkg --print-architecture)"

root="$(mktemp -d "${TMPDIR:-/tmp}/recruitdesk-deb.XXXXXX")"
trap 'rm -rf "$root"' EXIT

mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/doc/recruitdesk"
cp -a "$app" "$root/opt/recruitdesk"
ln -s /opt/recruitdesk/bin/recruitdesk "$root/usr/bin/recruitdesk"
install -m 644 "$project/installer/recruitdesk.desktop" "$root/usr/share/applications/recruitdesk.desktop"
for png in "$project"/assets/icons/recruitdesk-*.png; do
  size="${png##*-}"; size="${size%.png}"
  install -D -m 644 "$png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/recruitdesk.png"
done
install -D -m 644 "$project/assets/icon.svg" "$root/usr/share/icons/hicolor/scalable/apps/recruitdesk.svg"
install -m 644 "$project/installer/README.md" "$project/installer/recruitdesk.service" "$root/usr/share/doc/recruitdesk/"
chmod -R u+rwX,go+rX,go-w "$root"

# Depends is written by hand, not found with ldd on the builder (as jpackage does, which can miss libgtk-3-0 when the
# builder lacks it): JavaFX's glass needs GTK 3 and libXtst, its fonts freetype and fontconfig; OpenGL (prism es2)
# is optional, JavaFX falls back to software rendering. The JDK's AWT, sound and image-codec libraries are not
# loaded by RecruitDesk, so their system libraries are not required.
# The runtime's newest glibc symbol decides the libc6 we need: 2.34 for Debian's own JDK 17, 2.17 for Temurin.
glibc="$(find "$app/runtime" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec objdump -T {} + 2>/dev/null \
  | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)"
cat > "$root/DEBIAN/control" <<CONTROL
Package: recruitdesk
Version: $version
Architecture: $debarch
Maintainer: $maintainer
Section: misc
Priority: optional
Depends: libc6 (>= ${glibc:-2.17}), libstdc++6, zlib1g, libgtk-3-0, libxtst6, libfreetype6, libfontconfig1
Recommends: libgl1, libxxf86vm1, fonts-dejavu-core
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Description: RecruitDesk interview scheduling console
 A desktop console for booking interview slots with candidates, with an
 embedded Telegram bot for confirmations and reminders. Bundles its own Java
 runtime with JavaFX under /opt/recruitdesk; data lives in ~/.recruitdesk.
CONTROL

deb="$out/recruitdesk_${version}_${debarch}.deb"
dpkg-deb --root-owner-group -Z"${RECRUITDESK_DEB_COMPRESSION:-gzip}" --build "$root" "$deb" >/dev/null
echo "$deb"

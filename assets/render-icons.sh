#!/usr/bin/env bash
# Renders assets/icon.svg (and icon-small.svg for 16 and 24 px) to PNGs in assets/icons/ and copies them to the
# window's resources. Needs rsvg-convert (Debian: apt-get install librsvg2-bin). Run after editing an SVG.
set -euo pipefail
cd "$(dirname "$0")"
resources=../src/main/resources/dev/recruitdesk/ui/icons
mkdir -p icons "$resources"
for size in 16 24 32 48 64 128 256 512; do
  svg=icon.svg
  if [ "$size" -le 24 ]; then svg=icon-small.svg; fi
  rsvg-convert -w "$size" -h "$size" "$svg" -o "icons/recruitdesk-$size.png"
  cp "icons/recruitdesk-$size.png" "$resources/"
done
ls -l icons

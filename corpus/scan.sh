#!/usr/bin/env bash
# Makes corpus/pdf-scan/NNN.pdf: an image-only "scanned" rendition of corpus/pdf-lo/NNN.pdf, the way a
# printed, signed report comes back from an office scanner: grey raster, turned a little, blurred and
# noisy, JPEG, wrapped in a PDF with no text layer. The scans share the gold files in corpus/gold/.
# Needs Debian packages: poppler-utils imagemagick img2pdf. The scans are committed, so tests and CI
# do not need these tools. Deterministic: the parameters come from the report id, the noise from a seed.
#   corpus/scan.sh [ID...]     (default: every corpus/pdf-lo/*.pdf)
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p pdf-scan
dpis=(150 200 250 200)           # scanners are set anywhere from 150 to 300 dpi; 300 dpi would break the size budget
angles=(0.3 -0.5 0.8 -0.2 0.6 -0.7 0.4)   # degrees, both ways: a sheet fed a little crooked
for pdf in pdf-lo/*.pdf; do
  n=$(basename "$pdf" .pdf)
  [ $# -gt 0 ] && [[ ! " $* " == *" $n "* ]] && continue
  i=$((10#$n))
  dpi=${dpis[$((i % ${#dpis[@]}))]}
  angle=${angles[$((i % ${#angles[@]}))]}
  quality=$((30 + (i * 7) % 11))  # JPEG quality 30–40
  rm -f "$tmp"/p-*
  pdftoppm -r "$dpi" -gray "$pdf" "$tmp/p"
  pages=()
  for pgm in "$tmp"/p-*.pgm; do
    jpg="${pgm%.pgm}.jpg"
    # Turn about the centre keeping the sheet's size (white comes in at the edges), soften like scanner
    # optics, then sensor noise; -seed keeps the noise the same on every run.
    convert "$pgm" -seed "$i" -virtual-pixel white -distort SRT "$angle" -blur 0x0.4 \
      -attenuate 0.3 +noise Gaussian -colorspace Gray -density "$dpi" -units PixelsPerInch \
      -strip -quality "$quality" "$jpg"
    pages+=("$jpg")
  done
  img2pdf --nodate --producer "" --creator "" -o "pdf-scan/$n.pdf" "${pages[@]}"
  echo "scanned $n: ${#pages[@]} pages, ${dpi} dpi, ${angle}°, JPEG q${quality}, $(stat -c %s "pdf-scan/$n.pdf") bytes"
done

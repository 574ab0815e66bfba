#!/usr/bin/env bash
# Makes the image-only PDFs the OCR tests read as having nothing legible (Debian imagemagick, img2pdf):
# blank-scan.pdf, an A4 sheet with nothing on it as a scanner returns it (grey paper, noise, a few specks, JPEG);
# photo.pdf, an A5 page that is one photograph (here a seeded plasma fractal: clouds of grey, edges, no text).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
convert -size 1240x1754 xc:'gray(96%)' -seed 3 -attenuate 0.3 +noise Gaussian \
  -fill 'gray(30%)' -draw 'point 300,400' -draw 'point 301,400' -draw 'circle 900,1500 902,1502' \
  -colorspace Gray -density 150 -units PixelsPerInch -strip -quality 40 "$tmp/blank.jpg"
img2pdf --nodate --producer "" --creator "" -o blank-scan.pdf "$tmp/blank.jpg"
convert -size 874x1240 -seed 5 plasma:fractal -blur 0x3 -colorspace Gray -density 150 -units PixelsPerInch \
  -strip -quality 50 "$tmp/photo.jpg"
img2pdf --nodate --producer "" --creator "" -o photo.pdf "$tmp/photo.jpg"

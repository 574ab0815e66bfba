#!/usr/bin/env bash
# Renders every corpus/txt/NNN.txt into corpus/docx/NNN.docx, corpus/pdf-lo/NNN.pdf (LibreOffice
# export: CFF CJK fonts, justified) and corpus/pdf-chrome/NNN.pdf (Chromium print-to-pdf: Type 3 fonts).
# Needs Debian packages: libreoffice-writer-nogui fonts-noto-cjk chromium python3.
# The renditions are committed, so tests and CI do not need these tools.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p docx pdf-lo pdf-chrome docx-word
for txt in txt/*.txt; do
  n=$(basename "$txt" .txt)
  [ $# -gt 0 ] && [[ ! " $* " == *" $n "* ]] && continue
  python3 tools/txt2html.py "$txt" "$tmp/$n.html" lo
  python3 tools/txt2html.py "$txt" "$tmp/$n-chrome.html" chrome
  soffice --headless -env:UserInstallation=file://$tmp/lo --infilter="HTML (StarWriter)" \
    --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" "$tmp/$n.html" >/dev/null 2>&1
  cp "$tmp/$n.docx" "docx/$n.docx"
  soffice --headless -env:UserInstallation=file://$tmp/lo --convert-to pdf --outdir "$tmp/lo-pdf" "docx/$n.docx" >/dev/null 2>&1
  cp "$tmp/lo-pdf/$n.pdf" "pdf-lo/$n.pdf"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$tmp/chrome" --no-pdf-header-footer \
    --print-to-pdf="pdf-chrome/$n.pdf" "file://$tmp/$n-chrome.html" >/dev/null 2>&1
  echo "rendered $n"
done
# Word-saved copies (rendered page breaks) of a few reports, for the page tests: corpus/docx-word.
for n in 003 112 133 136; do
  [ $# -gt 0 ] && [[ ! " $* " == *" $n "* ]] && continue
  hf=""; [ -f "txt/$n.hf" ] && hf="txt/$n.hf"
  python3 tools/wordsave.py "docx/$n.docx" "pdf-lo/$n.pdf" "docx-word/$n.docx" $hf
done

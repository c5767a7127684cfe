#!/usr/bin/env bash
# Make the PDF fixtures of the PDF reader's tests: the DOCX of each bundled example, as
# govdisclosure renders it, converted to PDF by headless LibreOffice (install it with
# tools/preview.sh, which also installs the fonts). Run by hand; the PDFs are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
out=tests/fixtures/pdf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for example in examples/*.json; do
  name=$(basename "$example" .json)
  "$PYTHON" -c "import sys, pathlib, govdisclosure as gd; gd.render_to(gd.load(sys.argv[1]), sys.argv[2])" \
    "$example" "$work/$name.docx"
  libreoffice --headless -env:UserInstallation="file://$work/profile" \
    --convert-to pdf --outdir "$work" "$work/$name.docx" >/dev/null
  cp "$work/$name.pdf" "$out/$name.pdf"
  echo "$out/$name.pdf"
done

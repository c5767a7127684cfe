#!/usr/bin/env bash
# Preview the DOCX rendering of the bundled examples: render each example (in Chinese and
# in English) to out/preview/NAME[-en].docx, convert it to PDF with headless LibreOffice and
# the PDF to PNG pages with pdftoppm (-r 60), to look at with an image viewer.
#
# Not part of CI. Installs what it needs when missing (Debian packages, as root or through
# sudo): libreoffice-writer, poppler-utils, fonts-noto-cjk and fonts-arphic-ukai.
#
# The GB/T 9704 faces (方正小标宋简体, 黑体, 楷体_GB2312, 仿宋_GB2312, 宋体) are not free; a
# private fontconfig file maps them to free CJK faces of the same kind for the preview only
# (Noto Serif CJK SC bold for 小标宋, Noto Sans CJK SC for 黑体, AR PL UKai for 楷体, Noto Serif
# CJK SC for 仿宋 and 宋体), so the pages show which text uses which face.
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
OUT=${OUT:-out/preview}

missing=()
command -v libreoffice >/dev/null 2>&1 || command -v soffice >/dev/null 2>&1 \
    || missing+=(libreoffice-writer)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
families=$(fc-list : family 2>/dev/null || true)
case $families in *"Noto Serif CJK SC"*) ;; *) missing+=(fonts-noto-cjk) ;; esac
case $families in *"AR PL UKai"*) ;; *) missing+=(fonts-arphic-ukai) ;; esac
if ((${#missing[@]})); then
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
    echo "installing ${missing[*]}" >&2
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends \
        "${missing[@]}"
fi
office=$(command -v libreoffice || command -v soffice)

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

cat > "$profile/fonts.conf" <<'CONF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern">
    <test name="family"><string>方正小标宋简体</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit>
    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>
  </match>
  <match target="pattern">
    <test name="family"><string>黑体</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Sans CJK SC</string></edit>
  </match>
  <match target="pattern">
    <test name="family"><string>楷体_GB2312</string></test>
    <edit name="family" mode="assign" binding="strong"><string>AR PL UKai CN</string></edit>
  </match>
  <match target="pattern">
    <test name="family"><string>仿宋_GB2312</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit>
  </match>
  <match target="pattern">
    <test name="family"><string>宋体</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit>
  </match>
</fontconfig>
CONF

documents=()
for example in examples/*.json; do
    name=$(basename "$example" .json)
    for locale in zh_CN en; do
        suffix=""
        if [ "$locale" = en ]; then suffix="-en"; fi
        target="$OUT/$name$suffix.docx"
        "$PYTHON" -c 'import sys, govdisclosure as gd
gd.render_to(gd.load(sys.argv[1]), sys.argv[2], locale=sys.argv[3])' "$example" "$target" "$locale"
        documents+=("$target")
    done
done

FONTCONFIG_FILE="$profile/fonts.conf" "$office" --headless \
    -env:UserInstallation="file://$profile/lo" \
    --convert-to pdf --outdir "$OUT" "${documents[@]}" >/dev/null

for document in "${documents[@]}"; do
    pdf="${document%.docx}.pdf"
    rm -f "${pdf%.pdf}"-*.png
    pdftoppm -png -r 60 "$pdf" "${pdf%.pdf}"
done
ls -1 "$OUT"

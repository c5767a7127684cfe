#!/usr/bin/env bash
# Install what the browser tests need when it is missing: Chromium, and a Chinese font
# so that screenshots show the text (Debian's packages; needs root or sudo).
# Used by `make test`, and so by CI.
set -euo pipefail
packages=()
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  packages+=(chromium)
fi
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  packages+=(fonts-noto-cjk)
fi
[ ${#packages[@]} -eq 0 ] && exit 0
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
echo "installing ${packages[*]} for the browser tests…" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null

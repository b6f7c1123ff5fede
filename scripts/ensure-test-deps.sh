#!/usr/bin/env bash
# Run before `npm test`: the browser tests drive Debian's Chromium (/usr/bin/chromium). A fresh
# machine gets it from Debian's packages; nothing downloads a browser from anywhere else.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing Chromium from Debian's packages for the browser tests…"
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
  echo "installing Chromium from Debian's packages for the browser tests (sudo)…"
  sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null
else
  echo "the browser tests need Chromium at /usr/bin/chromium (Debian: apt-get install chromium)" >&2
  exit 1
fi

#!/usr/bin/env bash
# Run before `npm test`: the browser tests drive Debian's Chromium (/usr/bin/chromium), the
# confirmation-form tests read PDFs with poppler-utils (pdftotext, pdftoppm). A fresh machine gets
# them from Debian's packages; nothing downloads a browser or a binary from anywhere else.
set -euo pipefail
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
[ -z "$missing" ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing$missing from Debian's packages for the tests…"
  apt-get update -qq && apt-get install -y -qq $missing >/dev/null
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
  echo "installing$missing from Debian's packages for the tests (sudo)…"
  sudo apt-get update -qq && sudo apt-get install -y -qq $missing >/dev/null
else
  echo "the tests need$missing (Debian: apt-get install$missing)" >&2
  exit 1
fi

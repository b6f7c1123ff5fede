#!/usr/bin/env bash
# Run before `npm test`: the browser tests drive Debian's Chromium (/usr/bin/chromium) against the
# built web pages, the confirmation-form tests read PDFs with poppler-utils (pdftotext, pdftoppm).
# A fresh machine gets them from Debian's packages (nothing downloads a browser or a binary from
# anywhere else); the pages are built when web/dist is missing or older than a source.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f web/dist/index.html ] ||
  [ -n "$(find web vite.config.ts scripts/vite-precompress-assets.ts package-lock.json src/http/schemas src/verify src/i18n src/domain \
    -newer web/dist/index.html -type f -not -path 'web/dist/*' -print -quit)" ]; then
  echo "building the web pages for the browser tests…"
  npx vite build --logLevel warn
fi

missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium fonts-noto-cjk"
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

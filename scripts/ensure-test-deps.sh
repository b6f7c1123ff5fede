#!/usr/bin/env bash
# Run before `npm test`: the browser tests drive Debian's Chromium (/usr/bin/chromium) against the
# built web pages. A fresh machine gets Chromium from Debian's packages (nothing downloads a
# browser from anywhere else); the pages are built when web/dist is missing or older than a source.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f web/dist/index.html ] ||
  [ -n "$(find web vite.config.ts package-lock.json src/http/schemas src/verify src/i18n src/domain \
    -newer web/dist/index.html -type f -not -path 'web/dist/*' -print -quit)" ]; then
  echo "building the web pages for the browser tests…"
  npx vite build --logLevel warn
fi

[ -x /usr/bin/chromium ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing Chromium from Debian's packages for the browser tests…"
  apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
  echo "installing Chromium from Debian's packages for the browser tests (sudo)…"
  sudo apt-get update -qq && sudo apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
else
  echo "the browser tests need Chromium at /usr/bin/chromium (Debian: apt-get install chromium)" >&2
  exit 1
fi

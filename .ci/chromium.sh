#!/usr/bin/env bash
# Debian's Chromium for the report's browser tests (headless, no display needed): installed if missing, quietly,
# with apt's log shown only if it fails. Prints nothing when Chromium is already there.
set -euo pipefail

command -v chromium >/dev/null 2>&1 && exit 0
echo "installing chromium" >&2
log=$(mktemp)
if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  echo "could not install chromium" >&2
  exit 1
fi
rm -f "$log"
command -v chromium >/dev/null 2>&1 || { echo "chromium installed but not on the PATH" >&2; exit 1; }

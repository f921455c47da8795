#!/usr/bin/env bash
# Installs Debian's chromium for the HTML report's browser test (tests/report/test_html_browser.py).
# Idempotent and quiet: does nothing when /usr/bin/chromium already exists.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
else
    SUDO=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq >/dev/null
"${SUDO[@]}" apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version 2>/dev/null | grep -i chromium || true

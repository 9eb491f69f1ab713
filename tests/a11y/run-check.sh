#!/bin/sh
# Runs check.py with its own X server and session bus (an accessibility
# bus needs one), or skips with 77 when a tool is missing. -noreset keeps
# the X server from resetting when its first client leaves, which would
# refuse the application at start.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

for tool in xvfb-run dbus-run-session /usr/bin/python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed"
    exit 77
  fi
done

# Debian's python3 has gi and pyatspi; the first python3 on PATH may not.
exec xvfb-run -a -s '-screen 0 1280x800x24 -noreset' \
  dbus-run-session -- /usr/bin/python3 "$(dirname "$0")/check.py" "$@"

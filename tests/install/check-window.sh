#!/usr/bin/env bash
# check-window.sh: starts a GApplication, waits until its window with the
# given title is mapped, asks it to quit through its "app.quit" action on
# the session bus, and checks that it exits with status 0 and without
# warnings.
#
# Usage: check-window.sh APP_ID TITLE PROGRAM [ARGS...]
#
# Run it inside a session bus (dbus-run-session). Without $DISPLAY a
# private Xvfb is started (-displayfd: no race for a display number with
# other tests running at the same time).
#
# Exit status: 0 pass, 1 fail, 77 skip (Xvfb, xwininfo or gdbus missing).
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

if [ $# -lt 3 ]; then
  echo "Usage: $0 APP_ID TITLE PROGRAM [ARGS...]" >&2
  exit 2
fi
app_id=$1
title=$2
shift 2

MAP_TIMEOUT_S=${MD_MAP_TIMEOUT_S:-30}
QUIT_TIMEOUT_S=10

fail() { echo "check-window.sh: $*" >&2; exit 1; }

for tool in xwininfo gdbus; do
  command -v "$tool" >/dev/null 2>&1 || { echo "check-window.sh: $tool not found" >&2; exit 77; }
done
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || fail "no session bus; run under dbus-run-session"

work=$(mktemp -d "${TMPDIR:-/tmp}/md-check-window.XXXXXX") || exit 1
xvfb_pid=
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill -KILL "$app_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
  command -v Xvfb >/dev/null 2>&1 || { echo "check-window.sh: Xvfb not found" >&2; exit 77; }
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 100); do
    grep -q . "$work/display" 2>/dev/null && break
    sleep 0.1
  done
  display=$(head -n 1 "$work/display")
  [ -n "$display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
  export DISPLAY=:$display
  # -displayfd says which display it took; that display still has to
  # answer before a client can rely on it.
  for _ in $(seq 100); do
    xwininfo -root >/dev/null 2>&1 && break
    kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb on :$display exited: $(cat "$work/xvfb.log")"
    sleep 0.1
  done
  xwininfo -root >/dev/null 2>&1 || fail "Xvfb on :$display does not answer: $(cat "$work/xvfb.log")"
fi
export GDK_BACKEND=x11

# window_id: the id of the top-level window whose name is exactly $title.
window_id() {
  xwininfo -root -tree 2>/dev/null |
    awk -v t="\"$title\": " 'index($0, t) { print $1; exit }'
}

"$@" >"$work/out.log" 2>&1 &
app_pid=$!

mapped=
deadline=$((SECONDS + MAP_TIMEOUT_S))
while [ $SECONDS -lt $deadline ]; do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    wait "$app_pid"
    status=$?
    app_pid=
    fail "“$*” exited (status $status) before mapping a window titled “$title”; its output:
$(cat "$work/out.log")
Xvfb (${xvfb_pid:-not ours}, DISPLAY=$DISPLAY):
$(cat "$work/xvfb.log" 2>/dev/null)"
  fi
  id=$(window_id)
  if [ -n "$id" ] && xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable'; then
    mapped=$id
    break
  fi
  sleep 0.1
done
if [ -z "$mapped" ]; then
  fail "no mapped window titled “$title” after ${MAP_TIMEOUT_S} s; windows:
$(xwininfo -root -tree 2>&1 | grep '"' | head -20)
its output:
$(cat "$work/out.log")"
fi
echo "check-window.sh: window $mapped “$title” is mapped" >&2

object_path=/$(printf '%s' "$app_id" | tr . /)
gdbus call --session --dest "$app_id" --object-path "$object_path" \
  --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null ||
  fail "could not activate app.quit on $app_id"

status=
deadline=$((SECONDS + QUIT_TIMEOUT_S))
while [ $SECONDS -lt $deadline ]; do
  if ! kill -0 "$app_pid" 2>/dev/null; then
    wait "$app_pid"
    status=$?
    app_pid=
    break
  fi
  sleep 0.1
done
[ -n "$status" ] || fail "still running ${QUIT_TIMEOUT_S} s after app.quit"
[ "$status" -eq 0 ] || fail "exited with status $status after app.quit; its output:
$(cat "$work/out.log")"
if grep -E -- '-(WARNING|CRITICAL) \*\*' "$work/out.log" >&2; then
  fail "warnings on the way (above)"
fi
exit 0

#!/bin/sh
# Runs a test inside a private D-Bus session with an unlocked
# gnome-keyring, in a private HOME, so that it never touches the
# user's own keyring. Reports a TAP skip when the tools are missing.
set -eu

if ! command -v dbus-run-session >/dev/null 2>&1 ||
   ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "1..0 # SKIP dbus-run-session or gnome-keyring-daemon is not installed"
  exit 0
fi

home=$(mktemp -d "${TMPDIR:-/tmp}/md-keyring-XXXXXX")
trap 'rm -rf "$home"' EXIT
mkdir -m 0700 "$home/runtime"

export HOME="$home" XDG_RUNTIME_DIR="$home/runtime" XDG_DATA_HOME="$home/data"
# Not exec: the trap must still remove the private HOME afterwards.
dbus-run-session -- sh -c '
  eval "$(printf test | gnome-keyring-daemon --daemonize --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  exec "$@"
' sh "$@"

#!/usr/bin/env bash
# Start-up benchmark: time from exec to the mapped main window, for
# mobility-dossier and (with exactly the same harness) gnome-text-editor as
# the reference.  Prints the medians and their ratio; never fails on time.
#
# Usage: startup.sh [PATH_TO_MOBILITY_DOSSIER] [RUNS]
#   PATH_TO_MOBILITY_DOSSIER  default: <repo>/build/src/mobility-dossier
#   RUNS                      default: 7
#
# Environment:
#   MD_WAIT_MAPPED   path to the md-wait-mapped helper
#                    (default: <repo>/build/tests/bench/md-wait-mapped)
#   MD_BENCH_XVFB=1  use a private Xvfb even when $DISPLAY is set
#   MD_BENCH_VERBOSE=1  print every individual measurement on stderr
#
# Exit status: 0 on success, 1 if a program fails to map a window,
# 77 (meson "skipped") when a prerequisite is missing.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

SELF=$(readlink -f "${BASH_SOURCE[0]}")
REPO_ROOT=$(cd "$(dirname "$SELF")/../.." && pwd)

APP=${1:-$REPO_ROOT/build/src/mobility-dossier}
RUNS=${2:-7}
WAIT=${MD_WAIT_MAPPED:-$REPO_ROOT/build/tests/bench/md-wait-mapped}
REF=${MD_BENCH_REFERENCE:-gnome-text-editor}
TIMEOUT_S=30

# Absolute paths: the programs are started from inside the private HOME.
[[ -e $APP ]] && APP=$(readlink -f "$APP")
[[ -e $WAIT ]] && WAIT=$(readlink -f "$WAIT")
XVFB_SCREEN='-screen 0 1280x800x24'

die()  { echo "startup.sh: $*" >&2; exit 1; }
skip() { echo "startup.sh: SKIP: $*" >&2; exit 77; }

case $RUNS in
  ''|*[!0-9]*|0) die "RUNS must be a positive integer (got '$RUNS')" ;;
esac

# ---------------------------------------------------------------------------
# Stage 1: make sure we have an X display (private Xvfb if none).
# ---------------------------------------------------------------------------
if [[ -z ${MD_BENCH_STAGE:-} ]]; then
  if [[ -z ${DISPLAY:-} || ${MD_BENCH_XVFB:-0} == 1 ]]; then
    command -v xvfb-run >/dev/null 2>&1 || skip "no \$DISPLAY and xvfb-run not found"
    export MD_BENCH_STAGE=xvfb
    unset DISPLAY
    exec xvfb-run -a -s "$XVFB_SCREEN" "$SELF" "$@"
  fi
  export MD_BENCH_STAGE=display
fi
[[ -n ${DISPLAY:-} ]] || die "no X display after starting Xvfb"

# ---------------------------------------------------------------------------
# Stage 2: private, identical environment for both programs; then re-run
# ourselves inside a private session bus for the measurement proper.
# ---------------------------------------------------------------------------
if [[ $MD_BENCH_STAGE != measure ]]; then
  [[ -x $APP ]] || die "application not found or not executable: $APP"
  [[ -x $WAIT ]] || die "md-wait-mapped not found: $WAIT (build it or set MD_WAIT_MAPPED)"
  REF_PATH=$(command -v "$REF" 2>/dev/null) || skip "$REF not found"

  if [[ $MD_BENCH_STAGE == xvfb ]]; then
    export MD_BENCH_WHERE="under Xvfb"
  else
    export MD_BENCH_WHERE="on display $DISPLAY"
  fi

  # Changing HOME must not break X authentication on an existing display.
  if [[ -z ${XAUTHORITY:-} && -n ${HOME:-} && -f $HOME/.Xauthority ]]; then
    export XAUTHORITY=$HOME/.Xauthority
  fi

  MD_BENCH_TMP=$(mktemp -d "${TMPDIR:-/tmp}/md-startup-bench.XXXXXX")
  trap 'rm -rf "$MD_BENCH_TMP"' EXIT
  export MD_BENCH_TMP MD_BENCH_REF_PATH=$REF_PATH

  # Base private dirs (also inherited by the session bus and anything it
  # activates); each measured run gets fresh ones, see fresh_dirs below.
  mkdir -p "$MD_BENCH_TMP/base/"{home,config,data,cache,runtime}
  chmod 0700 "$MD_BENCH_TMP/base/runtime"
  export HOME=$MD_BENCH_TMP/base/home
  export XDG_CONFIG_HOME=$MD_BENCH_TMP/base/config
  export XDG_DATA_HOME=$MD_BENCH_TMP/base/data
  export XDG_CACHE_HOME=$MD_BENCH_TMP/base/cache
  export XDG_RUNTIME_DIR=$MD_BENCH_TMP/base/runtime

  export GSK_RENDERER=cairo
  export GTK_A11Y=none
  export GSETTINGS_BACKEND=memory
  export LC_ALL=C.UTF-8
  export NO_AT_BRIDGE=1
  # Force X11 even from a Wayland session, and drop the user's session bus.
  export GDK_BACKEND=x11
  unset WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS GTK_THEME GTK_DEBUG GDK_DEBUG
  # Test-harness knobs that would skew the timing or abort on the reference
  # program's harmless criticals (meson sets MALLOC_PERTURB_, setups often
  # set G_DEBUG=fatal-warnings).
  unset MALLOC_PERTURB_ G_DEBUG G_MESSAGES_DEBUG G_SLICE

  export MD_BENCH_STAGE=measure
  if command -v dbus-run-session >/dev/null 2>&1; then
    dbus-run-session -- "$SELF" "$@"
  else
    echo "startup.sh: warning: dbus-run-session not found, running without a session bus" >&2
    "$SELF" "$@"
  fi
  exit $?
fi

# ---------------------------------------------------------------------------
# Stage 3: measurement.
# ---------------------------------------------------------------------------
REF_PATH=$MD_BENCH_REF_PATH
LOG=$MD_BENCH_TMP/last-run.log

# Fresh HOME/XDG dirs for every single run, so that neither program sees a
# session, drafts or caches saved by a previous run.
fresh_dirs() {
  local d=$MD_BENCH_TMP/run
  rm -rf "$d"
  mkdir -p "$d/"{home,config,data,cache,runtime}
  chmod 0700 "$d/runtime"
  HOME=$d/home XDG_CONFIG_HOME=$d/config XDG_DATA_HOME=$d/data \
    XDG_CACHE_HOME=$d/cache XDG_RUNTIME_DIR=$d/runtime
  export HOME XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR
}

# measure NAME COMMAND... → prints the elapsed ms
measure() {
  local name=$1; shift
  local t
  fresh_dirs
  if ! t=$(cd "$HOME" && "$WAIT" --timeout "$TIMEOUT_S" -- "$@" 2>"$LOG"); then
    echo "startup.sh: $name did not map a window; its output was:" >&2
    sed 's/^/  | /' "$LOG" >&2
    exit 1
  fi
  [[ $t =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "unexpected output from md-wait-mapped: '$t'"
  [[ ${MD_BENCH_VERBOSE:-0} == 1 ]] && echo "  $name: $t ms" >&2
  printf '%s\n' "$t"
}

APP_CMD=("$APP")
REF_CMD=("$REF_PATH" --standalone)

# Warm-up (disk cache, fontconfig, ...): discarded.
measure mobility-dossier "${APP_CMD[@]}" >/dev/null
measure "$REF" "${REF_CMD[@]}" >/dev/null

app_times=()
ref_times=()
for ((i = 0; i < RUNS; i++)); do
  app_times+=("$(measure mobility-dossier "${APP_CMD[@]}")")
  ref_times+=("$(measure "$REF" "${REF_CMD[@]}")")
done

# stats T1 T2 ... → "median min max"
stats() {
  printf '%s\n' "$@" | LC_ALL=C sort -g | LC_ALL=C awk '
    { v[NR] = $1 }
    END {
      if (NR % 2) med = v[(NR + 1) / 2]
      else        med = (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%.1f %.1f %.1f\n", med, v[1], v[NR]
    }'
}

read -r app_med app_min app_max < <(stats "${app_times[@]}")
read -r ref_med ref_min ref_max < <(stats "${ref_times[@]}")
ratio=$(LC_ALL=C awk -v a="$app_med" -v r="$ref_med" \
          'BEGIN { if (r > 0) printf "%.2f", a / r; else print "n/a" }')

echo "startup (exec → mapped window, median of $RUNS runs $MD_BENCH_WHERE)"
printf '  %-19s: %s ms  (min %s, max %s)\n' mobility-dossier "$app_med" "$app_min" "$app_max"
printf '  %-19s: %s ms  (min %s, max %s)\n' "$REF" "$ref_med" "$ref_min" "$ref_max"
printf '  %-19s: %s  (target ≤ 1.0)\n' ratio "$ratio"
exit 0

#!/usr/bin/env bash
# test-install.sh: installs this build with `meson install --destdir` into a
# temporary folder and checks the result as a distribution would:
#
#  - every file is where the desktop looks for it (binaries, desktop entry,
#    metainfo, icons, settings schema, MIME type, programme profiles and
#    other data, translations), nothing lands outside the prefix, the
#    GResource is compiled into the binary;
#  - the installed desktop entry, metainfo, schema, MIME type and icons
#    validate, and refer to each other and to the binary correctly;
#  - the paths compiled into the binaries are the prefix's, never the source
#    or build tree's, and each of them is installed;
#  - the installed command line runs with the installed profiles, grading
#    scales and translations (pointed into the destdir with the MD_*
#    variables), and the installed window maps and quits cleanly in English
#    and in Dutch;
#  - where a private mount namespace is allowed (root, or unprivileged user
#    namespaces), the destdir is overlaid on the prefix and the programs run
#    once more with no MD_* variable at all, exactly as installed.
#
# Usage: test-install.sh --meson MESON --builddir DIR --srcdir DIR
#          --prefix DIR --bindir DIR --datadir DIR --localedir DIR
#          --pkgdatadir DIR --app-id ID --gettext-package NAME --sample FILE
# (the directories absolute, as configured).  MD_KEEP_INSTALL=1 keeps the
# temporary folder; MD_INSTALL_NO_OVERLAY=1 runs everything from the destdir
# with the MD_* variables, as where the overlay is not allowed.  Output: TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

meson= builddir= srcdir= prefix= bindir= datadir= localedir= pkgdatadir=
app_id= gettext_package= sample=
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || { echo "test-install.sh: $1 needs a value" >&2; exit 2; }
  case $1 in
    --meson) meson=$2 ;;
    --builddir) builddir=$2 ;;
    --srcdir) srcdir=$2 ;;
    --prefix) prefix=$2 ;;
    --bindir) bindir=$2 ;;
    --datadir) datadir=$2 ;;
    --localedir) localedir=$2 ;;
    --pkgdatadir) pkgdatadir=$2 ;;
    --app-id) app_id=$2 ;;
    --gettext-package) gettext_package=$2 ;;
    --sample) sample=$2 ;;
    *) echo "test-install.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
for var in meson builddir srcdir prefix bindir datadir localedir pkgdatadir app_id gettext_package sample; do
  [ -n "${!var}" ] || { echo "test-install.sh: --${var//_/-} is required" >&2; exit 2; }
done

# ---------------------------------------------------------------------------
# TAP
# ---------------------------------------------------------------------------
n=0
failures=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
  local what=$1
  shift
  n=$((n + 1))
  failures=$((failures + 1))
  echo "not ok $n - $what"
  [ $# -gt 0 ] && printf '%s\n' "$@" | sed 's/^/# /'
  return 0
}
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# check DESCRIPTION COMMAND...: ok when the command succeeds.
check() {
  local what=$1 out
  shift
  if out=$("$@" 2>&1); then
    ok "$what"
  else
    not_ok "$what" "\$ $*" "$out"
    return 1
  fi
}
finish() {
  echo "1..$n"
  [ "$failures" -eq 0 ]
  exit $?
}
have() { command -v "$1" >/dev/null 2>&1; }

# ---------------------------------------------------------------------------
# Install
# ---------------------------------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/md-install.XXXXXX") || exit 1
if [ "${MD_KEEP_INSTALL:-0}" = 1 ]; then
  echo "# kept in $tmp"
else
  trap 'rm -rf "$tmp"' EXIT
fi
destdir=$tmp/dest
root=$destdir$prefix        # the installed tree, as it will be under $prefix
in_dest() { printf '%s%s' "$destdir" "$1"; }

# The caller's environment must not point the programs anywhere.
unset MD_PROGRAMMES_DIR MD_GRADING_DIR MD_LOCALEDIR MD_ISO_CODES_DIR TEXTDOMAINDIR
unset LC_ALL LC_MESSAGES GSETTINGS_SCHEMA_DIR DISPLAY WAYLAND_DISPLAY
export LANG=C.UTF-8 LANGUAGE=

if ! "$meson" install -C "$builddir" --destdir "$destdir" --no-rebuild --quiet >"$tmp/install.log" 2>&1; then
  echo "Bail out! meson install --destdir failed:"
  sed 's/^/# /' "$tmp/install.log"
  exit 1
fi
ok "meson install --destdir"

# ---------------------------------------------------------------------------
# Files in place
# ---------------------------------------------------------------------------
desktop=$datadir/applications/$app_id.desktop
metainfo=$datadir/metainfo/$app_id.metainfo.xml
schema_dir=$datadir/glib-2.0/schemas
mime=$datadir/mime/packages/$app_id.xml
icon=$datadir/icons/hicolor/scalable/apps/$app_id.svg
symbolic=$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg
gui=$bindir/mobility-dossier
cli=$bindir/mobility-dossier-cli

for file in "$gui" "$cli"; do
  if [ -f "$(in_dest "$file")" ] && [ -x "$(in_dest "$file")" ]; then
    ok "installed, executable: $file"
  else
    not_ok "installed, executable: $file"
  fi
done
for file in "$desktop" "$metainfo" "$schema_dir/$app_id.gschema.xml" "$mime" "$icon" "$symbolic" \
            "$pkgdatadir/bundle.schema.json"; do
  if [ -s "$(in_dest "$file")" ]; then ok "installed: $file"; else not_ok "installed: $file"; fi
done

# Every data file of the source tree, in the same folders.
for folder in programmes institutions grading; do
  missing=()
  count=0
  for file in "$srcdir/data/$folder"/*.json; do
    [ -e "$file" ] || continue
    count=$((count + 1))
    [ -s "$(in_dest "$pkgdatadir/$folder/${file##*/}")" ] || missing+=("${file##*/}")
  done
  if [ "$count" -gt 0 ] && [ ${#missing[@]} -eq 0 ]; then
    ok "installed: $pkgdatadir/$folder/ ($count files)"
  else
    not_ok "installed: $pkgdatadir/$folder/" "missing: ${missing[*]:-the whole folder is empty in the source tree}"
  fi
done

# One catalogue per language of po/LINGUAS.
languages=$(sed -e 's/#.*//' "$srcdir/po/LINGUAS" | tr -s ' \t' '\n\n' | grep -v '^$')
for lang in $languages; do
  file=$localedir/$lang/LC_MESSAGES/$gettext_package.mo
  if [ -s "$(in_dest "$file")" ]; then ok "installed: $file"; else not_ok "installed: $file"; fi
done

# Nothing outside the prefix; no build leftovers.
outside=$(cd "$destdir" && find . ! -type d | sed 's|^\.||' | grep -v "^$prefix/" || true)
if [ -z "$outside" ]; then
  ok "everything installed lies under $prefix"
else
  not_ok "everything installed lies under $prefix" "outside: $outside"
fi
leftovers=$(cd "$root" && find . \( -name '*.a' -o -name '*.h' -o -name '*.o' -o -path './bin/test-*' \
                                   -o -path './bin/bench-*' -o -name '*.gresource' \) -print)
if [ -z "$leftovers" ]; then
  ok "no static libraries, headers, test programs or loose GResource installed"
else
  not_ok "no static libraries, headers, test programs or loose GResource installed" "$leftovers"
fi

# The GResource (templates, icons) is compiled into the binary.
resource_prefix=/$(printf '%s' "$app_id" | tr . /)
if have gresource; then
  resources=$(gresource list "$(in_dest "$gui")" 2>&1)
  if printf '%s\n' "$resources" | grep -qx "$resource_prefix/md-window.ui"; then
    ok "GResource compiled into $gui ($(printf '%s\n' "$resources" | grep -c "^$resource_prefix/") resources)"
  else
    not_ok "GResource compiled into $gui" "gresource list: $resources"
  fi
else
  skip "GResource compiled into $gui" "gresource (libglib2.0-bin) not installed"
fi

# ---------------------------------------------------------------------------
# Validation of the installed files
# ---------------------------------------------------------------------------
if have desktop-file-validate; then
  check "desktop-file-validate $desktop" desktop-file-validate "$(in_dest "$desktop")"
else
  skip "desktop-file-validate $desktop" "desktop-file-validate not installed"
fi

desktop_key() { sed -n "s/^$1=//p" "$(in_dest "$desktop")" | head -n 1; }
exec_line=$(desktop_key Exec)
exec_program=${exec_line%% *}
if [ -n "$exec_program" ] && [ "$bindir/${exec_program##*/}" = "$gui" ] &&
   { [ "${exec_program#/}" = "$exec_program" ] || [ "$exec_program" = "$gui" ]; }; then
  ok "desktop entry Exec= starts the installed $gui"
else
  not_ok "desktop entry Exec= starts the installed $gui" "Exec=$exec_line"
fi
if [ "$(desktop_key Icon)" = "$app_id" ]; then
  ok "desktop entry Icon= is the installed $app_id icon"
else
  not_ok "desktop entry Icon= is the installed $app_id icon" "Icon=$(desktop_key Icon)"
fi
unknown_types=
for type in $(desktop_key MimeType | tr ';' ' '); do
  grep -q "<mime-type type=\"$type\"" "$(in_dest "$mime")" 2>/dev/null || unknown_types+=" $type"
done
if [ -n "$(desktop_key MimeType)" ] && [ -z "$unknown_types" ]; then
  ok "desktop entry MimeType= types are defined by the installed MIME package"
else
  not_ok "desktop entry MimeType= types are defined by the installed MIME package" \
    "MimeType=$(desktop_key MimeType)" "not defined:${unknown_types:- (no MimeType)}"
fi

if have appstreamcli; then
  check "appstreamcli validate --no-net $metainfo" \
    appstreamcli validate --no-net --explain "$(in_dest "$metainfo")"
else
  skip "appstreamcli validate --no-net $metainfo" "appstreamcli not installed"
fi
if grep -q "<id>$app_id</id>" "$(in_dest "$metainfo")" &&
   grep -q "<launchable type=\"desktop-id\">${desktop##*/}</launchable>" "$(in_dest "$metainfo")"; then
  ok "metainfo id and launchable name $app_id and its installed desktop entry"
else
  not_ok "metainfo id and launchable name $app_id and its installed desktop entry" \
    "$(grep -E '<id>|<launchable' "$(in_dest "$metainfo")")"
fi

# Compiled into a folder of our own: used by the window below as well.
mkdir -p "$tmp/schemas"
if have glib-compile-schemas &&
   check "glib-compile-schemas --strict on the installed $schema_dir" \
     glib-compile-schemas --strict --targetdir="$tmp/schemas" "$(in_dest "$schema_dir")"; then
  schemas_ok=1
else
  have glib-compile-schemas || skip "glib-compile-schemas --strict" "glib-compile-schemas not installed"
  schemas_ok=0
fi

if have update-mime-database; then
  cp -r "$(in_dest "$datadir/mime")" "$tmp/mime"
  # (XDG_DATA_DIRS: no note that the folder is outside the search path.)
  if out=$(XDG_DATA_DIRS=$tmp update-mime-database "$tmp/mime" 2>&1) && [ -z "$out" ] &&
     grep -q ":application/x-mobility-dossier:\*\.dossier\.json" "$tmp/mime/globs2"; then
    ok "update-mime-database accepts the installed MIME type (*.dossier.json)"
  else
    not_ok "update-mime-database accepts the installed MIME type (*.dossier.json)" "$out" \
      "globs2: $(grep -i dossier "$tmp/mime/globs2" 2>/dev/null)"
  fi
else
  skip "update-mime-database" "shared-mime-info not installed"
fi

if have xmllint; then
  check "installed icons are well-formed SVG" xmllint --noout "$(in_dest "$icon")" "$(in_dest "$symbolic")"
else
  skip "installed icons are well-formed SVG" "xmllint not installed"
fi

# ---------------------------------------------------------------------------
# Paths compiled into the binaries
# ---------------------------------------------------------------------------
# compiled_strings BINARY: the strings of its read-only data (not of its
# debug information, which names the build folder on purpose).
compiled_strings() {
  objcopy -O binary --only-section=.rodata "$1" "$tmp/rodata" && strings -n 4 "$tmp/rodata"
}
if have objcopy && have strings; then
  real_src=$(cd "$srcdir" && pwd -P)
  real_build=$(cd "$builddir" && pwd -P)
  for program in "$gui" "$cli"; do
    expected=("$pkgdatadir/programmes" "$localedir")
    [ "$program" = "$cli" ] && expected+=("$pkgdatadir/grading")
    if ! strings_out=$(compiled_strings "$(in_dest "$program")" 2>&1); then
      not_ok "compiled-in paths of $program" "$strings_out"
      continue
    fi
    problems=()
    for path in "${expected[@]}"; do
      printf '%s\n' "$strings_out" | grep -qxF "$path" || problems+=("not compiled in: $path")
      [ -d "$(in_dest "$path")" ] || problems+=("compiled in but not installed: $path")
    done
    # Any other path into our data folder must be installed too.
    while IFS= read -r path; do
      [ -e "$(in_dest "$path")" ] || problems+=("compiled in but not installed: $path")
    done < <(printf '%s\n' "$strings_out" | grep -E "^$pkgdatadir(/[^ %]*)?\$" | sort -u)
    for tree in "$srcdir" "$real_src" "$builddir" "$real_build"; do
      printf '%s\n' "$strings_out" | grep -qF "$tree" && problems+=("refers to $tree")
    done
    if [ ${#problems[@]} -eq 0 ]; then
      ok "$program looks for its data under $prefix (${expected[*]})"
    else
      not_ok "$program looks for its data under $prefix" "${problems[@]}"
    fi
  done
else
  skip "compiled-in paths" "objcopy/strings (binutils) not installed"
fi

# ---------------------------------------------------------------------------
# Running the installed programs
# ---------------------------------------------------------------------------
mkdir -p "$tmp/empty" "$tmp/home" "$tmp/runtime"
chmod 0700 "$tmp/runtime"
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share
export XDG_CACHE_HOME=$tmp/home/.cache XDG_RUNTIME_DIR=$tmp/runtime

# The destdir stands in for the prefix through the variables the programs
# honour for uninstalled runs.
dest_env=(MD_PROGRAMMES_DIR="$(in_dest "$pkgdatadir/programmes")"
          MD_GRADING_DIR="$(in_dest "$pkgdatadir/grading")"
          MD_LOCALEDIR="$(in_dest "$localedir")")
run_dest() { env "${dest_env[@]}" "$@"; }
dest_cli=$(in_dest "$cli")

check "mobility-dossier-cli --help" run_dest "$dest_cli" --help
english_help=$(run_dest "$dest_cli" --help 2>&1)
dutch_help=$(run_dest env LANGUAGE=nl "$dest_cli" --help 2>&1)
untranslated_help=$(run_dest env LANGUAGE=nl MD_LOCALEDIR="$tmp/empty" "$dest_cli" --help 2>&1)
if [ -n "$english_help" ] && [ "$dutch_help" != "$english_help" ] && [ "$untranslated_help" = "$english_help" ]; then
  ok "mobility-dossier-cli --help speaks Dutch with LANGUAGE=nl from the installed catalogue ($(printf '%s' "$dutch_help" | head -n 1))"
else
  not_ok "mobility-dossier-cli --help speaks Dutch with LANGUAGE=nl from the installed catalogue" \
    "LANGUAGE=nl: $(printf '%s' "$dutch_help" | head -n 3)" \
    "without the catalogue: $(printf '%s' "$untranslated_help" | head -n 1)"
fi

check "mobility-dossier-cli validate ${sample##*/} with the installed profiles" \
  run_dest "$dest_cli" validate --date 2026-03-01 "$sample"
# Control: the same with an empty programmes folder must fail, so the run
# above did read the installed profiles.
if out=$(run_dest env MD_PROGRAMMES_DIR="$tmp/empty" "$dest_cli" validate --date 2026-03-01 "$sample" 2>&1); then
  not_ok "validate without profiles fails (control)" "$out"
else
  ok "validate without profiles fails (control)"
fi
check "mobility-dossier-cli convert-grade with the installed grading scales" \
  run_dest "$dest_cli" convert-grade --from it-18-30 --to be-0-20 27

# in_prefix COMMAND...: runs COMMAND in a private mount namespace where the
# destdir is overlaid on the prefix, so the installed files are where the
# binaries look for them, without any MD_* variable.  Fails when the system
# does not allow it.
in_prefix() {
  local unshare_args=(-m --propagation private)
  [ "$(id -u)" -eq 0 ] || unshare_args=(-r "${unshare_args[@]}")
  unshare "${unshare_args[@]}" sh -c '
    mount -t overlay overlay -o "lowerdir=$1:$2" "$2" || exit 125
    shift 2
    exec "$@"' in-prefix "$root" "$prefix" "$@"
}
overlay=0
if [ "${MD_INSTALL_NO_OVERLAY:-0}" != 1 ] && have unshare && [ -d "$prefix" ] &&
   in_prefix test -x "$cli" >/dev/null 2>&1; then
  overlay=1
  check "installed at $prefix (overlay): validate with no MD_* variable" \
    in_prefix "$cli" validate --date 2026-03-01 "$sample"
  dutch_in_prefix=$(in_prefix env LANGUAGE=nl "$cli" --help 2>&1)
  if [ "$dutch_in_prefix" = "$dutch_help" ]; then
    ok "installed at $prefix (overlay): --help speaks Dutch with no MD_* variable"
  else
    not_ok "installed at $prefix (overlay): --help speaks Dutch with no MD_* variable" \
      "$(printf '%s' "$dutch_in_prefix" | head -n 3)"
  fi
else
  skip "installed at $prefix (overlay)" "no private mount namespace with overlayfs here; the destdir runs above use MD_* variables"
fi

# The window, in English and in Dutch: the title is what the installed
# catalogue says (gettext(1) reads it through TEXTDOMAINDIR).
if [ "$schemas_ok" != 1 ]; then
  skip "window" "no compiled settings schema"
elif ! have dbus-run-session || ! have Xvfb || ! have xwininfo || ! have gdbus; then
  skip "window" "needs dbus-run-session, Xvfb, xwininfo (x11-utils) and gdbus"
else
  # Plain malloc with freed memory overwritten: a use after free (say, of
  # a window list while closing its windows) crashes every time, not once
  # in a while.
  gui_env=(GSETTINGS_SCHEMA_DIR="$tmp/schemas" GSETTINGS_BACKEND=memory GSK_RENDERER=cairo
           GTK_A11Y=none NO_AT_BRIDGE=1 G_DEBUG=fatal-warnings
           G_SLICE=always-malloc MALLOC_PERTURB_="${MALLOC_PERTURB_:-165}")
  for lang in en nl; do
    language=$lang
    [ "$lang" = en ] && language=
    title=$(TEXTDOMAINDIR="$(in_dest "$localedir")" LANGUAGE=$language gettext "$gettext_package" "Mobility Dossier")
    if [ "$lang" != en ] && [ "$title" = "Mobility Dossier" ]; then
      not_ok "window in $lang" "the installed $lang catalogue does not translate the title"
      continue
    fi
    if [ "$overlay" = 1 ]; then
      where="installed at $prefix (overlay)"
      run=(in_prefix env "${gui_env[@]}" XDG_DATA_DIRS="$datadir:/usr/share"
           dbus-run-session -- "$here/check-window.sh" "$app_id" "$title" env LANGUAGE=$language "$gui")
    else
      where="from the destdir"
      run=(env "${gui_env[@]}" "${dest_env[@]}" XDG_DATA_DIRS="$(in_dest "$datadir"):/usr/share"
           dbus-run-session -- "$here/check-window.sh" "$app_id" "$title" env LANGUAGE=$language "$(in_dest "$gui")")
    fi
    "${run[@]}" >"$tmp/window.log" 2>&1
    status=$?
    if [ $status -eq 0 ]; then
      ok "window “$title” maps and quits cleanly ($lang, $where)"
    elif [ $status -eq 77 ]; then
      skip "window ($lang)" "$(tail -n 1 "$tmp/window.log")"
    else
      not_ok "window “$title” maps and quits cleanly ($lang, $where)" "$(grep -v 'Failed to set fd limit' "$tmp/window.log")"
    fi
  done
fi

finish

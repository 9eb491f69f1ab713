#!/usr/bin/env bash
# Every source file with translatable text must be listed in po/POTFILES,
# and every listed file must exist; otherwise strings silently stay English.
set -u
top=${1:?usage: test-potfiles.sh SOURCE_ROOT}
cd "$top" || exit 1

status=0
while IFS= read -r file; do
  if ! grep -qxF "$file" po/POTFILES; then
    echo "not in po/POTFILES: $file"
    status=1
  fi
done < <( { grep -lE '(^|[^A-Za-z0-9_])(N?_|g_dngettext|C_|NC_)\s*\(' src/*/*.c 2>/dev/null;
            grep -l 'translatable="yes"' ui/*.ui 2>/dev/null; } | sort -u)

while IFS= read -r file; do
  [ -z "$file" ] && continue
  if [ ! -f "$file" ]; then
    echo "listed in po/POTFILES but missing: $file"
    status=1
  fi
done < po/POTFILES

exit $status

#!/usr/bin/env bash
# Every catalogue is complete: no untranslated or fuzzy message, every
# string xgettext finds in the sources is in the template and translated in
# each language, and every text of the programme data has all four languages.
set -u
top=${1:?usage: test-translations.sh SOURCE_ROOT}
cd "$top" || exit 1

status=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The same keywords as meson's i18n "glib" preset, so the fresh template is
# what `ninja mobility-dossier-pot` would write.
xgettext --package-name=mobility-dossier --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --files-from=po/POTFILES --directory="$top" --output="$scratch/fresh.pot" 2>"$scratch/xgettext.log"
if [ ! -s "$scratch/fresh.pot" ]; then
  echo "xgettext failed:"; cat "$scratch/xgettext.log"
  exit 1
fi

if ! msgcmp --use-untranslated po/mobility-dossier.pot "$scratch/fresh.pot" 2>"$scratch/pot.log"; then
  echo "po/mobility-dossier.pot is out of date (run ninja mobility-dossier-pot):"
  head -20 "$scratch/pot.log"
  status=1
fi

while read -r lang; do
  case "$lang" in ''|'#'*) continue ;; esac
  catalogue="po/$lang.po"
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$catalogue" 2>&1)
  if ! grep -qE '^[0-9]+ translated messages?\.$' <<<"$stats"; then
    echo "$catalogue: $stats"
    status=1
  fi
  # Default msgcmp counts fuzzy and untranslated entries as missing.
  if ! msgcmp "$catalogue" "$scratch/fresh.pot" 2>"$scratch/$lang.log"; then
    echo "$catalogue lacks translations of strings in the code:"
    head -20 "$scratch/$lang.log"
    status=1
  fi
done < po/LINGUAS

# Programme profiles, grading tables and institution rules carry their
# translations inline, as {"en": …, "nl": …, "fr": …, "de": …}.
/usr/bin/env python3 - data/programmes/*.json data/grading/*.json data/institutions/*.json <<'PY' || status=1
import json, sys

languages = ("en", "nl", "fr", "de")
missing = []

def is_text_map(node):
    return isinstance(node, dict) and "en" in node and all(isinstance(v, str) for v in node.values())

def walk(node, path, name):
    if is_text_map(node):
        for language in languages:
            if not node.get(language, "").strip():
                missing.append(f"{name}: {path or '.'} has no “{language}” text")
    elif isinstance(node, dict):
        for key, value in node.items():
            walk(value, f"{path}.{key}", name)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            walk(value, f"{path}[{index}]", name)

for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as data:
        walk(json.load(data), "", name)

if missing:
    print("\n".join(missing))
sys.exit(1 if missing else 0)
PY

exit $status

#!/bin/bash
# test-bundle-schema.sh: checks data/bundle.schema.json against a bundle
# made by the command line tool.
#
# Usage: test-bundle-schema.sh SCHEMA CLI PROGRAMMES_DIR
#
# The schema must be valid JSON. When /usr/bin/python3 has the jsonschema
# module (Debian: python3-jsonschema), the schema is also checked against
# the draft 2020-12 meta-schema, a fresh bundle must validate against it,
# and a few broken copies of that bundle must not. Without jsonschema only
# the JSON syntax of the schema and of the bundle is checked.
#
# Exit status: 0 pass, 1 fail, 77 skip (no Python at all).
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

if [ $# -ne 3 ]; then
  echo "Usage: $0 SCHEMA CLI PROGRAMMES_DIR" >&2
  exit 1
fi

schema=$1
cli=$2
programmes_dir=$3

# Debian's interpreter carries the distribution's modules; the python3
# first on PATH may be a separate install without them.
if [ -x /usr/bin/python3 ]; then
  python=/usr/bin/python3
elif command -v python3 >/dev/null 2>&1; then
  python=$(command -v python3)
else
  echo "SKIP: no python3 to read JSON with"
  exit 77
fi

if [ ! -r "$schema" ]; then
  echo "FAIL: cannot read the schema $schema" >&2
  exit 1
fi

if ! "$python" -m json.tool "$schema" >/dev/null; then
  echo "FAIL: $schema is not valid JSON" >&2
  exit 1
fi

if [ ! -x "$cli" ]; then
  echo "FAIL: $cli is not an executable" >&2
  exit 1
fi

tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/test-bundle-schema.XXXXXX") || exit 1
trap 'rm -rf "$tmpdir"' EXIT
bundle=$tmpdir/new.dossier.json

if ! MD_PROGRAMMES_DIR=$programmes_dir "$cli" new --programme erasmus-ka131-2024 -o "$bundle" >/dev/null; then
  echo "FAIL: $cli new did not create a bundle" >&2
  exit 1
fi

if ! "$python" -c 'import jsonschema' 2>/dev/null; then
  if ! "$python" -m json.tool "$bundle" >/dev/null; then
    echo "FAIL: the new bundle is not valid JSON" >&2
    exit 1
  fi
  echo "ok: schema and new bundle are valid JSON (jsonschema is not installed: not validated)"
  exit 0
fi

"$python" - "$schema" "$bundle" <<'EOF'
import copy
import json
import sys

import jsonschema

schema_path, bundle_path = sys.argv[1], sys.argv[2]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
with open(bundle_path, encoding="utf-8") as f:
    bundle = json.load(f)

failures = []

def check(label, condition):
    print(("ok: " if condition else "FAIL: ") + label)
    if not condition:
        failures.append(label)

try:
    jsonschema.Draft202012Validator.check_schema(schema)
    check("the schema is a valid draft 2020-12 schema", True)
except jsonschema.exceptions.SchemaError as e:
    check("the schema is a valid draft 2020-12 schema: " + e.message, False)
    sys.exit(1)

check("the schema declares draft 2020-12",
      schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema")
check("the schema has its $id",
      schema.get("$id") == "https://mobilitydossier.github.io/schemas/bundle-v1.json")

validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

def errors(instance):
    return [e.message for e in validator.iter_errors(instance)]

problems = errors(bundle)
check("the new bundle validates" + ("" if not problems else ": " + "; ".join(problems)),
      not problems)

def variant(label, change, valid):
    copied = copy.deepcopy(bundle)
    change(copied)
    problems = errors(copied)
    check(label, (not problems) == valid)

def drop(member):
    return lambda b: b.pop(member)

variant("unknown members are accepted",
        lambda b: b.update(x_future={"anything": [1, None]},
                           applicant={"x_custom": None}), True)
variant("a filled learning agreement row validates",
        lambda b: b.update(learning_agreement={"table_a": [
            {"code": "EPI-101", "title": "Epidemiology", "ects": 7.5},
            {"ects": 6, "status": "deleted", "reason_code": 3}]}), True)
variant("a newer format_version is refused",
        lambda b: b.update(format_version=2), False)
variant("another format is refused",
        lambda b: b.update(format="something-else"), False)
variant("a bundle without programme is refused", drop("programme"), False)
variant("a bundle without id is refused", drop("id"), False)
variant("an id that is not a UUID is refused",
        lambda b: b.update(id="not-a-uuid"), False)
variant("ECTS as text is refused",
        lambda b: b.update(learning_agreement={"table_a": [{"ects": "6"}]}), False)
variant("a fractional study cycle is refused",
        lambda b: b.update(applicant={"study_cycle": 6.5}), False)
variant("null for a known member is refused",
        lambda b: b.update(applicant={"email": None}), False)
variant("an attachment without data is refused",
        lambda b: b.update(attachments=[{"name": "cv.pdf", "sha256": "0" * 64}]), False)
variant("an attachment over 10 MiB is refused",
        lambda b: b.update(attachments=[{"size": 10 * 1024 * 1024 + 1,
                                         "sha256": "0" * 64, "data": ""}]), False)

sys.exit(1 if failures else 0)
EOF

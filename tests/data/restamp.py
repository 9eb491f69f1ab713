#!/usr/bin/python3
"""Recomputes the integrity digest of hand-edited test bundles.

The canonical form is the bundle without "integrity", members sorted,
no whitespace, UTF-8 (docs/bundle-format.md)."""
import hashlib
import json
import sys

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        bundle = json.load(f)
    bundle.pop("integrity", None)
    canon = json.dumps(bundle, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    bundle["integrity"] = {"algorithm": "sha256", "digest": hashlib.sha256(canon).hexdigest()}
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(bundle, indent=2, ensure_ascii=False) + "\n")

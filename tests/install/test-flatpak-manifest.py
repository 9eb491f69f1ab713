#!/usr/bin/python3
"""test-flatpak-manifest.py: checks the Flatpak manifest against the build.

Usage: test-flatpak-manifest.py --manifest FILE --app-id ID --command NAME
                                --project-name NAME --source-root DIR

Checks that the manifest is a GNOME runtime manifest for this application:
the id is the meson project's application id, the command is the installed
binary, runtime org.gnome.Platform with sdk org.gnome.Sdk at a version whose
GTK and libadwaita are at least the ones meson.build asks for, the last
module is the application built with meson from a "dir" source at the
project root, modules before it are pinned, and the sandbox holds what the
application needs (network, display, keyring) and no broad file-system
access: files come through the file chooser portal.

When flatpak-builder is installed, `flatpak-builder --show-manifest` with
G_DEBUG=fatal-warnings also parses the manifest (unknown keys, wrong types).

Output: TAP.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

# GNOME 43 was the first runtime with GTK 4.8 and libadwaita 1.2.
OLDEST_RUNTIME = 43

REQUIRED_KEYS = ("id", "runtime", "runtime-version", "sdk", "command", "modules", "finish-args")

REQUIRED_FINISH_ARGS = (
    "--share=network",          # submission over HTTP(S) and WebDAV
    "--share=ipc",              # X11 shared memory
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
    "--talk-name=org.freedesktop.secrets",  # endpoint credentials in the keyring
)

# Holes in the sandbox the application has no business with.
FORBIDDEN_FINISH_ARGS = (
    "--socket=x11",             # fallback-x11 only
    "--socket=session-bus",
    "--socket=system-bus",
    "--device=all",
    "--talk-name=org.freedesktop.Flatpak",
)


class Tap:
    def __init__(self):
        self.count = 0
        self.failures = 0

    def check(self, condition, description, *details):
        self.count += 1
        if condition:
            print(f"ok {self.count} - {description}")
        else:
            self.failures += 1
            print(f"not ok {self.count} - {description}")
            for detail in details:
                for line in str(detail).splitlines():
                    print(f"# {line}")
        return condition

    def skip(self, description, reason):
        self.count += 1
        print(f"ok {self.count} - {description} # SKIP {reason}")

    def finish(self):
        print(f"1..{self.count}")
        return 1 if self.failures else 0


def runtime_version_ok(version):
    """A GNOME runtime version such as "47"; "master" is allowed too."""
    if version == "master":
        return True
    try:
        return int(version) >= OLDEST_RUNTIME
    except (TypeError, ValueError):
        return False


def is_pinned(source):
    """A source of a bundled dependency must not change under our feet."""
    kind = source.get("type")
    if kind in ("archive", "file"):
        return "sha256" in source or "sha512" in source
    if kind == "git":
        return "commit" in source
    # patch, shell, dir… are part of this repository.
    return kind in ("patch", "shell", "script", "inline", "dir")


def filesystem_args(finish_args):
    return [arg for arg in finish_args if arg.startswith("--filesystem")]


def check_manifest(tap, manifest, manifest_path, args):
    missing = [key for key in REQUIRED_KEYS if key not in manifest]
    tap.check(not missing, "required keys present: " + ", ".join(REQUIRED_KEYS),
              f"missing: {', '.join(missing)}")

    app_id = manifest.get("id", manifest.get("app-id"))
    tap.check(app_id == args.app_id, f"id is the application id {args.app_id}", f"id: {app_id!r}")
    tap.check(manifest.get("command") == args.command,
              f"command is the installed binary {args.command}",
              f"command: {manifest.get('command')!r}")
    tap.check(manifest.get("runtime") == "org.gnome.Platform", "runtime is org.gnome.Platform",
              f"runtime: {manifest.get('runtime')!r}")
    tap.check(manifest.get("sdk") == "org.gnome.Sdk", "sdk is org.gnome.Sdk",
              f"sdk: {manifest.get('sdk')!r}")
    version = manifest.get("runtime-version")
    tap.check(isinstance(version, str) and runtime_version_ok(version),
              f"runtime-version is a string naming GNOME {OLDEST_RUNTIME} or later "
              "(GTK >= 4.8, libadwaita >= 1.2)",
              f"runtime-version: {version!r}")

    modules = manifest.get("modules")
    if not tap.check(isinstance(modules, list) and modules and all(isinstance(m, dict) for m in modules),
                     "modules is a non-empty list of module objects", f"modules: {modules!r}"):
        return
    app = modules[-1]
    tap.check(app.get("name") == args.project_name,
              f"the last module is the application ({args.project_name})", f"name: {app.get('name')!r}")
    tap.check(app.get("buildsystem") == "meson", "the application module builds with meson",
              f"buildsystem: {app.get('buildsystem')!r}")
    sources = app.get("sources", [])
    dirs = [s for s in sources if isinstance(s, dict) and s.get("type") == "dir"]
    root = os.path.realpath(args.source_root)
    base = os.path.dirname(os.path.abspath(manifest_path))
    resolved = [os.path.realpath(os.path.join(base, s.get("path", ""))) for s in dirs]
    tap.check(len(sources) == 1 and resolved == [root],
              "the application's only source is a dir source at the project root",
              f"sources: {sources!r}", f"resolved: {resolved!r}", f"project root: {root}")

    unpinned = [f"{m.get('name')}: {s!r}" for m in modules[:-1]
                for s in m.get("sources", []) if isinstance(s, dict) and not is_pinned(s)]
    tap.check(not unpinned, "bundled modules before the application have pinned sources", *unpinned)

    finish_args = manifest.get("finish-args", [])
    if not tap.check(isinstance(finish_args, list) and all(isinstance(a, str) for a in finish_args),
                     "finish-args is a list of strings", f"finish-args: {finish_args!r}"):
        return
    for arg in REQUIRED_FINISH_ARGS:
        tap.check(arg in finish_args, f"finish-args has {arg}")
    tap.check(not filesystem_args(finish_args),
              "no --filesystem access (documents come through the file chooser portal)",
              *filesystem_args(finish_args))
    broad = [arg for arg in finish_args if arg in FORBIDDEN_FINISH_ARGS]
    tap.check(not broad, "no --socket=x11, session/system bus, --device=all or Flatpak portal escape",
              *broad)
    tap.check(len(set(finish_args)) == len(finish_args), "no finish-arg is repeated")


def check_with_flatpak_builder(tap, manifest_path):
    description = "flatpak-builder --show-manifest accepts it (G_DEBUG=fatal-warnings)"
    flatpak_builder = shutil.which("flatpak-builder")
    if flatpak_builder is None:
        tap.skip(description, "flatpak-builder is not installed (Debian: flatpak-builder)")
        return
    env = dict(os.environ, G_DEBUG="fatal-warnings")
    # flatpak-builder leaves a .flatpak-builder folder in its working folder.
    with tempfile.TemporaryDirectory(prefix="md-flatpak-") as cwd:
        result = subprocess.run([flatpak_builder, "--show-manifest", os.path.abspath(manifest_path)],
                                cwd=cwd, env=env, capture_output=True, text=True, check=False)
    tap.check(result.returncode == 0, description,
              f"exit status {result.returncode}", result.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--app-id", required=True)
    parser.add_argument("--command", required=True)
    parser.add_argument("--project-name", required=True)
    parser.add_argument("--source-root", required=True)
    args = parser.parse_args()

    tap = Tap()
    try:
        with open(args.manifest, encoding="utf-8") as file:
            manifest = json.load(file)
    except (OSError, ValueError) as error:
        print(f"Bail out! cannot read {args.manifest}: {error}")
        return 1
    if not tap.check(isinstance(manifest, dict), f"{os.path.basename(args.manifest)} holds a JSON object"):
        return tap.finish()

    check_manifest(tap, manifest, args.manifest, args)
    check_with_flatpak_builder(tap, args.manifest)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())

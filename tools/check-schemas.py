#!/usr/bin/env python3
"""Validates every public/bundles/*/bundle.json and public/index.json against Folio's JSON
Schemas in public/schema/, and exits non-zero if any file fails. Needs `jsonschema`.

The schemas themselves are first checked against the draft 2020-12 metaschema, so a broken
schema cannot pass by accepting everything.
"""

import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
PUBLIC = ROOT / "public"


def load(path):
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def validator(name):
    schema = load(PUBLIC / "schema" / name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def problems(checker, path):
    """Every schema error in the file at `path`, as lines for the terminal."""
    try:
        document = load(path)
    except (OSError, ValueError) as e:
        return [f"cannot be read as JSON: {e}"]
    errors = sorted(checker.iter_errors(document), key=lambda e: list(e.absolute_path))
    return [f"{e.json_path}: {e.message}" for e in errors]


def main():
    bundle = validator("bundle.schema.json")
    catalog = validator("catalog.schema.json")
    files = [(catalog, PUBLIC / "index.json")]
    files += [(bundle, p) for p in sorted((PUBLIC / "bundles").glob("*/bundle.json"))]
    if len(files) < 2:
        print("no bundle.json files found under public/bundles", file=sys.stderr)
        return 1
    failed = 0
    for checker, path in files:
        found = problems(checker, path)
        name = path.relative_to(ROOT)
        if found:
            failed += 1
            print(f"FAIL {name}")
            for line in found:
                print(f"  {line}")
        else:
            print(f"ok   {name}")
    if failed:
        print(f"{failed} of {len(files)} files do not match their schema", file=sys.stderr)
        return 1
    print(f"all {len(files)} files match their schemas")
    return 0


if __name__ == "__main__":
    sys.exit(main())

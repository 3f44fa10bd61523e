#!/usr/bin/env python3
"""Validates every public/bundles/*/bundle.json and public/index.json against Folio's JSON
Schemas in public/schema/, and exits non-zero if any file fails. Needs `jsonschema`.

The schemas themselves are first checked against the draft 2020-12 metaschema, and then
against documents they must refuse (the sample files with one thing broken, and the broken
fixtures), so a schema that accepts everything, such as `{}`, fails.
Ends with `schemas: N passed, N failed`.
"""

import copy
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


SEED = PUBLIC / "bundles" / "us-officials-meet-russian-dissidents" / "bundle.json"
FIXTURES = ROOT / "tests" / "fixtures" / "bundles"


def without(document, *path):
    """A copy of `document` with the key at `path` removed."""
    out = copy.deepcopy(document)
    target = out
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return out


def with_value(document, value, *path):
    """A copy of `document` with `value` at `path`."""
    out = copy.deepcopy(document)
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return out


def must_refuse(bundle, catalog):
    """(checker, what, document) for documents each schema must refuse."""
    seed = load(SEED)
    index = load(PUBLIC / "index.json")
    cases = [
        (bundle, "a manifest without a headline", without(seed, "headline")),
        (bundle, "a manifest without its format version", without(seed, "format_version")),
        (bundle, "a manifest whose id has capitals", with_value(seed, "Not-An-Id", "id")),
        (bundle, "a manifest whose headline is a number", with_value(seed, 7, "headline")),
        (bundle, "a manifest whose direction is sideways", with_value(seed, "up", "direction")),
        (bundle, "a media item without its width", without(seed, "media", 0, "width")),
        (bundle, "a notice of an unknown kind", with_value(seed, "gossip", "notices", 0, "kind")),
        (bundle, "a manifest that is a list", [seed]),
        (bundle, "a media item whose file is SVG", with_value(seed, "media/a.svg", "media", 0, "src")),
        (bundle, "a media item whose file is HTML", with_value(seed, "media/a.html", "media", 0, "src")),
        (bundle, "a body path with a control character", with_value(seed, "..\u001f\\", "body")),
        (catalog, "a catalog whose bundles are not a list", with_value(index, {}, "bundles")),
        (catalog, "a catalog entry without a path", without(index, "bundles", 0, "path")),
        (catalog, "a catalog entry without an id", without(index, "bundles", 0, "id")),
    ]
    for name in ["not-an-object", "many-errors"]:
        path = FIXTURES / name / "bundle.json"
        cases.append((bundle, f"the fixture {name}", load(path)))
    return cases


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
    passed = len(files) - failed
    for checker, what, document in must_refuse(bundle, catalog):
        if any(True for _ in checker.iter_errors(document)):
            passed += 1
            print(f"ok   refuses {what}")
        else:
            failed += 1
            print(f"FAIL accepts {what}")
    print(f"schemas: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

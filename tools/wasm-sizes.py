#!/usr/bin/env python3
"""Where a WebAssembly module's code bytes go, by crate and by function, read from its name
section. Folio's release build strips names, so make a copy that keeps them (docs/performance.md):

    wasm-bindgen $CARGO_TARGET_DIR/wasm32-unknown-unknown/release/folio.wasm --out-dir /tmp/wb --target web
    node_modules/.bin/wasm-opt -Oz -g /tmp/wb/folio_bg.wasm -o /tmp/wb/named.wasm
    python3 tools/wasm-sizes.py /tmp/wb/named.wasm [how-many]
"""
import collections
import re
import sys


def leb(b, i):
    value = shift = 0
    while True:
        x = b[i]
        i += 1
        value |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return value, i


def text(b, i):
    n, i = leb(b, i)
    return b[i:i + n].decode("utf-8", "replace"), i + n


def read(data):
    """Section sizes, (function index, body size) pairs, and function names."""
    i, imported, bodies, names, sections = 8, 0, [], {}, collections.Counter()
    while i < len(data):
        sid = data[i]
        size, i = leb(data, i + 1)
        end = i + size
        if sid == 0:
            name, j = text(data, i)
            sections["custom " + name] += size
            while name == "name" and j < end:
                sub = data[j]
                length, j = leb(data, j + 1)
                if sub == 1:
                    count, k = leb(data, j)
                    for _ in range(count):
                        idx, k = leb(data, k)
                        names[idx], k = text(data, k)
                j += length
        else:
            sections[{1: "type", 2: "import", 3: "function", 7: "export", 9: "element",
                      10: "code", 11: "data"}.get(sid, str(sid))] += size
        if sid == 2:  # imports: only function imports shift the function indices
            count, j = leb(data, i)
            for _ in range(count):
                _, j = text(data, j)
                _, j = text(data, j)
                kind = data[j]
                j += 1
                if kind == 0:
                    _, j = leb(data, j)
                    imported += 1
                elif kind in (1, 2):
                    j += 1 if kind == 1 else 0
                    flags = data[j]
                    _, j = leb(data, j + 1)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 3:
                    j += 2
        if sid == 10:
            count, j = leb(data, i)
            for n in range(count):
                body, k = leb(data, j)
                bodies.append((imported + n, body + k - j))
                j = k + body
        i = end
    return sections, bodies, names


def crate(name):
    found = re.search(r"([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::", name)
    return found.group(1) if found else name.split("(")[0][:40]


def main():
    sections, bodies, names = read(open(sys.argv[1], "rb").read())
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    code = sum(size for _, size in bodies)
    print("sections:", ", ".join(f"{k} {v}" for k, v in sections.most_common()))
    by_crate, count = collections.Counter(), collections.Counter()
    for idx, size in bodies:
        c = crate(names.get(idx, "?"))
        by_crate[c] += size
        count[c] += 1
    print(f"\ncode by crate ({code} bytes, {len(bodies)} functions):")
    for c, size in by_crate.most_common(top):
        print(f"{size:9d} {100 * size / code:5.1f}% {count[c]:5d}  {c}")
    print("\nlargest functions:")
    for idx, size in sorted(bodies, key=lambda b: -b[1])[:top]:
        print(f"{size:9d}  {names.get(idx, '?')[:140]}")


if __name__ == "__main__":
    main()

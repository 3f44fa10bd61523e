#!/usr/bin/env python3
"""Draws Folio's placeholder images: small palette PNGs that plainly say they are not photos.

Usage:
    tools/make-placeholders.py             every media item marked "placeholder": true in
                                           public/bundles/*/bundle.json, at its declared size
    tools/make-placeholders.py OUT W H      one placeholder of W x H pixels written to OUT

Each image is a calm grey-blue field inside a thin frame crossed corner to corner, with
"PLACEHOLDER", "PHOTO NOT INCLUDED" and the size in block letters on a plain panel. Only the
standard library is used (zlib and struct for the PNG), and the output is byte-for-byte the
same on every run, so regenerating changes nothing in git.
"""

import json
import struct
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Four colours, so each pixel takes two bits.
BACKGROUND, LINE, PANEL, INK = range(4)
PALETTE = [
    (0xD3, 0xDC, 0xE6),  # the field: a light grey-blue
    (0x9D, 0xAE, 0xC1),  # the frame and its cross
    (0xEC, 0xF0, 0xF5),  # the panel behind the words
    (0x3A, 0x48, 0x59),  # the letters: dark slate, easily readable on both light colours
]

# A 5 x 7 block font: only what the labels need, drawn for this script.
GLYPH_W, GLYPH_H = 5, 7
FONT = {
    "A": [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
    "C": [".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."],
    "D": ["####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."],
    "E": ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
    "H": ["#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
    "I": [".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."],
    "L": ["#....", "#....", "#....", "#....", "#....", "#....", "#####"],
    "N": ["#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#", "#...#"],
    "O": [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
    "P": ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."],
    "R": ["####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"],
    "T": ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
    "U": ["#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
    "X": ["#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"],
    "0": [".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."],
    "1": ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."],
    "2": [".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"],
    "3": ["####.", "....#", "....#", ".###.", "....#", "....#", "####."],
    "4": ["...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."],
    "5": ["#####", "#....", "####.", "....#", "....#", "#...#", ".###."],
    "6": [".###.", "#....", "#....", "####.", "#...#", "#...#", ".###."],
    "7": ["#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."],
    "8": [".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."],
    "9": [".###.", "#...#", "#...#", ".####", "....#", "....#", ".###."],
    " ": ["....."] * GLYPH_H,
}


def text_width(text, scale):
    """Width in pixels of `text` at `scale`, with one blank column between letters."""
    return (len(text) * (GLYPH_W + 1) - 1) * scale if text else 0


def draw_text(canvas, text, left, top, scale):
    for n, char in enumerate(text):
        glyph = FONT[char]
        x0 = left + n * (GLYPH_W + 1) * scale
        for gy, row in enumerate(glyph):
            for gx, cell in enumerate(row):
                if cell == "#":
                    fill(canvas, x0 + gx * scale, top + gy * scale, scale, scale, INK)


def fill(canvas, left, top, width, height, colour):
    for y in range(max(top, 0), min(top + height, len(canvas))):
        row = canvas[y]
        for x in range(max(left, 0), min(left + width, len(row))):
            row[x] = colour


def line(canvas, x0, y0, x1, y1, colour):
    """A one-pixel line from (x0, y0) to (x1, y1), by Bresenham's method."""
    dx, dy = abs(x1 - x0), -abs(y1 - y0)
    sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
    err = dx + dy
    while True:
        canvas[y0][x0] = colour
        if x0 == x1 and y0 == y1:
            return
        e2 = 2 * err
        if e2 >= dy:
            err += dy
            x0 += sx
        if e2 <= dx:
            err += dx
            y0 += sy


def labels(width, height):
    """The lines of text and their scales, as large as fit comfortably."""
    size = f"{width} X {height}"
    lines = ["PLACEHOLDER", "PHOTO NOT INCLUDED", size]
    for big in range(12, 0, -1):
        small = (big + 1) // 2
        scales = [big, small, small]
        fits_across = all(text_width(t, s) <= width * 0.82 for t, s in zip(lines, scales))
        block = sum(GLYPH_H * s for s in scales) + 2 * small * (len(lines) - 1)
        if fits_across and block <= height * 0.55:
            return list(zip(lines, scales))
    # Very small images: the one word, as small as the font goes, if it fits at all.
    return [("PLACEHOLDER", 1)] if text_width("PLACEHOLDER", 1) <= width - 4 else []


def render(width, height):
    canvas = [bytearray([BACKGROUND]) * width for _ in range(height)]
    inset = max(2, min(width, height) // 24)
    right, bottom = width - 1 - inset, height - 1 - inset
    if right > inset and bottom > inset:
        for x0, y0, x1, y1 in [
            (inset, inset, right, inset),
            (inset, bottom, right, bottom),
            (inset, inset, inset, bottom),
            (right, inset, right, bottom),
            (inset, inset, right, bottom),
            (inset, bottom, right, inset),
        ]:
            line(canvas, x0, y0, x1, y1, LINE)
    rows = labels(width, height)
    if rows:
        gap = 2 * rows[-1][1]
        block_h = sum(GLYPH_H * s for _, s in rows) + gap * (len(rows) - 1)
        block_w = max(text_width(t, s) for t, s in rows)
        pad = max(3, rows[0][1] * 2)
        top = (height - block_h) // 2
        fill(canvas, (width - block_w) // 2 - pad, top - pad, block_w + 2 * pad, block_h + 2 * pad, PANEL)
        for text, scale in rows:
            draw_text(canvas, text, (width - text_width(text, scale)) // 2, top, scale)
            top += GLYPH_H * scale + gap
    return canvas


def png(canvas):
    """Encodes rows of palette indices (0 to 3) as a 2-bit palette PNG."""
    height, width = len(canvas), len(canvas[0])
    raw = bytearray()
    for row in canvas:
        packed = bytearray((width + 3) // 4)
        for x, value in enumerate(row):
            packed[x >> 2] |= value << (6 - 2 * (x & 3))
        raw.append(0)  # filter type 0: the rows repeat, which zlib already compresses well
        raw += packed

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 2, 3, 0, 0, 0)
    palette = b"".join(bytes(rgb) for rgb in PALETTE)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"PLTE", palette)
        + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + chunk(b"IEND", b"")
    )


def write(path, width, height):
    path.parent.mkdir(parents=True, exist_ok=True)
    data = png(render(width, height))
    path.write_bytes(data)
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {width}x{height}, {len(data)} bytes")


def from_manifests():
    """Every placeholder every sample bundle declares, including its other sizes."""
    found = 0
    for manifest in sorted((ROOT / "public" / "bundles").glob("*/bundle.json")):
        for media in json.loads(manifest.read_text(encoding="utf-8")).get("media") or []:
            if not media.get("placeholder"):
                continue
            width, height = media["width"], media["height"]
            write(manifest.parent / media["src"], width, height)
            for other in media.get("sources") or []:
                scaled = max(1, round(height * other["width"] / width))
                write(manifest.parent / other["src"], other["width"], scaled)
            found += 1
    if not found:
        sys.exit("no media marked \"placeholder\": true under public/bundles")


def main(args):
    if not args:
        from_manifests()
    elif len(args) == 3 and args[1].isdigit() and args[2].isdigit():
        write(Path(args[0]).resolve(), int(args[1]), int(args[2]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])

#!/usr/bin/env python3
"""Prints what a pupil downloads, in raw, gzip and brotli bytes:
- the first-lesson load: every file the page loads before a pupil's first Run of lesson 1
  (html, boot script, the core app's loader, wasm and initializer, css, and in the pupil's
  language the catalogue, the lesson index and the first lesson). The language counted is
  the one whose three files weigh most, so the figure holds for every pupil;
- each on-demand part (the full app: its loader and wasm, and web/full.js that fetches it;
  the studio app, which only a teacher who opens the studio downloads);
- the fonts (scripts/fonts.mjs): fetched only on a device without them, in Tamazight or Arabic;
  their @font-face rules (fonts-<hash>.css) are part of the first load;
- the offline total (every file the service worker keeps after one visit);
- the single file for USB sticks (`tafukt.html`), which pupils of a served Tafukt never load.
The last line is `first-load: <brotli bytes> br, <gzip bytes> gz`; the report fails above the
first-lesson budget. Usage: size-report.py DIST_DIR"""
import glob
import gzip
import json
import os
import re
import subprocess
import sys


# The product's 3G budget for everything before the first Run, in brotli bytes: 170 KB
# before the app was split, 140 KB since (issue "Room to grow"), enforced.
BUDGET = 140_000

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def brotli_size(data: bytes) -> int:
    out = subprocess.run(["brotli", "-q", "11", "-c"], input=data, capture_output=True, check=True)
    return len(out.stdout)


def sizes(dist, name):
    with open(os.path.join(dist, name), "rb") as f:
        data = f.read()
    return len(data), len(gzip.compress(data, 9)), brotli_size(data)


def table(dist, title, names):
    print(f"\n{title}")
    print(f"{'file':<52} {'raw':>9} {'gzip':>9} {'brotli':>9}")
    total = [0, 0, 0]
    for name in names:
        row = sizes(dist, name)
        total = [t + r for t, r in zip(total, row)]
        print(f"{name:<52} {row[0]:>9} {row[1]:>9} {row[2]:>9}")
    print(f"{'total':<52} {total[0]:>9} {total[1]:>9} {total[2]:>9}")
    return total


def every_file(dist):
    out = []
    for base, _, files in os.walk(dist):
        for f in files:
            out.append(os.path.relpath(os.path.join(base, f), dist).replace(os.sep, "/"))
    return sorted(out)


def main() -> int:
    dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
    top = sorted(os.listdir(dist))
    full = [n for n in top if n.startswith("tafukt-full-")] + ["full.js", "full.css"]
    studio = [n for n in top if n.startswith("tafukt-studio-")] + ["studio.css"]
    # The core app: trunk's hashed loader, wasm and initializer, the start script (trunk's
    # inline one, moved to a file for the Content-Security-Policy), the boot script and styles
    # (with the fonts' @font-face rules, though not the fonts).
    core = ["index.html"] + [n for n in top if re.match(r"((tafukt-web|boot|app|init|fonts)-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)|[0-9a-f]{8,16}-progress\.js)$", n)]

    with open(os.path.join(ROOT, "lessons", "index.json"), encoding="utf-8") as f:
        first = json.load(f)["courses"][0]["units"][0]["lessons"][0]

    def language_files(tag):
        return [f"messages/{tag}.txt", f"lessons/{tag}/index.bin", f"lessons/{tag}/{first}.bin"]

    tags = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(dist, "messages", "*.txt"))
                  if os.path.basename(p).count(".") == 1)
    core += max((language_files(t) for t in tags), key=lambda names: sum(sizes(dist, n)[2] for n in names))
    first_load = table(dist, "First-lesson load (before the first Run of lesson 1)", core)
    part = table(dist, "On-demand part: the full app (arena, drawing, course map, teacher mode)", full)
    studio_part = table(dist, "On-demand part: the studio app (the full app and the teacher studio;"
                        " fetched only when a teacher opens it)", studio)
    font_dir = os.path.join(dist, "fonts")
    fonts = ["fonts/" + n for n in sorted(os.listdir(font_dir))] if os.path.isdir(font_dir) else []
    if fonts:
        table(dist, "fonts: fetched only on a device without them, in Tamazight or Arabic", fonts)
        for script, prefix in (("a Tamazight", "fonts/tifinagh-"), ("an Arabic", "fonts/arabic-")):
            mine = sum(sizes(dist, n)[0] for n in fonts if n.startswith(prefix))
            print(f"{script + ' pupil without the font downloads':<52} {mine:>9} bytes (woff2)")
    kept = [n for n in every_file(dist) if n not in ("tafukt.html",) and n not in studio]
    offline = [sum(sizes(dist, n)[i] for n in kept) for i in range(3)]
    print(f"\n{'offline total (' + str(len(kept)) + ' files kept after one visit)':<52} {offline[0]:>9} {offline[1]:>9} {offline[2]:>9}")
    if os.path.exists(os.path.join(dist, "tafukt.html")):
        single = sizes(dist, "tafukt.html")
        print(f"{'tafukt.html (one file for USB sticks)':<52} {single[0]:>9} {single[1]:>9} {single[2]:>9}")

    # What the engine's crates weigh inside the core wasm (the linker's output still has names).
    linked = os.path.join(ROOT, "target", "wasm32-unknown-unknown", "release", "tafukt-web.wasm")
    if os.path.exists(linked):
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from wasm_code_by_crate import code_sizes
        with open(linked, "rb") as f:
            funcs = code_sizes(f.read())
        code = sum(size for _, size in funcs)
        print()
        for crate in ("tafukt_vm", "tafukt_lang", "tafukt_world", "tafukt_lesson", "tafukt_i18n"):
            mine = sum(size for n, size in funcs if f"{len(crate)}{crate}" in n)
            print(f"{crate + ' code (core app)':<52} {mine:>9} of {code} code bytes before wasm-opt")
    print(f"full-part: {part[2]} br")
    print(f"studio-part: {studio_part[2]} br")
    print(f"first-load: {first_load[2]} br, {first_load[1]} gz (budget {BUDGET})")
    if first_load[2] > BUDGET:
        print(f"over the first-load budget of {BUDGET} B brotli by {first_load[2] - BUDGET} B", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Prints raw, gzip and brotli sizes of every file the page loads before a pupil's first Run
(html, js, wasm, css, and in the pupil's language the catalogue, the lesson index and the
first lesson) and a last line `first-load: <brotli bytes> br, <gzip bytes> gz`. The
language counted is the one whose three files weigh most, so the figure holds for every
pupil. Usage: size-report.py DIST_DIR"""
import glob
import gzip
import json
import os
import subprocess
import sys


# The product's 3G budget for everything before the first Run, in brotli bytes.
BUDGET = 170_000


def brotli_size(data: bytes) -> int:
    out = subprocess.run(["brotli", "-q", "11", "-c"], input=data, capture_output=True, check=True)
    return len(out.stdout)


def main() -> int:
    dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
    files = ["index.html"]
    for pattern in ("*.js", "*.wasm", "*.css"):
        files += sorted(os.path.basename(p) for p in glob.glob(os.path.join(dist, pattern)))
    # The service worker is registered once the page has loaded, to keep it for next time:
    # it is not part of what comes before the first Run.
    files = [f for f in files if f != "sw.js"]
    def language_files(tag):
        # The course's first lesson, as the source index names it (the bundle is binary).
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lessons", "index.json"),
                  encoding="utf-8") as f:
            index = json.load(f)
        first = index["courses"][0]["units"][0]["lessons"][0]
        return [f"messages/{tag}.txt", f"lessons/{tag}/index.bin", f"lessons/{tag}/{first}.bin"]

    def weight(names):
        total = 0
        for name in names:
            with open(os.path.join(dist, name), "rb") as f:
                total += brotli_size(f.read())
        return total

    # `xx.more.txt` (messages of problems) is fetched after the first load.
    tags = sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(dist, "messages", "*.txt"))
                  if os.path.basename(p).count(".") == 1)
    files += max((language_files(t) for t in tags), key=weight)
    total_br = total_gz = total_raw = 0
    print(f"{'file':<44} {'raw':>9} {'gzip':>9} {'brotli':>9}")
    for name in files:
        with open(os.path.join(dist, name), "rb") as f:
            data = f.read()
        gz = len(gzip.compress(data, 9))
        br = brotli_size(data)
        total_raw += len(data)
        total_gz += gz
        total_br += br
        print(f"{name:<44} {len(data):>9} {gz:>9} {br:>9}")
    print(f"{'total':<44} {total_raw:>9} {total_gz:>9} {total_br:>9}")
    # What the engine's crates weigh inside the wasm (the linker's output still has names).
    linked = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target",
                          "wasm32-unknown-unknown", "release", "tafukt-web.wasm")
    if os.path.exists(linked):
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from wasm_code_by_crate import code_sizes
        with open(linked, "rb") as f:
            funcs = code_sizes(f.read())
        code = sum(size for _, size in funcs)
        for crate in ("tafukt_vm", "tafukt_lang", "tafukt_world", "tafukt_lesson", "tafukt_i18n"):
            mine = sum(size for n, size in funcs if f"{len(crate)}{crate}" in n)
            print(f"{crate + ' code':<44} {mine:>9} of {code} code bytes before wasm-opt")
    print(f"first-load: {total_br} br, {total_gz} gz")
    if total_br > BUDGET:
        print(f"over the first-load budget of {BUDGET} B brotli by {total_br - BUDGET} B", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Sums the code bytes of a wasm module's functions by the crate their (mangled or demangled)
names mention, using the module's name section. Reads the linker's output before wasm-opt
strips the names, so figures are pre-optimisation. Usage: wasm_code_by_crate.py FILE CRATE..."""
import sys


def leb(data, i):
    result = shift = 0
    while True:
        b = data[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def sections(data):
    i = 8
    while i < len(data):
        sid = data[i]
        size, i = leb(data, i + 1)
        yield sid, data[i:i + size]
        i += size


def code_sizes(data):
    imports = 0
    bodies = []
    names = {}
    for sid, body in sections(data):
        if sid == 2:  # imports: imported functions come first in the index space
            count, j = leb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    n, j = leb(body, j)
                    j += n
                kind = body[j]
                j += 1
                if kind == 0:
                    _, j = leb(body, j)
                    imports += 1
                elif kind == 1:
                    j += 1
                    flags, j = leb(body, j)
                    _, j = leb(body, j)
                    if flags & 1:
                        _, j = leb(body, j)
                elif kind == 2:
                    flags, j = leb(body, j)
                    _, j = leb(body, j)
                    if flags & 1:
                        _, j = leb(body, j)
                elif kind == 3:
                    j += 2
                else:
                    j += 1
                    _, j = leb(body, j)
        elif sid == 10:
            count, j = leb(body, 0)
            for _ in range(count):
                size, j = leb(body, j)
                bodies.append(size)
                j += size
        elif sid == 0:
            n, j = leb(body, 0)
            if body[j:j + n] != b"name":
                continue
            j += n
            while j < len(body):
                sub = body[j]
                size, j = leb(body, j + 1)
                end = j + size
                if sub == 1:
                    count, k = leb(body, j)
                    for _ in range(count):
                        idx, k = leb(body, k)
                        ln, k = leb(body, k)
                        names[idx] = body[k:k + ln].decode("utf-8", "replace")
                        k += ln
                j = end
    return [(names.get(imports + i, ""), size) for i, size in enumerate(bodies)]


def main():
    path, crates = sys.argv[1], sys.argv[2:]
    with open(path, "rb") as f:
        funcs = code_sizes(f.read())
    total = sum(s for _, s in funcs)
    for crate in crates:
        # Mangled names spell the crate as <len><name>, e.g. 9tafukt_vm.
        mangled = f"{len(crate)}{crate}"
        mine = sum(s for n, s in funcs if mangled in n or f"{crate}::" in n)
        print(f"{crate}-code: {mine} of {total} code bytes (before wasm-opt)")


if __name__ == "__main__":
    main()

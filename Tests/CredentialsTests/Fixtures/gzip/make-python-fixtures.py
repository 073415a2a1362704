#!/usr/bin/env python3
"""Writes python-zlib.json: GZIP data made by Python's gzip and zlib modules (zlib 1.x), for
Mochila's decoder to inflate. The inputs are generated, so the Swift tests rebuild them (see
GZIPFixtures in Tests/CredentialsTests/GZIPTests.swift); nothing else is needed to rerun this.

    python3 make-python-fixtures.py > python-zlib.json
"""
import base64, gzip, json, struct, sys, zlib

def inputs():
    sparse = bytearray(16384)
    for i in range(300):
        bit = (i * 7919) % 131072
        sparse[bit >> 3] |= 0x80 >> (bit & 7)
    text = "".join(f"{i:05d} the quick brown fox jumps over the lazy dog\n" for i in range(1400)).encode()
    x, rnd = 0x2545F4914F6CDD1D, bytearray()
    for _ in range(8000):
        x = (x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        rnd.append(x >> 56)
    return {"empty": b"", "zeros16k": bytes(16384), "sparse16k": bytes(sparse), "text": text, "random8k": bytes(rnd)}

def raw_deflate(data, level=6, strategy=zlib.Z_DEFAULT_STRATEGY):
    c = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    return c.compress(data) + c.flush()

def member(data, deflated, flags=0, extra=b"", name=b"", comment=b""):
    header = struct.pack("<BBBBIBB", 0x1F, 0x8B, 8, flags, 0, 0, 3)
    if flags & 4: header += struct.pack("<H", len(extra)) + extra
    if flags & 8: header += name + b"\0"
    if flags & 16: header += comment + b"\0"
    if flags & 2: header += struct.pack("<H", zlib.crc32(header) & 0xFFFF)
    return header + deflated + struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF)

cases = []
for name, data in inputs().items():
    variants = {
        "gzip-level9": gzip.compress(data, compresslevel=9, mtime=0),
    }
    if name != "sparse16k":
        variants["gzip-level0-stored"] = gzip.compress(data, compresslevel=0, mtime=0)
    if name not in ("random8k", "text"):
        variants["huffman-only"] = member(data, raw_deflate(data, 9, zlib.Z_HUFFMAN_ONLY))
        variants["rle"] = member(data, raw_deflate(data, 9, zlib.Z_RLE))
    if name != "random8k":
        variants.update({
            "fixed-huffman-all-header-fields": member(data, raw_deflate(data, 6, zlib.Z_FIXED), flags=2 | 4 | 8 | 16,
                                                      extra=b"MO\x02\x00hi", name=b"list.bin", comment=b"status list"),
            "two-members": gzip.compress(data[: len(data) // 3], mtime=0) + gzip.compress(data[len(data) // 3 :], mtime=0),
        })
    for variant, blob in variants.items():
        assert gzip.decompress(blob) == data
        cases.append({"input": name, "variant": variant, "gzip": base64.b64encode(blob).decode()})

json.dump({"description": "GZIP data made by Python " + sys.version.split()[0] + " with zlib " + zlib.ZLIB_VERSION
           + " (see make-python-fixtures.py); each inflates to the named generated input.", "cases": cases},
          sys.stdout, indent=1)
print()

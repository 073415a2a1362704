#!/usr/bin/env python3
"""Reference QR Code matrices for QRCodeTests, made with segno (https://github.com/heuer/segno).

Run from this folder with segno 1.6.6 installed (`pip install segno==1.6.6`):

    python3 make-fixtures.py

It writes one `<name>.txt` per case (one line per row, `1` dark, `0` light, no quiet zone),
`cases.json` (the inputs and what segno chose) and `tables.json` (segno's block, alignment,
format and version tables). See SOURCES.md.
"""
import json
import os

import segno
from segno import consts, encoder

HERE = os.path.dirname(os.path.abspath(__file__))
UUID = "7d2c1a9e-3b4f-4c5d-8e6f-0a1b2c3d4e5f"
LONG_URL = (
    "https://mochila.example/verify?credential=" + UUID
    + "&issuer=did%3Aweb%3Auniversidad-andina.example&lang=es&format=ob3"
    + "&title=Gesti%C3%B3n%20de%20proyectos%20%C3%A1giles%20con%20Scrum"
    + "&skills=planificar%2Cconducir%2Cevaluar&hours=50&credits=2&eqf=6"
    + "&redirect=https%3A%2F%2Funiversidad-andina.example%2Fmicrocredenciales%2Fagil%2F2026"
)
LOREM = ("La Mochila guarda microcredenciales verificables: títulos, cursos y competencias, "
         "firmadas por la institución que las emite. ")

# (file name, text, error correction level)
CASES = [
    ("url-L", f"https://mochila.example/c/{UUID}", "L"),
    ("url-M", f"https://mochila.example/c/{UUID}", "M"),
    ("url-Q", f"https://mochila.example/c/{UUID}", "Q"),
    ("url-H", f"https://mochila.example/c/{UUID}", "H"),
    ("long-url-M", LONG_URL, "M"),
    ("accents-M", "Técnicas de soldadura — Año 2026", "M"),
    ("accents-latin1-Q", "Educación, diseño", "Q"),
    ("numeric-M", "20260310153000123456", "M"),
    ("numeric-H", "4", "H"),
    ("alphanumeric-Q", "HTTPS://MOCHILA.EXAMPLE/C/7D2C1A9E-3B4F", "Q"),
    ("alphanumeric-L", "AB", "L"),
    ("text-L", (LOREM * 12)[:1200], "L"),
    ("text-H", (LOREM * 4)[:400], "H"),
]

# segno 1.6.6 adds eight padding bits (a 0x00 codeword) when the bit stream after the terminator
# already ends on a codeword boundary; ISO/IEC 18004:2015 7.4.10 adds padding bits only when it
# does not. Every byte mode symbol with a full terminator is affected (readers still decode it,
# the 0x00 reads as a terminator). https://github.com/heuer/segno/issues/148 - the fix proposed there:
def write_padding_bits(buff, version, length):
    if version not in (consts.VERSION_M1, consts.VERSION_M3):
        buff.extend([0] * (-length % 8))


encoder.write_padding_bits = write_padding_bits

LEVELS = {"L": consts.ERROR_LEVEL_L, "M": consts.ERROR_LEVEL_M,
          "Q": consts.ERROR_LEVEL_Q, "H": consts.ERROR_LEVEL_H}


def expected_mode(text):
    """The mode QRCode picks: the most compact one the whole text fits."""
    if text and all("0" <= c <= "9" for c in text):
        return "numeric"
    if text and all(c.encode() in [bytes([b]) for b in consts.ALPHANUMERIC_CHARS] for c in text):
        return "alphanumeric"
    return "byte"


N3_PATTERN = [1, 0, 1, 1, 1, 0, 1]


def lines(matrix):
    """Every row, then every column, as lists of 0 and 1."""
    size = len(matrix)
    return [list(row) for row in matrix] + [[matrix[y][x] for y in range(size)] for x in range(size)]


def finder_like(line, start):
    """Whether a 1:1:3:1:1 pattern at `start` has four light modules before or after it, the
    area outside the symbol (the quiet zone) counting as light."""
    def light(index):
        return index < 0 or index >= len(line) or not line[index]
    return line[start:start + 7] == N3_PATTERN and (
        all(light(i) for i in range(start - 4, start)) or all(light(i) for i in range(start + 7, start + 11)))


def n3_every_occurrence(line):
    """N3 as QRCode (and ZXing's MaskUtil) count it: 40 for every position where the pattern
    starts, overlapping ones included (10111010000 and 1011101 can share a dark module)."""
    return 40 * sum(finder_like(line, start) for start in range(len(line) - 6))


def n3_skipping_overlaps(line):
    """N3 as segno 1.6.6 counts it: after a counted pattern the search resumes past its end, so
    a pattern overlapping it is not counted. Only used to check that this is the sole difference."""
    count, start = 0, 0
    while start <= len(line) - 7:
        if line[start:start + 7] != N3_PATTERN:
            start += 1
        elif finder_like(line, start):
            count, start = count + 40, start + 7
        else:
            start += 4
    return count


def make(text, level, mode, **options):
    # UTF-8 without ECI (segno would otherwise use ISO 8859-1 where it can); no boosting of the
    # level, which segno does by default; never Micro QR.
    return segno.make(text, error=level, mode=mode, encoding="utf-8" if mode == "byte" else None,
                      boost_error=False, micro=False, **options)


def main():
    cases = []
    for name, text, level in CASES:
        mode = expected_mode(text)
        automatic = segno.make(text, error=level, encoding="utf-8", boost_error=False, micro=False)
        assert automatic.mode == mode, (name, automatic.mode, mode)
        version = automatic.version
        # Every mask's complete symbol, with its format information, scored (ISO/IEC 18004:2015
        # 7.8.3.1: "the area to be evaluated is the complete symbol") by segno's own N1-N4, except
        # that N3 counts every occurrence of the finder-like pattern (see n3_every_occurrence).
        scores = []
        matrices = []
        for mask in range(8):
            qr = make(text, level, mode, version=version, mask=mask)
            assert qr.version == version and qr.mask == mask
            size = len(qr.matrix)
            n1, n2, n3, n4 = encoder.mask_scores(qr.matrix, size, size)
            assert n3 == sum(n3_skipping_overlaps(line) for line in lines(qr.matrix)), name
            scores.append({"n1": n1, "n2": n2, "n3": sum(n3_every_occurrence(line) for line in lines(qr.matrix)),
                           "n4": n4, "segnoN3": n3})
            matrices.append(qr.matrix)
        penalties = [score["n1"] + score["n2"] + score["n3"] + score["n4"] for score in scores]
        best = min(range(8), key=lambda mask: (penalties[mask], mask))
        # What the complete-symbol evaluation would pick with segno's N3, to tell the two
        # differences from segno's own choice apart in SOURCES.md.
        segno_totals = [score["n1"] + score["n2"] + score["segnoN3"] + score["n4"] for score in scores]
        best_with_segno_n3 = min(range(8), key=lambda mask: (segno_totals[mask], mask))
        with open(os.path.join(HERE, name + ".txt"), "w") as out:
            for row in matrices[best]:
                out.write("".join("1" if bit else "0" for bit in row) + "\n")
        cases.append({
            "name": name, "text": text, "correction": level, "mode": mode, "version": version,
            "mask": best, "maskWithSegnoN3": best_with_segno_n3, "segnoMask": automatic.mask, "penalties": scores,
        })
        print(f"{name}: version {version} {mode} mask {best} (with segno's N3 {best_with_segno_n3}, "
              f"segno's own choice {automatic.mask})")
    with open(os.path.join(HERE, "cases.json"), "w") as out:
        json.dump({"segno": segno.__version__, "cases": cases}, out, ensure_ascii=False, indent=1)
        out.write("\n")

    # Table 9 (blocks), Annex E (alignment), Annex C (format) and Annex D (version) as segno has them.
    tables = {"blocks": {}, "alignment": {}, "format": {}, "version": {}}
    for version in range(1, 41):
        tables["blocks"][str(version)] = {
            level: [list(group) for group in consts.ECC[version][code]] for level, code in LEVELS.items()}
        tables["alignment"][str(version)] = list(consts.ALIGNMENT_POS[version - 2]) if version > 1 else []
    for level, code in LEVELS.items():
        # FORMAT_INFO is ordered by the level's two-bit value (M 00, L 01, H 10, Q 11), then mask.
        tables["format"][level] = [consts.FORMAT_INFO[code * 8 + mask] for mask in range(8)]
    for version in range(7, 41):
        tables["version"][str(version)] = consts.VERSION_INFO[version - 7]
    with open(os.path.join(HERE, "tables.json"), "w") as out:
        json.dump(tables, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()

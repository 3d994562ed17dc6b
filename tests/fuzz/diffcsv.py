#!/usr/bin/env python3
"""diffcsv.py — differential fuzzing of polc's CSV reader (runtime/csv.c) against Python's csv
module, on generated hostile files: both must find the same records on the same lines, with
the same cells, and reject the same records.

  diffcsv.py --dump BUILD/tests/csvdump [--files N] [--seed S] [--keep DIR]

Each file is a random mix of plain cells (ASCII, Chinese, tabs and spaces inside, bytes that
are not UTF-8, NUL bytes), quoted cells (commas, LF and CRLF, doubled quotes inside), and
hostile ones: an unterminated quote that runs over the following lines, text after a closing
quote, a quote inside a plain cell; records end in LF or CRLF, some lines are blank
or hold only blanks, some files start with a BOM, the last record may lack its line end.

The reference is csv.reader(strict=True) over the file decoded with surrogateescape (a record
it cannot parse is rejected, and it resumes at the next line, as polc does), plus the rules
in which polc deliberately differs from the csv module, each one documented in runtime/csv.c
and spec/DATA.md:
  R1 a line holding nothing but blanks (space, tab, U+3000) is skipped (csv gives [] or
     ["  "]);
  R2 a quote inside an unquoted cell makes the record malformed (csv keeps it as text);
  R3 a record with bytes that are not UTF-8, or a NUL byte, is rejected;
  R4 a byte order mark at the start of the file is not part of the first cell.
The generator leaves out what polc does differently and csv cannot be told apart in which polc differs and csv cannot be told apart:
blanks at the edges of plain cells (polc trims them, csv does not, and csv's output does not
say whether a cell was quoted), blanks before an opening quote (polc skips them and reads a
quoted cell; csv reads a plain cell with quotes in it), blanks between a closing quote and
the comma (polc skips them, strict csv rejects the record) and a lone CR (csv ends a line
there, polc keeps it in the cell). Blanks (space, tab) appear inside plain cells only.

Prints "[PASS] diffcsv: ..." or "[FAIL] diffcsv: ..." with the first differing file kept
(--keep, default a temporary directory that is then not removed) and both readings.
Exit 0 when every file agreed, 1 otherwise."""
import argparse
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile

PLAIN = ["a", "b", "Z", "0", "7", ".", "-", "中", "文", "县区", "%"]
INNER = [" ", "\t", "　"]  # blanks allowed inside a plain cell, never at its edges
BAD = [b"\xff", b"\xc3", b"\xe4\xb8", b"\xed\xa0\x80", b"\xc0\xaf", b"\x00"]
# no space or tab inside quoted cells: after a malformed record both readers resume at the next
# line, which may start inside what was a quoted cell, and a blank there before a quote is a
# rule of polc's (below) that csv does not know
QUOTED_EXTRA = [",", "\n", "\r\n", '""', "　"]


def plain_cell(rnd):
    n = rnd.randint(1, 6)
    parts = [rnd.choice(PLAIN).encode() for _ in range(n)]
    if n > 2 and rnd.random() < 0.3:
        parts.insert(rnd.randint(1, n - 1), rnd.choice(INNER).encode())
    if rnd.random() < 0.03:
        parts.insert(rnd.randint(0, len(parts)), rnd.choice(BAD))
    return b"".join(parts)


def quoted_body(rnd):
    parts = []
    for _ in range(rnd.randint(0, 6)):
        if rnd.random() < 0.35:
            parts.append(rnd.choice(QUOTED_EXTRA).encode())
        else:
            parts.append(rnd.choice(PLAIN).encode())
    if rnd.random() < 0.02:
        parts.append(rnd.choice(BAD))
    return b"".join(parts)


def cell(rnd):
    r = rnd.random()
    if r < 0.50:
        return plain_cell(rnd)
    if r < 0.88:
        return b'"' + quoted_body(rnd) + b'"'
    if r < 0.92:
        return b""
    if r < 0.94:
        return b'"' + quoted_body(rnd)  # unterminated: runs on
    if r < 0.97:
        return b'"' + quoted_body(rnd) + b'"' + plain_cell(rnd)  # text after the quote
    p = plain_cell(rnd)
    k = rnd.randint(1, len(p)) if len(p) > 1 else 1
    return p[:k] + b'"' + p[k:]  # a quote inside a plain cell


def gen_file(rnd):
    out = [b"\xef\xbb\xbf"] if rnd.random() < 0.2 else []
    nrec = rnd.randint(1, 12)
    for i in range(nrec):
        r = rnd.random()
        if r < 0.07:
            out.append(rnd.choice([b"", b"  ", b"\t", b" \t "]) + rnd.choice([b"\n", b"\r\n"]))
            continue
        out.append(b",".join(cell(rnd) for _ in range(rnd.randint(1, 5))))
        last = i == nrec - 1
        if not (last and rnd.random() < 0.3):
            out.append(rnd.choice([b"\n", b"\r\n"]))
    return b"".join(out)


def stray_quote(raw):
    """R2: the line (0-based, within raw: the lines csv read for one record) of the first quote
    inside an unquoted cell, or None. polc's record ends with that line."""
    i, n, start, line = 0, len(raw), True, 0
    while i < n:
        c = raw[i]
        if start and c == '"':
            i += 1
            while i < n:
                if raw[i] == '"':
                    if i + 1 < n and raw[i + 1] == '"':
                        i += 2
                        continue
                    break
                line += raw[i] == "\n"
                i += 1
            i += 1
            start = False
            continue
        if c == '"':
            return line
        line += c == "\n"
        start = c in ",\n"
        i += 1
    return None


def reference(data):
    """[(line, cells) or (line, None) for a rejected record]"""
    text = data.decode("utf-8", "surrogateescape")
    if text.startswith("\ufeff"):  # R4
        text = text[1:]
    lines = io.StringIO(text, newline="").readlines()
    out, pos = [], 0  # pos: the index of the line the next record starts on
    while pos < len(lines):
        # a reader per record: after a malformed record (R2) polc resumes at the next line,
        # where csv, which saw no error, would have gone on
        rd = csv.reader(iter(lines[pos:]), strict=True)
        try:
            row = next(rd)
            err = False
        except StopIteration:
            break
        except csv.Error:
            row, err = None, True
        used = max(rd.line_num, 1)
        raw = "".join(lines[pos : pos + used])
        here = pos + 1
        stray = stray_quote(raw)
        if stray is not None and stray < used - 1:
            used = stray + 1  # R2 ends the record before csv did
            err = True
        elif stray is not None:
            err = True
        pos += used
        if err:
            out.append((here, None))
            continue
        if row == [] or (len(row) == 1 and row[0].strip(" \t\u3000") == "" and '"' not in raw):
            continue  # R1
        if any("\x00" in c or any("\udc80" <= ch <= "\udcff" for ch in c) for c in row):
            out.append((here, None))  # R3
        else:
            out.append((here, row))
    return out


def polc(dump, path):
    p = subprocess.run([dump, path], capture_output=True, check=False)
    if p.returncode != 0:
        return None, "csvdump exit %d: %s" % (p.returncode, p.stderr.decode(errors="replace"))
    out, end = [], None
    for ln in p.stdout.decode("utf-8", "surrogateescape").splitlines():
        j = json.loads(ln)
        if "end" in j:
            end = j["end"]
        elif "error" in j:
            out.append((j["line"], None))
        else:
            out.append((j["line"], j["cells"]))
    return out, end


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", required=True)
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--keep")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    tmp = a.keep or tempfile.mkdtemp(prefix="polc-diffcsv.")
    os.makedirs(tmp, exist_ok=True)
    path = os.path.join(tmp, "hostile.csv")
    records = rejected = 0
    for k in range(a.files):
        data = gen_file(rnd)
        with open(path, "wb") as f:
            f.write(data)
        want = reference(data)
        got, end = polc(a.dump, path)
        if got != want or end != "ok":
            keep = os.path.join(tmp, "differs-%d.csv" % k)
            os.rename(path, keep)
            print("[FAIL] diffcsv: seed %d file %d (%s) differs:" % (a.seed, k, keep))
            print("  bytes:  %r" % data)
            print("  python: %r" % want)
            print("  polc:   %r (end %r)" % (got, end))
            return 1
        records += len(want)
        rejected += sum(1 for _, c in want if c is None)
    os.unlink(path)
    if not a.keep:
        os.rmdir(tmp)
    print(
        "[PASS] diffcsv: %d hostile files (seed %d), %d records, %d rejected: polc's reader "
        "and Python's csv agree" % (a.files, a.seed, records, rejected)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

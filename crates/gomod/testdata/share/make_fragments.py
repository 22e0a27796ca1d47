#!/usr/bin/env python3
"""Writes the version-1 golden fragments of testdata/share with python's zlib, independently of
our own compressor: raw DEFLATE (wbits -15) at levels 9 (dynamic Huffman blocks), 1 and 0 (stored
blocks). The .golden files hold the decoded state, checked by reading them against the texts
below. Run once per new case; existing fragments must never change (old links must keep working).
"""
import base64, hashlib, os, zlib

HERE = os.path.dirname(os.path.abspath(__file__))

def fragment(text: bytes, level: int, version: int = 1) -> str:
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    data = bytes([version]) + c.compress(text) + c.flush()
    return base64.urlsafe_b64encode(data).decode().rstrip("=")

def h1_gomod(data: bytes) -> str:
    inner = hashlib.sha256(data).hexdigest() + "  go.mod\n"
    return "h1:" + base64.b64encode(hashlib.sha256(inner.encode()).digest()).decode()

DEP = b"module golang.org/x/text\n\ngo 1.18\n"
CASES = {
    "v1-settings-level9": (9, b"""A comment line without a key is ignored.
go-version: 1.21.13
gotoolchain: auto
view: graph
focus: golang.org/x/text
file: go.sum
future-key: ignored by version 1
-- go.mod --
module example.com/hello

go 1.21

require golang.org/x/text v0.14.0
-- go.sum --
golang.org/x/text v0.14.0 h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=
golang.org/x/text v0.14.0/go.mod h1:18ZOQIKpY8NJVqYksKHtTdi31H5itFRjB5/qKTNYzSU=
"""),
    "v1-newline-quoted-level1": (1, b"""go-version:
no-final-newline: go.mod
quoted: notes.txt
-- go.mod --
module example.com/m
-- notes.txt --
>-- not a file --
>second line
"""),
    "v1-derived-sums-stored": (0, b"""derived-sums: go.sum
-- go.mod --
module example.com/m

require golang.org/x/text v0.14.0
-- go.sum --
golang.org/x/text v0.14.0 h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=
golang.org/x/text v0.14.0/go.mod
-- golang.org/x/text/@v/v0.14.0.mod --
""" + DEP),
    "v1-duplicate-file": (9, b"-- go.mod --\nmodule a\n-- go.mod --\nmodule b\n"),
}

for name, (level, text) in CASES.items():
    with open(os.path.join(HERE, name + ".in"), "w") as f:
        f.write(f"# make_fragments.py: zlib level {level}, raw DEFLATE, of:\n")
        for line in text.decode().splitlines():
            f.write(f"#   {line}\n")
        if name == "v1-derived-sums-stored":
            f.write(f"# The derived go.sum hash (python hashlib): {h1_gomod(DEP)}\n")
        f.write(fragment(text, level) + "\n")

with open(os.path.join(HERE, "v2-unknown-version.in"), "w") as f:
    f.write("# make_fragments.py: version byte 2, which version 1 cannot read.\n")
    f.write(fragment(b"-- go.mod --\nmodule m\n", 9, version=2) + "\n")
with open(os.path.join(HERE, "v1-truncated.in"), "w") as f:
    f.write("# make_fragments.py: the level-9 settings case cut to its first 40 characters.\n")
    f.write(fragment(CASES["v1-settings-level9"][1], 9)[:40] + "\n")

#!/usr/bin/env python3
"""Prints the go.sum that the real go command writes for a case's files.

Usage: go-sum-for.py CASE.txtar [GO]. The case's workspace files go to a module directory, its
GOPROXY-layout files (PATH/@v/...) to a file proxy (with the .info files go asks for), and
`go list -m all` runs with GOFLAGS=-mod=mod, GOTOOLCHAIN=local, GOSUMDB=off. The go.sum go
writes is printed; if go also rewrote go.mod, that is reported on stderr (the case's go.mod is
then not what go considers consistent, which the case must intend).
"""
import os
import re
import subprocess
import sys
import tempfile

workspace = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..")
go = sys.argv[2] if len(sys.argv) > 2 else os.path.join(workspace, ".venv", "bin", "go")
text = open(sys.argv[1], encoding="utf-8").read()
parts = re.split(r"^-- (.+?) --\n", text, flags=re.M)
files = dict(zip(parts[1::2], parts[2::2]))
with tempfile.TemporaryDirectory() as tmp:
    mod, proxy = os.path.join(tmp, "m"), os.path.join(tmp, "p")
    for name, data in files.items():
        if name in ("want", "go.sum"):
            continue
        path = os.path.join(proxy if "/@v/" in name else mod, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "w", encoding="utf-8").write(data)
        if "/@v/" in name and name.endswith(".mod"):
            version = name.rsplit("/", 1)[1][: -len(".mod")]
            open(path[: -len(".mod")] + ".info", "w").write(
                '{"Version":"%s","Time":"2024-01-01T00:00:00Z"}' % version)
    env = dict(os.environ, GOTOOLCHAIN="local", GOWORK="off", GOSUMDB="off",
               GOPROXY="file://" + proxy, GOFLAGS="-mod=mod -modcacherw",
               GOPATH=os.path.join(tmp, "gopath"))
    out = subprocess.run([go, "list", "-m", "all"], cwd=mod, env=env, capture_output=True, text=True)
    sys.stderr.write(out.stderr)
    if open(os.path.join(mod, "go.mod")).read() != files.get("go.mod"):
        sys.stderr.write("note: go rewrote go.mod:\n" + open(os.path.join(mod, "go.mod")).read())
    sum_path = os.path.join(mod, "go.sum")
    if os.path.exists(sum_path):
        sys.stdout.write(open(sum_path).read())

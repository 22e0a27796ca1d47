#!/usr/bin/env python3
"""Writes the gallery's example bundles (www/examples/*.txtar).

Each example is a txtar archive: a header (title, go-version, gotoolchain, expect: the diagnostic
codes the playground must report), a description, then the files. Every `/go.mod h1:` line of a
go.sum is computed here from the go.mod text the bundle serves for that version, with the core's
hash (`gomodplay sum FILE`, which the sum helper checks against go). Where the go.mod text is the
module's real one, the hash equals the public one: github.com/google/uuid v1.6.0
(TIyPZe4M...), github.com/google/go-cmp v0.6.0 (17dUlkBO...), github.com/russross/blackfriday/v2
v2.1.0 (+Rmxgy9K...) and github.com/BurntSushi/toml v1.4.1-0.20240526193622-a339e1f7089c
(ukJfTF/6...) match go.sum files in
/work/shared/corpus. Zip hashes (`path version h1:`) are copied from those real go.sum files.

Run from the repository root after `cargo build -p gomodplay-cli`:
    python3 www/examples/generate.py
"""
import os
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.path.join(ROOT, "target", "debug", "gomodplay")
OUT = os.path.join(ROOT, "www", "examples")

# Real zip hashes, from go.sum files in /work/shared/corpus.
ZIP = {
    ("github.com/google/uuid", "v1.6.0"): "h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=",
    ("github.com/google/go-cmp", "v0.6.0"): "h1:ofyhxvXcZhMsU5ulbFiLKl/XBFqE1GSq7atu8tAmTRI=",
    ("github.com/pkg/errors", "v0.9.1"): "h1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=",
    ("github.com/russross/blackfriday/v2", "v2.1.0"): "h1:JIOH55/0cWyOuilr9/qlrm0BSXldqnqwMsf35Ld67mk=",
    ("github.com/BurntSushi/toml", "v1.4.1-0.20240526193622-a339e1f7089c"): "h1:pxW6RcqyfI9/kWtOwnv/G+AzdKuy2ZrqINhenH4HyNs=",
    ("google.golang.org/genproto", "v0.0.0-20230410155749-daa745c078e1"): "h1:KpwkzHKEF7B9Zxg18WzOa7djJ+Ha5DzthMyZYQfEn2A=",
    ("google.golang.org/genproto/googleapis/api", "v0.0.0-20240814211410-ddb44dafa142"): "h1:wKguEg1hsxI2/L3hUYrpo1RVi48K+uTyzKqprwLXsb8=",
}

# go.mod texts as the proxy serves them. Modules without a go.mod of their own get the
# synthesized one-line `module PATH` file, as the go command does.
UUID = "module github.com/google/uuid\n"
GO_CMP = "module github.com/google/go-cmp\n\ngo 1.13\n"
PKG_ERRORS = "module github.com/pkg/errors\n"
TOML_2024 = "module github.com/BurntSushi/toml\n\ngo 1.18\n"
BLACKFRIDAY_V1 = "module github.com/russross/blackfriday\n"
BLACKFRIDAY_V2 = "module github.com/russross/blackfriday/v2\n"
LOGRUS = """module github.com/sirupsen/logrus

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/stretchr/testify v1.7.0
	golang.org/x/sys v0.0.0-20220715151400-c0bba94af5f8
)

go 1.13
"""
# genproto before and after googleapis/api was carved out of it (trimmed to the lines that
# matter here: the later one requires the nested module, the sign of the split).
GENPROTO_OLD = "module google.golang.org/genproto\n\ngo 1.19\n"
GENPROTO_SPLIT = "module google.golang.org/genproto\n\ngo 1.19\n\nrequire google.golang.org/genproto/googleapis/api v0.0.0-20230822172742-b8732ec3820d\n"
GOOGLEAPIS_API = "module google.golang.org/genproto/googleapis/api\n\ngo 1.21\n"
COMPRESS_OLD = "module github.com/klauspost/compress\n\ngo 1.15\n"
COMPRESS_LATEST = """module github.com/klauspost/compress

go 1.21

retract (
	// https://github.com/klauspost/compress/pull/503
	v1.14.3
	v1.14.2
	v1.14.1
)
"""


def escape(path):
    return "".join("!" + c.lower() if c.isupper() else c for c in path)


def gomod_hash(text):
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "go.mod")
        with open(p, "w") as f:
            f.write(text)
        return subprocess.run([CLI, "sum", p], check=True, capture_output=True, text=True).stdout.strip()


def proxy(path, version, text):
    return (f"{escape(path)}/@v/{version}.mod", text)


def go_sum(entries, zips=True):
    """entries: (path, version, go.mod text); lines sorted as go.sum sorts them."""
    lines = []
    for path, version, text in entries:
        if zips and (path, version) in ZIP:
            lines.append(f"{path} {version} {ZIP[(path, version)]}")
        lines.append(f"{path} {version}/go.mod {gomod_hash(text)}")
    return "\n".join(sorted(lines, key=lambda l: l.split(" ")[:2])) + "\n"


def write(name, title, go_version, toolchain, expect, description, files):
    header = f"title: {title}\ngo-version: {go_version}\ngotoolchain: {toolchain}\nexpect: {' '.join(expect)}\n\n{description.strip()}\n"
    body = "".join(f"-- {n} --\n{t}" for n, t in files)
    with open(os.path.join(OUT, f"{name}.txtar"), "w") as f:
        f.write(header + body)


write("01-go-version-build-script", "Go 1.24.1 module, Go 1.23.8 build script", "1.23.8", "local",
      ["go-version-too-new"],
      """A teammate ran `go get` with Go 1.24.1, which raised the go line. The CI image still runs
go 1.23.8 with GOTOOLCHAIN=local, and every build stops:
go: go.mod requires go >= 1.24.1 (running go 1.23.8; GOTOOLCHAIN=local).
Switch GOTOOLCHAIN to auto to see what a developer machine does instead.""",
      [("go.mod", "module github.com/acme/billing\n\ngo 1.24.1\n\nrequire github.com/google/uuid v1.6.0\n"),
       ("go.sum", go_sum([("github.com/google/uuid", "v1.6.0", UUID)])),
       proxy("github.com/google/uuid", "v1.6.0", UUID)])

write("02-module-myproject", "module myproject", "1.27.3", "local",
      ["module-path-no-dot"],
      """`go mod init myproject` works for a program built in place, but nobody can require the module
or `go install` it: the first path element has no dot, so it is not a host name.""",
      [("go.mod", "module myproject\n\ngo 1.22.0\n\nrequire github.com/pkg/errors v0.9.1\n"),
       ("go.sum", go_sum([("github.com/pkg/errors", "v0.9.1", PKG_ERRORS)])),
       proxy("github.com/pkg/errors", "v0.9.1", PKG_ERRORS)])

write("03-pseudo-version-drift", "Pseudo-version drift", "1.27.3", "local",
      ["pseudo-version"],
      """A fix was fetched with `go get github.com/BurntSushi/toml@master` in May 2024, a commit after
the v1.4.0 release, and never moved to a release: the requirement still pins that untagged commit.""",
      [("go.mod", "module github.com/acme/reporting\n\ngo 1.21.0\n\nrequire github.com/BurntSushi/toml v1.4.1-0.20240526193622-a339e1f7089c\n"),
       ("go.sum", go_sum([("github.com/BurntSushi/toml", "v1.4.1-0.20240526193622-a339e1f7089c", TOML_2024)])),
       proxy("github.com/BurntSushi/toml", "v1.4.1-0.20240526193622-a339e1f7089c", TOML_2024)])

write("04-committed-local-replace", "Committed local replace", "1.27.3", "local",
      ["replace-local-path"],
      """A `replace` pointing at a sibling checkout was committed. It works on its author's machine;
everywhere else (CI, `go install`, Renovate) the directory is missing.""",
      [("go.mod", "module github.com/acme/api\n\ngo 1.22.0\n\nrequire github.com/acme/platform/logging v0.4.0\n\nreplace github.com/acme/platform/logging => ../logging\n")])

write("05-two-module-paths", "Used for two different module paths", "1.27.3", "local",
      ["replace-two-paths"],
      """The team's fork github.com/acme/errors was retired by replacing it with upstream
github.com/pkg/errors, which is also required directly. One module version would then serve two
paths, and the go command refuses: "github.com/pkg/errors@v0.9.1 used for two different module
paths".""",
      [("go.mod", "module github.com/acme/agent\n\ngo 1.22.0\n\nrequire (\n\tgithub.com/acme/errors v0.3.0\n\tgithub.com/pkg/errors v0.9.1\n)\n\nreplace github.com/acme/errors => github.com/pkg/errors v0.9.1\n"),
       ("go.sum", go_sum([("github.com/pkg/errors", "v0.9.1", PKG_ERRORS)])),
       proxy("github.com/pkg/errors", "v0.9.1", PKG_ERRORS)])

write("06-sirupsen-case", "Sirupsen/logrus vs sirupsen/logrus", "1.27.3", "local",
      ["module-path-mismatch"],
      """logrus renamed its module to lower case in 2017. A project still requires the old
capitalised path, and the go.mod the proxy serves declares the new one. The fix requires the
declared path, under which the code then imports it.""",
      [("go.mod", "module github.com/acme/agent\n\ngo 1.22.0\n\nrequire github.com/Sirupsen/logrus v1.9.3\n"),
       ("go.sum", go_sum([("github.com/Sirupsen/logrus", "v1.9.3", LOGRUS)])),
       proxy("github.com/Sirupsen/logrus", "v1.9.3", LOGRUS),
       proxy("github.com/sirupsen/logrus", "v1.9.3", LOGRUS)])

write("07-missing-go-sum-entry", "Missing go.sum entry", "1.27.3", "local",
      ["sum-missing", "sum-missing-zip"],
      """A bot bumped go.mod to require go-cmp but did not update go.sum. Since Go 1.16 the go command
does not add the line itself: go: github.com/google/go-cmp@v0.6.0: missing go.sum entry.""",
      [("go.mod", "module github.com/acme/store\n\ngo 1.22.0\n\nrequire (\n\tgithub.com/google/go-cmp v0.6.0\n\tgithub.com/google/uuid v1.6.0\n)\n"),
       ("go.sum", go_sum([("github.com/google/uuid", "v1.6.0", UUID)])),
       proxy("github.com/google/go-cmp", "v0.6.0", GO_CMP),
       proxy("github.com/google/uuid", "v1.6.0", UUID)])

write("08-retracted-version", "Retracted version", "1.27.3", "local",
      ["retracted-version", "sum-missing-zip"],
      """klauspost/compress retracted v1.14.1 to v1.14.3 after a bug. go build stays silent; only
`go get` and `go list -m -u` warn.""",
      [("go.mod", "module github.com/acme/ingest\n\ngo 1.22.0\n\nrequire github.com/klauspost/compress v1.14.2\n"),
       ("go.sum", go_sum([("github.com/klauspost/compress", "v1.14.2", COMPRESS_OLD)])),
       ("github.com/klauspost/compress/@v/list", "v1.14.0\nv1.14.1\nv1.14.2\nv1.14.3\nv1.14.4\nv1.17.11\n"),
       proxy("github.com/klauspost/compress", "v1.14.2", COMPRESS_OLD),
       proxy("github.com/klauspost/compress", "v1.17.11", COMPRESS_LATEST)])

write("09-genproto-ambiguous-import", "genproto ambiguous import", "1.27.3", "local",
      ["ambiguous-import-risk"],
      """google.golang.org/genproto was split: googleapis/api moved into its own module. This go.mod
requires the new module next to a genproto from before the split, which still holds the
googleapis/api directory, and `go build` stops with "ambiguous import: found package
google.golang.org/genproto/googleapis/api/annotations in multiple modules". The fix raises genproto
to the first version whose go.mod requires googleapis/api. The pseudo-versions are no finding:
genproto has never been tagged, so a commit is the only way to require it.""",
      [("go.mod", "module github.com/acme/gateway\n\ngo 1.22.0\n\nrequire (\n\tgoogle.golang.org/genproto v0.0.0-20230410155749-daa745c078e1\n\tgoogle.golang.org/genproto/googleapis/api v0.0.0-20240814211410-ddb44dafa142\n)\n"),
       ("go.sum", go_sum([("google.golang.org/genproto", "v0.0.0-20230410155749-daa745c078e1", GENPROTO_OLD),
                          ("google.golang.org/genproto/googleapis/api", "v0.0.0-20240814211410-ddb44dafa142", GOOGLEAPIS_API)])),
       ("google.golang.org/genproto/@v/list", "v0.0.0-20230410155749-daa745c078e1\nv0.0.0-20230822172742-b8732ec3820d\n"),
       proxy("google.golang.org/genproto", "v0.0.0-20230410155749-daa745c078e1", GENPROTO_OLD),
       proxy("google.golang.org/genproto", "v0.0.0-20230822172742-b8732ec3820d", GENPROTO_SPLIT),
       proxy("google.golang.org/genproto/googleapis/api", "v0.0.0-20240814211410-ddb44dafa142", GOOGLEAPIS_API)])

write("10-incompatible-v2", "+incompatible v2", "1.27.3", "local",
      ["incompatible-version", "sum-missing-zip"],
      """blackfriday v2.0.0 was tagged before the repository had a go.mod, so it is required as
v2.0.0+incompatible; later v2 releases live at github.com/russross/blackfriday/v2, which
`go get -u` never moves to.""",
      [("go.mod", "module github.com/acme/docs\n\ngo 1.22.0\n\nrequire github.com/russross/blackfriday v2.0.0+incompatible\n"),
       ("go.sum", go_sum([("github.com/russross/blackfriday", "v2.0.0+incompatible", BLACKFRIDAY_V1)])),
       proxy("github.com/russross/blackfriday", "v2.0.0+incompatible", BLACKFRIDAY_V1)])

write("11-go-work-below-modules", "go.work below its modules", "1.27.3", "local",
      ["go-version-drift", "workspace-go-too-low"],
      """The worker module was raised to Go 1.24.0 by `go get`; the workspace's go.work still says 1.22.0:
go: module worker listed in go.work file requires go >= 1.24.0, but go.work lists go 1.22.0.""",
      [("go.work", "go 1.22.0\n\nuse (\n\t./api\n\t./worker\n)\n"),
       ("api/go.mod", "module github.com/acme/shop/api\n\ngo 1.22.0\n"),
       ("worker/go.mod", "module github.com/acme/shop/worker\n\ngo 1.24.0\n")])

write("12-inconsistent-vendoring", "Inconsistent vendoring", "1.27.3", "local",
      ["vendor-inconsistent"],
      """go.mod was bumped to uuid v1.6.0 but `go mod vendor` was not run again, so vendor/modules.txt
still records v1.5.0: go build fails with "inconsistent vendoring".""",
      [("go.mod", "module github.com/acme/cli\n\ngo 1.22.0\n\nrequire github.com/google/uuid v1.6.0\n"),
       ("go.sum", go_sum([("github.com/google/uuid", "v1.6.0", UUID)])),
       proxy("github.com/google/uuid", "v1.6.0", UUID),
       ("vendor/modules.txt", "# github.com/google/uuid v1.5.0\n## explicit\ngithub.com/google/uuid\n")])

write("13-merge-conflict", "Merge conflict left in go.mod", "1.27.3", "local",
      ["merge-conflict-markers", "syntax-error"],
      """Two branches bumped the same dependency; the conflict markers were committed (as in hugo at
d2ac9b2e5b7a). The go command cannot parse the file.""",
      [("go.mod", "module github.com/acme/site\n\ngo 1.22.0\n\nrequire (\n<<<<<<< HEAD\n\tgithub.com/google/uuid v1.6.0\n=======\n\tgithub.com/google/uuid v1.5.0\n>>>>>>> feature/ids\n)\n")])

write("14-bot-toolchain-line", "A bot's toolchain line", "1.27.3", "local",
      ["toolchain-not-above-go"],
      """A dependency bot added `toolchain go1.22.0` next to `go 1.22.0`. The line says nothing the go line
does not, and the next `go mod tidy` deletes it, so `go mod tidy -diff` fails in CI.""",
      [("go.mod", "module github.com/acme/notify\n\ngo 1.22.0\n\ntoolchain go1.22.0\n\nrequire github.com/google/uuid v1.6.0\n"),
       ("go.sum", go_sum([("github.com/google/uuid", "v1.6.0", UUID)])),
       proxy("github.com/google/uuid", "v1.6.0", UUID)])

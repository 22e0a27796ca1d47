//! The rule catalogue: stable codes, default severities, summaries and explanations (shown by
//! `gomodplay explain CODE` and in the web app).

use super::Severity;

/// One rule of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    /// The stable code (`duplicate-require`); never renamed once published.
    pub code: &'static str,
    /// The severity of its findings unless the rule says otherwise for a case.
    pub severity: Severity,
    /// One line.
    pub summary: &'static str,
    /// Paragraphs: what goes wrong, a real-world example, how to fix it.
    pub explanation: &'static str,
}

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// Every rule, in the order of the documentation.
pub const RULES: &[Rule] = &[
    Rule {
        code: "syntax-error",
        severity: Severity::Error,
        summary: "The go command cannot parse the file.",
        explanation: "The go command refuses a go.mod or go.work file that does not parse, and a go.sum line that does not have exactly three fields. The message is the go command's own (for example `usage: require module/path v1.2.3`), at the position the go command reports.\n\nReal-world example: hugo's go.mod at commit d2ac9b2e5b7a kept two branch names from a badly resolved merge conflict as lines of their own inside the require block; go mod edit answers `go.mod:66:3: usage: require module/path v1.2.3`.\n\nFix: edit the line the message points at. vendor/modules.txt has no syntax errors: the go command skips lines it does not understand.",
    },
    Rule {
        code: "not-formatted",
        severity: Severity::Info,
        summary: "The file is not in the canonical form that `go mod edit -fmt` writes.",
        explanation: "The go command rewrites go.mod and go.work in a canonical layout (sorted blocks, canonical versions, normalised quoting, no duplicate lines) whenever it changes them, so a hand-edited file produces noisy diffs later.\n\nReal-world example: a `require example.com/a v1.2` line is silently rewritten to `v1.2.0` by the next go command that writes go.mod.\n\nFix: `go mod edit -fmt` (or `go work edit -fmt`); the fix replaces the file with exactly that output.",
    },
    Rule {
        code: "module-path-no-dot",
        severity: Severity::Info,
        summary: "The module path's first element has no dot, so the module cannot be downloaded or required by other modules.",
        explanation: "A module path such as `myproject` works for a program built in place: nothing fails for the module itself. But the go command only downloads modules whose first path element looks like a host name, so `go install myproject@latest` cannot work, and another module requiring it stops with `go: malformed module path \"myproject\": missing dot in first path element`. For an application nobody imports that is fine (the paths `example/...` and `test/...` are even reserved for it), hence a note, not a warning.\n\nReal-world example: bare names like `module go-eth` (sc0Vu/go-eth#3) had to be renamed before anyone could depend on them.\n\nFix: when the module is to be shared, rename it to where it is published, for example `go mod edit -module=github.com/you/myproject`, and update its import paths.",
    },
    Rule {
        code: "module-path-invalid",
        severity: Severity::Error,
        summary: "The module line is missing or names a path the go command rejects.",
        explanation: "The go command checks the main module's path like an import path: no leading dash, no empty or dot-only elements, no characters outside its allowed set; `go` and `toolchain` are reserved, and a go.mod without a module line is refused with `missing module declaration`.\n\nReal-world example: `module -x` stops every command with `go: malformed module path \"-x\": leading dash`.\n\nFix: set the path with `go mod edit -module=example.com/mod`. An empty go.mod (used to carve a directory out of its parent module, as hugo does) is not reported.",
    },
    Rule {
        code: "pseudo-version",
        severity: Severity::Info,
        summary: "A direct requirement pins an untagged commit of a module that has tagged releases.",
        explanation: "`go get module@branch` or `@commit` records a pseudo-version such as `v1.4.1-0.20240102150405-abcdef123456` (a commit after v1.4.0). It is reproducible, but it hides which release you meant, and it often outlives the reason it was added.\n\nOnly direct requirements are reported (an `// indirect` one is what the dependencies chose), and only when a tagged release is known to exist: the pseudo-version builds on one, or the bundle lists a newer one. A `v0.0.0-...` pseudo-version of a module that has never been tagged is the normal way to depend on it, and `v0.0.0-00010101000000-000000000000` is the placeholder `go mod tidy` writes for a module replaced by a directory; neither is reported.\n\nReal-world example: a fix fetched with `go get example.com/lib@main` before it was released, never moved to the release that shipped it.\n\nFix: `go get module@upgrade` moves to the latest release when it is newer than the commit (`@latest` could go back to an older release), or the newer release the bundle lists.",
    },
    Rule {
        code: "major-version-mismatch",
        severity: Severity::Error,
        summary: "A version's major number does not match the module path's /vN suffix.",
        explanation: "Semantic import versioning: versions v2 and above of a module that has a go.mod live at a path ending in /v2, /v3, ... The go command rejects `require example.com/x v2.1.0` with `require example.com/x: version \"v2.1.0\" invalid: should be v0 or v1, not v2`.\n\nReal-world example: eko/gocache#91, dnaeon/go-vcr#64 — v2 tags without /v2 in the module path.\n\nFix: require the /vN path (and import it), or, for a v2+ module without a go.mod, the `+incompatible` version.",
    },
    Rule {
        code: "incompatible-version",
        severity: Severity::Info,
        summary: "A direct requirement uses a +incompatible version.",
        explanation: "`+incompatible` marks a v2+ version of a repository that had no go.mod at that tag. It works, but should the project publish later major versions as a module, they live at a /vN path that `go get -u` never moves to, so such requirements tend to stay old. Only direct requirements are reported: an `// indirect` one is what the dependencies chose.\n\nReal-world example: `github.com/russross/blackfriday v2.0.0+incompatible` next to the module `github.com/russross/blackfriday/v2`.\n\nFix: check whether the module now publishes a /vN path and require that instead.",
    },
    Rule {
        code: "excluded-version-required",
        severity: Severity::Error,
        summary: "go.mod requires a version that it also excludes.",
        explanation: "An excluded version is never used; when go.mod itself requires it, the go command prints `go: ignoring requirement on excluded version M V` and wants to rewrite the requirement to the next version, which under -mod=readonly (CI, go build) fails with `updates to go.mod needed`.\n\nFix: drop the exclude (`go mod edit -dropexclude=M@V`) if the version is acceptable, or `go get M@<newer>` to require a version that is not excluded.",
    },
    Rule {
        code: "duplicate-require",
        severity: Severity::Error,
        summary: "One module is required on two lines.",
        explanation: "The parser accepts two requirements of one module, but the go command keeps only the highest and wants to rewrite go.mod, so under -mod=readonly (the default for go build and go test) it stops with `go: updates to go.mod needed; to update it: go mod tidy`.\n\nReal-world example: a merge where both branches bumped the same dependency, resolved by keeping both lines.\n\nFix: delete the lower requirement (what `go mod tidy` does).",
    },
    Rule {
        code: "replace-duplicate",
        severity: Severity::Warning,
        summary: "The same replacement appears twice.",
        explanation: "Identical replace lines are harmless to the go command, but `go mod edit -fmt` drops all but the last, and the repetition usually hides a merge mistake. golangci-lint's gomoddirectives reports them too.\n\nFix: delete the extra line.",
    },
    Rule {
        code: "replace-conflict",
        severity: Severity::Error,
        summary: "One module version is replaced by two different targets.",
        explanation: "The go command refuses to choose: `go: conflicting replacements for M@V:` followed by both targets. (`go mod edit -fmt` silently keeps the last line, which hides the conflict.)\n\nFix: keep the replacement you mean and delete the other; the offered fix keeps the last one, as go mod edit does.",
    },
    Rule {
        code: "replace-local-path",
        severity: Severity::Warning,
        summary: "A committed replace points at a local directory that is not a module of the repository.",
        explanation: "A `replace M => ../dir` only works on machines that have that directory. It breaks `go install pkg@version` (`The go.mod file for the module providing named packages contains one or more replace directives`), bots such as Renovate and Dependabot, and every checkout without the sibling directory; replacements in dependencies are ignored, so consumers silently get the unreplaced version.\n\nA directory that is part of the same repository (its go.mod is in the input, a go.work of the input uses it, it lies below the module's own directory, or the replaced module's path names it as Go lays out nested modules) is not reported: every checkout has it, and monorepos build their modules together that way. A directory of the repository without a go.mod is a stale replacement: the go command cannot read its go.mod, so it is an error when the go.mod requires the module (`go list -m all` fails) and a note otherwise.\n\nReal-world example: golang/go#44840 (go install refuses), renovatebot/renovate#6647.\n\nFix: keep local development overrides in a go.work file (not committed, or committed on purpose) instead of go.mod. The fix moves the replacement into a go.work next to go.mod that uses the module, or, when a go.work in a parent directory already governs the module, into that one (by commands, since its paths are relative to its own directory).",
    },
    Rule {
        code: "toolchain-not-above-go",
        severity: Severity::Warning,
        summary: "The toolchain line does not name a toolchain newer than the go line.",
        explanation: "A toolchain line only matters when it names a newer Go than the go line. The go command drops a toolchain line equal to `go<go line>`, lower than the go line, older than go1.21, or `default`, whenever it writes go.mod, and `go list -m all` under -mod=readonly therefore stops with `updates to go.mod needed`.\n\nReal-world example: bots adding or bumping toolchain lines that tidy later deletes (dependabot/dependabot-core#7868, golang/go#75331).\n\nFix: delete the toolchain line (`go mod edit -toolchain=none`).",
    },
    Rule {
        code: "go-line-without-patch",
        severity: Severity::Info,
        summary: "A go line of Go 1.22 or later without a patch number, which Go 1.21.x toolchains cannot switch to.",
        explanation: "Since Go 1.21 the go line names a release, and `1.22` is the language version, not a release: the first release is `go1.22.0`. Go 1.21.x toolchains with GOTOOLCHAIN=auto, meeting a go line above their own, try to download a toolchain named after the line (`go: download go1.22 for linux/amd64: toolchain not available`); Go 1.22 and later switch to the `.0` release instead, and Go 1.20 and older never switch. `go 1.21` itself is not reported: every Go 1.21.x satisfies it.\n\nReal-world example: golang/go#62278, golang/go#65568, linkedin/Burrow#822.\n\nFix: write the .0 release (`go mod edit -go=1.22.0`).",
    },
    Rule {
        code: "directive-too-new",
        severity: Severity::Warning,
        summary: "A directive needs a newer Go than the go line declares.",
        explanation: "The go line promises that the module works with that Go release, but older releases reject directives they do not know in the main module: toolchain needs Go 1.21, godebug 1.23, tool 1.24, ignore 1.25, retract 1.16. Such a release fails with `unknown directive: toolchain`, and `go get -tool` raises the go line to 1.24 by itself.\n\nReal-world example: tools built on old golang.org/x/mod failing on `toolchain` (barnybug/cli53#337).\n\nFix: raise the go line to the release that introduced the directive.",
    },
    Rule {
        code: "godebug-invalid",
        severity: Severity::Error,
        summary: "The go command refuses a godebug setting: an unknown key, a removed setting set to its old value, or a default newer than the toolchain.",
        explanation: "A godebug line in the main module's go.mod (or in go.work) sets a GODEBUG default for the programs built from it. Every go command that loads the module checks the line against the toolchain's table of settings: an unknown key fails with `unknown godebug \"foo\"`, a setting Go has removed fails when it is set to the value that asked for the old behaviour, and `default=goX` fails when X is newer than the toolchain. A dependency's godebug lines are ignored, and so are a module's own while it is used through a go.work (which has its own, checked the same way); they count again as soon as the module is built on its own.\n\nReal-world example: Go 1.24 removed `x509sha1`, so a go.mod that kept `godebug x509sha1=1` to accept SHA-1 certificates stops loading with `go.mod:5: removed GODEBUG \"x509sha1\" set to old value \"1\" (https://go.dev/doc/godebug#go-124)`.\n\nFix: correct a misspelt key; remove a removed setting (the old behaviour no longer exists); lower the default to a release the toolchain reaches.",
    },
    Rule {
        code: "retract-without-rationale",
        severity: Severity::Warning,
        summary: "A retract directive has no comment explaining why.",
        explanation: "The comment on a retract line is the rationale that `go list -m -u` and `go get` show to users of the retracted version. Without it they only learn that the version was retracted. golangci-lint's gomoddirectives reports this too.\n\nFix: add a comment on or above the retract line, for example `retract v1.0.1 // Published with a broken API.`",
    },
    Rule {
        code: "merge-conflict-markers",
        severity: Severity::Error,
        summary: "The file still contains merge conflict markers.",
        explanation: "Lines starting with `<<<<<<<`, `|||||||`, `=======` or `>>>>>>>` are left by an unfinished merge. go.mod does not parse with them, and go.sum lines must have exactly three fields.\n\nReal-world example: hugo at d2ac9b2e5b7a committed go.mod and go.sum with the marker lines' branch names left behind.\n\nFix: resolve the conflict. The offered fix keeps both sides (deletes only the marker lines), which is right for go.sum; for go.mod the duplicate-require and other rules then show what to remove.",
    },
    Rule {
        code: "sum-conflict",
        severity: Severity::Error,
        summary: "go.sum has two different h1: hashes for one module version.",
        explanation: "The go command checks a download against the first h1: hash it finds, so at most one of the lines can be right; if it is the second, every build fails with `checksum mismatch` / `SECURITY ERROR`.\n\nReal-world example: a release that was re-tagged, or a merge of two branches that fetched the module from different proxies (ollama/ollama#11547).\n\nFix: delete both lines and let `go mod tidy` record the hash again (verify it against sum.golang.org).",
    },
    Rule {
        code: "sum-malformed",
        severity: Severity::Error,
        summary: "A go.sum line is malformed.",
        explanation: "A line without exactly three fields stops every go command except `go mod tidy` with `malformed go.sum:` and `FILE:LINE: wrong number of fields N`. An h1: hash that is not 44 base64 characters can never match a download, so the module fails verification with `checksum mismatch`.\n\nReal-world example: hugo at d2ac9b2e5b7a committed a go.sum with merge-marker remnants and one hash missing its final `=`.\n\nFix: delete the line; `go mod tidy` records correct hashes again.",
    },
    Rule {
        code: "go-version-too-new",
        severity: Severity::Error,
        summary: "The go line needs a newer Go than the one you run.",
        explanation: "Since Go 1.21 the go line is a minimum. With GOTOOLCHAIN=local (common in CI images and build scripts) an older go command refuses the module: `go: go.mod requires go >= 1.24.1 (running go 1.23.8; GOTOOLCHAIN=local)`. With GOTOOLCHAIN=auto it downloads a newer toolchain instead.\n\nFix: use a newer Go (or GOTOOLCHAIN=auto), or, if the code does not need the newer release, lower the go line. This check needs the Go version you run (--go-version).",
    },
    Rule {
        code: "duplicate-module-path",
        severity: Severity::Error,
        summary: "Two modules declare the same module path.",
        explanation: "In a go.work workspace the go command refuses this: `go: module M appears multiple times in workspace`. Outside a workspace it means a copied module was never renamed, so at most one of them can be published under that path.\n\nReal-world example: Mooncake's example http-metadata-server was copied with its module line unchanged.\n\nFix: give one of the modules its own path (`go mod edit -module=...`).",
    },
    Rule {
        code: "workspace-go-too-low",
        severity: Severity::Error,
        summary: "A go.work declares an older Go than one of the modules it uses.",
        explanation: "The go line of go.work must be at least the go line of every module it uses; otherwise the go command stops with `go: module DIR listed in go.work file requires go >= V, but go.work lists go W; to download and use go V: go work use`.\n\nReal-world example: a module raised to Go 1.24 by `go get` while the workspace's go.work still says 1.22.\n\nFix: raise the go.work go line (what `go work use` does).",
    },
    Rule {
        code: "module-path-mismatch",
        severity: Severity::Error,
        summary: "A dependency's go.mod declares a different module path than the one required.",
        explanation: "The go command refuses a module whose go.mod names another path: `go: example.com/a@v1.0.0: parsing go.mod: module declares its path as: example.com/b but was required as: example.com/a`. It happens when a module was renamed, or a fork is required under the fork's path without a replace.\n\nReal-world example: github.com/imdario/mergo moved to dario.cat/mergo (bakito/kubexporter PR #548).\n\nFix: require the path the go.mod declares (and change the imports), or replace the old path by the new one. The offered fix, for a requirement of the main go.mod, is `go mod edit -droprequire=OLD -require=NEW@VERSION` (and trades the go.sum line when the declared path's go.mod is in the bundle). This check needs the dependencies' go.mod files in the bundle.",
    },
    Rule {
        code: "updates-needed",
        severity: Severity::Error,
        summary: "go.mod does not list the requirements the module graph selects.",
        explanation: "The go command wants go.mod to list, for a go 1.17+ module, every module version it selects, and each at the selected version. When a dependency requires a higher version than go.mod says, or a needed module is missing, commands that may not write go.mod (go build, go test and go list under -mod=readonly, the default) stop with `go: updates to go.mod needed; to update it: go mod tidy`.\n\nReal-world example: a go.mod edited by hand or by a bot in one module of a repository but not in its siblings (golang/go#33326).\n\nFix: `go mod tidy` (or `go get` of the named version); the offered fix writes the selected versions. Needs the dependencies' go.mod files.",
    },
    Rule {
        code: "sum-missing",
        severity: Severity::Error,
        summary: "go.sum lacks a go.mod hash that loading the module graph needs.",
        explanation: "Since Go 1.16 the go command does not add missing go.sum lines by itself: a build stops with `go: M@V: missing go.sum entry for go.mod file; to add it: go mod download M`. The go command reads the go.mod of every requirement go.mod lists, pruned or not (of the replacement when another module version replaces it; a directory needs none), so from go.mod and go.sum alone each missing line of a listed requirement is reported at its require line (go stops at the first). With the dependencies' go.mod files the rule checks every go.mod hash the graph and the build list need.\n\nReal-world example: a bot that updated one module's go.mod but not its go.sum (dependabot/dependabot-core#4124).\n\nFix: `go mod download` or `go mod tidy`; when the input holds the go.mod files, the offered fix adds the lines, computing each hash from them.",
    },
    Rule {
        code: "sum-missing-zip",
        severity: Severity::Warning,
        summary: "go.sum lacks the content hash of a direct requirement, so a build importing its packages stops.",
        explanation: "A requirement without `// indirect` is one whose packages the main module imports. Loading such a package needs the module's content hash (the go.sum line `PATH VERSION h1:...` without `/go.mod`); without it `go build` and `go test` stop with `missing go.sum entry for module providing package P (imported by Q); to add: go get Q`. `go list -m all` and `go mod download` of other modules still work, so the gap shows up only when the package is built.\n\nReal-world example: a go.sum trimmed by hand or written by `go mod download M` of one module only, then committed with a go.mod that imports another.\n\nFix: `go mod download M` (or `go mod tidy`) records the hash; it cannot be computed from the files pasted, since it covers the module's whole content.",
    },
    Rule {
        code: "sum-hash-mismatch",
        severity: Severity::Error,
        summary: "A dependency's go.mod in the input does not have the hash go.sum records for it.",
        explanation: "The go command checks every go.mod it downloads against the first `h1:` hash go.sum records for it and stops at a difference with `verifying M@V/go.mod: checksum mismatch`, the two hashes, and a SECURITY ERROR paragraph: either the file changed since the hash was recorded (a re-tagged release, a tampered proxy or cache) or the go.sum line is wrong. `go list -m all` and `go mod graph` fail the same way, printing nothing else.\n\nReal-world example: omec-project/gnbsim#161, `verifying github.com/omec-project/aper@v1.1.1/go.mod: checksum mismatch` after a dependency's tag was pushed again; stretchr/testify#1158, a go.sum hash changed by an editor (one letter).\n\nFix: find out which side is right before changing anything: delete the go.sum line and download the module again, which checks it against the checksum database (sum.golang.org).",
    },
    Rule {
        code: "sum-unused",
        severity: Severity::Info,
        summary: "A go.sum line that the module graph does not use.",
        explanation: "go.sum accumulates lines for versions that are no longer in the graph; `go mod tidy` removes them. They are harmless but make go.sum harder to review and to merge.\n\nReal-world example: bots appending go.sum lines instead of pruning them (dependabot/dependabot-core#1846).\n\nFix: `go mod tidy`, or delete the line. Only checked for pruned graphs (go 1.17 or later), where the needed set is known exactly; needs the dependencies' go.mod files.",
    },
    Rule {
        code: "retracted-version",
        severity: Severity::Warning,
        summary: "go.mod requires a version that its author retracted.",
        explanation: "A retraction, read from the go.mod of the module's latest version, says a version should not be used. `go get` warns `go: warning: M@V: retracted by module author: RATIONALE`, but `go build` and `go mod tidy` stay silent, so retracted requirements linger (golang/go#73952).\n\nFix: `go get M@latest` (the latest version is never a retracted one). Needs the module's @v/list and latest go.mod in the bundle.",
    },
    Rule {
        code: "deprecated-module",
        severity: Severity::Warning,
        summary: "go.mod requires a module whose author deprecated it.",
        explanation: "A `// Deprecated:` comment on the module line of the module's latest go.mod marks the whole module as deprecated; `go get` prints `go: module M is deprecated: MESSAGE`, usually naming the successor.\n\nReal-world example: github.com/golang/protobuf, deprecated in favour of google.golang.org/protobuf.\n\nFix: move to the module the message names. Needs the module's @v/list and latest go.mod in the bundle.",
    },
    Rule {
        code: "vendor-inconsistent",
        severity: Severity::Error,
        summary: "vendor/modules.txt does not match go.mod.",
        explanation: "With a vendor directory and a go line of 1.14 or later the go command builds from vendor/ and first checks that vendor/modules.txt records exactly go.mod's requirements and replacements. Any difference stops it with `go: inconsistent vendoring in DIR:` followed by one line per problem, for example `example.com/x@v1.1.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt`.\n\nReal-world example: a dependency bumped in go.mod by a bot without re-vendoring (McKael/madonctl#22, semaphoreui/semaphore#2501).\n\nFix: `go mod vendor` (the vendored files themselves cannot be rebuilt from a bundle).",
    },
    Rule {
        code: "go-version-drift",
        severity: Severity::Info,
        summary: "Modules of one repository declare different go lines.",
        explanation: "Each module's go line is the minimum Go that builds it. When a submodule declares a newer Go than the root module, scripts and CI jobs written for the root's Go (often with GOTOOLCHAIN=local in container images) fail in that submodule: Go 1.21 and later with `go: go.mod requires go >= V (running go W; GOTOOLCHAIN=local)`; older Go does not enforce go lines and builds the submodule anyway, failing only on code that needs the newer Go (compile errors followed by `note: module requires Go V`), unless the go line names a release such as `1.22.0`, which Go 1.20 and older cannot parse (`invalid go version '1.22.0': must match format 1.23`).\n\nReal-world example: a repository whose build script pins Go 1.23.8 while `go get` raised one submodule to `go 1.24.1`.\n\nFix: raise the build's Go (or use GOTOOLCHAIN=auto), or keep the submodule's go line at the repository's Go. Reported on each go line that asks for a newer Go than the root module's (or than the lowest, without a root module); `go 1.21` and `go 1.21.0` ask for the same Go.",
    },
    Rule {
        code: "version-skew",
        severity: Severity::Info,
        summary: "A module is required at several versions in the graph.",
        explanation: "Minimal version selection builds with the highest version anyone requires, so a module that one dependency wants at v1.2.0 and another at v1.9.0 is built at v1.9.0 for both. That is usually right, but it explains surprises: an upgrade that appeared without anyone asking for it, or code tested against an older version running with a newer one.\n\nReal-world example: golang.org/x/net, which most dependencies of a large project require, each at the version it was last updated to; the whole program builds with the highest of them.\n\nThe message lists who asks for which version and which version wins (`gomodplay why PATH` shows the chains). Needs the dependencies' go.mod files.",
    },
    Rule {
        code: "major-version-split",
        severity: Severity::Info,
        summary: "Two major versions of one module are in the build list.",
        explanation: "`example.com/m` and `example.com/m/v2` are different modules to the go command, so one program can contain both, each with its own global state (registries, flags, metrics, init functions). That is legal and sometimes intended during a migration, but often it is a dependency lagging behind.\n\nReal-world example: github.com/go-redis/redis and github.com/go-redis/redis/v8 in one binary, each with its own connection pools and hooks.\n\nFix: move the remaining users to the newer major version when they allow it. Needs the dependencies' go.mod files.",
    },
    Rule {
        code: "case-collision",
        severity: Severity::Error,
        summary: "Two module paths of the graph differ only in letter case.",
        explanation: "Module paths are case-sensitive, but a build that imports packages from both stops with `case-insensitive import collision: \"github.com/Sirupsen/logrus\" and \"github.com/sirupsen/logrus\"`, and the two paths cannot be checked out side by side on case-insensitive file systems.\n\nReal-world example: logrus's GitHub owner was renamed from Sirupsen to sirupsen in 2017; for years dependency graphs held both spellings.\n\nFix: move every requirer to one spelling (the module's go.mod says which); a `replace github.com/Sirupsen/logrus => github.com/sirupsen/logrus VERSION` does not help, since the replacement declares the other path. Needs the dependencies' go.mod files.",
    },
    Rule {
        code: "ambiguous-import-risk",
        severity: Severity::Warning,
        summary: "A module of the build list is a path prefix of another one.",
        explanation: "When a directory of a module is carved out into a nested module, both modules can provide the same package path until the parent is upgraded to a version without that directory. A build importing such a package stops with `ambiguous import: found package P in multiple modules`.\n\nReal-world example: the 2023 split of google.golang.org/genproto into google.golang.org/genproto/googleapis/api, .../rpc and others: an old genproto next to the new submodules stopped builds with `ambiguous import: found package google.golang.org/genproto/googleapis/api/annotations in multiple modules`.\n\nFix: raise the parent to a version after the split. The offered fix picks the lowest version of the parent, pseudo-versions included, whose go.mod (in the bundle) requires the nested module (the sign of the split) and records its go.mod hash. A parent that requires the nested module is not reported. The rule sees go.mod files, not source trees: a parent that dropped the directory long ago without requiring the nested module is still reported, and `go build ./...` tells. Needs the dependencies' go.mod files.",
    },
    Rule {
        code: "replace-unused",
        severity: Severity::Info,
        summary: "A replace directive names a module that is not in the module graph.",
        explanation: "A replacement only acts on a module (version) that the graph contains. One for anything else does nothing: it is usually left over from a dependency that was removed or upgraded past the replaced version, and it misleads readers into thinking a fork is in use.\n\nReal-world example: a `replace github.com/foo/bar v1.2.0 => ../bar` kept after bar was upgraded to v1.3.0 — the replacement silently stopped applying.\n\nFix: delete it (`go mod edit -dropreplace=PATH[@VERSION]`). Only checked when the dependencies' go.mod files are in the bundle, so the graph is known.",
    },
    Rule {
        code: "replace-two-paths",
        severity: Severity::Error,
        summary: "One module version is used for two module paths.",
        explanation: "When two required modules are replaced by the same module version (or directory), the go command refuses to load packages: `go: example.com/fork@v1.1.0 used for two different module paths (example.com/a and example.com/b)`. `go list -m all` does not check this; go build, go test and go list of packages do.\n\nReal-world example: two forks of one library (or the old and new path of a renamed module) both replaced by one patched fork.\n\nFix: replace only one of the paths and move the importers of the other to it. The offered fix drops the path the main go.mod replaces (its requirement and its replacement, `go mod edit -droprequire=PATH -dropreplace=PATH`); its importers then import the other path. Needs the dependencies' go.mod files.",
    },
    Rule {
        code: "replace-in-dependency",
        severity: Severity::Info,
        summary: "A dependency's go.mod has replace or exclude directives that the go command ignores.",
        explanation: "replace and exclude directives apply only in the main module (and go.work). In a dependency's go.mod they are ignored, so the dependency is built with different versions than its authors build and test it with: a \"hidden replace\".\n\nReal-world example: k8s.io/kubernetes replaces all its k8s.io/* staging modules with directories; a module requiring k8s.io/kubernetes gets none of that and has to repeat the replacements itself.\n\nFix: decide whether the main module needs the same directives, and copy the ones it does (`go mod edit -replace=...`, `-exclude=...`); directory replacements cannot be copied. Needs the dependencies' go.mod files.",
    },
    Rule {
        code: "go-below-dependency",
        severity: Severity::Error,
        summary: "The go line is below the go line of a dependency.",
        explanation: "Since Go 1.21 the main module's go line must be at least every selected dependency's go line: `go mod tidy` and `go get` raise it, and commands that may not write go.mod stop with `go: updates to go.mod needed; to update it: go mod tidy`.\n\nReal-world example: upgrading a dependency that moved to `go 1.23.0` while go.mod says `go 1.21.0`; CI's go build fails though nothing was changed by hand.\n\nFix: raise the go line to the version the graph needs (`go get go@V`), or keep the dependency at a version that still supports the older Go. Needs the dependencies' go.mod files.",
    },
];

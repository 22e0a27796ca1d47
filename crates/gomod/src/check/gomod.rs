//! go.mod rules: everything that one go.mod file shows by itself.

use std::ops::Range;

use super::code::Code;
use super::{text, Fix, ModuleSummary, Sink, TextEdit};
use crate::bundle::Bundle;
use crate::modfile::{self, Godebug, ModFile, ModuleVersion, Replace};
use crate::path::{check_import_path, split_path_version, InvalidPathError, PathKind};
use crate::resolve::fxhash::FxHashMap;
use crate::resolve::godebug::Rejection;
use crate::syntax::quote::quote;
use crate::syntax::{self, auto_quote, Error, LineId};
use crate::version::{gover, semver};

/// The directives that older Go releases reject in a main module: a release before the one
/// that introduced a directive does not know it, and its modfile parser stops with
/// `unknown directive`. In the order their findings are reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NewDirective {
    Retract,
    Toolchain,
    Godebug,
    Tool,
    Ignore,
}

impl NewDirective {
    const ALL: [NewDirective; 5] = [
        NewDirective::Retract,
        NewDirective::Toolchain,
        NewDirective::Godebug,
        NewDirective::Tool,
        NewDirective::Ignore,
    ];

    /// The directive's verb in go.mod.
    fn verb(self) -> &'static str {
        match self {
            NewDirective::Retract => "retract",
            NewDirective::Toolchain => "toolchain",
            NewDirective::Godebug => "godebug",
            NewDirective::Tool => "tool",
            NewDirective::Ignore => "ignore",
        }
    }

    /// The Go release that introduced the directive.
    fn release(self) -> &'static str {
        match self {
            NewDirective::Retract => "1.16",
            NewDirective::Toolchain => "1.21",
            NewDirective::Godebug => "1.23",
            NewDirective::Tool => "1.24",
            NewDirective::Ignore => "1.25",
        }
    }

    /// The directive's first line in `m`, if `m` has one.
    fn first_line(self, m: &ModFile) -> Option<LineId> {
        match self {
            NewDirective::Retract => m.retract.first().map(|r| r.line),
            NewDirective::Toolchain => m.toolchain.as_ref().map(|t| t.line),
            NewDirective::Godebug => m.godebug.first().map(|g| g.line),
            NewDirective::Tool => m.tool.first().map(|t| t.line),
            NewDirective::Ignore => m.ignore.first().map(|i| i.line),
        }
    }
}

/// The go line a go.mod without one is read with.
const IMPLIED_GO: &str = "1.16";

/// The first Go release that reads godebug lines in go.mod.
const GODEBUG_LINES: &str = "1.23";

/// The first Go release whose go line names a release (`1.21.0`) rather than a language.
const RELEASE_GO_LINES: &str = "1.21";

/// The lowest language-version go line (`go 1.22`) that a Go 1.21.x toolchain tries to switch to
/// under its own name.
const FIRST_LANG_LINE_THAT_SWITCHES: &str = "1.22";

/// Runs the go.mod rules on `data` (the file `file` in directory `dir` of the bundle).
pub(crate) fn check(
    sink: &mut Sink,
    bundle: &Bundle,
    dir: &str,
    file: &str,
    data: &[u8],
    local_go: Option<&str>,
) -> Option<ModuleSummary> {
    let m = match modfile::parse(file, data) {
        Ok(m) => m,
        Err(errors) => {
            parse_errors(sink, file, data, &errors.0);
            // The go command reports a too-new go line instead of the parse errors when the
            // file parses leniently (`loadModFile` in cmd/go/internal/modload/init.go), since a newer Go may understand it.
            if let (Ok(lax), Some(local)) = (modfile::parse_lax(file, data), local_go) {
                too_new(sink, file, data, &lax, local);
            }
            sink.skip(
                Code::EVERY,
                file,
                "the file does not parse, so only syntax and conflict-marker checks ran".to_owned(),
                "fix the syntax errors".to_owned(),
            );
            return None;
        }
    };
    let ctx = Ctx { file, data, m: &m };
    // `go mod edit` accepts these, but every command that loads the module reports them as
    // parse errors (a retraction without a module line, or of a version of another major).
    // Without a module line, module_line reports the first retraction instead.
    if m.module.is_some() {
        let retract_errors = crate::resolve::files::retract_errors(&m, file);
        parse_errors(sink, file, data, &retract_errors);
    }
    module_line(sink, &ctx);
    requirements(sink, &ctx);
    super::requirement_notes::check(sink, bundle, &ctx);
    replacements(sink, bundle, dir, &ctx);
    toolchain_line(sink, &ctx);
    go_line(sink, &ctx);
    godebug_lines(
        sink,
        file,
        data,
        &m.syntax,
        &m.godebug,
        local_go,
        "go mod edit",
    );
    retractions(sink, &ctx);
    if let Some(local) = local_go {
        too_new(sink, file, data, &m, local);
    }
    not_formatted(
        sink,
        file,
        data,
        "go mod edit -fmt",
        modfile::format(file, data).ok(),
    );
    let module = m.module.as_ref()?;
    Some(ModuleSummary {
        dir: dir.to_owned(),
        file: file.to_owned(),
        path: module.path.clone(),
        module_line: ctx.line_range(module.line),
        go: m.go_version().map(str::to_owned),
        go_line: m.go.as_ref().map(|g| ctx.line_range(g.line)),
    })
}

/// One go.mod under inspection.
pub(super) struct Ctx<'a> {
    pub(super) file: &'a str,
    pub(super) data: &'a [u8],
    pub(super) m: &'a ModFile,
}

impl Ctx<'_> {
    /// The bytes of a directive line (without comments after it).
    pub(super) fn line_range(&self, id: LineId) -> Range<usize> {
        self.m.syntax.line(id).map_or(0..0, |l| l.byte_span())
    }

    /// The bytes of the `n`-th argument of a directive line (the verb of a line outside a block
    /// is not counted).
    pub(super) fn arg_range(&self, id: LineId, n: usize) -> Range<usize> {
        let in_block = self.m.syntax.block_of(id).is_some();
        let index = if in_block { n } else { n + 1 };
        let line = self.line_range(id);
        text::token_in(self.data, line.clone(), index).unwrap_or(line)
    }

    /// An edit deleting the whole line of a directive.
    pub(super) fn delete_line(&self, id: LineId) -> TextEdit {
        TextEdit {
            file: self.file.to_owned(),
            range: text::whole_line(self.data, self.line_range(id).start),
            new_text: String::new(),
        }
    }

    pub(super) fn line_number(&self, id: LineId) -> u32 {
        self.m.syntax.line(id).map_or(0, |l| l.start.line)
    }
}

/// Reports go's parse errors: major-version mismatches get their own code and a fix, the rest
/// are syntax errors.
fn parse_errors(sink: &mut Sink, file: &str, data: &[u8], errors: &[Error]) {
    let tree = syntax::parse(file, data).ok();
    for error in errors {
        let message = match &error.raw_message {
            Some(raw) => String::from_utf8_lossy(raw).into_owned(),
            None => error.message.clone(),
        };
        let range = if error.pos.line == 0 {
            0..0
        } else {
            error.pos.byte..text::line_content(data, error.pos.byte).end
        };
        if error.kind == syntax::ErrorKind::PathMajorMismatch {
            let fixes = tree
                .as_ref()
                .map(|t| major_version_fixes(file, data, t, error))
                .unwrap_or_default();
            sink.report(
                rule_code!("major-version-mismatch"),
                file,
                data,
                range,
                message,
                fixes,
            );
        } else {
            sink.report(
                rule_code!("syntax-error"),
                file,
                data,
                range,
                message,
                Vec::new(),
            );
        }
    }
}

/// Fixes for `require PATH VERSION` whose major versions disagree: require the /vN path, or the
/// +incompatible version.
fn major_version_fixes(
    file: &str,
    data: &[u8],
    tree: &syntax::FileSyntax,
    error: &Error,
) -> Vec<Fix> {
    let Some(line) = tree.lines().find(|l| l.start.byte == error.pos.byte) else {
        return Vec::new();
    };
    let in_block = tree.block_of(line.id).is_some();
    let verb = if in_block {
        tree.block_of(line.id)
            .and_then(|b| b.tokens.first())
            .map(|t| String::from_utf8_lossy(t).into_owned())
            .unwrap_or_default()
    } else {
        line.token_str(0)
    };
    if verb != "require" {
        return Vec::new();
    }
    let first = usize::from(!in_block);
    let (path, version) = (line.token_str(first), line.token_str(first + 1));
    let span = line.byte_span();
    let (Some(path_range), Some(version_range)) = (
        text::token_in(data, span.clone(), first),
        text::token_in(data, span, first + 1),
    ) else {
        return Vec::new();
    };
    let Some((prefix, path_major)) = split_path_version(&path) else {
        return Vec::new();
    };
    if prefix.starts_with("gopkg.in/") {
        return Vec::new();
    }
    let canonical = semver::canonical(&version);
    let major = semver::major(&canonical);
    if major.is_empty() {
        return Vec::new();
    }
    let new_path = if major == "v0" || major == "v1" {
        prefix.to_owned()
    } else {
        format!("{prefix}/{major}")
    };
    let edit = |range: Range<usize>, new_text: String| TextEdit {
        file: file.to_owned(),
        range,
        new_text,
    };
    let mut fixes = vec![Fix {
        title: format!("Require {new_path} {version} (and import {new_path}/...)"),
        edits: vec![edit(path_range, new_path.clone())],
        commands: vec![format!("go get {new_path}@{version}")],
    }];
    // +incompatible exists only for v2+ versions required at a path without a major suffix.
    let v2_or_later = major != "v0" && major != "v1";
    if path_major.is_empty() && v2_or_later && semver::build(&version).is_empty() {
        let incompatible = format!("{canonical}+incompatible");
        fixes.push(Fix {
            title: format!("Require {path} {incompatible} (only for a version without a go.mod)"),
            edits: vec![edit(version_range, incompatible.clone())],
            commands: vec![format!("go get {path}@{incompatible}")],
        });
    }
    fixes
}

fn module_line(sink: &mut Sink, ctx: &Ctx<'_>) {
    let declare = || Fix {
        title: "Declare the module path".to_owned(),
        edits: Vec::new(),
        commands: vec!["go mod edit -module=example.com/mod".to_owned()],
    };
    let Some(module) = &ctx.m.module else {
        // go reads the retractions before it looks for the module line, and names the first.
        if let Some(first) = ctx.m.retract.first() {
            sink.report(
                rule_code!("module-path-invalid"),
                ctx.file,
                ctx.data,
                ctx.line_range(first.line),
                "no module directive found, so retract cannot be used".to_owned(),
                vec![declare()],
            );
            return;
        }
        let has_directives = ctx
            .m
            .syntax
            .stmts
            .iter()
            .any(|s| !matches!(s, syntax::Stmt::Comments(_)));
        if has_directives {
            sink.report(
                rule_code!("module-path-invalid"),
                ctx.file,
                ctx.data,
                0..0,
                "go: error reading go.mod: missing module declaration. To specify the module path:\n\tgo mod edit -module=example.com/mod".to_owned(),
                vec![declare()],
            );
        }
        return;
    };
    let range = ctx.line_range(module.line);
    let path = module.path.as_str();
    let message = if path == "go" || path == "toolchain" {
        Some(format!(
            "go: error reading go.mod: invalid module path: {}",
            quote(path)
        ))
    } else {
        check_import_path(path).err().map(|e| {
            let relabelled = InvalidPathError {
                kind: PathKind::Module,
                ..e
            };
            format!("go: {relabelled}")
        })
    };
    if let Some(message) = message {
        sink.report(
            rule_code!("module-path-invalid"),
            ctx.file,
            ctx.data,
            range,
            message,
            Vec::new(),
        );
        return;
    }
    let first = path.split('/').next().unwrap_or_default();
    // The Go distribution's own modules are the only legitimate dotless paths.
    if !first.contains('.') && path != "std" && path != "cmd" {
        let suggestion = format!("example.com/{path}");
        sink.report(
            rule_code!("module-path-no-dot"),
            ctx.file,
            ctx.data,
            ctx.arg_range(module.line, 0),
            format!(
                "module path {} has no dot in its first element: the module builds where it is, but it cannot be downloaded, so go install {path}@latest cannot fetch it and a module that requires it stops with: go: malformed module path {}: missing dot in first path element",
                quote(path),
                quote(path)
            ),
            vec![Fix {
                title: format!(
                    "Rename the module to where it is published, for example {suggestion}"
                ),
                edits: Vec::new(),
                commands: vec![format!("go mod edit -module={suggestion}")],
            }],
        );
    }
}

fn requirements(sink: &mut Sink, ctx: &Ctx<'_>) {
    let m = ctx.m;
    // (path, index) pairs, grouped by path below after a stable sort: a vector rather than a
    // B-tree map, whose code every key and value type would copy into the web app.
    let mut by_path: Vec<(&str, usize)> = Vec::with_capacity(m.require.len());
    // The first exclusion of each module version, found by hash rather than by a scan of the
    // exclusions per requirement (quadratic when both lists are long).
    let mut excluded: FxHashMap<&crate::modfile::ModuleVersion, &crate::modfile::Exclude> =
        FxHashMap::default();
    for e in &m.exclude {
        excluded.entry(&e.module).or_insert(e);
    }
    for (index, r) in m.require.iter().enumerate() {
        by_path.push((r.module.path.as_str(), index));
        let (path, version) = (r.module.path.as_str(), r.module.version.as_str());
        let version_range = ctx.arg_range(r.line, 1);
        if let Some(exclude) = excluded.get(&r.module) {
            sink.report(
                rule_code!("excluded-version-required"),
                ctx.file,
                ctx.data,
                version_range,
                format!(
                    "go: ignoring requirement on excluded version {path} {version} (excluded on line {}); under -mod=readonly the go command stops with \"updates to go.mod needed\"",
                    ctx.line_number(exclude.line)
                ),
                vec![Fix {
                    title: format!("Drop the exclusion of {path} {version}"),
                    edits: vec![ctx.delete_line(exclude.line)],
                    commands: vec![format!("go mod edit -dropexclude={path}@{version}")],
                }],
            );
        }
    }
    for group in crate::sort::groups_by(&mut by_path, |a, b| a.0.cmp(b.0)) {
        if group.len() < 2 {
            continue;
        }
        let Some(&(path, _)) = group.first() else {
            continue;
        };
        let indices: Vec<usize> = group.iter().map(|&(_, i)| i).collect();
        let version = |i: usize| m.require.get(i).map_or("", |r| r.module.version.as_str());
        let Some(&kept) = indices.iter().reduce(|best, i| {
            if semver::compare(version(*i), version(*best)).is_gt() {
                i
            } else {
                best
            }
        }) else {
            continue;
        };
        let Some(keep) = m.require.get(kept) else {
            continue;
        };
        for &i in indices.iter().filter(|&&i| i != kept) {
            let Some(r) = m.require.get(i) else { continue };
            sink.report(
                rule_code!("duplicate-require"),
                ctx.file,
                ctx.data,
                ctx.line_range(r.line),
                format!(
                    "{path} is required twice: {} here and {} on line {}; the go command keeps only {} and, under -mod=readonly, stops with \"updates to go.mod needed\"",
                    r.module.version,
                    keep.module.version,
                    ctx.line_number(keep.line),
                    keep.module.version
                ),
                vec![Fix {
                    title: format!("Delete the requirement of {path} {}", r.module.version),
                    edits: vec![ctx.delete_line(r.line)],
                    commands: vec!["go mod tidy".to_owned()],
                }],
            );
        }
    }
}

/// `path@version`, or just the path for a directory or a version-less left side (as go prints).
pub(super) fn display_module(mv: &ModuleVersion) -> String {
    if mv.version.is_empty() {
        mv.path.clone()
    } else {
        format!("{}@{}", mv.path, mv.version)
    }
}

/// A replacement as written in go.mod (`old [v] => new [v]`), quoted where needed.
pub(super) fn replace_text(r: &Replace) -> String {
    let word = |s: &str| String::from_utf8_lossy(&auto_quote(s.as_bytes())).into_owned();
    let side = |mv: &ModuleVersion| {
        if mv.version.is_empty() {
            word(&mv.path)
        } else {
            format!("{} {}", word(&mv.path), word(&mv.version))
        }
    };
    format!("{} => {}", side(&r.old), side(&r.new))
}

fn replacements(sink: &mut Sink, bundle: &Bundle, dir: &str, ctx: &Ctx<'_>) {
    let m = ctx.m;
    // Grouped by the replaced module version in its order, each group in file order (a stable
    // sort of a vector rather than a B-tree map, whose code every key type would copy).
    let mut groups: Vec<&Replace> = m.replace.iter().collect();
    for list in crate::sort::groups_by(&mut groups, |a, b| {
        (a.old.path.as_str(), a.old.version.as_str())
            .cmp(&(b.old.path.as_str(), b.old.version.as_str()))
    }) {
        let Some((last, earlier)) = list.split_last() else {
            continue;
        };
        for r in earlier {
            let fix = Fix {
                title: format!(
                    "Keep only the replacement on line {}",
                    ctx.line_number(last.line)
                ),
                edits: vec![ctx.delete_line(r.line)],
                commands: vec![format!(
                    "go mod edit -dropreplace={} -replace={}={}",
                    display_module(&r.old),
                    display_module(&last.old),
                    display_module(&last.new)
                )],
            };
            if r.new == last.new {
                sink.report(
                    rule_code!("replace-duplicate"),
                    ctx.file,
                    ctx.data,
                    ctx.line_range(r.line),
                    format!(
                        "replace {} appears again on line {}",
                        replace_text(r),
                        ctx.line_number(last.line)
                    ),
                    vec![fix],
                );
            } else {
                sink.report(
                    rule_code!("replace-conflict"),
                    ctx.file,
                    ctx.data,
                    ctx.line_range(r.line),
                    format!(
                        "go: conflicting replacements for {}:\n\t{}\n\t{}",
                        display_module(&r.old),
                        display_module(&r.new),
                        display_module(&last.new)
                    ),
                    vec![fix],
                );
            }
        }
    }
    super::local_replace::check(sink, bundle, dir, ctx);
}

fn toolchain_line(sink: &mut Sink, ctx: &Ctx<'_>) {
    let (Some(tc), Some(go)) = (&ctx.m.toolchain, ctx.m.go_version()) else {
        return;
    };
    let version = gover::from_toolchain(&tc.name);
    let why = if tc.name == format!("go{go}") {
        format!("it names the same Go as the go line ({go})")
    } else if tc.name == "default" {
        "toolchain default is the same as having no toolchain line".to_owned()
    } else if version.is_empty() {
        format!(
            "{} is not a toolchain name the go command understands",
            tc.name
        )
    } else if gover::compare(version, RELEASE_GO_LINES).is_lt() {
        format!("toolchain lines name go1.21 or later; {} is older", tc.name)
    } else if gover::compare(version, go).is_lt() {
        format!("{} is older than the go line ({go})", tc.name)
    } else {
        return;
    };
    sink.report(
        rule_code!("toolchain-not-above-go"),
        ctx.file,
        ctx.data,
        ctx.line_range(tc.line),
        format!(
            "toolchain {}: {why}; the go command drops this line when it writes go.mod, and go list -m all stops with \"updates to go.mod needed\"",
            tc.name
        ),
        vec![Fix {
            title: "Delete the toolchain line".to_owned(),
            edits: vec![ctx.delete_line(tc.line)],
            commands: vec!["go mod edit -toolchain=none".to_owned()],
        }],
    );
}

/// An edit setting the go line to `version` (adding the line after the module line if needed).
fn set_go_edit(ctx: &Ctx<'_>, version: &str) -> Option<TextEdit> {
    match (&ctx.m.go, &ctx.m.module) {
        (Some(go), _) => Some(TextEdit {
            file: ctx.file.to_owned(),
            range: ctx.arg_range(go.line, 0),
            new_text: version.to_owned(),
        }),
        (None, Some(module)) => {
            let end = text::line_content(ctx.data, ctx.line_range(module.line).start).end;
            Some(TextEdit {
                file: ctx.file.to_owned(),
                range: end..end,
                new_text: format!("\n\ngo {version}"),
            })
        }
        (None, None) => None,
    }
}

fn go_line(sink: &mut Sink, ctx: &Ctx<'_>) {
    let m = ctx.m;
    if let Some(go) = &m.go {
        let v = go.version.as_str();
        // Only Go 1.21.x toolchains switch to a language version as if it were a toolchain
        // name (golang/go#62278, fixed in Go 1.22), and they only switch for a go line above
        // their own: `go 1.21` itself never makes them switch, and older Go never switches.
        if gover::is_lang(v) && gover::compare(v, FIRST_LANG_LINE_THAT_SWITCHES).is_ge() {
            let release = format!("{v}.0");
            sink.report(
                rule_code!("go-line-without-patch"),
                ctx.file,
                ctx.data,
                ctx.arg_range(go.line, 0),
                format!(
                    "go {v} names a language version, not a release: Go 1.21.x toolchains with GOTOOLCHAIN=auto try to download a toolchain named go{v}, which does not exist, and stop with \"toolchain not available\"; Go 1.22 and later switch to go{release}"
                ),
                vec![Fix {
                    title: format!("Write go {release}"),
                    edits: set_go_edit(ctx, &release).into_iter().collect(),
                    commands: vec![format!("go mod edit -go={release}")],
                }],
            );
        }
    }
    let declared = m.go_version().unwrap_or(IMPLIED_GO);
    let mut uses: Vec<(&str, &str, LineId)> = Vec::new();
    for directive in NewDirective::ALL {
        let (verb, release) = (directive.verb(), directive.release());
        if let Some(line) = directive.first_line(m) {
            if gover::compare(release, declared).is_gt() {
                uses.push((verb, release, line));
            }
        }
    }
    let Some(needed) = uses.iter().map(|u| u.1).reduce(|a, b| gover::max(a, b)) else {
        return;
    };
    let target = if gover::compare(needed, RELEASE_GO_LINES).is_ge() {
        format!("{needed}.0")
    } else {
        needed.to_owned()
    };
    let stated = if m.go.is_some() {
        format!("the go line says {declared}")
    } else {
        format!("there is no go line, which means {declared}")
    };
    for (verb, release, line) in uses {
        sink.report(
            rule_code!("directive-too-new"),
            ctx.file,
            ctx.data,
            ctx.line_range(line),
            format!(
                "the {verb} directive needs Go {release}, but {stated}: Go {declared} stops on this go.mod with \"unknown directive: {verb}\""
            ),
            vec![Fix {
                title: format!("Raise the go line to {target}"),
                edits: set_go_edit(ctx, &target).into_iter().collect(),
                commands: vec![format!("go mod edit -go={target}")],
            }],
        );
    }
}

/// godebug-invalid: the settings of a main go.mod or a go.work that the go command refuses to
/// load (see `crate::resolve::godebug`). A default newer than the toolchain is only known when
/// the Go version the user runs is. `editor` is `go mod edit` or `go work edit`.
pub(super) fn godebug_lines(
    sink: &mut Sink,
    file: &str,
    data: &[u8],
    tree: &syntax::FileSyntax,
    settings: &[Godebug],
    local_go: Option<&str>,
    editor: &str,
) {
    // How many lines set each key, counted once: a go.mod may hold thousands of godebug lines.
    let mut lines_per_key: FxHashMap<&str, usize> = FxHashMap::default();
    for g in settings {
        *lines_per_key.entry(g.key.as_str()).or_default() += 1;
    }
    for g in settings {
        // Only `default=` depends on the running release; the oldest one that reads godebug
        // lines accepts every default it could be checked against.
        let local = local_go.unwrap_or(GODEBUG_LINES);
        let Some(reason) = crate::resolve::godebug::check(&g.key, &g.value, local) else {
            continue;
        };
        let too_new_default = matches!(reason, Rejection::DefaultTooNew { .. });
        if too_new_default && local_go.is_none() {
            continue;
        }
        let range = tree.line(g.line).map_or(0..0, |l| l.byte_span());
        let fixes = if let (true, Some(local)) = (too_new_default, local_go) {
            // The setting is the line's last token (`default=go1.99`).
            let in_block = tree.block_of(g.line).is_some();
            let setting = format!("default=go{local}");
            let edits =
                text::token_in(data, range.clone(), usize::from(!in_block)).map(|token| TextEdit {
                    file: file.to_owned(),
                    range: token,
                    new_text: setting.clone(),
                });
            vec![Fix {
                title: format!("Lower the default to go{local}, the Go you run"),
                edits: edits.into_iter().collect(),
                commands: vec![format!("{editor} -godebug={setting}")],
            }]
        } else {
            // `-dropgodebug` removes every line of the key, so it is only the same edit when
            // there is one.
            let only_line = lines_per_key.get(g.key.as_str()) == Some(&1);
            let commands = if only_line {
                vec![format!("{editor} -dropgodebug={}", g.key)]
            } else {
                Vec::new()
            };
            vec![Fix {
                title: format!("Remove the godebug setting {}={}", g.key, g.value),
                edits: vec![TextEdit {
                    file: file.to_owned(),
                    range: text::whole_line(data, range.start),
                    new_text: String::new(),
                }],
                commands,
            }]
        };
        sink.report(
            rule_code!("godebug-invalid"),
            file,
            data,
            range,
            reason.to_string(),
            fixes,
        );
    }
}

fn retractions(sink: &mut Sink, ctx: &Ctx<'_>) {
    for r in &ctx.m.retract {
        if !r.rationale.trim().is_empty() {
            continue;
        }
        let what = if r.interval.low == r.interval.high {
            r.interval.low.clone()
        } else {
            format!("[{}, {}]", r.interval.low, r.interval.high)
        };
        sink.report(
            rule_code!("retract-without-rationale"),
            ctx.file,
            ctx.data,
            ctx.line_range(r.line),
            format!(
                "retract {what} has no comment: users of the retracted version are not told why"
            ),
            Vec::new(),
        );
    }
}

/// go-version-too-new for a go.mod whose go line exceeds the Go the user runs.
fn too_new(sink: &mut Sink, file: &str, data: &[u8], m: &ModFile, local: &str) {
    let Some(go) = &m.go else { return };
    if !gover::compare(&go.version, local).is_gt() {
        return;
    }
    let ctx = Ctx { file, data, m };
    let base = file.rsplit('/').next().unwrap_or(file);
    sink.report(
        rule_code!("go-version-too-new"),
        file,
        data,
        ctx.arg_range(go.line, 0),
        format!(
            "go: {base} requires go >= {} (running go {local}; GOTOOLCHAIN=local)",
            go.version
        ),
        vec![
            Fix {
                title: format!(
                    "Lower the go line to {local} (only if the code needs nothing from Go {})",
                    go.version
                ),
                edits: set_go_edit(&ctx, local).into_iter().collect(),
                commands: vec![format!("go mod edit -go={local}")],
            },
            Fix {
                title: format!(
                    "Run Go {} or later, or let the go command download it",
                    go.version
                ),
                edits: Vec::new(),
                commands: vec![format!(
                    "GOTOOLCHAIN=go{} go version",
                    release_name(&go.version)
                )],
            },
        ],
    );
}

/// The release a go line asks for: `1.24` means `1.24.0` since Go 1.21.
fn release_name(v: &str) -> String {
    if gover::is_lang(v) && gover::compare(v, RELEASE_GO_LINES).is_ge() {
        format!("{v}.0")
    } else {
        v.to_owned()
    }
}

/// not-formatted for go.mod and go.work: `canonical` is the formatter's output.
pub(crate) fn not_formatted(
    sink: &mut Sink,
    file: &str,
    data: &[u8],
    command: &str,
    canonical: Option<Vec<u8>>,
) {
    let Some(canonical) = canonical else { return };
    if canonical == data {
        return;
    }
    let differs_at = data
        .iter()
        .zip(canonical.iter())
        .position(|(a, b)| a != b)
        .unwrap_or(data.len().min(canonical.len()));
    let at = differs_at.min(data.len());
    let line = text::line_content(data, at);
    let edits = match String::from_utf8(canonical) {
        Ok(new_text) => vec![TextEdit {
            file: file.to_owned(),
            range: 0..data.len(),
            new_text,
        }],
        Err(_) => Vec::new(),
    };
    sink.report(
        rule_code!("not-formatted"),
        file,
        data,
        line,
        format!("{file} is not in canonical form; `{command}` rewrites it from this line on"),
        vec![Fix {
            title: format!("Format {file} as `{command}` does"),
            edits,
            commands: vec![command.to_owned()],
        }],
    );
}

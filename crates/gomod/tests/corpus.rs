//! The real-world corpus (`../shared/corpus` next to the workspace, see its README) through the
//! library, checked against the go binary and against the corpus README's recorded facts.
//!
//! * every go.mod and go.work formats (`go mod edit -fmt -print`, `go work edit -fmt -print`) and
//!   converts to JSON (`-json`) exactly as go does, each file alone in a scratch directory under its
//!   own base name; the README's "parses" and "fmt identical" columns must hold for go and for us;
//! * every go.mod's go.sum hash equals the `GoModSum` go computes for it;
//! * every go.sum is read with the expected line classification: the README's counts (lines,
//!   well-formed lines, bad lines, modules, zip and /go.mod hashes) are recomputed here with the
//!   README's own line pattern, and each line's `GoSum` kind must agree with that pattern and with
//!   a plain field count;
//! * every file still has the sha256 recorded in `SHA256SUMS`;
//! * every go.mod and go.work of the `real/*.txtar` bundles (one per repository and commit, read
//!   in place) formats and converts to JSON exactly as go does.
//!
//! Without the corpus (a checkout without the shared directory) the tests fail: they would prove
//! nothing. `GOMODPLAY_CORPUS` points them at another copy.

use gomod_test_support::corpus;
use gomod_test_support::gocmd;

use gocmd::{describe_difference, Kind};
use gomod::sum::{GoSum, LineKind};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()))
}

/// Every file under `dir` (relative paths, sorted) whose name satisfies `keep`.
fn files(dir: &Path, keep: &dyn Fn(&str) -> bool) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, keep: &dyn Fn(&str) -> bool, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(base, &path, keep, out);
            } else if let (Some(name), Ok(rel)) = (
                path.file_name().and_then(|n| n.to_str()),
                path.strip_prefix(base),
            ) {
                if keep(name) {
                    out.push(rel.to_string_lossy().into_owned());
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, keep, &mut out);
    out.sort();
    out
}

/// One row of a README table, cells trimmed of spaces, backquotes and bold markers.
type Row = Vec<String>;

/// The rows of the table that follows `heading` in the README.
fn readme_table(readme: &str, heading: &str) -> Vec<Row> {
    let Some(start) = readme.find(heading) else {
        panic!("the corpus README has no section {heading:?}")
    };
    readme[start..]
        .lines()
        .skip(1)
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .filter(|line| !line.starts_with("|---") && !line.starts_with("| repo "))
        .map(|line| {
            line.trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().replace("**", ""))
                .collect()
        })
        .collect()
}

/// Where a README row's file lives in the corpus (`owner__repo/path`, or the `stored as` path).
fn local_path(repo: &str, path_cell: &str) -> String {
    if let Some(rest) = path_cell.split("stored as `").nth(1) {
        return rest.split('`').next().unwrap_or_default().to_string();
    }
    format!(
        "{}/{}",
        repo.replace('/', "__"),
        path_cell.trim_matches('`')
    )
}

fn number(cell: &str) -> usize {
    cell.replace(',', "")
        .parse()
        .unwrap_or_else(|_| panic!("not a number in the README: {cell:?}"))
}

#[test]
fn corpus_files_are_unchanged() {
    let dir = corpus::corpus_dir();
    let sums = String::from_utf8_lossy(&read(&dir.join("SHA256SUMS"))).into_owned();
    let mut checked = 0;
    for line in sums.lines().filter(|l| !l.trim().is_empty()) {
        let Some((want, name)) = line.split_once("  ") else {
            panic!("malformed SHA256SUMS line {line:?}")
        };
        let got: String = Sha256::digest(read(&dir.join(name)))
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(got, want, "{name} changed (sha256)");
        checked += 1;
    }
    let all = files(&dir, &|name| {
        name.ends_with(".mod") || name.ends_with(".sum") || name.ends_with(".work")
    });
    assert_eq!(
        checked,
        all.len(),
        "SHA256SUMS does not list every corpus file"
    );
    assert_eq!(checked, 47, "the README promises 47 files");
}

/// go's `edit -fmt -print` and `edit -json` output for each case, each file alone under its
/// kind's base name.
fn go_fmt_and_json(cases: &[(Kind, String, Vec<u8>)]) -> (Vec<gocmd::Output>, Vec<gocmd::Output>) {
    let fmt_jobs: Vec<_> = cases
        .iter()
        .map(|(kind, _, data)| gocmd::fmt_job(*kind, kind.default_name(), data))
        .collect();
    let json_jobs: Vec<_> = cases
        .iter()
        .map(|(kind, _, data)| gocmd::json_job(*kind, kind.default_name(), data))
        .collect();
    (gocmd::run_jobs(&fmt_jobs), gocmd::run_jobs(&json_jobs))
}

/// Records in `failures` where the library's fmt (and, when `go_json` is given, json) output of
/// one case differs from go's.
fn compare_with_go(
    (kind, name, data): (Kind, &str, &[u8]),
    go_fmt: &gocmd::Output,
    go_json: Option<&gocmd::Output>,
    failures: &mut Vec<String>,
) {
    let file = kind.default_name();
    let ours = gocmd::library_fmt(kind, file, data);
    if ours != *go_fmt {
        failures.push(format!(
            "{name} (fmt):\n{}",
            describe_difference(go_fmt, &ours)
        ));
    }
    if let Some(go_json) = go_json {
        let ours = gocmd::library_json(kind, file, data);
        if ours != *go_json {
            failures.push(format!(
                "{name} (json):\n{}",
                describe_difference(go_json, &ours)
            ));
        }
    }
}

#[test]
fn corpus_gomod_and_gowork_format_like_go() {
    let dir = corpus::corpus_dir();
    let readme = String::from_utf8_lossy(&read(&dir.join("README.md"))).into_owned();
    let facts: BTreeMap<String, Row> = readme_table(&readme, "## go.mod and go.work files")
        .into_iter()
        .map(|row| (local_path(&row[0], &row[1]), row))
        .collect();
    let names = files(&dir, &|name| name == "go.mod" || name == "go.work");
    assert_eq!(names.len(), facts.len(), "README rows vs files: {names:?}");

    let cases: Vec<(Kind, String, Vec<u8>)> = names
        .iter()
        .map(|name| {
            let kind = if name.ends_with(".work") {
                Kind::Work
            } else {
                Kind::Mod
            };
            (kind, name.clone(), read(&dir.join(name)))
        })
        .collect();
    let (go_fmt, go_json) = go_fmt_and_json(&cases);

    let mut failures = Vec::new();
    for (i, (kind, name, data)) in cases.iter().enumerate() {
        let row = facts
            .get(name)
            .unwrap_or_else(|| panic!("{name} is not in the README's table"));
        let parses = row[6] == "yes";
        let identical = row[7] == "yes";
        // The README's facts were recorded with this same go; disagreement means a wrong oracle.
        assert_eq!(
            go_fmt[i].status == 0,
            parses,
            "{name}: go's verdict vs README"
        );
        assert_eq!(
            go_fmt[i].stdout == *data,
            identical,
            "{name}: go's output vs README"
        );

        compare_with_go(
            (*kind, name, data),
            &go_fmt[i],
            parses.then_some(&go_json[i]),
            &mut failures,
        );
    }
    eprintln!(
        "corpus: {} go.mod/go.work files compared with go",
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "{} corpus comparisons differ from go:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn corpus_gomod_hashes_match_go() {
    let dir = corpus::corpus_dir();
    let names = files(&dir, &|name| name == "go.mod");
    let data: Vec<Vec<u8>> = names.iter().map(|name| read(&dir.join(name))).collect();
    let go = gocmd::go_mod_sums(&data);
    let differ: Vec<String> = names
        .iter()
        .zip(&data)
        .zip(&go)
        .filter_map(|((name, bytes), want)| {
            let got = gomod::sum::gomod_hash(bytes);
            (got != *want).then(|| format!("{name}: go {want}, ours {got}"))
        })
        .collect();
    assert!(
        differ.is_empty(),
        "go.mod hashes differ:\n{}",
        differ.join("\n")
    );
}

/// The README's go.sum line pattern, `^(\S+) (\S+?)(/go\.mod)? h1:([A-Za-z0-9+/]{43}=)$`, written
/// out by hand: the path, the version (with its `/go.mod` suffix, if any) and the hash.
fn well_formed(line: &[u8]) -> Option<(&str, &str, &str)> {
    let line = std::str::from_utf8(line).ok()?;
    // \S excludes \t \n \f \r and space; splitting on single spaces must give exactly 3 fields.
    if line.contains(['\t', '\n', '\x0c', '\r']) {
        return None;
    }
    let mut parts = line.split(' ');
    let (path, version, hash) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || path.is_empty() || version.is_empty() {
        return None;
    }
    let body = hash.strip_prefix("h1:")?.strip_suffix('=')?;
    let base64 = |c: char| c.is_ascii_alphanumeric() || c == '+' || c == '/';
    (body.len() == 43 && body.chars().all(base64)).then_some((path, version, hash))
}

#[test]
fn corpus_gosum_lines_are_classified_as_expected() {
    let dir = corpus::corpus_dir();
    let readme = String::from_utf8_lossy(&read(&dir.join("README.md"))).into_owned();
    let rows = readme_table(&readme, "## go.sum files");
    let names = files(&dir, &|name| name == "go.sum");
    assert_eq!(
        rows.len(),
        names.len(),
        "README go.sum rows vs files: {names:?}"
    );

    for row in &rows {
        let name = local_path(&row[0], &row[1]);
        let data = read(&dir.join(&name));
        let sum = GoSum::parse(&name, &data);

        // Recount the README's facts with the README's own pattern.
        let mut text_lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
        if data.ends_with(b"\n") {
            text_lines.pop();
        }
        let non_empty = text_lines.iter().filter(|l| !l.is_empty()).count();
        let good: Vec<(&str, &str, &str)> =
            text_lines.iter().filter_map(|l| well_formed(l)).collect();
        // The README's "modules" column counts distinct module paths.
        let modules: BTreeSet<&str> = good.iter().map(|(path, _, _)| *path).collect();
        let gomod_hashes = good
            .iter()
            .filter(|(_, v, _)| v.ends_with("/go.mod"))
            .count();
        let (zip_cell, gomod_cell) = row[9].split_once('/').unwrap_or_default();
        assert_eq!(data.len(), number(&row[4]), "{name}: bytes");
        assert_eq!(text_lines.len(), number(&row[5]), "{name}: lines");
        assert_eq!(good.len(), number(&row[6]), "{name}: well-formed lines");
        assert_eq!(non_empty - good.len(), number(&row[7]), "{name}: bad lines");
        assert_eq!(modules.len(), number(&row[8]), "{name}: modules");
        assert_eq!(
            good.len() - gomod_hashes,
            number(zip_cell.trim()),
            "{name}: zip hashes"
        );
        assert_eq!(
            gomod_hashes,
            number(gomod_cell.trim()),
            "{name}: go.mod hashes"
        );

        // Then hold the library's reading to the same lines.
        assert_eq!(
            sum.lines().len(),
            text_lines.len(),
            "{name}: GoSum line count"
        );
        for (line, text) in sum.lines().iter().zip(&text_lines) {
            let at = format!("{name}:{}", line.number);
            let fields = String::from_utf8_lossy(text).split_whitespace().count();
            match (&line.kind, well_formed(text)) {
                (LineKind::Entry(entry), Some((path, version, hash))) => {
                    assert_eq!(
                        (
                            entry.path.as_str(),
                            entry.version.as_str(),
                            entry.hash.as_str()
                        ),
                        (path, version, hash),
                        "{at}"
                    );
                    assert_eq!(entry.is_go_mod(), version.ends_with("/go.mod"), "{at}");
                }
                (LineKind::Entry(_), None) => assert_eq!(fields, 3, "{at}: entry"),
                (LineKind::EmptyGoModHash(_), _) => assert_eq!(fields, 3, "{at}: empty hash"),
                (LineKind::Blank, None) => assert_eq!(fields, 0, "{at}: blank"),
                (LineKind::WrongFieldCount { fields: found }, None) => {
                    assert!(fields != 0 && fields != 3, "{at}: {fields} fields");
                    assert_eq!(found.len(), fields, "{at}: field spans");
                }
                (kind, Some(_)) => panic!("{at}: well-formed line read as {kind:?}"),
            }
        }
    }
    eprintln!("corpus: {} go.sum files classified", rows.len());
}

/// Every go.mod and go.work of the real-repository bundles (`real/*.txtar`): `go mod edit -fmt
/// -print` / `go work edit -fmt -print` and `-json`, each file alone in a scratch directory under
/// its own base name, against the library. The bundle README says go accepts all of them.
#[test]
fn real_corpus_gomod_and_gowork_format_like_go() {
    let repos = corpus::real_repositories();
    let mut cases: Vec<(Kind, String, Vec<u8>)> = Vec::new();
    for repo in &repos {
        for (name, data) in &repo.files {
            let base = name.rsplit('/').next().unwrap_or_default();
            let kind = match base {
                "go.mod" => Kind::Mod,
                "go.work" => Kind::Work,
                _ => continue,
            };
            cases.push((kind, format!("{}/{name}", repo.name), data.clone()));
        }
    }
    let (go_fmt, go_json) = go_fmt_and_json(&cases);
    let mut failures = Vec::new();
    let (mut mods, mut works) = (0, 0);
    for (i, (kind, name, data)) in cases.iter().enumerate() {
        match kind {
            Kind::Mod => mods += 1,
            Kind::Work => works += 1,
        }
        // The README: every go.mod and go.work of these bundles is accepted by go.
        if go_fmt[i].status != 0 {
            failures.push(format!(
                "{name}: go rejects it, which the corpus README says it does not"
            ));
        }
        compare_with_go(
            (*kind, name, data),
            &go_fmt[i],
            Some(&go_json[i]),
            &mut failures,
        );
    }
    eprintln!(
        "real corpus: {} repositories, {mods} go.mod and {works} go.work files compared with go (fmt and json)",
        repos.len()
    );
    assert!(
        mods >= 300 && works >= 9,
        "only {mods} go.mod and {works} go.work files in the real corpus"
    );
    assert!(
        failures.is_empty(),
        "{} real-corpus comparisons differ from go:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

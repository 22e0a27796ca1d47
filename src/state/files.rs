//! The files being edited: which names the editor always shows, how added, pasted and dropped
//! files are named, and which inputs are refused before they reach the core.

use std::rc::Rc;

use gomod::bundle::{proxy_file_name, Bundle, FileKind};

pub const GO_MOD: &str = "go.mod";
pub const GO_SUM: &str = "go.sum";

/// Larger files are not analysed. The core is linear in the size of its input (see the `scale`
/// bench of crates/gomod): a go.sum or go.mod of this size is analysed in about a second
/// natively. A kubernetes-sized go.sum is about 200 KB; a go.mod is rarely above 20 KB.
pub const MAX_ANALYSED_FILE_BYTES: usize = 16_000_000;

/// A size for people: bytes, kB or MB (decimal units, as browsers and file managers show them),
/// with one decimal rounded to the nearest, so 1,100,000 bytes is "1.1 MB".
pub fn size_text(bytes: usize) -> String {
    let with_tenths = |unit: usize, name: &str| {
        // Tenths in integers (no float formatting in the wasm), rounded to the nearest.
        let tenths = (bytes.saturating_mul(10).saturating_add(unit / 2)) / unit;
        if tenths.is_multiple_of(10) {
            format!("{} {name}", tenths / 10)
        } else {
            format!("{}.{} {name}", tenths / 10, tenths % 10)
        }
    };
    match bytes {
        1 => "1 byte".to_owned(),
        0..=999 => format!("{bytes} bytes"),
        1_000..=999_949 => with_tenths(1_000, "kB"),
        _ => with_tenths(1_000_000, "MB"),
    }
}

/// A byte count with thousands separators ("1,100,000").
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// One file of the bundle, as text.
///
/// The text is shared, not owned: the reducer copies the whole state on every action and each
/// undo snapshot holds every file, so a file that did not change (a megabyte-sized go.sum under
/// a go.mod being edited) is held once, however many states and snapshots refer to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditorFile {
    pub name: String,
    pub text: Rc<str>,
}

impl EditorFile {
    pub fn new(name: &str, text: &str) -> EditorFile {
        EditorFile {
            name: name.to_owned(),
            text: Rc::from(text),
        }
    }
}

/// The files with go.mod and go.sum first (created empty if missing), the rest in their order.
pub fn with_editors(files: Vec<EditorFile>) -> Vec<EditorFile> {
    let mut out = Vec::with_capacity(files.len() + 2);
    for name in [GO_MOD, GO_SUM] {
        out.push(
            files
                .iter()
                .find(|f| f.name == name)
                .cloned()
                .unwrap_or_else(|| EditorFile::new(name, "")),
        );
    }
    out.extend(
        files
            .into_iter()
            .filter(|f| f.name != GO_MOD && f.name != GO_SUM),
    );
    out
}

/// Why the files cannot be analysed as they are, if so.
pub fn input_error(files: &[EditorFile]) -> Option<String> {
    for f in files {
        if f.text.len() > MAX_ANALYSED_FILE_BYTES {
            return Some(format!(
                "{} is {} ({} bytes): the playground analyses files of up to {} ({} bytes). \
                 Your text is kept, also across a reload, but not analysed. Remove what you do not \
                 need from it, or run `gomodplay check` on it: the command line has no size limit.",
                f.name,
                size_text(f.text.len()),
                grouped(f.text.len()),
                size_text(MAX_ANALYSED_FILE_BYTES),
                grouped(MAX_ANALYSED_FILE_BYTES),
            ));
        }
        if f.text.contains('\0') {
            return Some(format!(
                "{} contains NUL bytes: it looks like binary data, not a text file.",
                f.name
            ));
        }
    }
    None
}

/// The bundle name of a dependency's go.mod, given as `module@version`: its GOPROXY-layout
/// name (`example.com/x/@v/v1.0.0.mod`, escaped as the module cache escapes it).
pub fn dependency_file_name(module_at_version: &str) -> Result<String, String> {
    let Some((path, version)) = module_at_version.trim().split_once('@') else {
        return Err(
            "write the dependency as module@version, for example golang.org/x/text@v0.21.0"
                .to_owned(),
        );
    };
    proxy_file_name(path, version, "mod")
}

/// Refuses added files the core would ignore, saying why.
pub fn check_added(name: &str, text: &str) -> Result<(), String> {
    if name.trim().is_empty() {
        return Err("The file needs a name.".to_owned());
    }
    let probe = Bundle::from_files([(name, text.as_bytes())]);
    match probe.problems().first() {
        Some(problem) => Err(problem.to_string()),
        None => Ok(()),
    }
}

/// Whether a file of this name and text is a txtar bundle (a whole input, not one file of it).
fn is_bundle_name(base: &str, text: &str) -> bool {
    base.ends_with(".txtar") || base.ends_with(".txt") && text.starts_with("-- ")
}

/// Whether a dropped file is a txtar bundle that [`classify_drop`] reads.
pub fn is_bundle_drop(name: &str, bytes: &[u8]) -> bool {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    std::str::from_utf8(bytes).is_ok_and(|text| {
        !text.contains('\0') && is_bundle_name(base, text) && from_txtar(text).is_ok()
    })
}

/// The files of a pasted txtar archive.
pub fn from_txtar(text: &str) -> Result<Vec<EditorFile>, String> {
    let bundle = Bundle::from_txtar(text.as_bytes());
    if bundle.files().is_empty() {
        return Err("No files found: a bundle is a txtar archive, each file starting with a line “-- name --”.".to_owned());
    }
    Ok(bundle
        .files()
        .iter()
        .filter(|f| !matches!(f.kind, FileKind::Other))
        .map(|f| EditorFile::new(&f.name, &String::from_utf8_lossy(&f.data)))
        .collect())
}

/// The files of a txtar archive pasted into an editor, when the text is one: it starts (after
/// white space) with a `-- NAME --` line and holds at least two files the playground reads (so
/// that typing a first marker line by hand does not yet replace the input). Text before the first
/// marker would be a go.mod's own lines, so such text is not taken as a bundle.
pub fn pasted_bundle(text: &str) -> Option<Vec<EditorFile>> {
    let start = text.trim_start();
    let first_line = start.lines().next()?;
    if !(first_line.starts_with("-- ") && first_line.trim_end().ends_with(" --")) {
        return None;
    }
    let bundle = Bundle::from_txtar(start.as_bytes());
    let known = bundle
        .files()
        .iter()
        .filter(|f| matches!(f.kind, FileKind::Workspace { .. } | FileKind::Proxy { .. }))
        .count();
    if known < 2 {
        return None;
    }
    from_txtar(start).ok()
}

/// What a dropped file becomes: a txtar's files, or one workspace file chosen by its name.
pub fn classify_drop(name: &str, bytes: &[u8]) -> Result<Vec<EditorFile>, String> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(format!("{name} is not UTF-8 text; it was not loaded."));
    };
    if text.contains('\0') {
        return Err(format!("{name} looks like binary data; it was not loaded."));
    }
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    if is_bundle_name(base, text) {
        return from_txtar(text);
    }
    let target = match base {
        "go.mod" | "go.sum" | "go.work" | "go.work.sum" => base.to_owned(),
        "modules.txt" => "vendor/modules.txt".to_owned(),
        "go-mod-graph.txt" | "graph.txt" => gomod::bundle::MOD_GRAPH_FILE.to_owned(),
        _ => {
            return Err(format!(
                "{name}: drop a go.mod, go.sum, go.work, modules.txt, go-mod-graph.txt or a .txtar bundle."
            ))
        }
    };
    Ok(vec![EditorFile::new(&target, text)])
}

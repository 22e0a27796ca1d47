//! Reading vendor/modules.txt exactly as the go command does (`readVendorList` and
//! `modulesTextIsForWorkspace` in cmd/go/internal/modload), keeping every line with its position.
//!
//! The go command is forgiving: lines it does not understand are skipped, never reported. This
//! reader reproduces what it extracts (module metadata, the vendored build list, the package to
//! module map, the replacements) and additionally classifies every line so that diagnostics can
//! explain why a line had no effect. Reading never fails.

use std::cmp::Ordering;
use std::ops::Range;

use crate::modfile::ModuleVersion;
use crate::path::check_import_path;
use crate::resolve::fxhash::FxHashMap;
use crate::sum::{go_fields, trim_go_space};
use crate::version::{gover, semver};

/// How many bytes of modules.txt the go command inspects to find the `## workspace` marker.
const WORKSPACE_MARKER_WINDOW: usize = 512;

/// A module path and version as modules.txt names it (go.mod's type: the version is empty for
/// a path-wide (wildcard) replacement line `# PATH => ...` and for a directory replacement
/// target).
fn module_version(path: &str, version: &str) -> ModuleVersion {
    ModuleVersion {
        path: path.to_owned(),
        version: version.to_owned(),
    }
}

/// What modules.txt says about one module version (the go command's `vendorMetadata`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// `## explicit` appeared in one of its annotation lines.
    pub explicit: bool,
    /// The version from the last `go VERSION` annotation entry, exactly as written.
    pub go_version: Option<String>,
    /// The replacement from the last module line that gave one the go command understood; a
    /// directory replacement has an empty version.
    pub replacement: Option<ModuleVersion>,
}

/// One line of modules.txt, numbered from 1 as the go command splits the file on `\n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VendorLine {
    pub number: u32,
    /// Byte offsets of the line without its `\n`.
    pub span: Range<usize>,
    pub kind: VendorLineKind,
}

/// How the go command treats one line of modules.txt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VendorLineKind {
    /// `# PATH VERSION [=> ...]`: starts a module. `replacement` is what the go command took from
    /// `=> ...`; `replacement_ignored` is set when text followed the version but was not a
    /// replacement it understands.
    Module {
        module: ModuleVersion,
        replacement: Option<ModuleVersion>,
        replacement_ignored: bool,
    },
    /// `# PATH => ...`: a path-wide replacement; it also becomes the current module, with an
    /// empty version, for the lines that follow.
    WildcardReplacement {
        path: String,
        replacement: Option<ModuleVersion>,
        replacement_ignored: bool,
    },
    /// A `# ` line with fewer than three fields: skipped, and the current module stays the same.
    ShortModuleLine,
    /// A `# ` line whose third field is neither a version nor `=>`: skipped, and no module is
    /// current until the next module line.
    UnknownModuleLine,
    /// `## ...` after a module line: its `;`-separated entries (trimmed), applied to `module`.
    Annotation {
        module: ModuleVersion,
        entries: Vec<String>,
    },
    /// One field that is a valid import path: a package vendored from `module`.
    Package {
        module: ModuleVersion,
        package: String,
    },
    /// A line that comes before any module line (or after an unknown one); skipped. The
    /// `## workspace` marker is such a line.
    NoCurrentModule,
    /// Any other line (empty, several fields, not an import path): skipped.
    Other,
}

/// Where the entries of a file being read are, by key: a modules.txt can list hundreds of
/// thousands of modules in any order, and keeping the vectors sorted while inserting would move
/// them once per line (quadratic). They are sorted once, when the file is read.
#[derive(Default)]
struct Indexes {
    /// The position of each module's metadata in `ModulesTxt::metadata`.
    metadata: FxHashMap<ModuleVersion, usize>,
    /// The position of each package in `ModulesTxt::package_modules`.
    packages: FxHashMap<String, usize>,
    /// The selected version of each module path.
    selected: FxHashMap<String, String>,
}

/// A parsed vendor/modules.txt.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModulesTxt {
    lines: Vec<VendorLine>,
    workspace: bool,
    /// Metadata by module, sorted by module (path, then version string). Here and below sorted
    /// vectors rather than B-tree maps: each key and value type would carry its own copy of the
    /// B-tree code into the web app. While the file is read, [`Indexes`] finds the entries.
    metadata: Vec<(ModuleVersion, Metadata)>,
    vendor_list: Vec<ModuleVersion>,
    replaced: Vec<ModuleVersion>,
    /// The module of each package, sorted by package path.
    package_modules: Vec<(String, ModuleVersion)>,
}

impl ModulesTxt {
    /// Reads modules.txt `data`.
    pub fn parse(data: &[u8]) -> ModulesTxt {
        let mut txt = ModulesTxt {
            workspace: is_for_workspace(data),
            ..ModulesTxt::default()
        };
        let mut indexes = Indexes::default();
        let mut current: Option<ModuleVersion> = None;
        let mut start = 0usize;
        let mut number = 0u32;
        // Splitting on "\n" yields one more (possibly empty) line than there are newlines.
        loop {
            number = number.saturating_add(1);
            let rest = data.get(start..).unwrap_or_default();
            let newline = rest.iter().position(|&b| b == b'\n');
            let end = newline.map_or(data.len(), |i| start + i);
            let line = data.get(start..end).unwrap_or_default();
            let kind = txt.classify(line, &mut current, &mut indexes);
            txt.lines.push(VendorLine {
                number,
                span: start..end,
                kind,
            });
            match newline {
                Some(_) => start = end + 1,
                None => break,
            }
        }
        // Keys are unique (the indexes saw to it), so an unstable order cannot arise.
        crate::sort::sort_by(&mut txt.metadata, |a, b| a.0.cmp(&b.0));
        crate::sort::sort_by(&mut txt.package_modules, |a, b| a.0.cmp(&b.0));
        txt
    }

    fn classify(
        &mut self,
        line: &[u8],
        current: &mut Option<ModuleVersion>,
        indexes: &mut Indexes,
    ) -> VendorLineKind {
        let text = String::from_utf8_lossy(line);
        let owned: Vec<String> = go_fields(line)
            .into_iter()
            .map(|r| String::from_utf8_lossy(line.get(r).unwrap_or_default()).into_owned())
            .collect();
        let fields: Vec<&str> = owned.iter().map(String::as_str).collect();
        if line.starts_with(b"# ") {
            return self.module_line(&fields, current, indexes);
        }
        let Some(module) = current.clone() else {
            return VendorLineKind::NoCurrentModule;
        };
        if let Some(annotations) = text.strip_prefix("## ") {
            let entries: Vec<String> = annotations
                .split(';')
                .map(|e| trim_go_space(e).to_owned())
                .collect();
            if let Some(meta) = self.metadata_entry(indexes, &module) {
                for entry in &entries {
                    if entry == "explicit" {
                        meta.explicit = true;
                    }
                    if let Some(go_version) = entry.strip_prefix("go ") {
                        meta.go_version = Some(go_version.to_owned());
                    }
                }
            }
            return VendorLineKind::Annotation { module, entries };
        }
        match fields.as_slice() {
            [package] if check_import_path(package).is_ok() => {
                match indexes.packages.get(*package) {
                    Some(&i) => {
                        if let Some(entry) = self.package_modules.get_mut(i) {
                            entry.1 = module.clone();
                        }
                    }
                    None => {
                        indexes
                            .packages
                            .insert((*package).to_owned(), self.package_modules.len());
                        self.package_modules
                            .push(((*package).to_owned(), module.clone()));
                    }
                }
                let is_newer = match indexes.selected.get(&module.path) {
                    None => true,
                    Some(version) => {
                        gover::mod_compare(&module.path, version, &module.version) == Ordering::Less
                    }
                };
                if is_newer {
                    self.vendor_list.push(module.clone());
                    indexes
                        .selected
                        .insert(module.path.clone(), module.version.clone());
                }
                VendorLineKind::Package {
                    module,
                    package: (*package).to_owned(),
                }
            }
            _ => VendorLineKind::Other,
        }
    }

    fn module_line(
        &mut self,
        fields: &[&str],
        current: &mut Option<ModuleVersion>,
        indexes: &mut Indexes,
    ) -> VendorLineKind {
        let (Some(path), Some(third)) = (fields.get(1), fields.get(2)) else {
            return VendorLineKind::ShortModuleLine;
        };
        let (module, rest) = if semver::is_valid(third) {
            (
                module_version(path, third),
                fields.get(3..).unwrap_or_default(),
            )
        } else if *third == "=>" {
            (
                module_version(path, ""),
                fields.get(2..).unwrap_or_default(),
            )
        } else {
            *current = None;
            return VendorLineKind::UnknownModuleLine;
        };
        *current = Some(module.clone());

        let mut replacement = None;
        let mut replacement_ignored = !rest.is_empty();
        if let [arrow, _, ..] = rest {
            if *arrow == "=>" {
                replacement = match rest {
                    [_, target] => Some(module_version(target, "")),
                    [_, target, version] if semver::is_valid(version) => {
                        Some(module_version(target, version))
                    }
                    _ => None,
                };
                replacement_ignored = replacement.is_none();
                // The go command records metadata for the module even when it does not
                // understand the replacement, and lists it as replaced only when it does.
                let meta = self.metadata_entry(indexes, &module);
                if let (Some(meta), Some(target)) = (meta, &replacement) {
                    meta.replacement = Some(target.clone());
                }
                if replacement.is_some() {
                    self.replaced.push(module.clone());
                }
            }
        }
        if module.version.is_empty() {
            VendorLineKind::WildcardReplacement {
                path: module.path,
                replacement,
                replacement_ignored,
            }
        } else {
            VendorLineKind::Module {
                module,
                replacement,
                replacement_ignored,
            }
        }
    }

    /// The metadata of `module`, added as default metadata if there is none yet. Always `Some`
    /// (the index is found or just inserted); an option only so that nothing can panic.
    fn metadata_entry(
        &mut self,
        indexes: &mut Indexes,
        module: &ModuleVersion,
    ) -> Option<&mut Metadata> {
        let next = self.metadata.len();
        let i = *indexes.metadata.entry(module.clone()).or_insert(next);
        if i == next {
            self.metadata.push((module.clone(), Metadata::default()));
        }
        self.metadata.get_mut(i).map(|(_, meta)| meta)
    }

    /// Every line, in file order.
    pub fn lines(&self) -> &[VendorLine] {
        &self.lines
    }

    /// Whether the file marks a workspace vendor directory (`## workspace` on its first line).
    pub fn is_workspace(&self) -> bool {
        self.workspace
    }

    /// The metadata recorded for a module version (use an empty version for a path-wide
    /// replacement).
    pub fn metadata(&self, path: &str, version: &str) -> Option<&Metadata> {
        let key = module_version(path, version);
        let i = self.metadata.binary_search_by(|(m, _)| m.cmp(&key)).ok()?;
        self.metadata.get(i).map(|(_, meta)| meta)
    }

    /// All recorded metadata, ordered by path and version string.
    pub fn all_metadata(&self) -> &[(ModuleVersion, Metadata)] {
        &self.metadata
    }

    /// The vendored build list as the go command builds it: each module the first time it
    /// provides a package, or again when it provides one at a higher version than before.
    pub fn vendor_list(&self) -> &[ModuleVersion] {
        &self.vendor_list
    }

    /// The modules marked as replaced, in line order, once per understood replacement.
    pub fn replaced(&self) -> &[ModuleVersion] {
        &self.replaced
    }

    /// The module a package is vendored from (the last one that listed it).
    pub fn package_module(&self, package: &str) -> Option<&ModuleVersion> {
        let i = self
            .package_modules
            .binary_search_by(|(p, _)| p.as_str().cmp(package))
            .ok()?;
        self.package_modules.get(i).map(|(_, m)| m)
    }

    /// The first `go VERSION` annotation newer than `local`, the Go version of the running
    /// toolchain (such as `1.27.3`), as (line number, module, version). The go command stops
    /// reading modules.txt there with
    /// `go: MODULE-PATH in vendor/modules.txt requires go >= VERSION (running go LOCAL; ...)`.
    pub fn first_too_new_go(&self, local: &str) -> Option<(u32, &ModuleVersion, &str)> {
        self.lines.iter().find_map(|line| match &line.kind {
            VendorLineKind::Annotation { module, entries } => entries
                .iter()
                .filter_map(|entry| entry.strip_prefix("go "))
                .find(|version| gover::compare(version, local) == Ordering::Greater)
                .map(|version| (line.number, module, version)),
            _ => None,
        })
    }

    /// Every vendored package and its module, ordered by package path.
    pub fn packages(&self) -> &[(String, ModuleVersion)] {
        &self.package_modules
    }
}

/// The go command decides whether a vendor directory belongs to a workspace from the first line
/// within the first 512 bytes of modules.txt: a `## ` line with a `workspace` entry.
fn is_for_workspace(data: &[u8]) -> bool {
    let window = data.get(..WORKSPACE_MARKER_WINDOW).unwrap_or(data);
    let first_line = window.split(|&b| b == b'\n').next().unwrap_or_default();
    let text = String::from_utf8_lossy(first_line);
    text.strip_prefix("## ").is_some_and(|annotations| {
        annotations
            .split(';')
            .any(|e| trim_go_space(e) == "workspace")
    })
}

#[cfg(test)]
mod golden_tests {
    //! `testdata/vendor/NAME.in` is a modules.txt; `NAME.golden` shows each line's classification
    //! and what the go command extracts from the file. Expectations follow `readVendorList` and
    //! `modulesTextIsForWorkspace` in cmd/go/internal/modload/init.go (read, not copied) and
    //! `readVendorList` in cmd/go/internal/modload/vendor.go.
    //! The "too new" section was checked with the go 1.27.3 binary: a modules.txt whose only
    //! annotation is `## explicit; go V` makes `go list -m example.com/b` fail with
    //! `requires go >= V` for V = 1.27.4, 1.28rc1, 1.99, and succeed for 1.27.3, 1.27.4rc1,
    //! 1.27.3.1 and x (invalid versions never count as newer).

    use std::fmt::Write as _;

    use super::{ModuleVersion, ModulesTxt, VendorLineKind};
    use gomod_test_support::golden::check_dir;

    fn module(m: &ModuleVersion) -> String {
        if m.version.is_empty() {
            m.path.clone()
        } else {
            format!("{}@{}", m.path, m.version)
        }
    }

    fn replacement(r: &Option<ModuleVersion>, ignored: bool) -> String {
        match (r, ignored) {
            (Some(target), _) => format!(" => {}", module(target)),
            (None, true) => " (trailing text ignored)".to_owned(),
            (None, false) => String::new(),
        }
    }

    fn render(data: &[u8]) -> String {
        let txt = ModulesTxt::parse(data);
        let mut out = format!("workspace: {}\n-- lines --\n", txt.is_workspace());
        for line in txt.lines() {
            let what = match &line.kind {
                VendorLineKind::Module {
                    module: m,
                    replacement: r,
                    replacement_ignored,
                } => {
                    format!(
                        "module {}{}",
                        module(m),
                        replacement(r, *replacement_ignored)
                    )
                }
                VendorLineKind::WildcardReplacement {
                    path,
                    replacement: r,
                    replacement_ignored,
                } => {
                    format!("wildcard {path}{}", replacement(r, *replacement_ignored))
                }
                VendorLineKind::ShortModuleLine => "short module line (ignored)".to_owned(),
                VendorLineKind::UnknownModuleLine => {
                    "unknown module line (ignored; no current module)".to_owned()
                }
                VendorLineKind::Annotation { module: m, entries } => {
                    format!("annotation for {}: {entries:?}", module(m))
                }
                VendorLineKind::Package { module: m, package } => {
                    format!("package {package} of {}", module(m))
                }
                VendorLineKind::NoCurrentModule => "no current module (ignored)".to_owned(),
                VendorLineKind::Other => "other (ignored)".to_owned(),
            };
            let raw = String::from_utf8_lossy(data.get(line.span.clone()).unwrap_or_default());
            let _ = writeln!(out, "{}: {what} <- {raw:?}", line.number);
        }
        out.push_str("-- metadata --\n");
        for (m, meta) in txt.all_metadata() {
            let _ = writeln!(
                out,
                "{}: explicit={} go={:?} replacement={}",
                module(m),
                meta.explicit,
                meta.go_version,
                meta.replacement.as_ref().map_or("none".to_owned(), module)
            );
        }
        out.push_str("-- vendor list --\n");
        for m in txt.vendor_list() {
            let _ = writeln!(out, "{}", module(m));
        }
        out.push_str("-- replaced --\n");
        for m in txt.replaced() {
            let _ = writeln!(out, "{}", module(m));
        }
        out.push_str("-- packages --\n");
        for (package, m) in txt.packages() {
            let _ = writeln!(out, "{package} {}", module(m));
        }
        if let Some((line, m, version)) = txt.first_too_new_go("1.27.3") {
            let _ = writeln!(
                out,
                "-- too new for go 1.27.3 --\nline {line}: {} requires go >= {version}",
                m.path
            );
        }
        out
    }

    #[test]
    fn golden_modules_txt() {
        check_dir("vendor", |_, data| render(data));
    }
}

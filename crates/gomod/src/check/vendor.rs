//! vendor-inconsistent: vendor/modules.txt out of step with go.mod, reported problem by problem
//! with the go command's texts (`checkVendorConsistency` in
//! cmd/go/internal/modload/vendor.go; single-module mode, go 1.14 or later).

use super::{Fix, Sink};
use crate::bundle::{Bundle, WorkspaceFile};
use crate::modfile::{self, ModuleVersion, Replace};
use crate::resolve::fxhash::{FxHashMap, FxHashSet};
use crate::vendor::{ModulesTxt, VendorLineKind};
use crate::version::gover;

/// The go line from which a vendor directory is used without -mod=vendor.
const VENDOR_BY_DEFAULT: &str = "1.14";

/// `path@version`, or the path alone when the version is empty (go's `describe`).
fn describe(path: &str, version: &str) -> String {
    if version.is_empty() {
        path.to_owned()
    } else {
        format!("{path}@{version}")
    }
}

pub(crate) fn check(sink: &mut Sink, bundle: &Bundle) {
    if bundle.workspace_file("", WorkspaceFile::GoWork).is_some() {
        return;
    }
    for (dir, which, file) in bundle.workspace_files() {
        if which != WorkspaceFile::ModulesTxt {
            continue;
        }
        // The bundle names modules.txt's directory by the module directory it belongs to.
        let module_dir = dir;
        let gomod_name = if module_dir.is_empty() {
            "go.mod".to_owned()
        } else {
            format!("{module_dir}/go.mod")
        };
        let Some(gomod) = bundle.file(&gomod_name) else {
            continue;
        };
        let Ok(m) = modfile::parse(&gomod_name, gomod) else {
            continue;
        };
        let go = m.go_version().unwrap_or("");
        let txt = ModulesTxt::parse(&file.data);
        if go.is_empty() || gover::compare(go, VENDOR_BY_DEFAULT).is_lt() || txt.is_workspace() {
            // The go command does not use this vendor directory (`setDefaultBuildMod`
            // in cmd/go/internal/modload/init.go); go < 1.14 checks
            // a narrower set, which is not reproduced.
            continue;
        }
        let fix = Fix {
            title: "Regenerate vendor/modules.txt and the vendored files".to_owned(),
            edits: Vec::new(),
            commands: vec!["go mod vendor".to_owned()],
        };
        let line_of = |id| m.syntax.line(id).map_or(0..0, |l| l.byte_span());
        let report_gomod = |sink: &mut Sink, range, problem: String| {
            sink.report(
                rule_code!("vendor-inconsistent"),
                &gomod_name,
                gomod,
                range,
                format!("inconsistent vendoring: {problem}"),
                vec![fix.clone()],
            );
        };
        for r in &m.require {
            let explicit = txt
                .metadata(&r.module.path, &r.module.version)
                .is_some_and(|meta| meta.explicit);
            if !explicit {
                report_gomod(
                    sink,
                    line_of(r.line),
                    format!(
                        "{}: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt",
                        describe(&r.module.path, &r.module.version)
                    ),
                );
            }
        }
        // The last directive for each replaced module is the one in effect; maps keep these
        // lookups linear in a go.mod with thousands of replacements.
        let mut effective_of: FxHashMap<&ModuleVersion, &Replace> = FxHashMap::default();
        for r in &m.replace {
            effective_of.insert(&r.old, r);
        }
        let mut seen: FxHashSet<&ModuleVersion> = FxHashSet::default();
        for r in &m.replace {
            if !seen.insert(&r.old) {
                continue;
            }
            let effective: &Replace = effective_of.get(&r.old).copied().unwrap_or(r);
            let vendored = txt
                .metadata(&r.old.path, &r.old.version)
                .and_then(|meta| meta.replacement.as_ref());
            let old = describe(&r.old.path, &r.old.version);
            let new = describe(&effective.new.path, &effective.new.version);
            match vendored {
                None => report_gomod(
                    sink,
                    line_of(r.line),
                    format!("{old}: is replaced in go.mod, but not marked as replaced in vendor/modules.txt"),
                ),
                Some(v) if v.path != effective.new.path || v.version != effective.new.version => {
                    report_gomod(
                        sink,
                        line_of(r.line),
                        format!(
                            "{old}: is replaced by {new} in go.mod, but marked as replaced by {} in vendor/modules.txt",
                            describe(&v.path, &v.version)
                        ),
                    )
                }
                Some(_) => {}
            }
        }
        // The first line of each module (a path-wide replacement's line for an empty version).
        let mut first_line: FxHashMap<(&str, &str), std::ops::Range<usize>> = FxHashMap::default();
        for l in txt.lines() {
            let key = match &l.kind {
                VendorLineKind::Module { module, .. } => {
                    (module.path.as_str(), module.version.as_str())
                }
                VendorLineKind::WildcardReplacement { path, .. } => (path.as_str(), ""),
                _ => continue,
            };
            first_line.entry(key).or_insert_with(|| l.span.clone());
        }
        let txt_line = |module: &ModuleVersion| {
            first_line
                .get(&(module.path.as_str(), module.version.as_str()))
                .cloned()
                .unwrap_or(0..0)
        };
        let required: FxHashSet<(&str, &str)> = m
            .require
            .iter()
            .map(|r| (r.module.path.as_str(), r.module.version.as_str()))
            .collect();
        // Replaced paths, and whether each has a directive for every version or for which.
        let mut replaced_versions: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
        for r in &m.replace {
            replaced_versions
                .entry(r.old.path.as_str())
                .or_default()
                .push(r.old.version.as_str());
        }
        let report_txt = |sink: &mut Sink, module: &ModuleVersion, detail: &str| {
            sink.report(
                rule_code!("vendor-inconsistent"),
                &file.name,
                &file.data,
                txt_line(module),
                format!(
                    "inconsistent vendoring: {}: {detail}",
                    describe(&module.path, &module.version)
                ),
                vec![fix.clone()],
            );
        };
        for module in txt.vendor_list() {
            let explicit = txt
                .metadata(&module.path, &module.version)
                .is_some_and(|meta| meta.explicit);
            let required = required.contains(&(module.path.as_str(), module.version.as_str()));
            if explicit && !required {
                report_txt(
                    sink,
                    module,
                    "is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod",
                );
            }
        }
        for module in txt.replaced() {
            let replaced = replaced_versions
                .get(module.path.as_str())
                .is_some_and(|versions| {
                    versions
                        .iter()
                        .any(|v| v.is_empty() || *v == module.version)
                });
            if !replaced {
                report_txt(
                    sink,
                    module,
                    "is marked as replaced in vendor/modules.txt, but not replaced in go.mod",
                );
            }
        }
    }
}

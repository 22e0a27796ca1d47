//! What-if: a change to the main module's requirements tried on the user's files before touching
//! them, the module views' "What if" panel's model.
//!
//! Raise, lower and drop mirror `go get PATH@VERSION` (and `PATH@none`) followed by
//! `go list -m all`: the new build list comes from [`resolve::what_if`] and the go.mod go would
//! write from its new requirements, laid out as the go command lays them out for the file's go
//! version (`modfile`'s `set_require*`). Replace and exclude mirror
//! `go mod edit -replace`/`-exclude` followed by `go list -m all`: the directive is added to a
//! copy of go.mod, which is resolved again.
//!
//! A request is checked before anything is resolved, so that the user reads what is wrong with
//! it rather than a resolver error: a version must be a semantic version, the module must be in
//! the user's files, and the go.mod of the version asked for must be among them (the playground
//! has no network). Every result carries the equivalent go command, and a successful one the
//! go.mod edit as a [`Fix`], applied like any rule's fix.

use std::fmt;

use crate::bundle::Bundle;
use crate::check::{Fix, TextEdit};
use crate::modfile::ModuleVersion;
use crate::modfile::{self, ModFile, RequireSpec};
use crate::path::escape::escape_path;
use crate::resolve::{self, bundle_input, Change, Cmd, Resolution, Settings, WhatIf};
use crate::version::{gover, semver};

use super::{resolve_settings, Options};

/// A change the user wants to try.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WhatIfRequest {
    /// Require at least this version (`go get path@version` upwards).
    Raise { path: String, version: String },
    /// Require at most this version (`go get path@version` downwards).
    Lower { path: String, version: String },
    /// Remove the path from the build list (`go get path@none`).
    Drop { path: String },
    /// `replace path [version] => new_path [new_version]`; without a new version the new path
    /// is a directory.
    Replace {
        path: String,
        version: String,
        new_path: String,
        new_version: String,
    },
    /// `exclude path version`.
    Exclude { path: String, version: String },
}

impl WhatIfRequest {
    /// The go command that makes the same change to go.mod.
    pub fn command(&self) -> String {
        match self {
            WhatIfRequest::Raise { path, version } | WhatIfRequest::Lower { path, version } => {
                format!("go get {path}@{version}")
            }
            WhatIfRequest::Drop { path } => format!("go get {path}@none"),
            WhatIfRequest::Replace {
                path,
                version,
                new_path,
                new_version,
            } => format!(
                "go mod edit -replace={}={}",
                at(path, version),
                at(new_path, new_version)
            ),
            WhatIfRequest::Exclude { path, version } => {
                format!("go mod edit -exclude={path}@{version}")
            }
        }
    }

    fn path(&self) -> &str {
        match self {
            WhatIfRequest::Raise { path, .. }
            | WhatIfRequest::Lower { path, .. }
            | WhatIfRequest::Drop { path }
            | WhatIfRequest::Replace { path, .. }
            | WhatIfRequest::Exclude { path, .. } => path,
        }
    }

    /// The version the request names, if it needs one ("" for an optional one left out).
    fn version(&self) -> Option<&str> {
        match self {
            WhatIfRequest::Raise { version, .. }
            | WhatIfRequest::Lower { version, .. }
            | WhatIfRequest::Exclude { version, .. }
            | WhatIfRequest::Replace { version, .. } => Some(version),
            WhatIfRequest::Drop { .. } => None,
        }
    }
}

/// `path@version`, or `path` alone without a version (go mod edit's argument form).
fn at(path: &str, version: &str) -> String {
    if version.is_empty() {
        path.to_owned()
    } else {
        format!("{path}@{version}")
    }
}

/// Why a request was not computed. Its `Display` is the sentence the user reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WhatIfError {
    /// The input has no go.mod (nor go.work) to change.
    NoGoMod,
    /// The Module field is empty.
    NoModule,
    /// The Version field is empty where a version is needed.
    NoVersion,
    /// The version is not a semantic version (`banana`, `1.2`, `latest`).
    InvalidVersion { version: String },
    /// A shortened version (`v1.2`, `v1`): go get reads it as a query for the newest matching
    /// version, which needs the network; the playground asks for the version in full.
    IncompleteVersion { version: String, full: String },
    /// No file of the input names the module.
    UnknownModule { path: String },
    /// The go.mod of the version asked for is not in the input.
    VersionNotInFiles {
        path: String,
        version: String,
        /// The versions whose go.mod the input has, lowest first.
        known: Vec<String>,
    },
    /// The go command's own refusal, worded for the page (no playground paths).
    Go(String),
}

impl fmt::Display for WhatIfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WhatIfError::NoGoMod => f.write_str("There is no go.mod to change: add one first."),
            WhatIfError::NoModule => f.write_str("Name the module to change."),
            WhatIfError::NoVersion => f.write_str("Give the version to try, such as v1.2.3."),
            WhatIfError::InvalidVersion { version } => write!(
                f,
                "“{version}” is not a version: go wants a semantic version with a leading v, such as v1.2.3."
            ),
            WhatIfError::IncompleteVersion { version, full } => write!(
                f,
                "“{version}” is short for a version: go get would pick the newest {version}.x from the network; name the version in full, such as {full}."
            ),
            WhatIfError::UnknownModule { path } => write!(
                f,
                "{path} is not in your files: go.mod does not require it and no go.mod file of it is in the input."
            ),
            WhatIfError::VersionNotInFiles {
                path,
                version,
                known,
            } => {
                write!(f, "The go.mod file of {path}@{version} is not in your files, so what this change does cannot be computed here. ")?;
                if !known.is_empty() {
                    write!(f, "Versions in your files: {}. ", known.join(", "))?;
                }
                let escaped = escape_path(path).unwrap_or_else(|_| path.clone());
                write!(f, "To try {version}, add its go.mod file (the module cache holds it as $(go env GOMODCACHE)/cache/download/{escaped}/@v/{version}.mod).")
            }
            WhatIfError::Go(message) => f.write_str(message),
        }
    }
}

/// What a request does, or why it could not be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatIfPreview {
    /// The go command that makes the same change (`go get M@V`, `go mod edit -replace=...`).
    pub command: String,
    /// The new build list and how it differs from the current one.
    pub outcome: Result<WhatIf, WhatIfError>,
    /// The change written into go.mod, applied like a rule's fix; `None` when the request
    /// failed, changes nothing in go.mod, or works on a go.work (whose modules go get edits one
    /// by one).
    pub apply: Option<Fix>,
}

impl WhatIfPreview {
    /// The command to offer the user: `None` when the request itself is mistaken (no module, a
    /// version that is not one, a module the files do not have), since go would only refuse it
    /// too; otherwise the command, which also runs where the files the playground lacks are.
    pub fn command_to_show(&self) -> Option<&str> {
        match &self.outcome {
            Ok(_)
            | Err(WhatIfError::VersionNotInFiles { .. })
            | Err(WhatIfError::IncompleteVersion { .. }) => Some(&self.command),
            Err(
                WhatIfError::NoGoMod
                | WhatIfError::NoModule
                | WhatIfError::NoVersion
                | WhatIfError::InvalidVersion { .. }
                | WhatIfError::UnknownModule { .. }
                | WhatIfError::Go(_),
            ) => None,
        }
    }
}

/// Computes a request over a bundle (its go.mod, go.sum and dependency go.mod files).
pub fn preview(bundle: &Bundle, options: &Options, request: &WhatIfRequest) -> WhatIfPreview {
    let request = trimmed(request);
    let command = request.command();
    let (outcome, apply) = match compute(bundle, &resolve_settings(options), &request) {
        Ok((what_if, apply)) => (Ok(what_if), apply),
        Err(e) => (Err(e), None),
    };
    WhatIfPreview {
        command,
        outcome,
        apply,
    }
}

/// The request with its fields' surrounding spaces removed (they come from text inputs).
fn trimmed(request: &WhatIfRequest) -> WhatIfRequest {
    let t = |s: &String| s.trim().to_owned();
    match request {
        WhatIfRequest::Raise { path, version } => WhatIfRequest::Raise {
            path: t(path),
            version: t(version),
        },
        WhatIfRequest::Lower { path, version } => WhatIfRequest::Lower {
            path: t(path),
            version: t(version),
        },
        WhatIfRequest::Drop { path } => WhatIfRequest::Drop { path: t(path) },
        WhatIfRequest::Replace {
            path,
            version,
            new_path,
            new_version,
        } => WhatIfRequest::Replace {
            path: t(path),
            version: t(version),
            new_path: t(new_path),
            new_version: t(new_version),
        },
        WhatIfRequest::Exclude { path, version } => WhatIfRequest::Exclude {
            path: t(path),
            version: t(version),
        },
    }
}

fn compute(
    bundle: &Bundle,
    settings: &Settings,
    request: &WhatIfRequest,
) -> Result<(WhatIf, Option<Fix>), WhatIfError> {
    let input = bundle_input(bundle, settings.clone()).ok_or(WhatIfError::NoGoMod)?;
    let gomod_text = input.gomod;
    let main = if input.workspace.is_none() {
        Some(modfile::parse("go.mod", gomod_text).map_err(|e| {
            WhatIfError::Go(String::from_utf8_lossy(&e.to_bytes()).trim_end().to_owned())
        })?)
    } else {
        None
    };
    validate(bundle, main.as_ref(), request)?;
    let change = match request {
        WhatIfRequest::Raise { path, version } => Change::Raise(ModuleVersion::new(path, version)),
        WhatIfRequest::Lower { path, version } => Change::Lower(ModuleVersion::new(path, version)),
        WhatIfRequest::Drop { path } => Change::Drop(path.clone()),
        WhatIfRequest::Replace { .. } | WhatIfRequest::Exclude { .. } => {
            let Some(mut edited) = main else {
                return Err(WhatIfError::Go(
                    "replace and exclude are tried on a go.mod, not on a go.work".to_owned(),
                ));
            };
            return add_directive(bundle, settings, &input, &mut edited, request);
        }
    };
    let what_if = resolve::what_if(&input, &change);
    if let Some(error) = &what_if.error {
        return Err(go_error(error, settings));
    }
    let apply = match main {
        Some(file) if !what_if.roots.is_empty() => {
            gomod_after_get(gomod_text, file, &what_if).map(|text| Fix {
                title: format!("Write go.mod as `{}` does", request.command()),
                edits: vec![TextEdit {
                    file: "go.mod".to_owned(),
                    range: 0..gomod_text.len(),
                    new_text: text,
                }],
                commands: vec![request.command()],
            })
        }
        _ => None,
    };
    Ok((what_if, apply))
}

/// The checks that word a request's problem before the resolver would.
fn validate(
    bundle: &Bundle,
    main: Option<&ModFile>,
    request: &WhatIfRequest,
) -> Result<(), WhatIfError> {
    let path = request.path();
    if path.is_empty() {
        return Err(WhatIfError::NoModule);
    }
    let optional = matches!(request, WhatIfRequest::Replace { .. });
    if let Some(version) = request.version() {
        if version.is_empty() && !optional {
            return Err(WhatIfError::NoVersion);
        }
        if !version.is_empty() && !semver::is_valid(version) {
            return Err(WhatIfError::InvalidVersion {
                version: version.to_owned(),
            });
        }
        let full = semver::canonical(version);
        if !version.is_empty() && !version.contains('+') && full != version {
            return Err(WhatIfError::IncompleteVersion {
                version: version.to_owned(),
                full,
            });
        }
    }
    if let WhatIfRequest::Replace {
        new_path,
        new_version,
        ..
    } = request
    {
        if new_path.is_empty() {
            return Err(WhatIfError::Go(
                "Name the replacement: a module path and version, or a directory.".to_owned(),
            ));
        }
        if !new_version.is_empty() && !semver::is_valid(new_version) {
            return Err(WhatIfError::InvalidVersion {
                version: new_version.clone(),
            });
        }
        // A replacement may name any module: go mod edit does not look it up.
        return Ok(());
    }
    let required = main.is_some_and(|m| m.require.iter().any(|r| r.module.path == path));
    let replaced = main.is_some_and(|m| m.replace.iter().any(|r| r.old.path == path));
    let known = bundle.versions(path);
    let has_files = bundle.dependency_paths().contains(&path);
    if !required && !replaced && !has_files {
        return Err(WhatIfError::UnknownModule {
            path: path.to_owned(),
        });
    }
    if let WhatIfRequest::Raise { version, .. } | WhatIfRequest::Lower { version, .. } = request {
        // A replaced module's go.mod comes from its replacement, which the resolver reads.
        if !replaced && bundle.dependency_gomod(path, version).is_none() {
            return Err(WhatIfError::VersionNotInFiles {
                path: path.to_owned(),
                version: version.clone(),
                known,
            });
        }
    }
    Ok(())
}

/// Replace or exclude: the directive added to go.mod (as go mod edit adds it), then the copy
/// resolved and compared with the current build list.
fn add_directive(
    bundle: &Bundle,
    settings: &Settings,
    input: &resolve::Input<'_>,
    edited: &mut ModFile,
    request: &WhatIfRequest,
) -> Result<(WhatIf, Option<Fix>), WhatIfError> {
    let before = resolve::resolve(input, Cmd::ListAll);
    if let Some(e) = &before.error {
        return Err(go_error(e.text(), settings));
    }
    match request {
        WhatIfRequest::Replace {
            path,
            version,
            new_path,
            new_version,
        } => edited.add_replace(path, version, new_path, new_version),
        WhatIfRequest::Exclude { path, version } => edited
            .add_exclude(path, version)
            .map_err(|e| WhatIfError::Go(e.to_string()))?,
        _ => {}
    }
    edited.cleanup();
    let text = String::from_utf8_lossy(&edited.format()).into_owned();
    let mut changed = bundle.clone();
    changed.insert("go.mod".to_owned(), text.clone().into_bytes());
    let changed_input = bundle_input(&changed, settings.clone()).ok_or(WhatIfError::NoGoMod)?;
    let after = resolve::resolve(&changed_input, Cmd::ListAll);
    if let Some(e) = &after.error {
        return Err(go_error(e.text(), settings));
    }
    let what_if = resolve::difference(build_list(&before), build_list(&after));
    let apply = (text.as_bytes() != input.gomod).then(|| Fix {
        title: format!("Write go.mod as `{}` does", request.command()),
        edits: vec![TextEdit {
            file: "go.mod".to_owned(),
            range: 0..input.gomod.len(),
            new_text: text,
        }],
        commands: vec![request.command()],
    });
    Ok((what_if, apply))
}

fn build_list(r: &Resolution) -> Vec<ModuleVersion> {
    r.build_list.iter().map(|e| e.module.clone()).collect()
}

/// go's message worded for the page; a proxy address that the wording does not turn into a
/// module name never reaches the user.
fn go_error(error: &str, settings: &Settings) -> WhatIfError {
    let worded = resolve::user_error_text(error, settings);
    if worded.contains(&settings.proxy_url) {
        return WhatIfError::Go(
            "A go.mod file this change needs is not in your files (go stopped reading the module proxy)."
                .to_owned(),
        );
    }
    WhatIfError::Go(worded)
}

/// go.mod as `go get` writes it: the new requirements (those go.mod marked direct stay direct,
/// new ones are indirect since nothing here imports them) in the layout of the file's new go
/// version, and the new go line.
fn gomod_after_get(original: &[u8], mut file: ModFile, what_if: &WhatIf) -> Option<String> {
    // A set: `go get` on a large go.mod looks every root up in it.
    let direct: crate::resolve::fxhash::FxHashSet<&str> = file
        .require
        .iter()
        .filter(|r| !r.indirect)
        .map(|r| r.module.path.as_str())
        .collect();
    let specs: Vec<RequireSpec> = what_if
        .roots
        .iter()
        .filter(|m| m.path != "go" && m.path != "toolchain")
        .map(|m| RequireSpec {
            path: m.path.clone(),
            version: m.version.clone(),
            indirect: !direct.contains(&m.path.as_str()),
        })
        .collect();
    if let Some(go) = &what_if.go_version {
        file.add_go_stmt(go).ok()?;
    }
    let go = file.go_version().unwrap_or("1.16").to_owned();
    if gover::compare(&go, "1.17").is_lt() {
        file.set_require(&specs);
    } else if gover::compare(&go, "1.27").is_lt() {
        file.set_require_separate_indirect(&specs);
    } else {
        file.set_require_at_most_two(&specs);
    }
    file.cleanup();
    let text = String::from_utf8(file.format()).ok()?;
    (text.as_bytes() != original).then_some(text)
}

/// One module the What if form offers: its path, the version selected now (if it is in the
/// build list) and the versions whose go.mod the input has.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ModuleChoice {
    pub path: String,
    pub selected: Option<String>,
    pub versions: Vec<String>,
}

impl ModuleChoice {
    /// The suggestion's description: the version selected now and how many versions the input
    /// has (`selected v1.2.0; 3 versions in your files`).
    pub fn label(&self) -> String {
        let versions = match self.versions.len() {
            0 => String::new(),
            1 => "1 version in your files".to_owned(),
            n => format!("{n} versions in your files"),
        };
        match (&self.selected, versions.is_empty()) {
            (Some(v), true) => format!("selected {v}"),
            (Some(v), false) => format!("selected {v}; {versions}"),
            (None, _) => versions,
        }
    }
}

/// The versions to suggest for the module named in the form: its versions in the input, or
/// every module's while the name matches none, without repeats and in semver order.
pub fn suggested_versions(choices: &[ModuleChoice], path: &str) -> Vec<String> {
    let mut versions: Vec<String> = match choices.iter().find(|c| c.path == path.trim()) {
        Some(c) => c.versions.clone(),
        None => choices.iter().flat_map(|c| c.versions.clone()).collect(),
    };
    semver::sort(&mut versions);
    versions.dedup();
    versions
}

/// The modules a what-if can name: the build list's (main modules left out) and every other
/// module with a go.mod file in the input, sorted by path.
pub fn module_choices(bundle: &Bundle, resolution: Option<&Resolution>) -> Vec<ModuleChoice> {
    let mut choices: Vec<ModuleChoice> = Vec::new();
    let mains: &[String] = resolution.map_or(&[], |r| &r.main_modules);
    for entry in resolution.map_or(&[][..], |r| &r.build_list) {
        if mains.contains(&entry.module.path) {
            continue;
        }
        choices.push(ModuleChoice {
            path: entry.module.path.clone(),
            selected: Some(entry.module.version.clone()),
            versions: bundle.versions(&entry.module.path),
        });
    }
    for path in bundle.dependency_paths() {
        if choices.iter().all(|c| c.path != path) {
            choices.push(ModuleChoice {
                path: path.to_owned(),
                selected: None,
                versions: bundle.versions(path),
            });
        }
    }
    choices.sort_by(|a, b| a.path.cmp(&b.path));
    choices
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle() -> Bundle {
        Bundle::from_txtar(
            b"-- go.mod --\nmodule example.com/m\n\ngo 1.22\n\nrequire example.com/dep v1.0.0\n-- example.com/dep/@v/v1.0.0.mod --\nmodule example.com/dep\n\ngo 1.20\n-- example.com/dep/@v/v1.1.0.mod --\nmodule example.com/dep\n\ngo 1.20\n",
        )
    }

    fn raise(path: &str, version: &str) -> WhatIfRequest {
        WhatIfRequest::Raise {
            path: path.to_owned(),
            version: version.to_owned(),
        }
    }

    #[test]
    fn a_version_that_is_not_semver_is_refused_by_name() {
        let p = preview(
            &bundle(),
            &Options::default(),
            &raise("example.com/dep", "banana"),
        );
        assert_eq!(
            p.outcome,
            Err(WhatIfError::InvalidVersion {
                version: "banana".to_owned()
            })
        );
        assert_eq!(p.command, "go get example.com/dep@banana");
        assert_eq!(p.command_to_show(), None);
        assert!(p.apply.is_none());
    }

    #[test]
    fn a_module_not_in_the_files_is_said_to_be_so() {
        let p = preview(
            &bundle(),
            &Options::default(),
            &raise("example.com/nope", "v1.0.0"),
        );
        let message = p.outcome.expect_err("refused").to_string();
        assert!(
            message.starts_with("example.com/nope is not in your files"),
            "{message}"
        );
    }

    #[test]
    fn a_missing_go_mod_is_named_without_the_proxy_address() {
        let p = preview(
            &bundle(),
            &Options::default(),
            &raise("example.com/dep", "v1.2.0"),
        );
        let message = p.outcome.clone().expect_err("refused").to_string();
        assert!(!message.contains("file://"), "{message}");
        assert!(message.contains("example.com/dep@v1.2.0"), "{message}");
        assert!(message.contains("v1.0.0, v1.1.0"), "{message}");
        assert_eq!(p.command_to_show(), Some("go get example.com/dep@v1.2.0"));
    }

    #[test]
    fn a_raise_comes_with_its_go_mod_edit_and_command() {
        let p = preview(
            &bundle(),
            &Options::default(),
            &raise(" example.com/dep ", "v1.1.0"),
        );
        let w = p.outcome.expect("computed");
        assert_eq!(
            w.changed,
            vec![(
                "example.com/dep".to_owned(),
                "v1.0.0".to_owned(),
                "v1.1.0".to_owned()
            )]
        );
        assert_eq!(p.command, "go get example.com/dep@v1.1.0");
        let fix = p.apply.expect("an edit");
        assert_eq!(
            fix.edits.first().map(|e| e.new_text.as_str()),
            Some("module example.com/m\n\ngo 1.22\n\nrequire example.com/dep v1.1.0\n")
        );
    }

    #[test]
    fn the_choices_are_the_modules_of_the_input() {
        let b = bundle();
        let choices = module_choices(&b, None);
        assert_eq!(
            choices,
            vec![ModuleChoice {
                path: "example.com/dep".to_owned(),
                selected: None,
                versions: vec!["v1.0.0".to_owned(), "v1.1.0".to_owned()],
            }]
        );
    }

    #[test]
    fn versions_are_suggested_for_the_module_named_or_for_all() {
        let choices = vec![
            ModuleChoice {
                path: "example.com/a".to_owned(),
                selected: Some("v1.10.0".to_owned()),
                versions: vec!["v1.9.0".to_owned(), "v1.10.0".to_owned()],
            },
            ModuleChoice {
                path: "example.com/b".to_owned(),
                selected: None,
                versions: vec!["v1.9.0".to_owned(), "v0.1.0".to_owned()],
            },
        ];
        assert_eq!(
            suggested_versions(&choices, " example.com/a "),
            ["v1.9.0", "v1.10.0"]
        );
        assert_eq!(
            suggested_versions(&choices, "example.com/"),
            ["v0.1.0", "v1.9.0", "v1.10.0"]
        );
        assert_eq!(
            choices.first().map(ModuleChoice::label).as_deref(),
            Some("selected v1.10.0; 2 versions in your files")
        );
        assert_eq!(
            choices.get(1).map(ModuleChoice::label).as_deref(),
            Some("2 versions in your files")
        );
    }
}

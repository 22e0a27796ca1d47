//! Notes on the versions a go.mod chose for its direct requirements: pseudo-version and
//! incompatible-version.
//!
//! Both are about a choice the module's author made, so both look only at direct requirements:
//! an `// indirect` requirement records what minimal version selection picked from the
//! dependencies' go.mod files, and the author has nothing to act on. A pseudo-version is worth a
//! note only when a tagged release is known to exist (the pseudo-version builds on one, or the
//! bundle lists one above it): pinning a commit of a module that has never been tagged is the
//! normal way to depend on it. The zero pseudo-version (`v0.0.0-00010101000000-000000000000`)
//! is no choice at all: `go mod tidy` writes it for a module that a replace directive or a
//! workspace provides from a directory.

use super::gomod::Ctx;
use super::{Fix, Sink};
use crate::bundle::Bundle;
use crate::modfile::Require;
use crate::version::pseudo::is_zero_pseudo_version;
use crate::version::{
    is_pseudo_version, pseudo_version_base, pseudo_version_rev, pseudo_version_time, semver,
};

pub(super) fn check(sink: &mut Sink, bundle: &Bundle, ctx: &Ctx<'_>) {
    for r in ctx.m.require.iter().filter(|r| !r.indirect) {
        let version = r.module.version.as_str();
        if is_pseudo_version(version) {
            pseudo_version(sink, bundle, ctx, r);
        }
        if version.ends_with("+incompatible") {
            incompatible_version(sink, ctx, r);
        }
    }
}

fn pseudo_version(sink: &mut Sink, bundle: &Bundle, ctx: &Ctx<'_>, r: &Require) {
    let (path, version) = (r.module.path.as_str(), r.module.version.as_str());
    if is_zero_pseudo_version(version) {
        return;
    }
    let base = pseudo_version_base(version).unwrap_or_default();
    // The newest release above this commit, if the bundle lists one (its @v/list or its
    // dependency go.mod files). Every version listed for the path is one the path can require
    // (v0 and v1 share a path); only +incompatible ones belong to +incompatible requirements.
    let incompatible = version.ends_with("+incompatible");
    let newer_release = bundle.versions(path).into_iter().rfind(|v| {
        semver::prerelease(v).is_empty()
            && v.ends_with("+incompatible") == incompatible
            && semver::compare(v, version).is_gt()
    });
    if base.is_empty() && newer_release.is_none() {
        return;
    }
    let rev = pseudo_version_rev(version).unwrap_or_default();
    let date = pseudo_version_time(version)
        .map(|t| t.to_rfc3339())
        .unwrap_or_default();
    let commit = if base.is_empty() {
        format!("commit {rev} of {date}")
    } else {
        format!("commit {rev} of {date}, after {base}")
    };
    let (message, fix) = match newer_release {
        Some(release) => (
            format!(
                "{path} is required at pseudo-version {version} ({commit}), though {release} is released"
            ),
            Fix {
                title: format!("Require {path} {release}"),
                edits: Vec::new(),
                commands: vec![format!("go get {path}@{release}")],
            },
        ),
        None => (
            format!(
                "{path} is required at pseudo-version {version} ({commit}), not at a tagged release"
            ),
            // @upgrade, not @latest: when no release is newer than the commit, @latest would
            // move back to the older release and lose whatever the commit was taken for.
            Fix {
                title: format!("Move {path} to a newer tagged release, if there is one"),
                edits: Vec::new(),
                commands: vec![format!("go get {path}@upgrade")],
            },
        ),
    };
    sink.report(
        rule_code!("pseudo-version"),
        ctx.file,
        ctx.data,
        ctx.arg_range(r.line, 1),
        message,
        vec![fix],
    );
}

fn incompatible_version(sink: &mut Sink, ctx: &Ctx<'_>, r: &Require) {
    let (path, version) = (r.module.path.as_str(), r.module.version.as_str());
    let major = semver::major(version);
    sink.report(
        rule_code!("incompatible-version"),
        ctx.file,
        ctx.data,
        ctx.arg_range(r.line, 1),
        format!(
            "{path} {version} is a {major} release tagged without a go.mod file: go get -u moves it only to later +incompatible versions of {path}, never to a module at a major-version path such as {path}/vN, should the project publish one"
        ),
        Vec::new(),
    );
}

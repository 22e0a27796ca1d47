//! Previewing and applying what the core computed for the current input: one fix, all fixes at
//! once, and a what-if change. Each acts only on results that describe the text as it is now
//! (`analysed_now`), and a preview is applied only to the revision it was computed for.

use std::rc::Rc;

use gomod::analyze::what_if::{self, WhatIfRequest};
use gomod::analyze::{preview_all_fixes, preview_fix, Options, Toolchain};

use super::input::set_file;
use super::{FixPreview, Playground, GO_MOD};

impl Playground {
    /// Shows what fix `fix` of diagnostic `diagnostic` would change.
    pub(super) fn preview_fix(&mut self, diagnostic: usize, fix: usize) {
        if !self.analysed_now() {
            self.preview = None;
            return;
        }
        let found = self
            .analysis
            .report
            .diagnostics
            .get(diagnostic)
            .and_then(|d| d.fixes.get(fix).map(|f| (d.code, f)));
        let Some((_, fix)) = found else {
            return;
        };
        match preview_fix(&self.analysis.bundle, fix) {
            Some(changes) => {
                self.preview = Some(FixPreview {
                    title: fix.title.clone(),
                    changes,
                    applied: Vec::new(),
                    done: format!("Applied: {}.", fix.title),
                    revision: self.revision,
                })
            }
            None => self.notice = Some("This fix no longer fits the files.".to_owned()),
        }
    }

    /// Writes the previewed changes into the files, if they are still the ones it was computed
    /// for.
    pub(super) fn apply_preview(&mut self) {
        let Some(preview) = self.preview.take() else {
            return;
        };
        if preview.revision != self.revision {
            self.notice = Some(
                "Nothing was changed: the files changed after this fix was computed.".to_owned(),
            );
            return;
        }
        let mut next = self.files.clone();
        for change in &preview.changes {
            let text = Rc::from(String::from_utf8_lossy(&change.after));
            set_file(&mut next, &change.file, text);
        }
        let first = preview.changes.first().map(|c| c.file.clone());
        let label = if preview.applied.is_empty() {
            format!("applying the fix “{}”", preview.title)
        } else {
            "applying all fixes".to_owned()
        };
        self.replace_files(next, label);
        if let Some(first) = first {
            self.active = first;
        }
        self.notice = Some(preview.done);
    }

    /// Previews every fix that applies, together.
    pub(super) fn apply_all_fixes(&mut self) {
        // Shown first, applied only on confirmation (ApplyPreview): on a large go.mod
        // and go.work the fixes can touch many lines of several files.
        if !self.analysed_now() {
            return;
        }
        let Some(all) = preview_all_fixes(&self.analysis.bundle, &self.check_options()) else {
            self.notice = Some("No fix could be applied.".to_owned());
            return;
        };
        let count = all.applied.len();
        let files: Vec<&str> = all.changes.iter().map(|c| c.file.as_str()).collect();
        let fixes = if count == 1 { "fix" } else { "fixes" };
        self.preview = Some(FixPreview {
            title: format!("all {count} {fixes}, changing {}", files.join(", ")),
            done: format!("Applied {count} {fixes}; changed {}.", files.join(", ")),
            applied: all
                .applied
                .iter()
                .map(|a| format!("{} in {}: {}", a.code, a.file, a.title))
                .collect(),
            changes: all.changes,
            revision: self.revision,
        });
    }

    /// Resolves the graph again as a changed requirement would make it.
    pub(super) fn what_if(&mut self, request: WhatIfRequest) {
        if !self.analysed_now() {
            self.what_if = None;
            return;
        }
        self.what_if = Some(Rc::new(what_if::preview(
            &self.analysis.bundle,
            &self.options(),
            &request,
        )));
    }

    /// Writes the last what-if's change into go.mod (an undoable edit, like a fix).
    pub(super) fn apply_what_if(&mut self) {
        // The preview was computed on the analysis it is shown with (every analysis
        // clears it); after an edit that analysis is older than the text, and the edit
        // (a whole new go.mod) would overwrite what was typed since.
        let fix = self.what_if.as_ref().and_then(|w| w.apply.clone());
        let Some(fix) = fix.filter(|_| !self.stale() && self.current()) else {
            self.notice =
                Some("Nothing was changed: try the change again on the current files.".to_owned());
            return;
        };
        let Some(changes) = preview_fix(&self.analysis.bundle, &fix) else {
            self.notice = Some("This change no longer fits go.mod.".to_owned());
            return;
        };
        let mut next = self.files.clone();
        for change in &changes {
            set_file(
                &mut next,
                &change.file,
                Rc::from(String::from_utf8_lossy(&change.after)),
            );
        }
        let command = fix.commands.first().cloned().unwrap_or_default();
        self.replace_files(next, format!("applying “{command}” to go.mod"));
        self.active = GO_MOD.to_owned();
        self.notice = Some(format!("Applied to go.mod what `{command}` writes."));
    }

    /// The settings "Apply all fixes" runs the rules with. Under GOTOOLCHAIN=auto the go command
    /// switches toolchains instead of failing, so the Go version is left out and no go line is
    /// lowered.
    fn check_options(&self) -> Options {
        Options {
            go_version: (self.settings.toolchain == Toolchain::Local)
                .then(|| self.settings.go_version.clone())
                .flatten(),
            toolchain: self.settings.toolchain,
        }
    }
}

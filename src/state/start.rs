//! A clean slate: the New action (an empty go.mod, every other file gone) and leaving an example
//! for the user's own input. Both replace the files as any other replacement does, so the files
//! they replace are one Undo away.

use super::{EditorFile, Playground, GO_MOD};

/// The go.mod a new input starts from: a module path to rename and the go line of the Go the
/// user runs (the default one when that is unknown).
pub fn new_go_mod(go_version: &str) -> String {
    let go = if go_version.is_empty() {
        gomod::resolve::DEFAULT_GO_VERSION
    } else {
        go_version
    };
    format!("module example.com/m\n\ngo {go}\n")
}

impl Playground {
    /// New: go.mod from the template, an empty go.sum, nothing else.
    pub(super) fn start_new(&mut self, label: &str) {
        let files = vec![EditorFile::new(
            GO_MOD,
            &new_go_mod(super::go_version_text(&self.settings)),
        )];
        self.replace_files(files, label.to_owned());
        self.active = GO_MOD.to_owned();
        self.clear_views();
        self.notice = Some(
            "Started a new input: a go.mod to fill in, every other file removed. Undo brings the previous files back."
                .to_owned(),
        );
    }

    /// "Your input" in the examples menu: never the example's files. The input the user had
    /// before loading examples comes back when there is one; otherwise the page starts new.
    pub(super) fn leave_example(&mut self) {
        if self.example.is_none() {
            return;
        }
        let own = self
            .undo
            .iter()
            .rev()
            .find(|s| s.example.is_none())
            .map(|s| (s.files.clone(), s.settings.clone()));
        match own {
            Some((files, settings)) => {
                self.replace_files(files, "leaving the example".to_owned());
                self.settings = settings;
                self.clear_views();
                self.notice = Some(
                    "Back to your input (the files you had before the examples). Undo brings the example back."
                        .to_owned(),
                );
            }
            None => self.start_new("leaving the example"),
        }
    }

    /// What the module views showed of the previous files no longer applies.
    fn clear_views(&mut self) {
        self.explained.clear();
        self.view = None;
        self.focus = None;
    }
}

//! The actions that change the input: typing, adding and removing files, a pasted or dropped
//! bundle, dropped files, the input a share link or an earlier visit brings, and Undo. Every
//! replacement of text the user typed goes through `replace_files`, which first pushes what it
//! replaces on the undo stack.

use std::rc::Rc;

use gomod::share::SharedState;

use super::files::{self, classify_drop};
use gomod::analyze::Options;

use super::{EditorFile, Playground, View, GO_MOD, GO_SUM, SHARE_LABEL};

impl Playground {
    /// A file's whole new text after an edit.
    pub(super) fn edit(&mut self, file: String, text: String) {
        // A whole bundle pasted into an editor (the output of the "Get the whole graph"
        // command) is loaded as a bundle, as "Paste bundle" would.
        if let Some(bundle) = files::pasted_bundle(&text) {
            let count = bundle.len();
            self.replace_files(bundle, format!("pasting a bundle into {file}"));
            self.notice = Some(format!(
                "Loaded the pasted bundle of {count} files (a txtar archive) in place of {file}."
            ));
            self.analyse();
            return;
        }
        let Some(f) = self.files.iter_mut().find(|f| f.name == file) else {
            return;
        };
        if *f.text == *text {
            return;
        }
        f.text = Rc::from(text);
        self.example = None;
        self.changed();
    }

    pub(super) fn add_file(&mut self, name: String, text: String) {
        if let Err(message) = files::check_added(&name, &text) {
            self.notice = Some(message);
            return;
        }
        let mut next = self.files.clone();
        set_file(&mut next, &name, Rc::from(text));
        let label = format!("adding {name}");
        self.replace_files(next, label);
        self.notice = Some(format!("Added {name}."));
        self.panel = None;
        self.active = name;
    }

    /// Removes a file other than go.mod and go.sum (the editor always shows those two).
    pub(super) fn remove_file(&mut self, name: String) {
        if name == GO_MOD || name == GO_SUM {
            return;
        }
        let next: Vec<EditorFile> = self
            .files
            .iter()
            .filter(|f| f.name != name)
            .cloned()
            .collect();
        self.replace_files(next, format!("removing {name}"));
        self.notice = Some(format!("Removed {name}."));
    }

    /// A whole txtar archive pasted into the Paste bundle panel.
    pub(super) fn load_bundle(&mut self, text: String) {
        match files::from_txtar(&text) {
            Ok(next) => {
                let count = next.len();
                self.replace_files(next, "pasting a bundle".to_owned());
                self.notice = Some(format!("Loaded a bundle of {count} files."));
                self.panel = None;
                // Analysed at once, so the page renders the new bundle once, analysed,
                // instead of first unanalysed and again a timer later (the scheduled Analyse
                // then finds nothing to do).
                self.analyse();
            }
            Err(message) => self.notice = Some(message),
        }
    }

    /// Files dropped on the page, as names and bytes.
    pub(super) fn drop_files(&mut self, dropped: Vec<(String, Vec<u8>)>) {
        // A dropped bundle is a whole input, as a pasted one is: it replaces the files
        // (the single files dropped with it join it) instead of mixing with them.
        let bundles: Vec<String> = dropped
            .iter()
            .filter(|(name, bytes)| files::is_bundle_drop(name, bytes))
            .map(|(name, _)| name.clone())
            .collect();
        let mut next = if bundles.is_empty() {
            self.files.clone()
        } else {
            Vec::new()
        };
        let mut problems = Vec::new();
        let mut names = Vec::new();
        for (name, bytes) in dropped {
            match classify_drop(&name, &bytes) {
                Ok(files) => {
                    for file in files {
                        names.push(file.name.clone());
                        set_file(&mut next, &file.name, file.text);
                    }
                }
                Err(message) => problems.push(message),
            }
        }
        if !names.is_empty() {
            self.replace_files(next, format!("dropping {}", names.join(", ")));
        }
        let mut notice = Vec::new();
        if !names.is_empty() && !bundles.is_empty() {
            notice.push(format!(
                "Loaded the dropped bundle {} in place of your files ({}). Undo brings your files back.",
                bundles.join(", "),
                names.join(", ")
            ));
        } else if !names.is_empty() {
            notice.push(format!("Loaded {}.", names.join(", ")));
        }
        notice.extend(problems);
        self.notice = Some(notice.join(" "));
    }

    /// Brings back the files and settings of the last snapshot on the undo stack.
    pub(super) fn undo(&mut self) {
        let Some(snapshot) = self.undo.pop() else {
            return;
        };
        let snapshot = Rc::try_unwrap(snapshot).unwrap_or_else(|shared| (*shared).clone());
        self.files = snapshot.files;
        self.settings = snapshot.settings;
        self.example = snapshot.example;
        if self.file(&self.active).is_none() {
            self.active = GO_MOD.to_owned();
        }
        self.changed();
        self.notice = Some(format!("Undid {}.", snapshot.label));
    }

    /// Opens the state a share link carries; the current input goes on the undo stack.
    pub(super) fn open_shared(&mut self, shared: SharedState) {
        let files = shared
            .files
            .iter()
            .map(|(name, text)| EditorFile::new(name, text))
            .collect();
        self.replace_files(files, SHARE_LABEL.to_owned());
        // Files the link holds stay exactly as they are: go.mod and go.sum are only
        // added (empty) when missing, as for any other input.
        // A link says "" for a Go version the user does not know.
        if let Some(v) = shared.go_version {
            self.settings.go_version = Some(v).filter(|v| !v.is_empty());
        }
        self.settings.toolchain = shared.toolchain;
        // A view this version of the page does not know is dropped.
        self.view = shared.view.as_deref().and_then(View::from_name);
        self.focus = shared.focus;
        if let Some(file) = shared.file.filter(|f| self.file(f).is_some()) {
            self.active = file;
        }
        self.alert = None;
        self.notice = Some("Opened the state from the share link.".to_owned());
    }

    /// The input saved by an earlier visit, read after start-up.
    pub(super) fn restore_saved(&mut self, files: Vec<EditorFile>, settings: Options) {
        if self.example.is_none() {
            // The user's own text is on the page already (a share link opened at
            // start-up, or typing): the saved input goes under it on the undo stack.
            self.keep_earlier_input(SHARE_LABEL, files, settings);
            // A new revision, so the page saves the input it shows in place of the one
            // just read (which the undo stack now holds).
            self.changed();
            return;
        }
        self.replace_files(files, "restoring your saved input".to_owned());
        self.settings = settings;
        self.notice = Some("Restored your saved input.".to_owned());
    }

    pub(super) fn replace_files(&mut self, files: Vec<EditorFile>, label: String) {
        self.snapshot(label);
        self.files = files::with_editors(files);
        self.example = None;
        if self.file(&self.active).is_none() {
            self.active = GO_MOD.to_owned();
        }
        self.changed();
    }
}

/// Sets the text of the file `name` in `files`, adding the file at the end if it is new. One
/// function for the actions that add or overwrite files, so the code exists once in the app.
pub(super) fn set_file(files: &mut Vec<EditorFile>, name: &str, text: Rc<str>) {
    match files.iter_mut().find(|f| f.name == name) {
        Some(existing) => existing.text = text,
        None => files.push(EditorFile {
            name: name.to_owned(),
            text,
        }),
    }
}

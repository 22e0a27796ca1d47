//! The playground's single source of truth, changed only by [`Playground::reduce`].
//!
//! The state holds the files the user edits, the go command settings, the latest
//! [`Analysis`] from the core, and the transient UI state (open fix preview, explanation,
//! editor jump, undo stack, input errors). Every replacement of text the user typed (an example,
//! a pasted bundle, a dropped file, a fix) first pushes a snapshot on the undo stack, so nothing
//! is ever silently lost.

mod analysed;
mod clock;
mod files;
mod fixes;
mod folder;
mod input;
mod start;
mod view;

use std::rc::Rc;

use gomod::analyze::what_if::{ModuleChoice, WhatIfPreview, WhatIfRequest};
use gomod::analyze::{self, Analysis, FileChange, Options, Toolchain};
use gomod::bundle::Bundle;
use gomod::resolve::Resolution;
use gomod::share::SharedState;
use yew::{AttrValue, Reducible};

use gomod::analyze::build_list::{marks_from_report, GoLines, Marks};
use gomod::analyze::views::{Conflict, ViewInputs};

pub use files::{
    classify_drop, dependency_file_name, size_text, EditorFile, GO_MOD, GO_SUM,
    MAX_ANALYSED_FILE_BYTES,
};

pub use analysed::{
    analyse_for_page, warm_up_step, Analyser, WorkerAnswer, FINDINGS_PER_RULE, IN_THREAD_MAX_BYTES,
};
pub use folder::FolderInput;
pub use start::new_go_mod;
pub use view::View;

use crate::gallery::{self, Example};

/// The undo label of opening a share link.
pub const SHARE_LABEL: &str = "opening a share link";

/// The Go versions offered in the selector, newest first; "" means "not known".
pub const GO_VERSIONS: &[&str] = &[
    "1.27.3", "1.26.0", "1.25.0", "1.24.1", "1.23.8", "1.22.12", "1.21.13", "1.20.14", "",
];

/// The go command the user runs, as the page starts: the newest Go it knows, GOTOOLCHAIN=local.
/// The settings are the core's own type (`analyze::Options`), not a copy of it; a Go version the
/// user says is not known is `None`, shown as the selector's "" entry of [`GO_VERSIONS`].
pub fn default_settings() -> Options {
    Options {
        go_version: Some(gomod::resolve::DEFAULT_GO_VERSION.to_owned()),
        toolchain: Toolchain::Local,
    }
}

/// The selector's and storage's text of the Go version: the version, or "" when not known.
pub fn go_version_text(settings: &Options) -> &str {
    settings.go_version.as_deref().unwrap_or("")
}

/// Files and settings as they were before a replacement, to undo it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// What replaced them ("loading the example …"), for the Undo button.
    pub label: String,
    pub files: Vec<EditorFile>,
    pub settings: Options,
    pub example: Option<&'static str>,
}

/// A fix (or all of them) the user is looking at before applying it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixPreview {
    pub title: String,
    pub changes: Vec<FileChange>,
    /// For "Apply all fixes": what each applied fix does (`code in file: title`), in order.
    /// Empty for a single fix, whose title says it.
    pub applied: Vec<String>,
    /// What the notice says once the preview is applied.
    pub done: String,
    /// The revision of the input the fix was computed for: applying it to any other input
    /// would overwrite the user's text with a changed copy of an older one.
    pub revision: u64,
}

/// A request to move the editor's caret to a line (the counter makes repeated jumps to the same
/// line distinct).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Jump {
    pub file: String,
    pub line: u32,
    pub serial: u64,
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Playground {
    pub files: Vec<EditorFile>,
    /// The name of the file shown in the editor.
    pub active: String,
    pub settings: Options,
    /// The example the files came from, while they are unchanged.
    pub example: Option<&'static str>,
    /// Increased by every change of files or settings.
    pub revision: u64,
    /// The last revision the analysis was run on (or refused for, see `input_error`).
    pub analysed_revision: u64,
    /// The revision of the input `analysis` and `views` were computed from. When it is not
    /// `revision` they describe an older input: the page marks them and disables their fixes.
    pub analysis_revision: u64,
    pub analysis: Rc<Analysis>,
    /// How long the last analysis took, in milliseconds.
    pub analysed_in_ms: f64,
    /// Why the current input is not analysed (too large, binary), if it is not.
    pub input_error: Option<String>,
    /// A message about the last action (shown in a live region).
    pub notice: Option<String>,
    /// Shared snapshots: every action copies the state, and a snapshot can hold megabytes.
    pub undo: Vec<Rc<Snapshot>>,
    pub preview: Option<FixPreview>,
    /// The rule codes whose explanation is open.
    pub explained: Vec<&'static str>,
    pub jump: Option<Jump>,
    /// The toolbar panel that is open, if any.
    pub panel: Option<Panel>,
    /// What the module views show, derived from the analysis once per analysis.
    pub views: Option<Views>,
    /// The module focused in the graph.
    pub focus: Option<String>,
    pub what_if: Option<Rc<WhatIfPreview>>,
    /// The result view a share link named, kept so that the next link names it too; embed mode
    /// shows it. On the full page it is also the open module view tab ([`View::TABS`]; see
    /// `components::views`), so a link reopens the tab that was open.
    pub view: Option<View>,
    /// Why a share link could not be opened (shown with role="alert" until dismissed).
    pub alert: Option<String>,
    /// Where the analysis runs: in this thread, or in the page's analysis worker.
    pub analyser: Analyser,
}

/// The module views' inputs (Build list, Graph, Conflicts, go.sum, What-if), shared by
/// reference so that re-rendering never copies a large graph.
#[derive(Clone, Debug, PartialEq)]
pub struct Views {
    pub resolution: Rc<Resolution>,
    pub marks: Rc<Vec<Marks>>,
    pub go_versions: Rc<GoLines>,
    pub gosum: AttrValue,
    /// The modules (and their versions in the input) the What-if form suggests.
    pub choices: Rc<Vec<ModuleChoice>>,
    /// The Conflicts view's list.
    pub conflicts: Rc<Vec<Conflict>>,
}

/// The toolbar's input panels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    AddFile,
    PasteBundle,
    /// "Paste an error": go's error output explained.
    ExplainError,
    Share,
    Embed,
}

/// The things a user can do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A file's whole new text after an edit.
    Edit {
        file: String,
        text: String,
    },
    /// Run the analysis if the input changed since the last one.
    Analyse,
    Select(String),
    AddFile {
        name: String,
        text: String,
    },
    RemoveFile(String),
    LoadExample(&'static str),
    /// New: an empty go.mod from a template, every other file gone (one Undo away).
    New,
    /// "Your input" chosen in the examples menu: the example's files go.
    LeaveExample,
    /// A whole txtar archive pasted or dropped.
    LoadBundle(String),
    /// Files dropped on the page: names and bytes.
    Drop(Vec<(String, Vec<u8>)>),
    /// The files read from a dropped or opened folder.
    OpenFolder(FolderInput),
    /// Say something in the notice line (for example what a copy button copied).
    Notify(String),
    /// The Go version the user runs (`None`: not known).
    SetGoVersion(Option<String>),
    SetToolchain(Toolchain),
    /// Show what fix `fix` of diagnostic `diagnostic` would change.
    PreviewFix {
        diagnostic: usize,
        fix: usize,
    },
    CancelPreview,
    ApplyPreview,
    ApplyAllFixes,
    Undo,
    JumpTo {
        file: String,
        line: u32,
    },
    ToggleExplanation(&'static str),
    /// Report a problem that happened outside the reducer (a file that could not be read).
    Fail(String),
    DismissNotice,
    /// Open a toolbar panel, or close it with `None`.
    OpenPanel(Option<Panel>),
    /// Focus a module in the graph (`None`: the overview).
    Focus(Option<String>),
    WhatIf(WhatIfRequest),
    /// Write the last what-if's change into go.mod (an undoable edit, like a fix).
    ApplyWhatIf,
    /// Open a module view tab (one of [`View::TABS`]).
    OpenView(View),
    /// Show a diagnostic (by index) from another view: jump to its place in the editor.
    ShowDiagnostic(usize),
    /// The input saved by an earlier visit, read after start-up (from IndexedDB, when it was
    /// too large for localStorage); what the page showed meanwhile goes on the undo stack.
    RestoreSaved {
        files: Vec<EditorFile>,
        settings: Options,
    },
    /// Open the state a share link carries (the current input goes on the undo stack).
    OpenShared(SharedState),
    /// The analysis worker's results for the input of `revision`, which took `ms` there.
    Analysed {
        revision: u64,
        answer: Rc<WorkerAnswer>,
        ms: f64,
    },
    /// The analysis worker is unavailable: analyse in this thread from now on.
    AnalyseInThread,
    /// A share link could not be opened: say why, keep everything else.
    ShareFailed(String),
    DismissAlert,
}

impl Playground {
    /// The playground as it opens: the saved input if there is one, otherwise the default
    /// example.
    pub fn open(saved: Option<(Vec<EditorFile>, Options)>) -> Playground {
        Playground::open_with(saved, Analyser::InThread)
    }

    /// The playground as it opens, analysing with `analyser` (with the worker, the first
    /// analysis is only requested: the page posts it).
    pub fn open_with(saved: Option<(Vec<EditorFile>, Options)>, analyser: Analyser) -> Playground {
        let mut p = Playground {
            files: Vec::new(),
            active: GO_MOD.to_owned(),
            settings: default_settings(),
            example: None,
            revision: 1,
            analysed_revision: 0,
            analysis_revision: 0,
            analysis: Rc::new(analyze::analyze(&Bundle::default(), &Default::default())),
            analysed_in_ms: 0.0,
            input_error: None,
            notice: None,
            undo: Vec::new(),
            preview: None,
            explained: Vec::new(),
            jump: None,
            panel: None,
            views: None,
            focus: None,
            what_if: None,
            view: None,
            alert: None,
            analyser,
        };
        match saved {
            Some((files, settings)) => {
                p.files = files::with_editors(files);
                p.settings = settings;
            }
            None => p.set_example(gallery::default_example()),
        }
        p.analyse();
        p
    }

    /// Puts an input under everything on the undo stack (the input a share link replaced in an
    /// earlier visit, or the saved input read late from IndexedDB).
    pub fn keep_earlier_input(&mut self, label: &str, files: Vec<EditorFile>, settings: Options) {
        self.undo.insert(
            0,
            Rc::new(Snapshot {
                label: label.to_owned(),
                files: files::with_editors(files),
                settings,
                example: None,
            }),
        );
    }

    /// The snapshot of the input the last share link replaced, while Undo can still bring it
    /// back; the page keeps it saved, so a reload does not lose it.
    pub fn before_share(&self) -> Option<Rc<Snapshot>> {
        self.undo
            .iter()
            .rev()
            .find(|s| s.label == SHARE_LABEL)
            .cloned()
    }

    /// The playground as a share link would carry it.
    pub fn shared(&self) -> SharedState {
        SharedState {
            files: self
                .files
                .iter()
                .map(|f| (f.name.clone(), f.text.to_string()))
                .collect(),
            // A link says "" for a Go version the user does not know, as links always have.
            go_version: Some(go_version_text(&self.settings).to_owned()),
            toolchain: self.settings.toolchain,
            view: self.view.map(|v| v.name().to_owned()),
            focus: self.focus.clone(),
            file: Some(self.active.clone()).filter(|name| name != GO_MOD),
        }
    }

    /// Applies an action outside the app (at start-up, and in native tests).
    pub fn apply(&mut self, action: Action) {
        self.reduce_mut(action);
    }

    /// The file with this name.
    pub fn file(&self, name: &str) -> Option<&EditorFile> {
        self.files.iter().find(|f| f.name == name)
    }

    /// The core's options for the current settings.
    pub fn options(&self) -> analyze::Options {
        self.settings.clone()
    }

    /// Whether the input changed since the analysis last ran (it is due to run again).
    pub fn stale(&self) -> bool {
        self.analysed_revision != self.revision
    }

    /// Whether `analysis` and `views` describe the input as it is now. They do not while an
    /// edit waits for its analysis, nor when the input was refused (too large, binary): then
    /// they belong to an older input and nothing may act on them.
    pub fn current(&self) -> bool {
        self.analysis_revision == self.revision
    }

    /// Runs the analysis if it is due; whether the results then describe the current input.
    /// Every action that acts on the results asks this first, and does nothing when they do
    /// not.
    fn analysed_now(&mut self) -> bool {
        if self.stale() {
            self.analyse();
        }
        if !self.current() {
            self.notice = Some(match &self.input_error {
                Some(error) => format!("Nothing was changed: {error}"),
                None => "Nothing was changed: the results are out of date.".to_owned(),
            });
            return false;
        }
        true
    }

    fn bundle(&self) -> Bundle {
        Bundle::from_files(
            self.files
                .iter()
                .map(|f| (f.name.clone(), f.text.as_bytes().to_vec())),
        )
    }

    fn analyse(&mut self) {
        self.analysed_revision = self.revision;
        self.input_error = files::input_error(&self.files);
        if self.input_error.is_some() {
            // The results of the last input that could be analysed stay, but as an older
            // input's (`current()` is false); the views and what-if built on them go.
            self.views = None;
            self.what_if = None;
            return;
        }
        if self.for_the_worker() {
            // The page posts the request to the worker; its results come back as
            // `Action::Analysed`. Meanwhile the results shown are an older input's.
            return;
        }
        let start = clock::now_ms();
        let (analysis, view_inputs) = analysed::analyse_for_page(&self.bundle(), &self.options());
        self.install(analysis, view_inputs, (clock::now_ms() - start).max(0.0));
    }

    /// Shows `analysis`, computed for the current input in `ms`, with its module views' inputs
    /// (both from `analyse_for_page`).
    fn install(&mut self, analysis: Analysis, view_inputs: Option<ViewInputs>, ms: f64) {
        self.analysed_in_ms = ms;
        let parts = analysis.resolution.as_ref().zip(view_inputs);
        self.views = parts.map(|(resolution, inputs)| Views {
            marks: Rc::new(marks_from_report(&analysis.report)),
            go_versions: Rc::new(inputs.go_versions),
            resolution: Rc::clone(resolution),
            choices: Rc::new(inputs.choices),
            conflicts: Rc::new(inputs.conflicts),
            gosum: AttrValue::from(
                self.file(GO_SUM)
                    .map(|f| f.text.clone())
                    .unwrap_or_default(),
            ),
        });
        self.what_if = None;
        self.analysis = Rc::new(analysis);
        self.analysis_revision = self.revision;
    }

    fn changed(&mut self) {
        self.revision += 1;
        self.preview = None;
    }

    /// Saves the current files and settings on the undo stack before replacing them, unless
    /// they are an untouched example (nothing of the user's would be lost).
    fn snapshot(&mut self, label: String) {
        self.undo.push(Rc::new(Snapshot {
            label,
            files: self.files.clone(),
            settings: self.settings.clone(),
            example: self.example,
        }));
        // A long session keeps the last states only; each one can be large.
        if self.undo.len() > 20 {
            self.undo.remove(0);
        }
    }

    fn set_example(&mut self, example: &'static Example) {
        self.files = files::with_editors(
            Bundle::from_txtar(example.txtar.as_bytes())
                .files()
                .iter()
                .map(|f| EditorFile::new(&f.name, &String::from_utf8_lossy(&f.data)))
                .collect(),
        );
        self.settings = example.settings();
        self.example = Some(example.id);
        self.active = GO_MOD.to_owned();
        self.explained.clear();
        self.changed();
    }

    fn reduce_mut(&mut self, action: Action) {
        match action {
            Action::Edit { file, text } => self.edit(file, text),
            Action::Analyse => {
                if self.stale() {
                    self.analyse();
                }
            }
            Action::Select(name) => {
                if self.file(&name).is_some() {
                    self.active = name;
                }
            }
            Action::AddFile { name, text } => self.add_file(name, text),
            Action::RemoveFile(name) => self.remove_file(name),
            Action::LoadExample(id) => {
                let Some(example) = gallery::example(id) else {
                    return;
                };
                self.snapshot(format!("loading the example “{}”", example.title));
                self.set_example(example);
                self.notice = Some(format!("Loaded the example “{}”.", example.title));
            }
            Action::New => self.start_new("starting a new input"),
            Action::LeaveExample => self.leave_example(),
            Action::LoadBundle(text) => self.load_bundle(text),
            Action::Drop(dropped) => self.drop_files(dropped),
            Action::SetGoVersion(v) => {
                if self.settings.go_version != v {
                    self.settings.go_version = v;
                    self.changed();
                }
            }
            Action::SetToolchain(t) => {
                if self.settings.toolchain != t {
                    self.settings.toolchain = t;
                    self.changed();
                }
            }
            Action::PreviewFix { diagnostic, fix } => self.preview_fix(diagnostic, fix),
            Action::CancelPreview => self.preview = None,
            Action::ApplyPreview => self.apply_preview(),
            Action::ApplyAllFixes => self.apply_all_fixes(),
            Action::Undo => self.undo(),
            Action::JumpTo { file, line } => self.jump_to(file, line),
            Action::ToggleExplanation(code) => {
                if let Some(i) = self.explained.iter().position(|c| *c == code) {
                    self.explained.remove(i);
                } else {
                    self.explained.push(code);
                }
            }
            Action::Fail(message) | Action::Notify(message) => self.notice = Some(message),
            Action::OpenFolder(input) => self.open_folder(input),
            Action::DismissNotice => self.notice = None,
            Action::OpenPanel(panel) => self.panel = panel,
            Action::Focus(path) => self.focus = path,
            Action::OpenView(view) => self.view = Some(view),
            Action::WhatIf(request) => self.what_if(request),
            Action::ApplyWhatIf => self.apply_what_if(),
            Action::ShowDiagnostic(index) => {
                let place = self
                    .analysis
                    .report
                    .diagnostics
                    .get(index)
                    .map(|d| (d.file.clone(), d.span.line));
                if let Some((file, line)) = place {
                    self.jump_to(file, line);
                }
            }
            Action::OpenShared(shared) => self.open_shared(shared),
            Action::RestoreSaved { files, settings } => self.restore_saved(files, settings),
            Action::Analysed {
                revision,
                answer,
                ms,
            } => self.analysed_elsewhere(revision, answer, ms),
            Action::AnalyseInThread => self.analyse_in_thread(),
            Action::ShareFailed(message) => self.alert = Some(message),
            Action::DismissAlert => self.alert = None,
        }
    }

    /// Moves the editor's caret to a line of a file.
    fn jump_to(&mut self, file: String, line: u32) {
        if self.file(&file).is_none() {
            return;
        }
        let serial = self.jump.as_ref().map_or(1, |j| j.serial + 1);
        self.active = file.clone();
        self.jump = Some(Jump { file, line, serial });
    }
}

impl Reducible for Playground {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.reduce_mut(action);
        if next == *self {
            return self;
        }
        Rc::new(next)
    }
}

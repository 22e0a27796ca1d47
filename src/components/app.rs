//! The root component: owns the one reducer, schedules the analysis (debounced while the user
//! types), saves the input, accepts dropped files, and lays out the page.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::file::callbacks::{read_as_bytes, FileReader};
use gloo::file::File;
use gloo::timers::callback::Timeout;
use web_sys::wasm_bindgen::JsCast;
use web_sys::{FileSystemDirectoryEntry, HtmlInputElement};
use yew::prelude::*;

use crate::components::accessibility;
use crate::components::diagnostics::Diagnostics;
use crate::components::editor::Editor;
use crate::components::editor_highlight::Mark;
use crate::components::embed_panel::EmbedPanel;
use crate::components::embed_view::embed_view;
use crate::components::error_explained::ErrorExplained;
use crate::components::file_tabs::{file_tabs, FileTabsProps};
use crate::components::same_analysis::SameAnalysis;
use crate::components::share_panel::SharePanel;
use crate::components::toolbar::{toolbar, ToolbarProps};
use crate::components::toolbar_add_file::AddFile;
use crate::components::toolbar_paste::PasteBundle;
use crate::components::use_analysis_worker::use_analysis_worker;
use crate::components::views::ModuleViews;
use crate::components::whole_graph::whole_graph;
use crate::share;
use crate::state::{Action, Analyser, FolderInput, Panel, Playground};
use crate::storage;

/// The module views below the editor and diagnostics, once an analysis has resolved the graph.
fn module_views(state: &Playground, dispatch: &UseReducerDispatcher<Playground>) -> Html {
    // Views of an older input (while an edit waits for its analysis) are marked and inert:
    // nothing in them acts on text they were not computed for.
    let stale = !state.current();
    match &state.views {
        Some(views) => html! {
            // A landmark of its own, so that its content is not outside every landmark.
            <section class={classes!("views-wrap", stale.then_some("results-stale"))}
                aria-label="Module views" inert={stale} aria-busy={stale.to_string()}>
                <ModuleViews views={views.clone()} open={state.view} focus={state.focus.clone()}
                    what_if={state.what_if.clone()} dispatch={dispatch.clone()} />
            </section>
        },
        None => Html::default(),
    }
}

/// How many times the warm-up analyses each gallery example.
const WARM_UP_ROUNDS: usize = 20;

/// Analyses the gallery examples over and over, one per timer tick, while the page is idle after
/// start-up, and stops as soon as the input changes. Browsers first run WebAssembly through a
/// quick baseline compiler and optimise a function only after it has run for a while: on the
/// kubernetes-scale bundle a fresh page's first analysis took 184 ms and the next ones 36-48 ms.
/// Warmed on the small examples, the user's first large paste runs optimised code.
fn warm_up(step: usize, revision: Rc<Cell<u64>>, start: u64, timer: Rc<RefCell<Option<Timeout>>>) {
    let examples = crate::gallery::examples();
    let Some(example) = examples.get(step % examples.len().max(1)) else {
        return;
    };
    if revision.get() != start || step >= examples.len() * WARM_UP_ROUNDS {
        return;
    }
    let options = gomod::analyze::Options {
        go_version: Some(example.go_version.to_owned()).filter(|v| !v.is_empty()),
        toolchain: example.toolchain,
    };
    let bundle = gomod::bundle::Bundle::from_txtar(example.txtar.as_bytes());
    std::hint::black_box(gomod::analyze::analyze(&bundle, &options));
    let next = timer.clone();
    *timer.borrow_mut() = Some(Timeout::new(0, move || {
        warm_up(step + 1, revision, start, next)
    }));
}

/// A dropped file's name and bytes.
type DroppedFile = (String, Vec<u8>);

/// How long to wait after a keystroke before analysing: no wait while analyses are quick (the
/// result then follows within a frame), longer as they get slower, so typing never stutters.
fn debounce_ms(last_analysis_ms: f64) -> u32 {
    if last_analysis_ms < 8.0 {
        0
    } else {
        (last_analysis_ms * 2.0).min(400.0) as u32
    }
}

#[function_component]
pub fn App() -> Html {
    // Embed mode shows a link's state only: it neither reads nor writes the saved input.
    let embed = use_memo((), |_| share::embed_mode());
    // Saved files too large for localStorage are read from IndexedDB after start-up; until
    // they are back, nothing is saved (it would replace them with the example shown meanwhile).
    let restoring = use_mut_ref(|| None::<crate::state::Settings>);
    // The analysis runs in a worker where the browser allows it (not in an embedded page: a
    // host page may hold many, each with small input).
    let analyser = *use_memo((), |_| {
        if share::embed_mode().is_none() && crate::analysis_worker::available() {
            Analyser::Worker
        } else {
            Analyser::InThread
        }
    });
    let state = use_reducer(|| {
        let saved = match share::embed_mode().is_none().then(storage::load) {
            Some(storage::Saved::Here(files, settings)) => Some((files, settings)),
            Some(storage::Saved::InIndexedDb(settings)) => {
                *restoring.borrow_mut() = Some(settings);
                None
            }
            _ => None,
        };
        let mut p = Playground::open_with(saved, analyser);
        // The input an earlier share link replaced stays one Undo away across reloads.
        if let Some((files, settings)) = share::embed_mode()
            .is_none()
            .then(storage::load_before_share)
            .flatten()
        {
            p.keep_earlier_input(crate::state::SHARE_LABEL, files, settings);
        }
        p
    });
    let dispatch = state.dispatcher();
    let analysing_slowly = use_analysis_worker(&state, embed.is_none());
    // An embedded page links to the full playground with its current state.
    let shared_link = share::use_encoded(embed.is_some().then(|| state.shared()), false);
    // The state in the URL's fragment opens once the browser has inflated it, a moment after
    // start-up, with the input shown meanwhile one Undo away.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| share::open_link(dispatch));
    }
    {
        let (dispatch, restoring) = (dispatch.clone(), restoring.clone());
        use_effect_with((), move |_| {
            let settings = restoring.borrow().clone();
            if let Some(settings) = settings {
                storage::load_large(move |files| {
                    *restoring.borrow_mut() = None;
                    if let Some(files) = files {
                        dispatch.dispatch(Action::RestoreSaved { files, settings });
                    }
                });
            }
        });
    }
    // A link pasted into the address bar of an open page changes only the fragment.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "hashchange", move |_| {
                    share::open_link(dispatch.clone());
                })
            });
            move || drop(listener)
        });
    }
    // A panel closed by its own button (Close, Load bundle, Add) took the focus with it: the
    // focus goes back to the toolbar button that opened the panel.
    let open_panel = use_mut_ref(|| None::<Panel>);
    {
        let open_panel = open_panel.clone();
        use_effect_with(state.panel, move |panel| {
            let closed = open_panel.replace(*panel);
            if let (Some(closed), None) = (closed, panel) {
                if accessibility::focus_is_lost() {
                    accessibility::focus_by_id(accessibility::panel_button_id(closed));
                }
            }
        });
    }
    {
        let embedded = embed.is_some();
        use_effect_with((), move |_| {
            if embedded {
                share::post_to_parent("gomodplay:ready", None);
            }
        });
    }
    // An embedded page tells its host its height whenever the widget's size changes: after a
    // render, and also when a view lays itself out later or a font arrives, which no render of
    // this component follows.
    {
        let embedded = embed.is_some();
        use_effect_with((), move |_| {
            let observer = embedded.then(share::report_height_changes).flatten();
            move || drop(observer)
        });
    }
    // The input a share link replaced stays saved while Undo can bring it back.
    {
        let before = state.before_share();
        let (embedded, restoring) = (embed.is_some(), restoring.clone());
        use_effect_with(before, move |before| {
            if !embedded && restoring.borrow().is_none() {
                match before {
                    Some(snapshot) => {
                        storage::save_before_share(&snapshot.files, &snapshot.settings)
                    }
                    None => storage::forget_before_share(),
                }
            }
        });
    }

    // Warm the analysis code up while nothing happens (not in an embedded page: a host page may
    // hold many; the worker warms its own code up).
    let revision = use_mut_ref(|| Rc::new(Cell::new(0u64))).borrow().clone();
    revision.set(state.revision);
    let warm_up_timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None).clone();
    {
        let (revision, start) = (revision.clone(), state.revision);
        let in_thread = embed.is_none() && analyser == Analyser::InThread;
        use_effect_with((), move |_| {
            if in_thread {
                let next = warm_up_timer.clone();
                *warm_up_timer.borrow_mut() =
                    Some(Timeout::new(200, move || warm_up(0, revision, start, next)));
            }
            move || drop(warm_up_timer.borrow_mut().take())
        });
    }

    // Re-analyse after edits, debounced: a new revision drops (cancels) the pending timer. Only
    // typing in the editor is debounced: a paste of a bundle, an example, a fix or a dropped
    // file is analysed at once, since no keystroke follows it.
    let typing = use_mut_ref(|| false);
    {
        let dispatch = dispatch.clone();
        let typing = typing.clone();
        let last_ms = state.analysed_in_ms;
        use_effect_with(state.revision, move |_| {
            let delay = if typing.replace(false) {
                debounce_ms(last_ms)
            } else {
                0
            };
            let timer = Timeout::new(delay, move || dispatch.dispatch(Action::Analyse));
            move || drop(timer)
        });
    }
    // Save what was analysed (the files and settings of that revision), whatever its size:
    // input too large to analyse is kept too, so a reload never loses what the user typed.
    {
        let dispatch = dispatch.clone();
        let (files, settings) = (state.files.clone(), state.settings.clone());
        let (embedded, restoring) = (embed.is_some(), restoring.clone());
        use_effect_with(state.analysed_revision, move |_| {
            if !embedded && restoring.borrow().is_none() {
                storage::save(&files, &settings, move || {
                    dispatch.dispatch(Action::Fail(
                        "This browser refused to save the input (its storage is full or disabled); it stays on the page until you reload.".to_owned(),
                    ))
                });
            }
        });
    }

    let readers: Rc<RefCell<Vec<FileReader>>> = use_mut_ref(Vec::new).clone();
    let folder_read = {
        let dispatch = dispatch.clone();
        Callback::from(move |input: FolderInput| dispatch.dispatch(Action::OpenFolder(input)))
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let (dispatch, state, folder_read) = (dispatch.clone(), state.clone(), folder_read.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let Some(transfer) = e.data_transfer() else {
                return;
            };
            // Dropped folders are walked through their entries, which exist only during the
            // event; plain files are read as before.
            let items = transfer.items();
            let folders: Vec<FileSystemDirectoryEntry> = (0..items.length())
                .filter_map(|i| items.get(i))
                .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
                .filter(|entry| entry.is_directory())
                .map(|entry| entry.unchecked_into())
                .collect();
            if !folders.is_empty() {
                crate::folder::read_dropped(
                    folders,
                    state.wanted_cache_files(),
                    folder_read.clone(),
                );
                return;
            }
            let Some(list) = transfer.files() else {
                return;
            };
            let files: Vec<File> = (0..list.length())
                .filter_map(|i| list.get(i))
                .map(File::from)
                .collect();
            let expected = files.len();
            let collected: Rc<RefCell<Vec<DroppedFile>>> = Rc::default();
            let mut readers = readers.borrow_mut();
            readers.clear();
            for file in files {
                let (dispatch, collected, name) =
                    (dispatch.clone(), collected.clone(), file.name());
                readers.push(read_as_bytes(&file, move |result| {
                    let mut done = collected.borrow_mut();
                    match result {
                        Ok(bytes) => done.push((name, bytes)),
                        Err(_) => done.push((name, Vec::new())),
                    }
                    if done.len() == expected {
                        dispatch.dispatch(Action::Drop(std::mem::take(&mut *done)));
                    }
                }));
            }
        })
    };
    // "Open folder": a button that opens the hidden directory picker, for keyboard users and
    // those who do not drag.
    let folder_input = use_node_ref();
    let open_folder = {
        let folder_input = folder_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = folder_input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let folder_picked = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                crate::folder::read_picked(list, state.wanted_cache_files(), folder_read.clone());
            }
            // The same folder can be picked again after the user changed it.
            input.set_value("");
        })
    };

    let active = state
        .file(&state.active)
        .cloned()
        .unwrap_or_else(|| crate::state::EditorFile::new(&state.active, ""));
    let analysis = state.analysis.clone();
    // The editor's marks and the flagged file tabs are worked out once per analysis, file shown
    // and staleness, not on every render: a large input has hundreds of thousands of findings,
    // and the page renders on every keystroke and notice.
    let findings_key = (
        SameAnalysis(analysis.clone()),
        active.name.clone(),
        state.current(),
    );
    let marks: Rc<Vec<Mark>> = use_memo(findings_key.clone(), |(analysis, name, current)| {
        if !*current {
            return Vec::new();
        }
        analysis
            .0
            .report
            .diagnostics
            .iter()
            .filter(|d| d.file == *name)
            .map(|d| Mark {
                bytes: d.span.bytes.clone(),
                severity: d.severity,
                line: d.span.line,
            })
            .collect()
    });
    // What the live region announces, counted once per analysis like the marks.
    let problem_count = use_memo(
        (findings_key.0.clone(), state.input_error.is_some()),
        |(analysis, not_analysed)| accessibility::problem_count_text(&analysis.0, *not_analysed),
    );
    // Only the current input's findings flag file tabs; each file once, in the report's order.
    let flagged: Rc<Vec<String>> = use_memo(
        (findings_key.0.clone(), findings_key.2),
        |(analysis, current)| {
            let mut seen = std::collections::HashSet::new();
            analysis
                .0
                .report
                .diagnostics
                .iter()
                .filter(|_| *current)
                .filter(|d| seen.insert(d.file.as_str()))
                .map(|d| d.file.clone())
                .collect()
        },
    );
    let on_edit = {
        let (dispatch, file) = (dispatch.clone(), active.name.clone());
        let quick = debounce_ms(state.analysed_in_ms) == 0;
        Callback::from(move |text: String| {
            // While analyses are quick, the keystroke is analysed at once, in the same update
            // as the edit: the next frame shows both, without a timer's round trip.
            *typing.borrow_mut() = !quick;
            dispatch.dispatch(Action::Edit {
                file: file.clone(),
                text,
            });
            if quick {
                dispatch.dispatch(Action::Analyse);
            }
        })
    };
    let dismiss = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::DismissNotice))
    };

    let dismiss_alert = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::DismissAlert))
    };
    // Go error output pasted into the editor and moved, on the user's click, to the "Paste an
    // error" panel; numbered so that moving the same text again explains it again.
    let error_draft = use_state(|| None::<(u32, AttrValue)>);
    let on_error_output = {
        let (dispatch, error_draft) = (dispatch.clone(), error_draft.clone());
        Callback::from(move |text: String| {
            let next = error_draft.as_ref().map_or(0, |(n, _)| n + 1);
            error_draft.set(Some((next, AttrValue::from(text))));
            dispatch.dispatch(Action::OpenPanel(Some(Panel::ExplainError)));
        })
    };
    let editor = html! {
        <Editor
            name={AttrValue::from(active.name.clone())}
            text={AttrValue::from(active.text.clone())}
            marks={marks.clone()}
            jump={state.jump.clone()}
            on_edit={on_edit.clone()}
            on_error_output={embed.is_none().then_some(on_error_output)}
        />
    };
    let diagnostics = html! {
        <Diagnostics
            analysis={analysis.clone()}
            explained={state.explained.clone()}
            preview={state.preview.clone()}
            input_error={state.input_error.clone()}
            current={state.current()}
            dispatch={dispatch.clone()}
        />
    };
    let tabs = html! {
        { file_tabs(&FileTabsProps {
            names: state.files.iter().map(|f| f.name.clone()).collect(),
            active: state.active.clone(),
            with_errors: (*flagged).clone(),
            dispatch: dispatch.clone(),
        }) }
    };
    if let Some(mode) = embed.as_ref() {
        let input = if mode.readonly {
            html! { <pre class="code embed-text" tabindex="0" aria-label={active.name.clone()}>{ active.text.clone() }</pre> }
        } else {
            editor
        };
        let link = shared_link.and_then(Result::ok).map(|e| share::link(&e));
        return embed_view(
            &state,
            &dispatch,
            mode,
            html! { <>{ tabs }{ input }</> },
            diagnostics,
            link,
        );
    }

    let close_on_escape = accessibility::close_panel_on_escape(state.panel, &dispatch);
    html! {
        <>
            { accessibility::skip_link() }
            <header class="site-header" onkeydown={close_on_escape}>
                <div class="brand">
                    <h1 class="site-title">{ "gomodplay" }</h1>
                    <p class="site-tagline">{ "Go modules playground: paste go.mod and go.sum, see what the go command sees." }</p>
                </div>
                { toolbar(&ToolbarProps {
                    go_version: state.settings.go_version.clone(),
                    toolchain: state.settings.toolchain,
                    example: state.example,
                    panel: state.panel,
                    undo: state.undo.last().map(|s| s.label.clone()),
                    analysed_in_ms: state.analysed_in_ms,
                    // "not analysed" until the first analysis is back from the worker, too.
                    pending: state.input_error.is_some() || state.analysis_revision == 0,
                    dispatch: dispatch.clone(),
                }) }
                if state.panel == Some(Panel::AddFile) { <AddFile dispatch={dispatch.clone()} /> }
                if state.panel == Some(Panel::PasteBundle) { <PasteBundle dispatch={dispatch.clone()} /> }
                if state.panel == Some(Panel::ExplainError) { <ErrorExplained analysis={state.analysis.clone()} dispatch={dispatch.clone()} draft={(*error_draft).clone()} /> }
                if state.panel == Some(Panel::Share) { <SharePanel state={state.shared()} dispatch={dispatch.clone()} /> }
                if state.panel == Some(Panel::Embed) { <EmbedPanel state={state.shared()} dispatch={dispatch.clone()} /> }
                <accessibility::ProblemCountAnnouncement text={(*problem_count).clone()} />
                if let Some(alert) = &state.alert {
                    <div class="notice notice-alert" role="alert">
                        <span>{ alert.clone() }</span>
                        <button type="button" class="link" onclick={dismiss_alert} aria-label="Dismiss alert">{ "×" }</button>
                    </div>
                }
                // Said only while an analysis runs longer than a moment (a large input in the
                // worker); the region stays in place so that screen readers hear the change.
                <p class="analysis-progress" role="status">
                    if analysing_slowly { { "Analysing the new input…" } }
                </p>
                if let Some(notice) = &state.notice {
                    <div class="notice" role="status">
                        <span>{ notice.clone() }</span>
                        <button type="button" class="link" onclick={dismiss} aria-label="Dismiss message">{ "×" }</button>
                    </div>
                }
            </header>
            <main class="workspace" {ondragover} {ondrop}>
                <section class="pane editor-pane" aria-label="Input files">
                    { tabs }
                    { editor }
                    <p class="drop-hint">
                        { "Drop go.mod, go.sum, go.work, modules.txt, a .txtar bundle or a folder (your project, or the module cache) anywhere here, or " }
                        <button type="button" class="button button-small" onclick={open_folder}>{ "Open folder" }</button>
                        <input ref={folder_input} type="file" webkitdirectory=true multiple=true class="visually-hidden"
                            tabindex="-1" aria-hidden="true" onchange={folder_picked} />
                    </p>
                </section>
                { diagnostics }
            </main>
            if !state.stale() && gomod::gather::graph_incomplete(&state.analysis) {
                { whole_graph(&dispatch) }
            }
            { module_views(&state, &dispatch) }
            <footer class="site-footer">
                <p>{ "Runs entirely in your browser: nothing you type leaves this page. Checked against go 1.27.3." }</p>
            </footer>
        </>
    }
}

//! The root component: owns the one reducer and lays out the page. What happens outside a
//! render lives in hooks of its own: the analysis schedule (`use_analysis_schedule`) and worker
//! (`use_analysis_worker`), the saved input (`use_saved_input`), share links in the URL
//! (`use_share_link`), dropped files and folders (`use_file_drop`), the embedding page
//! (`use_embed_host`) and the focus after a panel closes (`accessibility`).

use std::rc::Rc;

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
use crate::components::use_analysis_schedule::use_analysis_schedule;
use crate::components::use_analysis_worker::use_analysis_worker;
use crate::components::use_embed_host::use_embed_host;
use crate::components::use_file_drop::{use_file_drop, FileDrop};
use crate::components::use_saved_input::{open_playground, use_saved_input, Restoring};
use crate::components::use_share_link::use_share_link;
use crate::components::views::ModuleViews;
use crate::components::whole_graph::whole_graph;
use crate::share;
use crate::state::{Action, Analyser, Panel, Playground};

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

#[function_component]
pub fn App() -> Html {
    // Embed mode shows a link's state only: it neither reads nor writes the saved input.
    let embed = use_memo((), |_| share::embed_mode());
    let embedded = embed.is_some();
    let restoring: Restoring = use_mut_ref(|| None).clone();
    // The analysis runs in a worker where the browser allows it (not in an embedded page: a
    // host page may hold many, each with small input).
    let analyser = *use_memo((), |_| {
        if share::embed_mode().is_none() && crate::analysis_worker::available() {
            Analyser::Worker
        } else {
            Analyser::InThread
        }
    });
    let state = {
        let restoring = restoring.clone();
        use_reducer(move || open_playground(embedded, analyser, &restoring))
    };
    let dispatch = state.dispatcher();
    let analysing_slowly = use_analysis_worker(&state, !embedded);
    // An embedded page links to the full playground with its current state.
    let shared_link = share::use_encoded(embedded.then(|| state.shared()), false);
    use_share_link(&dispatch);
    use_saved_input(&state, embedded, &restoring);
    accessibility::use_focus_back_on_panel_close(state.panel);
    use_embed_host(embedded);
    let on_edit = use_analysis_schedule(&state, !embedded && analyser == Analyser::InThread);
    let FileDrop {
        ondragover,
        ondrop,
        open_folder,
        folder_picked,
        folder_input,
    } = use_file_drop(&state);

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
                    go_version: crate::state::go_version_text(&state.settings).to_owned(),
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

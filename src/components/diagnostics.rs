//! The Diagnostics region: findings grouped by severity, the open fix preview, "Apply all
//! fixes", the equivalent go commands (with a copy button), and what could not be checked.

use std::rc::Rc;

use gomod::analyze::Analysis;
use gomod::check::Severity;
use web_sys::wasm_bindgen::closure::Closure;
use web_sys::wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::components::diagnostics_item::DiagnosticItem;
use crate::components::diagnostics_unchecked::unchecked;
use crate::components::fix_preview::FixPreview;
use crate::state::{Action, FixPreview as Preview, Playground};

#[derive(Properties, PartialEq)]
pub struct DiagnosticsProps {
    pub analysis: Rc<Analysis>,
    pub explained: Vec<&'static str>,
    pub preview: Option<Preview>,
    /// Why the input is not analysed, if it is not.
    pub input_error: Option<String>,
    /// Whether `analysis` describes the input as it is now. When it does not, the findings are
    /// marked as out of date (or hidden, when the input was refused) and their fixes disabled.
    pub current: bool,
    pub dispatch: UseReducerDispatcher<Playground>,
}

/// Copies text to the clipboard; a refusal (no permission, insecure context) is ignored rather
/// than left as an unhandled promise rejection.
fn copy_to_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
    let _ = promise.catch(&ignore);
    // The closure must outlive the promise; it is tiny and made once per click.
    ignore.forget();
    true
}

/// How many findings a group shows until the user asks for all of them.
pub const FIRST_FINDINGS: usize = 30;

/// What the user opened: a group shown in full, or the notes group shown at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expanded {
    All(Severity),
    Notes,
}

/// One severity group: its first [`FIRST_FINDINGS`] findings and a "Show all" button. A long
/// notes group starts collapsed: notes are informational, and the errors and warnings above
/// them matter more.
fn group_html(
    severity: Severity,
    title: &str,
    items: Vec<(usize, &gomod::check::Diagnostic)>,
    expanded: &UseStateHandle<Vec<Expanded>>,
    props: &DiagnosticsProps,
) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    let total = items.len();
    let open = |e: Expanded| {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*expanded).clone();
            next.push(e);
            expanded.set(next);
        })
    };
    let collapsed = severity == Severity::Info
        && total > FIRST_FINDINGS
        && !expanded.contains(&Expanded::Notes);
    let limit = if expanded.contains(&Expanded::All(severity)) {
        usize::MAX
    } else {
        FIRST_FINDINGS
    };
    html! {
        <section class="diag-group" aria-label={title.to_owned()}>
            <h3 class="group-title">{ format!("{title} ({total})") }</h3>
            if collapsed {
                <button type="button" class="button button-small diag-more" aria-expanded="false"
                    onclick={open(Expanded::Notes)}>
                    { format!("Show the {total} notes") }
                </button>
            } else {
                <ul class="diag-list">
                    { for items.into_iter().take(limit).map(|(index, d)| html! {
                        <DiagnosticItem index={index} diagnostic={d.clone()}
                            explained={props.explained.contains(&d.code)}
                            fixes_enabled={props.current}
                            dispatch={props.dispatch.clone()} />
                    }) }
                </ul>
                if total > limit {
                    <div class="diag-more">
                        <span>{ format!("Showing the first {limit} of {total}.") }</span>
                        <button type="button" class="button button-small"
                            onclick={open(Expanded::All(severity))}>
                            { format!("Show all {total}") }
                        </button>
                    </div>
                }
            }
        </section>
    }
}

#[function_component]
pub fn Diagnostics(props: &DiagnosticsProps) -> Html {
    let copied = use_state(|| false);
    // The groups the user opened in full (the report of a kubernetes-scale bundle has hundreds
    // of findings; rendering them all would cost thousands of elements).
    let expanded = use_state_eq(Vec::<Expanded>::new);
    let report = &props.analysis.report;
    let fixable = props.current
        && report
            .diagnostics
            .iter()
            .any(|d| d.fixes.iter().any(|f| !f.edits.is_empty()));
    // A refused input has no findings of its own: the older input's are not shown at all.
    let shown = props.input_error.is_none();
    let commands = props.analysis.go_commands();
    let apply_all = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ApplyAllFixes))
    };
    let copy = {
        let (text, copied) = (commands.join("\n"), copied.clone());
        Callback::from(move |_: MouseEvent| copied.set(copy_to_clipboard(&text)))
    };
    let count = |s: Severity| {
        report
            .diagnostics
            .iter()
            .filter(|d| d.severity == s)
            .count()
    };
    let summary = if props.input_error.is_some() {
        "Not analysed".to_owned()
    } else if !props.current {
        "Out of date: analysing the edited input…".to_owned()
    } else if report.diagnostics.is_empty() {
        "No problems found".to_owned()
    } else {
        [
            (Severity::Error, "error", "errors"),
            (Severity::Warning, "warning", "warnings"),
            (Severity::Info, "note", "notes"),
        ]
        .iter()
        .filter_map(|(s, one, many)| match count(*s) {
            0 => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{n} {many}")),
        })
        .collect::<Vec<_>>()
        .join(", ")
    };
    let groups = [
        (Severity::Error, "Errors"),
        (Severity::Warning, "Warnings"),
        (Severity::Info, "Notes"),
    ];
    html! {
        <section class="pane diagnostics" role="region" aria-labelledby="diagnostics-title">
            <div class="pane-header">
                <h2 id="diagnostics-title" class="pane-title">{ "Diagnostics" }</h2>
                <p class="diag-summary">{ summary }</p>
                <button type="button" class="button" onclick={apply_all} disabled={!fixable}>
                    { "Apply all fixes" }
                </button>
            </div>
            if let Some(error) = &props.input_error {
                <p class="input-error" role="alert">{ error.clone() }</p>
            }
            if let Some(preview) = &props.preview {
                <FixPreview preview={preview.clone()} dispatch={props.dispatch.clone()} />
            }
            if shown {
            <div class={classes!("diag-groups", (!props.current).then_some("results-stale"))}
                aria-busy={(!props.current).to_string()}>
                { for groups.iter().map(|(severity, title)| {
                    let items: Vec<(usize, &gomod::check::Diagnostic)> = report
                        .diagnostics
                        .iter()
                        .enumerate()
                        .filter(|(_, d)| d.severity == *severity)
                        .collect();
                    group_html(*severity, title, items, &expanded, props)
                }) }
            </div>
            }
            if shown && !commands.is_empty() {
                <details class="go-commands">
                    <summary>{ "Equivalent go commands" }</summary>
                    <pre class="code">{ commands.join("\n") }</pre>
                    <button type="button" class="button button-small" onclick={copy}>
                        { if *copied { "Copied" } else { "Copy go commands" } }
                    </button>
                </details>
            }
            if shown { { unchecked(&props.analysis) } }
        </section>
    }
}

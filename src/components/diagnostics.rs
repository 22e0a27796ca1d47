//! The Diagnostics region: findings grouped by severity (the items of
//! `gomod::analyze::findings`: one rule's notes on one file are one item that opens on demand, a
//! shared command block is shown once), the open fix preview, "Apply all fixes" (previewed before
//! it applies), the equivalent go commands (with a copy button), and what could not be checked.

use std::rc::Rc;

use gomod::analyze::findings::{finding_items, Alternative, FindingItem};
use gomod::analyze::Analysis;
use gomod::check::{Diagnostic, Severity};
use web_sys::wasm_bindgen::closure::Closure;
use web_sys::wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::components::accessibility::FindingCounts;
use crate::components::diagnostics_item::DiagnosticItem;
use crate::components::diagnostics_unchecked::unchecked;
use crate::components::fix_preview::FixPreview;
use crate::components::same_analysis::SameAnalysis;
use crate::state::{Action, FixPreview as Preview, Playground, FINDINGS_PER_RULE};

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

/// How many items a severity group shows until the user asks for all of them.
pub const FIRST_FINDINGS: usize = 30;

/// What the user opened: a severity group shown in full, the notes group shown at all, or the
/// findings of one grouped item (by rule and file).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Expanded {
    All(Severity),
    Notes,
    Item(&'static str, String),
}

/// Where a finding is, as the list shows it (`go.mod:5:3`, or just the file).
fn location(d: &Diagnostic) -> String {
    if d.span.line > 0 {
        format!("{}:{}:{}", d.file, d.span.line, d.span.column)
    } else {
        d.file.clone()
    }
}

/// One item of the list: a finding, or one rule's notes on one file behind a button that shows
/// them, with their go commands listed once.
fn item_html(
    item: &FindingItem,
    items: &[FindingItem],
    expanded: &UseStateHandle<Vec<Expanded>>,
    props: &DiagnosticsProps,
) -> Html {
    let report = &props.analysis.report;
    let diagnostic_item = |index: usize,
                           commands: Vec<String>,
                           elsewhere: Option<String>,
                           alternatives: Vec<Alternative>| {
        report
            .diagnostics
            .get(index)
            .map_or_else(Html::default, |d| {
                html! {
                    <DiagnosticItem index={index} diagnostic={d.clone()}
                        explained={props.explained.contains(&d.code)}
                        commands={commands} commands_shown_with={elsewhere}
                        alternatives={alternatives}
                        fixes_enabled={props.current}
                        dispatch={props.dispatch.clone()} />
                }
            })
    };
    let Some(summary) = &item.summary else {
        let elsewhere = item
            .commands_shown_with
            .and_then(|i| items.get(i))
            .and_then(|other| other.diagnostics.first())
            .and_then(|&i| report.diagnostics.get(i))
            .map(location);
        let first = item.diagnostics.first().copied().unwrap_or_default();
        return diagnostic_item(
            first,
            item.commands.clone(),
            elsewhere,
            item.alternatives.clone(),
        );
    };
    let key = Expanded::Item(item.code, item.file.clone());
    let open = expanded.contains(&key);
    let toggle = {
        let (expanded, key) = (expanded.clone(), key.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = (*expanded).clone();
            match next.iter().position(|e| *e == key) {
                Some(at) => {
                    next.remove(at);
                }
                None => next.push(key.clone()),
            }
            expanded.set(next);
        })
    };
    let count = item.diagnostics.len();
    html! {
        <li class={classes!("diag", "diag-grouped", format!("diag-{}", item.severity.as_str()))}>
            <div class="diag-head">
                <span class="diag-severity">{ item.severity.as_str() }</span>
                <code class="diag-code">{ item.code }</code>
                <span class="diag-location">{ item.file.clone() }</span>
            </div>
            <p class="diag-group-summary">{ summary.clone() }</p>
            <div class="diag-actions">
                <button type="button" class="button button-small" aria-expanded={open.to_string()}
                    onclick={toggle}>
                    { if open { format!("Hide the {count}") } else { format!("Show the {count}") } }
                </button>
            </div>
            if open {
                <ul class="diag-list diag-group-members">
                    { for item.diagnostics.iter().map(|&i| diagnostic_item(i, Vec::new(), None, Vec::new())) }
                </ul>
                if !item.commands.is_empty() {
                    <pre class="code diag-commands" aria-label="Equivalent go commands">
                        { for item.commands.iter().map(|c| format!("$ {c}\n")) }
                    </pre>
                }
            }
        </li>
    }
}

/// What a severity group says about the findings the page counted but does not list: "Not
/// listed: 176468 sum-missing findings on go.mod (the page lists the first 1000 findings of each
/// rule; `gomodplay check` lists them all)."
fn omitted_text(analysis: &Analysis, severity: Severity) -> String {
    let rules: Vec<String> = analysis
        .omitted
        .iter()
        .filter(|o| o.severity == severity)
        .map(|o| format!("{} {} findings on {}", o.count, o.code, o.file))
        .collect();
    let rules = match rules.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    };
    format!(
        "Not listed: {rules} (the page lists the first {FINDINGS_PER_RULE} findings of each rule; `gomodplay check` lists them all)."
    )
}

/// One severity group: its first [`FIRST_FINDINGS`] items and a "Show all" button. A long
/// notes group starts collapsed: notes are informational, and the errors and warnings above
/// them matter more.
fn group_html(
    severity: Severity,
    title: &str,
    items: &[FindingItem],
    expanded: &UseStateHandle<Vec<Expanded>>,
    props: &DiagnosticsProps,
) -> Html {
    let mine: Vec<&FindingItem> = items.iter().filter(|i| i.severity == severity).collect();
    if mine.is_empty() {
        return Html::default();
    }
    // The heading counts findings, the omitted ones included; the list shows items (a group of
    // notes is one item).
    let omitted = props.analysis.omitted_count(severity);
    let total: usize = mine.iter().map(|i| i.diagnostics.len()).sum::<usize>() + omitted;
    let open = |e: Expanded| {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*expanded).clone();
            next.push(e.clone());
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
    let shown = mine.len();
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
                    { for mine.iter().take(limit).map(|item| item_html(item, items, expanded, props)) }
                </ul>
                if shown > limit {
                    <div class="diag-more">
                        <span>{ format!("Showing the first {limit} of {shown}.") }</span>
                        <button type="button" class="button button-small"
                            onclick={open(Expanded::All(severity))}>
                            { format!("Show all {shown}") }
                        </button>
                    </div>
                }
                if omitted > 0 {
                    <p class="diag-omitted">{ omitted_text(&props.analysis, severity) }</p>
                }
            }
        </section>
    }
}

/// What the list shows of one analysis.
struct ListModel {
    items: Vec<FindingItem>,
    /// The go commands that resolve every finding, one per line.
    commands: AttrValue,
    counts: FindingCounts,
    /// Whether any finding has a fix that edits a file ("Apply all fixes" has work to do).
    has_edits: bool,
}

impl ListModel {
    fn of(analysis: &Analysis) -> ListModel {
        ListModel {
            items: finding_items(&analysis.report),
            commands: AttrValue::from(analysis.go_commands().join("\n")),
            counts: FindingCounts::of(analysis),
            has_edits: analysis
                .report
                .diagnostics
                .iter()
                .any(|d| d.fixes.iter().any(|f| !f.edits.is_empty())),
        }
    }
}

#[function_component]
pub fn Diagnostics(props: &DiagnosticsProps) -> Html {
    let copied = use_state(|| false);
    // The groups the user opened in full (the report of a kubernetes-scale bundle has hundreds
    // of findings; rendering them all would cost thousands of elements).
    let expanded = use_state_eq(Vec::<Expanded>::new);
    // What the list shows is worked out once per analysis: the region renders again on every
    // preview, explanation and edit, and a large input has hundreds of thousands of findings.
    let model = use_memo(SameAnalysis(props.analysis.clone()), |analysis| {
        ListModel::of(&analysis.0)
    });
    let fixable = props.current && model.has_edits;
    // A refused input has no findings of its own: the older input's are not shown at all.
    let shown = props.input_error.is_none();
    let items = &model.items;
    let apply_all = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ApplyAllFixes))
    };
    let copy = {
        let (model, copied) = (model.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| copied.set(copy_to_clipboard(&model.commands)))
    };
    // "No problems found" only when every check ran; otherwise the header says how many ran
    // and what the others need ("12 of 38 checks ran; 26 need your dependencies' go.mod
    // files — see below").
    let coverage = props.analysis.coverage().summary();
    let findings = model.counts.phrase();
    let summary = match (&props.input_error, findings.is_empty(), coverage) {
        (Some(_), _, _) => "Not analysed".to_owned(),
        (None, _, _) if !props.current => "Out of date: analysing the edited input…".to_owned(),
        (None, true, None) => "No problems found".to_owned(),
        (None, true, Some(coverage)) => coverage,
        (None, false, None) => findings,
        (None, false, Some(coverage)) => format!("{findings}. {coverage}"),
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
                    group_html(*severity, title, items, &expanded, props)
                }) }
            </div>
            }
            if shown && !model.commands.is_empty() {
                <details class="go-commands">
                    <summary>{ "Equivalent go commands" }</summary>
                    <pre class="code">{ model.commands.clone() }</pre>
                    if !props.analysis.omitted.is_empty() {
                        <p class="diag-omitted">
                            { "These are the commands of the findings listed above; the findings not listed have theirs too." }
                        </p>
                    }
                    <button type="button" class="button button-small" onclick={copy}>
                        { if *copied { "Copied" } else { "Copy go commands" } }
                    </button>
                </details>
            }
            if shown { { unchecked(&props.analysis) } }
        </section>
    }
}

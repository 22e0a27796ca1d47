//! The "Paste an error" panel: a field named "go error output" where the user pastes what the go
//! command printed, and the region "Error explained" listing each recognised error (what it
//! means, why go says it, the fix located in the files when they are on the page, the commands
//! to run otherwise, and what to paste to see more) and the text that was not recognised. All of
//! it comes from `gomod::explain_error`; this component only renders it and turns its findings
//! into the page's existing actions (jump to the line, preview the fix, focus the module in the
//! Graph).

use std::rc::Rc;

use gomod::analyze::Analysis;
use gomod::explain_error::{explain_error, ExplainedError, Explanation};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::state::{Action, Playground, View};

#[derive(Properties, PartialEq)]
pub struct ErrorExplainedProps {
    /// The latest analysis: its bundle is the user's files, its diagnostics the findings the
    /// fix preview knows by index.
    pub analysis: Rc<Analysis>,
    pub dispatch: UseReducerDispatcher<Playground>,
    /// Text the user moved here from the editor (with a number that changes on every move):
    /// it fills the field and is explained at once.
    #[prop_or_default]
    pub draft: Option<(u32, AttrValue)>,
}

#[function_component]
pub fn ErrorExplained(props: &ErrorExplainedProps) -> Html {
    let text_ref = use_node_ref();
    // Whether the fixes are located in the page's files: the user's choice, kept across renders.
    let use_files = use_state_eq(|| true);
    let explanation = use_state(|| None::<Rc<Explanation>>);
    let on_submit = {
        let (text_ref, with_files) = (text_ref.clone(), *use_files);
        let (explanation, analysis) = (explanation.clone(), props.analysis.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(area) = text_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let files = with_files.then_some(&analysis.bundle);
            explanation.set(Some(Rc::new(explain_error(&area.value(), files))));
        })
    };
    {
        let (text_ref, with_files) = (text_ref.clone(), *use_files);
        let (explanation, analysis) = (explanation.clone(), props.analysis.clone());
        use_effect_with(props.draft.clone(), move |draft| {
            if let (Some((_, text)), Some(area)) = (draft, text_ref.cast::<HtmlTextAreaElement>()) {
                area.set_value(text);
                let files = with_files.then_some(&analysis.bundle);
                explanation.set(Some(Rc::new(explain_error(text, files))));
                let _ = area.focus();
            }
        });
    }
    let on_use_files = {
        let use_files = use_files.clone();
        Callback::from(move |e: Event| {
            let checkbox: HtmlInputElement = e.target_unchecked_into();
            use_files.set(checkbox.checked());
        })
    };
    let close = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::OpenPanel(None)))
    };
    let on_action = {
        let d = props.dispatch.clone();
        Callback::from(move |action: Action| d.dispatch(action))
    };
    html! {
        <form class="panel" aria-label="Paste an error" onsubmit={on_submit}>
            <label class="field field-block">
                <span class="field-label">{ "go error output" }</span>
                <textarea ref={text_ref} class="code input panel-text" rows="8" wrap="off"
                    spellcheck="false" aria-label="go error output"
                    placeholder={"go: example.com/x@v1.0.0: missing go.sum entry for go.mod file; to add it:\n\tgo mod download example.com/x"} />
            </label>
            <div class="panel-actions">
                <label class="field-check">
                    <input type="checkbox" checked={*use_files} onchange={on_use_files} />
                    <span>{ "Locate the fixes in the files on this page" }</span>
                </label>
                <button type="submit" class="button button-primary">{ "Explain" }</button>
                <button type="button" class="button" onclick={close}>{ "Close" }</button>
            </div>
            if let Some(explanation) = &*explanation {
                { explained(explanation, &props.analysis, &on_action) }
            }
        </form>
    }
}

/// The region "Error explained"; its buttons emit the page's actions through `on_action`.
pub fn explained(
    explanation: &Explanation,
    analysis: &Analysis,
    on_action: &Callback<Action>,
) -> Html {
    html! {
        <section class="error-explained" role="region" aria-label="Error explained">
            <h2>{ "Error explained" }</h2>
            if explanation.errors.is_empty() && explanation.unrecognised.is_empty() {
                <p>{ "No go error output found." }</p>
            }
            { for explanation.errors.iter().map(|e| error(e, explanation.files_given, analysis, on_action)) }
            { for explanation.unrecognised.iter().map(|u| html! {
                <article class="error-unrecognised">
                    <h3>{ format!("Not recognised (line {})", u.line) }</h3>
                    <p>{ "This text is not one of the go command's module errors that gomodplay knows; it is not explained." }</p>
                    <pre class="code">{ u.text.clone() }</pre>
                </article>
            }) }
        </section>
    }
}

/// One recognised error.
fn error(
    e: &ExplainedError,
    files_given: bool,
    analysis: &Analysis,
    on_action: &Callback<Action>,
) -> Html {
    let module = e.variables.get("module").cloned();
    let focus = module.clone().map(|path| {
        let emit = on_action.clone();
        Callback::from(move |_: MouseEvent| {
            emit.emit(Action::OpenView(View::Graph));
            emit.emit(Action::Focus(Some(path.clone())));
        })
    });
    let in_graph = module.as_ref().is_some_and(|m| {
        analysis
            .resolution
            .as_ref()
            .is_some_and(|r| r.nodes.iter().any(|n| &n.module.path == m))
    });
    html! {
        <article class={classes!("error-item", format!("severity-{}", e.severity.as_str()))}>
            <h3><code>{ e.id }</code>{ format!(" {}: {}", e.severity.as_str(), e.title) }</h3>
            <pre class="code">{ e.text.clone() }</pre>
            <p><strong>{ "What it means: " }</strong>{ e.meaning.clone() }</p>
            <p><strong>{ "Why go says it: " }</strong>{ e.why }</p>
            if !e.rules.is_empty() {
                <p>{ "Rules: " }{ for e.rules.iter().map(|r| html! { <code class="rule-code">{ *r }{ " " }</code> }) }</p>
            }
            if files_given {
                if e.findings.is_empty() {
                    <p>{ "Your files show no finding of these rules." }</p>
                }
                <ul class="error-findings">
                    { for e.findings.iter().map(|f| finding(f, analysis, on_action)) }
                </ul>
            }
            if let (Some(focus), true) = (focus, in_graph) {
                <button type="button" class="button" onclick={focus}>
                    { format!("Focus {} in the Graph", module.unwrap_or_default()) }
                </button>
            }
            if !e.commands.is_empty() || !e.suggested.is_empty() {
                <p>{ "Commands that fix it:" }</p>
                <pre class="code">{ commands(e) }</pre>
            }
            if !e.paste.is_empty() {
                <p>{ "To see more, paste: " }{ e.paste.join("; ") }</p>
            }
        </article>
    }
}

/// go's suggestions, then the catalogue's commands, each once, as shell lines.
fn commands(e: &ExplainedError) -> String {
    let mut seen: Vec<&String> = Vec::new();
    for command in e.suggested.iter().chain(&e.commands) {
        if !seen.contains(&command) {
            seen.push(command);
        }
    }
    seen.iter().map(|c| format!("$ {c}\n")).collect()
}

/// A finding in the user's files: where it is, and its fix through the page's fix preview.
fn finding(
    d: &gomod::check::Diagnostic,
    analysis: &Analysis,
    on_action: &Callback<Action>,
) -> Html {
    let jump = {
        let (emit, file, line) = (on_action.clone(), d.file.clone(), d.span.line);
        Callback::from(move |_: MouseEvent| {
            emit.emit(Action::JumpTo {
                file: file.clone(),
                line,
            })
        })
    };
    // The page previews fixes of its own analysis by index; the same finding there has the
    // same fix.
    let index = analysis.report.diagnostics.iter().position(|x| x == d);
    let has_edits = d.fixes.first().is_some_and(|f| !f.edits.is_empty());
    let preview = index.filter(|_| has_edits).map(|diagnostic| {
        let emit = on_action.clone();
        Callback::from(move |_: MouseEvent| emit.emit(Action::PreviewFix { diagnostic, fix: 0 }))
    });
    html! {
        <li>
            <button type="button" class="link" onclick={jump}>
                { format!("{}:{}", d.file, d.span.line) }
            </button>
            { format!(" [{}] {}", d.code, d.message) }
            if let Some(fix) = d.fixes.first() {
                <div>{ format!("Fix: {}", fix.title) }</div>
            }
            if let Some(preview) = preview {
                <button type="button" class="button" onclick={preview}>{ "Preview fix" }</button>
            }
        </li>
    }
}

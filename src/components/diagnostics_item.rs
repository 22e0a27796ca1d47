//! One finding: severity, code, location (a button that moves the editor there), message, fixes
//! (each opens a preview), the equivalent go commands (unless shown once elsewhere), and the
//! rule's explanation on demand.

use gomod::analyze::findings::Alternative;
use gomod::check::Diagnostic;
use yew::prelude::*;

use crate::components::explain::explain;
use crate::state::{Action, Playground};

#[derive(Properties, PartialEq)]
pub struct DiagnosticItemProps {
    /// Its index in the report (fix actions name it).
    pub index: usize,
    pub diagnostic: Diagnostic,
    pub explained: bool,
    /// The go commands shown with the finding (the Diagnostics list's model decides: none
    /// inside a group, whose commands are shown once for all of it).
    pub commands: Vec<String>,
    /// Where the same command block is shown instead (`go.mod:11:2`), if it is elsewhere.
    #[prop_or_default]
    pub commands_shown_with: Option<String>,
    /// Ways to resolve the finding of which one is to be taken: one block each, with "or"
    /// between them.
    #[prop_or_default]
    pub alternatives: Vec<Alternative>,
    /// False when the finding belongs to an older input: its fixes would not fit the text.
    pub fixes_enabled: bool,
    pub dispatch: UseReducerDispatcher<Playground>,
}

#[function_component]
pub fn DiagnosticItem(props: &DiagnosticItemProps) -> Html {
    let d = &props.diagnostic;
    let jump = {
        let dispatch = props.dispatch.clone();
        let (file, line) = (d.file.clone(), d.span.line);
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::JumpTo {
                file: file.clone(),
                line,
            })
        })
    };
    let toggle = {
        let (dispatch, code) = (props.dispatch.clone(), d.code);
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ToggleExplanation(code)))
    };
    let location = if d.span.line > 0 {
        format!("{}:{}:{}", d.file, d.span.line, d.span.column)
    } else {
        d.file.clone()
    };
    let commands = &props.commands;
    html! {
        <li class={classes!("diag", format!("diag-{}", d.severity.as_str()))}>
            <div class="diag-head">
                <span class="diag-severity">{ d.severity.as_str() }</span>
                <code class="diag-code">{ d.code }</code>
                <button type="button" class="link diag-location" onclick={jump}
                    aria-label={format!("Go to {location}")}>{ location.clone() }</button>
            </div>
            <p class="diag-message">{ d.message.clone() }</p>
            <div class="diag-actions">
                { for d.fixes.iter().enumerate().filter(|(_, f)| !f.edits.is_empty()).map(|(i, fix)| {
                    let dispatch = props.dispatch.clone();
                    let index = props.index;
                    let onclick = Callback::from(move |_: MouseEvent| {
                        dispatch.dispatch(Action::PreviewFix { diagnostic: index, fix: i })
                    });
                    html! {
                        <button type="button" class="button button-small" {onclick}
                            disabled={!props.fixes_enabled}
                            aria-label={format!("Apply fix: {}", fix.title)}>
                            { "Apply fix" }<span class="fix-title">{ format!(": {}", fix.title) }</span>
                        </button>
                    }
                }) }
                <button type="button" class="button button-small button-quiet" onclick={toggle}
                    aria-expanded={props.explained.to_string()}
                    aria-controls={format!("explain-{}", d.code)}>
                    { if props.explained { "Hide explanation" } else { "Explain" } }
                </button>
            </div>
            if !commands.is_empty() {
                <pre class="code diag-commands" aria-label="Equivalent go commands">
                    { for commands.iter().map(|c| format!("$ {c}\n")) }
                </pre>
            }
            if !props.alternatives.is_empty() {
                <div class="diag-alternatives" role="group" aria-label="Ways to resolve it (one of them)">
                    { for props.alternatives.iter().enumerate().map(|(i, a)| html! {
                        <>
                            if i > 0 {
                                <p class="diag-or">{ "or" }</p>
                            }
                            <p class="diag-alternative-title">{ a.title.clone() }</p>
                            <pre class="code diag-commands" tabindex="0"
                                aria-label={format!("Equivalent go commands: {}", a.title)}>
                                { for a.commands.iter().map(|c| format!("$ {c}\n")) }
                            </pre>
                        </>
                    }) }
                </div>
            }
            if let Some(other) = &props.commands_shown_with {
                <p class="diag-commands-elsewhere">
                    { format!("The go commands are those shown with {other}.") }
                </p>
            }
            if props.explained { { explain(d.code) } }
        </li>
    }
}

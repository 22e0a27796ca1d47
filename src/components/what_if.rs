//! What-if: try a change to the main module's requirements, or add a replace or exclude, and
//! see the new build list and how it differs, before touching the file.
//!
//! The computation is the core's ([`gomod::analyze::what_if`]): it checks the request, computes
//! the new build list as `go get` (or `go mod edit`) then `go list -m all` would, and returns
//! the equivalent command and the go.mod edit. This component collects the request, suggests
//! the modules and versions of the input, and renders the result it is given.

use std::rc::Rc;

use gomod::analyze::what_if::{suggested_versions, ModuleChoice, WhatIfPreview, WhatIfRequest};
use yew::prelude::*;

/// The operation chosen in the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Operation {
    Raise,
    Lower,
    Drop,
    Replace,
    Exclude,
}

const OPERATIONS: [(Operation, &str); 5] = [
    (Operation::Raise, "Raise"),
    (Operation::Lower, "Lower"),
    (Operation::Drop, "Drop"),
    (Operation::Replace, "Replace"),
    (Operation::Exclude, "Exclude"),
];

#[derive(Properties, PartialEq)]
pub struct WhatIfProps {
    /// The modules to suggest, with their versions in the input.
    pub choices: Rc<Vec<ModuleChoice>>,
    /// The outcome of the last request.
    #[prop_or_default]
    pub result: Option<Rc<WhatIfPreview>>,
    /// Called with the request when the user asks for a preview.
    pub on_preview: Callback<WhatIfRequest>,
    /// Called when the user applies the previewed change to go.mod.
    pub on_apply: Callback<()>,
    /// Called with the text to copy when the user copies the equivalent command.
    pub on_copy: Callback<String>,
}

fn text_input(
    label: &'static str,
    state: &UseStateHandle<String>,
    list: Option<&'static str>,
) -> Html {
    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            state.set(input.value());
        })
    };
    html! {
        <label class="what-if-field">
            <span>{ label }</span>
            <input type="text" class="mono" value={(**state).clone()} list={list} {oninput}
                spellcheck="false" autocomplete="off" />
        </label>
    }
}

#[function_component]
pub fn WhatIfPanel(props: &WhatIfProps) -> Html {
    let operation = use_state(|| Operation::Raise);
    let path = use_state(String::new);
    let version = use_state(String::new);
    let new_path = use_state(String::new);
    let new_version = use_state(String::new);

    let onsubmit = {
        let (operation, path, version, new_path, new_version) = (
            operation.clone(),
            path.clone(),
            version.clone(),
            new_path.clone(),
            new_version.clone(),
        );
        let on_preview = props.on_preview.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (path, version) = (path.trim().to_owned(), version.trim().to_owned());
            let request = match *operation {
                Operation::Raise => WhatIfRequest::Raise { path, version },
                Operation::Lower => WhatIfRequest::Lower { path, version },
                Operation::Drop => WhatIfRequest::Drop { path },
                Operation::Replace => WhatIfRequest::Replace {
                    path,
                    version,
                    new_path: new_path.trim().to_owned(),
                    new_version: new_version.trim().to_owned(),
                },
                Operation::Exclude => WhatIfRequest::Exclude { path, version },
            };
            on_preview.emit(request);
        })
    };
    let op_buttons = OPERATIONS.iter().map(|&(op, label)| {
        let onclick = {
            let operation = operation.clone();
            Callback::from(move |_: MouseEvent| operation.set(op))
        };
        html! {
            <button type="button" class="segment" aria-pressed={(*operation == op).to_string()} {onclick}>
                { label }
            </button>
        }
    });
    let needs_version = *operation != Operation::Drop;
    let versions = suggested_versions(&props.choices, &path);
    html! {
        <section class="view what-if" role="region" aria-label="What if">
            <div class="view-toolbar">
                <h2 class="view-title">{ "What if" }</h2>
            </div>
            <form class="what-if-form" {onsubmit}>
                <div class="segments" role="group" aria-label="Change">{ for op_buttons }</div>
                { text_input("Module", &path, Some("what-if-modules")) }
                if needs_version {
                    { text_input(if *operation == Operation::Replace { "Version (optional)" } else { "Version" }, &version, Some("what-if-versions")) }
                }
                if *operation == Operation::Replace {
                    { text_input("Replacement path or directory", &new_path, None) }
                    { text_input("Replacement version", &new_version, None) }
                }
                <button type="submit" class="button">{ "Preview" }</button>
                <datalist id="what-if-modules">
                    { for props.choices.iter().map(|c| html! {
                        <option value={c.path.clone()}>{ c.label() }</option>
                    }) }
                </datalist>
                <datalist id="what-if-versions">
                    { for versions.iter().map(|v| html! { <option value={v.clone()} /> }) }
                </datalist>
            </form>
            if props.choices.is_empty() {
                <p class="view-note">{ "No module to suggest: the input has no dependency yet." }</p>
            }
            { for props.result.as_deref().map(|r| result_html(r, &props.on_apply, &props.on_copy)) }
        </section>
    }
}

fn result_html(p: &WhatIfPreview, on_apply: &Callback<()>, on_copy: &Callback<String>) -> Html {
    let command = p.command_to_show().map_or_else(Html::default, |command| {
        let copy = {
            let (on_copy, command) = (on_copy.clone(), command.to_owned());
            Callback::from(move |_: MouseEvent| on_copy.emit(command.clone()))
        };
        html! {
            <div class="command what-if-command">
                <div class="command-head">
                    <h3 id="what-if-command-title" class="command-title">{ "The same change with go" }</h3>
                    <button type="button" class="button button-small" onclick={copy}
                        aria-describedby="what-if-command-title">{ "Copy command" }</button>
                </div>
                <pre class="code command-text" tabindex="0" aria-labelledby="what-if-command-title">{ format!("$ {command}") }</pre>
            </div>
        }
    });
    let w = match &p.outcome {
        Err(e) => {
            return html! {
                <div class="what-if-result">
                    <p class="view-error" role="alert">{ e.to_string() }</p>
                    { command }
                </div>
            }
        }
        Ok(w) => w,
    };
    let unchanged = w.added.is_empty() && w.removed.is_empty() && w.changed.is_empty();
    let apply = {
        let on_apply = on_apply.clone();
        Callback::from(move |_: MouseEvent| on_apply.emit(()))
    };
    html! {
        <div class="what-if-result">
            <p class="view-note" role="status">
                { format!("The new build list has {} modules", w.build_list.len()) }
                { if unchanged { ": nothing changes." } else { "." } }
                if let Some(go) = &w.go_version {
                    { format!(" The go line becomes {go}.") }
                }
            </p>
            <ul class="diff-list">
                { for w.changed.iter().map(|(p, old, new)| html! {
                    <li class="diff-changed"><span class="mono">{ p.clone() }</span>{ " " }
                        <span class="mono">{ old.clone() }</span>{ " → " }<span class="mono">{ new.clone() }</span></li>
                }) }
                { for w.added.iter().map(|m| html! {
                    <li class="diff-added">{ "+ " }<span class="mono">{ m.to_string() }</span></li>
                }) }
                { for w.removed.iter().map(|m| html! {
                    <li class="diff-removed">{ "− " }<span class="mono">{ m.to_string() }</span></li>
                }) }
            </ul>
            if p.apply.is_some() {
                <button type="button" class="button" onclick={apply}>{ "Apply to go.mod" }</button>
            }
            { command }
        </div>
    }
}

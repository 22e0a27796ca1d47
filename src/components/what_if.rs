//! What-if: try a change to the main module's requirements, or add a replace or exclude, and
//! see the new build list and how it differs, before touching the file.
//!
//! Raise, lower and drop are `go get`'s MVS operations, computed by the core's
//! [`gomod::resolve::what_if`]. Replace and exclude are not MVS operations: [`preview`] adds the
//! directive to a copy of the go.mod and resolves the copy, then compares the two build lists.
//! The component itself only collects the request and shows the result it is given.

use std::rc::Rc;

use gomod::bundle::Bundle;
use gomod::resolve::{self, Change, Cmd, Mod, Resolution, Settings, WhatIf};
use yew::prelude::*;

/// A change the user wants to try.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WhatIfRequest {
    Raise {
        path: String,
        version: String,
    },
    Lower {
        path: String,
        version: String,
    },
    Drop {
        path: String,
    },
    /// `replace path [version] => new_path [new_version]` (no new version: a directory).
    Replace {
        path: String,
        version: String,
        new_path: String,
        new_version: String,
    },
    Exclude {
        path: String,
        version: String,
    },
}

impl WhatIfRequest {
    /// The go.mod line a replace or exclude request adds.
    pub fn directive(&self) -> Option<String> {
        let join = |parts: &[&str]| {
            parts
                .iter()
                .filter(|p| !p.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ")
        };
        match self {
            WhatIfRequest::Replace {
                path,
                version,
                new_path,
                new_version,
            } => Some(format!(
                "replace {} => {}",
                join(&[path, version]),
                join(&[new_path, new_version])
            )),
            WhatIfRequest::Exclude { path, version } => Some(format!("exclude {path} {version}")),
            _ => None,
        }
    }
}

/// Computes a request over a bundle (its go.mod, go.sum and dependency go.mod files).
pub fn preview(bundle: &Bundle, settings: &Settings, request: &WhatIfRequest) -> WhatIf {
    let Some(input) = resolve::bundle_input(bundle, settings.clone()) else {
        return failed("no go.mod to change");
    };
    let change = match request {
        WhatIfRequest::Raise { path, version } => Change::Raise(Mod::new(path, version)),
        WhatIfRequest::Lower { path, version } => Change::Lower(Mod::new(path, version)),
        WhatIfRequest::Drop { path } => Change::Drop(path.clone()),
        WhatIfRequest::Replace { .. } | WhatIfRequest::Exclude { .. } => {
            let Some(line) = request.directive() else {
                return failed("nothing to add");
            };
            let before = resolve::resolve(&input, Cmd::ListAll);
            if let Some(e) = before.error {
                return failed(&resolve::user_error_text(e.text(), settings));
            }
            let mut gomod = bundle.file("go.mod").unwrap_or_default().to_vec();
            if !gomod.is_empty() && !gomod.ends_with(b"\n") {
                gomod.push(b'\n');
            }
            gomod.extend_from_slice(format!("\n{line}\n").as_bytes());
            let mut changed = bundle.clone();
            changed.insert("go.mod".to_owned(), gomod);
            let Some(input) = resolve::bundle_input(&changed, settings.clone()) else {
                return failed("no go.mod to change");
            };
            let after = resolve::resolve(&input, Cmd::ListAll);
            if let Some(e) = after.error {
                return failed(&resolve::user_error_text(e.text(), settings));
            }
            let modules = |r: &Resolution| -> Vec<Mod> {
                r.build_list.iter().map(|e| e.module.clone()).collect()
            };
            return resolve::difference(modules(&before), modules(&after));
        }
    };
    let mut outcome = resolve::what_if(&input, &change);
    outcome.error = outcome
        .error
        .map(|e| resolve::user_error_text(&e, settings));
    outcome
}

fn failed(message: &str) -> WhatIf {
    WhatIf {
        error: Some(message.to_owned()),
        ..WhatIf::default()
    }
}

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
    pub resolution: Rc<Resolution>,
    /// The outcome of the last request, from [`preview`].
    #[prop_or_default]
    pub result: Option<Rc<WhatIf>>,
    /// Called with the request when the user asks for a preview.
    pub on_preview: Callback<WhatIfRequest>,
}

fn text_input(
    label: &'static str,
    state: &UseStateHandle<String>,
    list: Option<&'static str>,
) -> Html {
    text_input_with(label, state, list, None)
}

/// A text input; `focused`, when given, follows whether the input has the focus.
fn text_input_with(
    label: &'static str,
    state: &UseStateHandle<String>,
    list: Option<&'static str>,
    focused: Option<&UseStateHandle<bool>>,
) -> Html {
    let onfocus = focused.map(|f| {
        let f = f.clone();
        Callback::from(move |_: FocusEvent| f.set(true))
    });
    let onblur = focused.map(|f| {
        let f = f.clone();
        Callback::from(move |_: FocusEvent| f.set(false))
    });
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
                {onfocus} {onblur} spellcheck="false" autocomplete="off" />
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
    // The module suggestions exist only while the Module input has the focus: a kubernetes
    // build list would otherwise be hundreds of options in the page all the time.
    let module_focused = use_state_eq(|| false);

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
    html! {
        <section class="view what-if" role="region" aria-label="What if">
            <div class="view-toolbar">
                <h2 class="view-title">{ "What if" }</h2>
            </div>
            <form class="what-if-form" {onsubmit}>
                <div class="segments" role="group" aria-label="Change">{ for op_buttons }</div>
                { text_input_with("Module", &path, Some("what-if-modules"), Some(&module_focused)) }
                if needs_version {
                    { text_input(if *operation == Operation::Replace { "Version (optional)" } else { "Version" }, &version, None) }
                }
                if *operation == Operation::Replace {
                    { text_input("Replacement path or directory", &new_path, None) }
                    { text_input("Replacement version", &new_version, None) }
                }
                <button type="submit" class="button">{ "Preview" }</button>
                <datalist id="what-if-modules">
                    if *module_focused {
                        { for props.resolution.build_list.iter()
                            .filter(|e| e.module.path.contains(path.trim()))
                            .map(|e| html! { <option value={e.module.path.clone()} /> }) }
                    }
                </datalist>
            </form>
            { for props.result.as_deref().map(result_html) }
        </section>
    }
}

fn result_html(w: &WhatIf) -> Html {
    if let Some(e) = &w.error {
        return html! { <p class="view-error" role="alert">{ e.clone() }</p> };
    }
    let unchanged = w.added.is_empty() && w.removed.is_empty() && w.changed.is_empty();
    html! {
        <div class="what-if-result" role="status">
            <p class="view-note">
                { format!("The new build list has {} modules", w.build_list.len()) }
                { if unchanged { ": nothing changes." } else { "." } }
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
        </div>
    }
}

//! The "Add file" panel: a dependency's go.mod (named module@version, stored in GOPROXY layout),
//! a go.work, a workspace module's go.mod (by directory), vendor/modules.txt, or the output of
//! `go mod graph`. The fields are read when the user adds the file, so typing in them does not
//! touch the app's state.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::state::{dependency_file_name, Action, Panel, Playground};

#[derive(Properties, PartialEq)]
pub struct AddFileProps {
    pub dispatch: UseReducerDispatcher<Playground>,
}

/// The kinds of file, with the hint for the name field ("" when the name is fixed).
const KINDS: &[(&str, &str, &str)] = &[
    (
        "dependency",
        "Dependency go.mod",
        "module@version, e.g. golang.org/x/text@v0.21.0",
    ),
    ("go.work", "go.work", ""),
    ("module", "Workspace module go.mod", "directory, e.g. api"),
    ("vendor", "vendor/modules.txt", ""),
    ("graph", "go mod graph output", ""),
];

/// The bundle name for a kind and the name field.
fn file_name(kind: &str, name: &str) -> Result<String, String> {
    let name = name.trim();
    match kind {
        "dependency" => dependency_file_name(name),
        "go.work" => Ok("go.work".to_owned()),
        "module" if name.is_empty() => Err("Name the module's directory, e.g. api.".to_owned()),
        "module" => Ok(format!("{}/go.mod", name.trim_matches('/'))),
        "vendor" => Ok("vendor/modules.txt".to_owned()),
        _ => Ok(gomod::bundle::MOD_GRAPH_FILE.to_owned()),
    }
}

#[function_component]
pub fn AddFile(props: &AddFileProps) -> Html {
    let kind = use_state(|| "dependency".to_owned());
    let error = use_state(|| None::<String>);
    let name_ref = use_node_ref();
    let text_ref = use_node_ref();
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            kind.set(select.value());
        })
    };
    let on_submit = {
        let (kind, error, d) = (kind.clone(), error.clone(), props.dispatch.clone());
        let (name_ref, text_ref) = (name_ref.clone(), text_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = name_ref
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let text = text_ref
                .cast::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            match file_name(&kind, &name) {
                Ok(name) => {
                    error.set(None);
                    d.dispatch(Action::AddFile { name, text });
                }
                Err(message) => error.set(Some(message)),
            }
        })
    };
    let close = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::OpenPanel(None::<Panel>)))
    };
    let hint = KINDS
        .iter()
        .find(|(k, _, _)| *k == kind.as_str())
        .map_or("", |(_, _, h)| *h);
    html! {
        <form class="panel" aria-label="Add file" onsubmit={on_submit}>
            <div class="panel-row">
                <label class="field">
                    <span class="field-label">{ "Kind" }</span>
                    <select class="select" onchange={on_kind}>
                        { for KINDS.iter().map(|(k, label, _)| html! {
                            <option value={*k} selected={*k == kind.as_str()}>{ *label }</option>
                        }) }
                    </select>
                </label>
                if !hint.is_empty() {
                    <label class="field field-grow">
                        <span class="field-label">{ "Name" }</span>
                        <input ref={name_ref} class="input" type="text" placeholder={hint}
                            spellcheck="false" autocomplete="off" />
                    </label>
                }
            </div>
            <label class="field field-block">
                <span class="field-label">{ "Content" }</span>
                <textarea ref={text_ref} class="code input panel-text" rows="8"
                    spellcheck="false" wrap="off" aria-label="File content" />
            </label>
            if let Some(message) = &*error {
                <p class="input-error" role="alert">{ message.clone() }</p>
            }
            <div class="panel-actions">
                <button type="submit" class="button button-primary">{ "Add" }</button>
                <button type="button" class="button" onclick={close}>{ "Close" }</button>
            </div>
        </form>
    }
}

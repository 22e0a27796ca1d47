//! The tabs above the editor: one per file of the bundle, go.mod and go.sum always first; added
//! files can be removed. A bundle with many files (a kubernetes-scale paste has hundreds of
//! dependency go.mod files) keeps its own files as tabs and lists the others in one
//! "Dependencies" select, so the tab strip stays short and cheap to render.
//!
//! A plain function rather than a component: it has no state, and every Yew component brings
//! its own lifecycle code into the wasm.

use yew::prelude::*;

use crate::state::{Action, Playground, GO_MOD, GO_SUM};

/// Up to this many files, every file is a tab.
pub const MAX_FILE_TABS: usize = 12;

/// Whether a file stays a tab when the others move into the select: the workspace's own files
/// (go.mod, go.sum, go.work, go.work.sum, a pasted graph) sit at the top level, and
/// vendor/modules.txt is the one nested file that belongs to them.
fn always_a_tab(name: &str) -> bool {
    !name.contains('/') || name == "vendor/modules.txt"
}

/// What the tabs show.
pub struct FileTabsProps {
    pub names: Vec<String>,
    pub active: String,
    /// Files with findings, to mark their tabs.
    pub with_errors: Vec<String>,
    pub dispatch: UseReducerDispatcher<Playground>,
}

fn remove_button(name: &str, dispatch: &UseReducerDispatcher<Playground>) -> Html {
    let remove = {
        let (dispatch, name) = (dispatch.clone(), name.to_owned());
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::RemoveFile(name.clone())))
    };
    html! {
        <button type="button" class="file-tab-remove" onclick={remove}
            aria-label={format!("Remove {name}")} title={format!("Remove {name}")}>{ "×" }</button>
    }
}

fn tab_html(name: &str, props: &FileTabsProps) -> Html {
    let selected = name == props.active;
    let select = {
        let (dispatch, name) = (props.dispatch.clone(), name.to_owned());
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Select(name.clone())))
    };
    let removable = name != GO_MOD && name != GO_SUM;
    let flagged = props.with_errors.iter().any(|f| f == name);
    html! {
        <span class={classes!("file-tab", selected.then_some("file-tab-active"))}>
            <button type="button" role="tab" class="file-tab-button"
                aria-selected={selected.to_string()} aria-controls="editor-input"
                onclick={select}>
                { name.to_owned() }
                if flagged { <span class="tab-flag" aria-label="has findings">{ "●" }</span> }
            </button>
            if removable { { remove_button(name, &props.dispatch) } }
        </span>
    }
}

/// The select that opens one of the many dependency files.
fn dependencies_html(names: &[&String], props: &FileTabsProps) -> Html {
    let active = names.iter().any(|n| **n == props.active);
    let onchange = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let name = select.value();
            if !name.is_empty() {
                dispatch.dispatch(Action::Select(name));
            }
        })
    };
    html! {
        <span class={classes!("file-tab", "file-deps", active.then_some("file-tab-active"))}>
            <select class="file-deps-select" aria-label="Dependency files" {onchange}>
                <option value="" selected={!active}>{ format!("Dependencies ({})", names.len()) }</option>
                { for names.iter().map(|name| {
                    let flagged = props.with_errors.iter().any(|f| f == *name);
                    let label = if flagged { format!("{name} ●") } else { (*name).clone() };
                    html! {
                        <option value={(*name).clone()} selected={**name == props.active}>{ label }</option>
                    }
                }) }
            </select>
            if active { { remove_button(&props.active, &props.dispatch) } }
        </span>
    }
}

pub fn file_tabs(props: &FileTabsProps) -> Html {
    let grouped = props.names.len() > MAX_FILE_TABS;
    let (tabs, dependencies): (Vec<&String>, Vec<&String>) = props
        .names
        .iter()
        .partition(|name| !grouped || always_a_tab(name));
    html! {
        <div class="file-tabs-row">
            <div class="file-tabs" role="tablist" aria-label="Files">
                { for tabs.iter().map(|name| tab_html(name, props)) }
            </div>
            if !dependencies.is_empty() { { dependencies_html(&dependencies, props) } }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workspace_files_stay_tabs() {
        for name in [
            "go.mod",
            "go.sum",
            "go.work",
            "go.work.sum",
            "vendor/modules.txt",
        ] {
            assert!(always_a_tab(name), "{name}");
        }
        for name in [
            "example.com/a/@v/v1.0.0.mod",
            "staging/src/k8s.io/api/go.mod",
        ] {
            assert!(!always_a_tab(name), "{name}");
        }
    }
}

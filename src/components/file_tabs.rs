//! The tabs above the editor: one per file of the bundle, go.mod and go.sum always first; added
//! files can be removed. A bundle with many files (a kubernetes-scale paste has hundreds of
//! dependency go.mod files) keeps its own files as tabs and lists the others in one
//! "Dependencies" select, so the tab strip stays short and cheap to render. The strip follows the
//! WAI-ARIA tabs pattern: one tab stop, arrow keys, Home and End between the tabs, Delete removes
//! an added file; the open file's "Remove" button sits after the strip.
//!
//! A plain function rather than a component: it has no state, and every Yew component brings
//! its own lifecycle code into the wasm.

use web_sys::wasm_bindgen::JsCast;
use web_sys::HtmlElement;
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

/// The one "Remove" button, for the open file when it can be removed. It sits after the tab
/// strip, not inside it: a tablist may own only tabs (WAI-ARIA), so a button per tab would leave
/// screen readers a broken tab strip. The visible word is part of the accessible name, so voice
/// control users can say what they see.
fn remove_button(name: &str, dispatch: &UseReducerDispatcher<Playground>) -> Html {
    let remove = {
        let (dispatch, name) = (dispatch.clone(), name.to_owned());
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::RemoveFile(name.clone())))
    };
    html! {
        <button type="button" class="button button-small file-remove" onclick={remove}
            title={format!("Remove {name}")}>
            { "Remove" }<span class="visually-hidden">{ format!(" {name}") }</span>
        </button>
    }
}

/// The tab a key press on tab `at` (of `count`) moves to, if the key moves (WAI-ARIA tabs
/// pattern: Left/Right wrap around, Home and End go to the first and last tab).
pub fn tab_after_key(at: usize, count: usize, key: &str) -> Option<usize> {
    if count == 0 || at >= count {
        return None;
    }
    match key {
        "ArrowRight" => Some((at + 1) % count),
        "ArrowLeft" => Some((at + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

/// Focuses the tab at `index` of the tab strip that holds `from` (the focused tab). Every tab is
/// already in the page, so the focus can move before the reducer's render.
fn focus_tab(from: &web_sys::Element, index: usize) {
    let tab = from
        .closest("[role=tablist]")
        .ok()
        .flatten()
        .and_then(|list| list.query_selector_all("[role=tab]").ok())
        .and_then(|tabs| tabs.item(index as u32))
        .and_then(|tab| tab.dyn_into::<HtmlElement>().ok());
    if let Some(tab) = tab {
        let _ = tab.focus();
    }
}

/// Focuses the selected tab of the Files strip once the page has rendered the removal of a file
/// (the removed tab took the focus with it).
fn focus_selected_tab_later() {
    gloo::timers::callback::Timeout::new(0, || {
        let tab = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                d.query_selector("[role=tablist][aria-label=Files] [aria-selected=true]")
                    .ok()
                    .flatten()
            })
            .and_then(|tab| tab.dyn_into::<HtmlElement>().ok());
        if let Some(tab) = tab {
            let _ = tab.focus();
        }
    })
    .forget();
}

fn tab_html(at: usize, tabs: &[&String], focusable: &str, props: &FileTabsProps) -> Html {
    let name = tabs.get(at).map_or("", |n| n.as_str());
    let selected = name == props.active;
    let select = {
        let (dispatch, name) = (props.dispatch.clone(), name.to_owned());
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Select(name.clone())))
    };
    let removable = name != GO_MOD && name != GO_SUM;
    // Arrow keys, Home and End move the focus and open the file at once (automatic activation:
    // opening a file is instant); Delete removes a removable file.
    let onkeydown = {
        let dispatch = props.dispatch.clone();
        let names: Vec<String> = tabs.iter().map(|n| (*n).clone()).collect();
        let name = name.to_owned();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Delete" && removable {
                e.prevent_default();
                dispatch.dispatch(Action::RemoveFile(name.clone()));
                focus_selected_tab_later();
                return;
            }
            let Some(next) = tab_after_key(at, names.len(), &e.key()) else {
                return;
            };
            e.prevent_default();
            if let Some(next_name) = names.get(next) {
                dispatch.dispatch(Action::Select(next_name.clone()));
            }
            if let Some(target) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                focus_tab(&target, next);
            }
        })
    };
    let flagged = props.with_errors.iter().any(|f| f == name);
    html! {
        <span class={classes!("file-tab", selected.then_some("file-tab-active"))}>
            <button type="button" role="tab" class="file-tab-button"
                aria-selected={selected.to_string()} aria-controls="editor-input"
                tabindex={if name == focusable { "0" } else { "-1" }}
                onclick={select} {onkeydown}>
                { name.to_owned() }
                // The dot is drawn for the eye; screen readers hear the words (an aria-label on a
                // plain span is not part of a name).
                if flagged {
                    <span class="tab-flag" aria-hidden="true">{ "●" }</span>
                    <span class="visually-hidden">{ " (has findings)" }</span>
                }
            </button>
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
        </span>
    }
}

pub fn file_tabs(props: &FileTabsProps) -> Html {
    let grouped = props.names.len() > MAX_FILE_TABS;
    let (tabs, dependencies): (Vec<&String>, Vec<&String>) = props
        .names
        .iter()
        .partition(|name| !grouped || always_a_tab(name));
    // Roving tabindex: the strip is one tab stop, on the open file's tab, or on the first tab
    // while the open file is one of the dependencies in the select.
    let focusable = tabs
        .iter()
        .find(|n| **n == &props.active)
        .or(tabs.first())
        .map_or(String::new(), |n| (*n).clone());
    let removable = props.active != GO_MOD && props.active != GO_SUM;
    html! {
        <div class="file-tabs-row">
            <div class="file-tabs" role="tablist" aria-label="Files">
                { for (0..tabs.len()).map(|at| tab_html(at, &tabs, &focusable, props)) }
            </div>
            if !dependencies.is_empty() { { dependencies_html(&dependencies, props) } }
            if removable && props.names.contains(&props.active) { { remove_button(&props.active, &props.dispatch) } }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrow_keys_wrap_and_home_end_jump() {
        assert_eq!(tab_after_key(0, 3, "ArrowRight"), Some(1));
        assert_eq!(tab_after_key(2, 3, "ArrowRight"), Some(0));
        assert_eq!(tab_after_key(0, 3, "ArrowLeft"), Some(2));
        assert_eq!(tab_after_key(1, 3, "Home"), Some(0));
        assert_eq!(tab_after_key(1, 3, "End"), Some(2));
        assert_eq!(tab_after_key(1, 3, "Enter"), None);
        assert_eq!(tab_after_key(0, 0, "ArrowRight"), None);
    }

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

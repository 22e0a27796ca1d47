//! The tabs above the editor: one per file of the bundle, go.mod and go.sum always first; added
//! files can be removed. A plain function rather than a component: it has no state, and every
//! Yew component brings its own lifecycle code into the wasm.

use yew::prelude::*;

use crate::state::{Action, Playground, GO_MOD, GO_SUM};

/// What the tabs show.
pub struct FileTabsProps {
    pub names: Vec<String>,
    pub active: String,
    /// Files with findings, to mark their tabs.
    pub with_errors: Vec<String>,
    pub dispatch: UseReducerDispatcher<Playground>,
}

pub fn file_tabs(props: &FileTabsProps) -> Html {
    html! {
        <div class="file-tabs" role="tablist" aria-label="Files">
            { for props.names.iter().map(|name| {
                let selected = *name == props.active;
                let select = {
                    let (dispatch, name) = (props.dispatch.clone(), name.clone());
                    Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Select(name.clone())))
                };
                let removable = name != GO_MOD && name != GO_SUM;
                let remove = {
                    let (dispatch, name) = (props.dispatch.clone(), name.clone());
                    Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::RemoveFile(name.clone())))
                };
                let flagged = props.with_errors.contains(name);
                html! {
                    <span class={classes!("file-tab", selected.then_some("file-tab-active"))}>
                        <button type="button" role="tab" class="file-tab-button"
                            aria-selected={selected.to_string()} aria-controls="editor-input"
                            onclick={select}>
                            { name.clone() }
                            if flagged { <span class="tab-flag" aria-label="has findings">{ "●" }</span> }
                        </button>
                        if removable {
                            <button type="button" class="file-tab-remove" onclick={remove}
                                aria-label={format!("Remove {name}")} title={format!("Remove {name}")}>{ "×" }</button>
                        }
                    </span>
                }
            }) }
        </div>
    }
}

//! The "Paste bundle" panel: a whole txtar archive (`-- go.mod --`, `-- go.sum --`, …) replaces
//! the current files; the previous ones go on the undo stack.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::state::{Action, Playground};

#[derive(Properties, PartialEq)]
pub struct PasteBundleProps {
    pub dispatch: UseReducerDispatcher<Playground>,
}

#[function_component]
pub fn PasteBundle(props: &PasteBundleProps) -> Html {
    let text_ref = use_node_ref();
    let on_submit = {
        let (d, text_ref) = (props.dispatch.clone(), text_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(area) = text_ref.cast::<HtmlTextAreaElement>() {
                d.dispatch(Action::LoadBundle(area.value()));
            }
        })
    };
    let close = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::OpenPanel(None)))
    };
    html! {
        <form class="panel" aria-label="Paste bundle" onsubmit={on_submit}>
            <label class="field field-block">
                <span class="field-label">{ "A txtar archive: each file starts with a line “-- name --”" }</span>
                <textarea ref={text_ref} class="code input panel-text" rows="10" wrap="off"
                    spellcheck="false" aria-label="Bundle (txtar)"
                    placeholder={"-- go.mod --\nmodule example.com/m\n\ngo 1.22.0\n-- go.sum --\n"} />
            </label>
            <div class="panel-actions">
                <button type="submit" class="button button-primary">{ "Load bundle" }</button>
                <button type="button" class="button" onclick={close}>{ "Close" }</button>
            </div>
        </form>
    }
}

//! The examples menu: a native select, so it is keyboard- and screen-reader-friendly for free.
//! Choosing an example loads it (the previous input goes on the undo stack); choosing "Your
//! input" brings back the input from before the examples, or starts new. A plain function
//! rather than a component: it has no state, and every Yew component brings about a kilobyte of
//! lifecycle code into the wasm.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::explain::inline;
use crate::gallery::{example, examples};
use crate::state::{Action, Playground};

/// The menu; `current` is the example loaded and unchanged, if any.
pub fn gallery(current: Option<&'static str>, dispatch: &UseReducerDispatcher<Playground>) -> Html {
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            match example(&select.value()) {
                Some(found) => dispatch.dispatch(Action::LoadExample(found.id)),
                // "Your input": the example's files never stay.
                None => dispatch.dispatch(Action::LeaveExample),
            }
        })
    };
    let description = current
        .and_then(example)
        .map(|e| e.description)
        .unwrap_or("");
    let current = current.unwrap_or("");
    html! {
        <div class="gallery">
            <label class="field">
                <span class="field-label">{ "Example" }</span>
                <select class="select" {onchange} aria-label="Examples">
                    <option value="" selected={current.is_empty()}>{ "Your input" }</option>
                    { for examples().iter().map(|e| html! {
                        <option value={e.id} selected={e.id == current}>{ e.title }</option>
                    }) }
                </select>
            </label>
            if !description.is_empty() {
                <p class="gallery-description">{ inline(description) }</p>
            }
        </div>
    }
}

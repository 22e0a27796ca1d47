//! The "Embed" panel: iframe HTML that shows the current state on another page, with the result
//! view to show.

use gomod::share::SharedState;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::share::{self, VIEWS};
use crate::state::{Action, Playground};

#[derive(Properties, PartialEq)]
pub struct EmbedPanelProps {
    pub state: SharedState,
    pub dispatch: UseReducerDispatcher<Playground>,
}

#[function_component]
pub fn EmbedPanel(props: &EmbedPanelProps) -> Html {
    let view = use_state(|| "diagnostics".to_owned());
    let on_view = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            view.set(select.value());
        })
    };
    let close = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::OpenPanel(None)))
    };
    let code = share::use_encoded(Some(props.state.clone()), false)
        .map(|encoded| encoded.map(|e| share::iframe(&e, &view)));
    html! {
        <section class="panel" aria-label="Embed">
            <label class="field">
                <span class="field-label">{ "Result view" }</span>
                <select class="select" onchange={on_view} aria-label="Embedded view">
                    { for VIEWS.iter().map(|v| html! { <option value={*v} selected={*v == *view}>{ *v }</option> }) }
                </select>
            </label>
            { match code {
                None => html! { <p role="status">{ "Making the embed code…" }</p> },
                Some(Ok(code)) => html! {
                    <label class="field field-block">
                        <span class="field-label">{ "Embed code" }</span>
                        <textarea class="code input panel-text" rows="4" readonly=true aria-label="Embed code" value={code} />
                    </label>
                },
                Some(Err(message)) => html! { <p role="alert">{ message }</p> },
            } }
            <div class="panel-actions">
                <button type="button" class="button" onclick={close}>{ "Close" }</button>
            </div>
        </section>
    }
}

//! The "Share" panel: the link that reopens the current state, its length, a copy button, and the
//! choice to leave out the go.sum hashes the page can compute again.

use gomod::share::SharedState;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::share;
use crate::state::{Action, Playground};

/// Beyond this many characters some chat programs, mail clients and servers cut links short.
const LONG_LINK: usize = 8000;

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub state: SharedState,
    pub dispatch: UseReducerDispatcher<Playground>,
}

#[function_component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let derive_sums = use_state(|| false);
    let copied = use_state(|| None::<bool>);
    let encoded = share::use_encoded(Some(props.state.clone()), *derive_sums);
    let toggle = {
        let (derive_sums, copied) = (derive_sums.clone(), copied.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            derive_sums.set(input.checked());
            copied.set(None);
        })
    };
    let close = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::OpenPanel(None)))
    };
    let body = match &encoded {
        None => html! { <p role="status">{ "Making the link…" }</p> },
        Some(Ok(encoded)) => {
            let link = share::link(encoded);
            let copy = {
                let (link, copied) = (link.clone(), copied.clone());
                Callback::from(move |_: MouseEvent| copied.set(Some(share::copy(&link))))
            };
            let sums_note = if *derive_sums {
                format!(
                    "{} go.sum hashes left out (the page computes them again from the go.mod files); {} kept: module zip hashes cannot be re-derived.",
                    encoded.derived_sums, encoded.kept_sums
                )
            } else {
                String::new()
            };
            html! {
                <>
                    <label class="field field-block">
                        <span class="field-label">{ "Share link" }</span>
                        <input class="input share-link" type="text" readonly=true value={link.clone()}
                            aria-label="Share link" onfocus={Callback::from(|e: FocusEvent| {
                                let input: HtmlInputElement = e.target_unchecked_into();
                                input.select();
                            })} />
                    </label>
                    <p class="share-length">{ format!("The link is {} characters long.", link.chars().count()) }</p>
                    if link.len() > LONG_LINK {
                        <p class="share-sums">{ "Links this long may be cut short by chat and mail programs and some servers; leaving go.sum hashes out or sharing fewer files makes it shorter." }</p>
                    }
                    if !sums_note.is_empty() { <p class="share-sums">{ sums_note }</p> }
                    <div class="panel-actions">
                        <button type="button" class="button button-primary" onclick={copy}>{ "Copy link" }</button>
                        <button type="button" class="button" onclick={close.clone()}>{ "Close" }</button>
                        <span role="status">{ match *copied {
                            Some(true) => "Copied.",
                            Some(false) => "This browser offers no clipboard here: select the link and copy it.",
                            None => "",
                        } }</span>
                    </div>
                </>
            }
        }
        Some(Err(message)) => html! {
            <>
                <p role="alert">{ message.clone() }</p>
                <div class="panel-actions">
                    <button type="button" class="button" onclick={close.clone()}>{ "Close" }</button>
                </div>
            </>
        },
    };
    html! {
        <section class="panel" aria-label="Share">
            <label class="field share-option">
                <input type="checkbox" checked={*derive_sums} onchange={toggle} />
                <span>{ "Leave out go.sum hashes that can be re-derived (shorter link)" }</span>
            </label>
            { body }
        </section>
    }
}

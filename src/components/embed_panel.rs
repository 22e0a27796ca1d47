//! The "Embed" panel: the code that shows the current state on another page, for the result view
//! chosen: an `<iframe>` with the host script that sizes it, or `embed.js` with the input as a
//! txtar block; each with a Copy button, and a link to the documentation's embedding section.

use gomod::share::SharedState;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::embed_code::{directory, embed_js_snippet, iframe_snippet};
use crate::share;
use crate::state::{Action, Playground, View};

#[derive(Properties, PartialEq)]
pub struct EmbedPanelProps {
    pub state: SharedState,
    pub dispatch: UseReducerDispatcher<Playground>,
}

/// One snippet: its label, the read-only text, and a Copy button whose result shows next to it.
fn snippet(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    code: String,
    copied: &UseStateHandle<Option<(&'static str, bool)>>,
) -> Html {
    let copy = {
        let (code, copied) = (code.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| copied.set(Some((id, share::copy(&code)))))
    };
    let status = match **copied {
        Some((which, true)) if which == id => "Copied.",
        Some((which, false)) if which == id => {
            "This browser offers no clipboard here: select the code and copy it."
        }
        _ => "",
    };
    let rows = code.lines().count().clamp(3, 10).to_string();
    html! {
        <div class="embed-snippet">
            <label class="field field-block">
                <span class="field-label">{ label }</span>
                <textarea class="code input panel-text" rows={rows} readonly=true aria-label={label} value={code} />
            </label>
            <p class="share-sums">{ hint }</p>
            <div class="panel-actions">
                <button type="button" class="button" onclick={copy}>{ format!("Copy {}", label.to_lowercase()) }</button>
                <span role="status" class="copy-status">{ status }</span>
            </div>
        </div>
    }
}

#[function_component]
pub fn EmbedPanel(props: &EmbedPanelProps) -> Html {
    let view = use_state(|| View::Diagnostics);
    let copied = use_state(|| None::<(&'static str, bool)>);
    let on_view = {
        let (view, copied) = (view.clone(), copied.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            view.set(View::from_name(&select.value()).unwrap_or(View::Diagnostics));
            copied.set(None);
        })
    };
    let close = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::OpenPanel(None)))
    };
    let page = share::page_url();
    let encoded = share::use_encoded(Some(props.state.clone()), false);
    let body = match encoded {
        None => html! { <p role="status">{ "Making the embed code…" }</p> },
        Some(Ok(encoded)) => html! {
            <>
                { snippet(
                    "iframe",
                    "Iframe code",
                    "A frame of this state, and the script lines that let it size itself to its content (keep them once per page, however many frames it holds).",
                    iframe_snippet(&page, &encoded.fragment, view.name()),
                    &copied,
                ) }
                { snippet(
                    "embed-js",
                    "embed.js code",
                    "Or load embed.js: it turns each <pre class=\"gomodplay\"> block (a txtar bundle, readable without JavaScript) into a self-sizing frame.",
                    embed_js_snippet(directory(&page), &props.state, view.name()),
                    &copied,
                ) }
            </>
        },
        Some(Err(message)) => html! { <p role="alert">{ message }</p> },
    };
    html! {
        <section class="panel" aria-label="Embed">
            <label class="field">
                <span class="field-label">{ "Result view" }</span>
                <select class="select" onchange={on_view} aria-label="Embedded view">
                    { for View::EMBEDDABLE.iter().map(|v| html! { <option value={v.name()} selected={*v == *view}>{ v.name() }</option> }) }
                </select>
            </label>
            { body }
            <div class="panel-actions">
                <a class="embed-docs" href="docs/#embed">{ "Embedding, documented: attributes, messages, embed.js" }</a>
                <button type="button" class="button" onclick={close}>{ "Close" }</button>
            </div>
        </section>
    }
}

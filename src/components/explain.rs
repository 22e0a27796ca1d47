//! A rule's explanation, from the core's catalogue. Text between backticks is shown as code;
//! everything is rendered as text nodes.
//!
//! A plain function rather than a component: it has no state, and every Yew component brings
//! about a kilobyte of lifecycle code into the wasm.

use yew::prelude::*;

/// Paragraph text with `code` spans.
pub fn inline(text: &str) -> Html {
    html! {
        <>{ for text.split('`').enumerate().map(|(i, part)| if i % 2 == 1 {
            html! { <code>{ part.to_owned() }</code> }
        } else {
            html! { { part.to_owned() } }
        }) }</>
    }
}

/// The explanation of the rule `code`.
pub fn explain(code: &str) -> Html {
    let Some(rule) = gomod::check::rule(code) else {
        return html! { <p class="explain">{ "No explanation for this code." }</p> };
    };
    html! {
        <div class="explain" id={format!("explain-{}", rule.code)}>
            <p class="explain-summary">{ inline(rule.summary) }</p>
            { for rule.explanation.split("\n\n").map(|p| html! { <p>{ inline(p) }</p> }) }
        </div>
    }
}

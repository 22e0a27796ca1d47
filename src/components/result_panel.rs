//! The result panel: the canonical form of the go.mod, or go's parse errors, plus a one-line
//! verdict. Everything is rendered as text nodes, so markup in the input is shown, never run.

use yew::prelude::*;

use crate::state::Outcome;

#[derive(Properties, PartialEq)]
pub struct ResultPanelProps {
    pub outcome: Outcome,
}

#[function_component]
pub fn ResultPanel(props: &ResultPanelProps) -> Html {
    let (verdict, verdict_class) = match &props.outcome {
        Outcome::Formatted {
            canonical: true, ..
        } => ("Already canonical", "verdict verdict-ok"),
        Outcome::Formatted {
            canonical: false, ..
        } => ("Not canonical", "verdict verdict-changed"),
        Outcome::Errors { .. } => ("Does not parse", "verdict verdict-error"),
    };

    let body = match &props.outcome {
        // Scrollable regions take keyboard focus (tabindex 0) so they can be scrolled without a mouse.
        Outcome::Formatted { text, .. } => html! {
            <pre class="code output" role="region" aria-label="Formatted go.mod" tabindex="0">{ text.clone() }</pre>
        },
        Outcome::Errors { report } => html! {
            <pre class="code output output-errors" role="region" aria-label="Errors" tabindex="0">{ report.clone() }</pre>
        },
    };

    html! {
        <section class="pane" aria-labelledby="result-title">
            <div class="pane-header">
                <h2 id="result-title" class="pane-title">{ "go mod edit -fmt" }</h2>
                // A live status, so screen readers hear the verdict change while the user types.
                <p class={verdict_class} role="status">{ verdict }</p>
            </div>
            { body }
        </section>
    }
}

//! Conflicts in one place: version skew (several versions of one path in the graph), module
//! paths that differ only in case, paths used for two modules, conflicting replacements and
//! go.sum hashes. Each links to the graph focus and, when a check reported it, to its
//! diagnostic (where the fix is). The list comes from the core's
//! [`gomod::analyze::views::conflicts`], computed with the analysis
//! ([`gomod::analyze::views::ViewInputs`]); this component only renders it.

use std::rc::Rc;

use gomod::analyze::views::Conflict;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConflictsProps {
    /// The conflicts of the analysis (`gomod::analyze::views::conflicts`).
    pub conflicts: Rc<Vec<Conflict>>,
    /// Called with a module path to focus it in the graph.
    pub on_focus: Callback<String>,
    /// Called with an index into `report.diagnostics` to show that diagnostic and its fixes.
    pub on_diagnostic: Callback<usize>,
}

#[function_component]
pub fn Conflicts(props: &ConflictsProps) -> Html {
    let list = &props.conflicts;
    html! {
        <section class="view conflicts" role="region" aria-label="Conflicts">
            <div class="view-toolbar">
                <h2 class="view-title">{ "Conflicts" }</h2>
                <span class="view-count" role="status">{ format!("{} found", list.len()) }</span>
            </div>
            if list.is_empty() {
                <p class="view-note">{ "No conflicts: every module path has one version and one spelling." }</p>
            } else {
                <ul class="conflict-list">
                    { for list.iter().map(|c| conflict_html(c, props)) }
                </ul>
            }
        </section>
    }
}

fn conflict_html(c: &Conflict, props: &ConflictsProps) -> Html {
    let focus = c.module.clone().map(|path| {
        let onclick = props.on_focus.reform(move |_: MouseEvent| path.clone());
        html! { <button type="button" class="button button-small" {onclick}>{ "Show in graph" }</button> }
    });
    let diagnostic = c.diagnostic.map(|i| {
        let onclick = props.on_diagnostic.reform(move |_: MouseEvent| i);
        let label = if c.resolvable {
            "Show diagnostic and fix"
        } else {
            "Show diagnostic"
        };
        html! { <button type="button" class="button button-small" {onclick}>{ label }</button> }
    });
    html! {
        <li class={format!("conflict conflict-{}", c.kind.label().replace([' ', '.'], "-"))}>
            <span class="conflict-kind">{ c.kind.label() }</span>
            <span class="conflict-message">{ c.message.clone() }</span>
            <span class="conflict-actions">{ for focus }{ for diagnostic }</span>
        </li>
    }
}

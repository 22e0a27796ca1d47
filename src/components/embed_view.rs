//! Embed mode (`?embed=1`): a compact widget for documentation pages, without the page's banner,
//! toolbar and footer: the input (read-only with `readonly=1`), one result view (`view=`), and a
//! link that opens the same state in the full playground.

use yew::prelude::*;

use crate::share::EmbedMode;
use crate::state::{Playground, View, Views};

/// The graph or build-list view the embed shows; `None` for the views that are the diagnostics
/// (`diagnostics`, `fixes`) or when the graph is not resolved.
fn module_view(
    view: View,
    views: Option<&Views>,
    focus: Option<String>,
    dispatch: &UseReducerDispatcher<Playground>,
) -> Option<Html> {
    use crate::components::build_list::BuildList;
    use crate::components::graph_view::GraphView;
    use crate::state::Action;
    let views = views?;
    let on_focus = {
        let d = dispatch.clone();
        Callback::from(move |path: Option<String>| d.dispatch(Action::Focus(path)))
    };
    let focus_path = {
        let d = dispatch.clone();
        Callback::from(move |path: String| d.dispatch(Action::Focus(Some(path))))
    };
    match view {
        View::Graph => Some(html! {
            <GraphView resolution={views.resolution.clone()} focus={focus.map(AttrValue::from)} {on_focus} />
        }),
        View::Build => Some(html! {
            <BuildList resolution={views.resolution.clone()} marks={views.marks.clone()}
                go_versions={views.go_versions.clone()} on_focus={focus_path} />
        }),
        View::Diagnostics | View::Fixes | View::Conflicts | View::GoSum | View::WhatIf => None,
    }
}

/// The widget: `input` is the file tabs and editor (or the read-only text), `diagnostics` the
/// diagnostics list, `link` the full playground's link to the same state.
pub fn embed_view(
    state: &Playground,
    dispatch: &UseReducerDispatcher<Playground>,
    mode: &EmbedMode,
    input: Html,
    diagnostics: Html,
    link: Option<String>,
) -> Html {
    let result = module_view(
        mode.view,
        state.views.as_ref(),
        state.focus.clone(),
        dispatch,
    )
    .unwrap_or(diagnostics);
    html! {
        <div class={classes!("embed", mode.readonly.then_some("embed-readonly"))} data-view={mode.view.name()}>
            <div class="embed-bar">
                <span class="embed-brand">{ "gomodplay" }</span>
                if let Some(alert) = &state.alert {
                    <span class="embed-alert" role="alert">{ alert.clone() }</span>
                }
                if let Some(link) = link {
                    <a class="embed-open" href={link} target="_blank" rel="noopener">{ "Open in playground" }</a>
                }
            </div>
            <div class="embed-body">
                <section class="embed-input" aria-label="Input files">{ input }</section>
                <section class="embed-result" aria-label={format!("Result: {}", mode.view.name())}>{ result }</section>
            </div>
        </div>
    }
}

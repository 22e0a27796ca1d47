//! The module views (from the viz components): Graph, Build list, Conflicts, go.sum and What-if,
//! as tabs below the editor and diagnostics (a WAI-ARIA tab strip: arrow keys, Home and End move
//! between the tabs). Only the open view renders: on a kubernetes-scale bundle each view is
//! thousands of elements. The open tab is the reducer's `view`, so share links carry it. The
//! views get the shared [`Views`] of the last analysis and report the user's choices as actions
//! of the one reducer.

use std::rc::Rc;

use gomod::analyze::what_if::{WhatIfPreview, WhatIfRequest};
use web_sys::wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::build_list::BuildList;
use crate::components::conflicts::Conflicts;
use crate::components::gosum_view::GoSumView;
use crate::components::graph_view::GraphView;
use crate::components::what_if::WhatIfPanel;
use crate::state::{Action, Playground, View, Views, GO_SUM};

/// The tab to show: the one the state names if it is a module view, otherwise the Graph when
/// the graph resolved, and Conflicts (which says why it did not) when it did not.
pub fn open_tab(view: Option<View>, graph_resolved: bool) -> View {
    match view.filter(|v| View::TABS.contains(v)) {
        Some(tab) => tab,
        None if graph_resolved => View::Graph,
        None => View::Conflicts,
    }
}

/// The tab a key press on tab `current` moves to, if the key moves (WAI-ARIA tabs pattern:
/// Left/Right wrap around, Home and End go to the first and last tab).
fn tab_after_key(current: View, key: &str) -> Option<View> {
    let tabs = View::TABS;
    let at = tabs.iter().position(|&tab| tab == current)?;
    let last = tabs.len() - 1;
    let next = match key {
        "ArrowRight" => (at + 1) % tabs.len(),
        "ArrowLeft" => (at + last) % tabs.len(),
        "Home" => 0,
        "End" => last,
        _ => return None,
    };
    tabs.get(next).copied()
}

#[derive(Properties, PartialEq)]
pub struct ModuleViewsProps {
    pub views: Views,
    /// The state's `view` (see [`open_tab`]).
    pub open: Option<View>,
    pub focus: Option<String>,
    pub what_if: Option<Rc<WhatIfPreview>>,
    pub dispatch: UseReducerDispatcher<Playground>,
}

#[function_component]
pub fn ModuleViews(props: &ModuleViewsProps) -> Html {
    let d = props.dispatch.clone();
    let v = &props.views;
    let open = open_tab(props.open, !v.resolution.nodes.is_empty());
    let conflict_count = v.conflicts.len();
    let tablist = use_node_ref();

    // "Show in graph" from another view opens the Graph tab on that module.
    let focus_path = {
        let d = d.clone();
        Callback::from(move |path: String| {
            d.dispatch(Action::Focus(Some(path)));
            d.dispatch(Action::OpenView(View::Graph));
        })
    };
    let focus = {
        let d = d.clone();
        Callback::from(move |path: Option<String>| d.dispatch(Action::Focus(path)))
    };
    let show_diagnostic = {
        let d = d.clone();
        Callback::from(move |index: usize| d.dispatch(Action::ShowDiagnostic(index)))
    };
    let goto_sum_line = {
        let d = d.clone();
        Callback::from(move |line: u32| {
            d.dispatch(Action::JumpTo {
                file: GO_SUM.to_owned(),
                line,
            })
        })
    };
    let what_if = {
        let d = d.clone();
        Callback::from(move |request: WhatIfRequest| d.dispatch(Action::WhatIf(request)))
    };
    let apply_what_if = {
        let d = d.clone();
        Callback::from(move |()| d.dispatch(Action::ApplyWhatIf))
    };
    let copy_command = {
        let d = d.clone();
        Callback::from(move |command: String| {
            let message = if crate::share::copy(&command) {
                format!("Copied: {command}")
            } else {
                "This browser offers no clipboard here: select the command and copy it.".to_owned()
            };
            d.dispatch(Action::Notify(message));
        })
    };
    let onkeydown = {
        let (d, tablist) = (d.clone(), tablist.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(next) = tab_after_key(open, &e.key()) else {
                return;
            };
            e.prevent_default();
            d.dispatch(Action::OpenView(next));
            // Every tab is always in the page, so the new one can take the focus at once.
            let button = tablist
                .cast::<HtmlElement>()
                .and_then(|list| {
                    list.query_selector(&format!("#view-tab-{}", next.name()))
                        .ok()
                })
                .flatten()
                .and_then(|b| b.dyn_into::<HtmlElement>().ok());
            if let Some(button) = button {
                let _ = button.focus();
            }
        })
    };
    let tabs = View::TABS.into_iter().map(|tab| {
        let selected = tab == open;
        let onclick = {
            let d = d.clone();
            Callback::from(move |_: MouseEvent| d.dispatch(Action::OpenView(tab)))
        };
        let label = tab.tab_label().unwrap_or_default();
        let text = match (tab, conflict_count) {
            (View::Conflicts, n) if n > 0 => format!("{label} ({n})"),
            _ => label.to_owned(),
        };
        html! {
            <button type="button" role="tab" id={format!("view-tab-{}", tab.name())}
                class={classes!("view-tab", selected.then_some("view-tab-active"))}
                aria-selected={selected.to_string()} aria-controls="view-panel"
                tabindex={if selected { "0" } else { "-1" }} {onclick}>
                { text }
            </button>
        }
    });
    let panel = match open {
        View::Graph => html! {
            <GraphView resolution={v.resolution.clone()}
                focus={props.focus.clone().map(AttrValue::from)} on_focus={focus} />
        },
        View::Build => html! {
            <BuildList resolution={v.resolution.clone()} marks={v.marks.clone()}
                go_versions={v.go_versions.clone()} on_focus={focus_path} />
        },
        View::GoSum => html! {
            <GoSumView resolution={v.resolution.clone()} gosum={v.gosum.clone()}
                on_goto_line={goto_sum_line} />
        },
        View::WhatIf => html! {
            <WhatIfPanel choices={v.choices.clone()} result={props.what_if.clone()}
                on_preview={what_if} on_apply={apply_what_if} on_copy={copy_command} />
        },
        View::Conflicts | View::Diagnostics | View::Fixes => html! {
            <Conflicts conflicts={v.conflicts.clone()}
                on_focus={focus_path} on_diagnostic={show_diagnostic} />
        },
    };
    html! {
        <div class="module-views">
            <div class="view-tabs" role="tablist" aria-label="Views" ref={tablist} {onkeydown}>
                { for tabs }
            </div>
            <div class="view-panel" role="tabpanel" id="view-panel" tabindex="0"
                aria-labelledby={format!("view-tab-{}", open.name())}>
                { panel }
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_open_tab_is_the_named_view_or_the_graph() {
        assert_eq!(open_tab(Some(View::Build), true), View::Build);
        assert_eq!(open_tab(Some(View::GoSum), false), View::GoSum);
        // Link views that are not module views (diagnostics, fixes) open the default tab.
        assert_eq!(open_tab(Some(View::Diagnostics), true), View::Graph);
        assert_eq!(open_tab(None, true), View::Graph);
        assert_eq!(open_tab(None, false), View::Conflicts);
    }

    #[test]
    fn arrow_keys_wrap_and_home_end_jump() {
        assert_eq!(tab_after_key(View::Graph, "ArrowRight"), Some(View::Build));
        assert_eq!(tab_after_key(View::Graph, "ArrowLeft"), Some(View::WhatIf));
        assert_eq!(tab_after_key(View::WhatIf, "ArrowRight"), Some(View::Graph));
        assert_eq!(tab_after_key(View::Build, "Home"), Some(View::Graph));
        assert_eq!(tab_after_key(View::Build, "End"), Some(View::WhatIf));
        assert_eq!(tab_after_key(View::Build, "Enter"), None);
    }
}

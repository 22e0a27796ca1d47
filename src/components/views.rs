//! The module views (from the viz components): Conflicts, Graph, Build list, go.sum and What-if,
//! laid out below the editor and diagnostics. They get the shared [`Views`] of the last analysis
//! and report the user's choices as actions of the one reducer.

use std::rc::Rc;

use gomod::resolve::WhatIf;
use yew::prelude::*;

use crate::components::build_list::BuildList;
use crate::components::conflicts::Conflicts;
use crate::components::gosum_view::GoSumView;
use crate::components::graph_view::GraphView;
use crate::components::what_if::{WhatIfPanel, WhatIfRequest};
use crate::state::{Action, Playground, Views, GO_SUM};

#[derive(Properties, PartialEq)]
pub struct ModuleViewsProps {
    pub views: Views,
    pub focus: Option<String>,
    pub what_if: Option<Rc<WhatIf>>,
    pub dispatch: UseReducerDispatcher<Playground>,
}

#[function_component]
pub fn ModuleViews(props: &ModuleViewsProps) -> Html {
    let d = props.dispatch.clone();
    let focus_path = {
        let d = d.clone();
        Callback::from(move |path: String| d.dispatch(Action::Focus(Some(path))))
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
    let v = &props.views;
    html! {
        <div class="module-views">
            <Conflicts resolution={v.resolution.clone()} report={v.report.clone()}
                on_focus={focus_path.clone()} on_diagnostic={show_diagnostic} />
            <GraphView resolution={v.resolution.clone()}
                focus={props.focus.clone().map(AttrValue::from)} on_focus={focus} />
            <BuildList resolution={v.resolution.clone()} marks={v.marks.clone()}
                go_versions={v.go_versions.clone()} on_focus={focus_path} />
            <GoSumView resolution={v.resolution.clone()} gosum={v.gosum.clone()}
                on_goto_line={goto_sum_line} />
            <WhatIfPanel resolution={v.resolution.clone()} result={props.what_if.clone()}
                on_preview={what_if} />
        </div>
    }
}

//! The build list as `go list -m all` shows it, as a table: module, selected version, which
//! versions are required by whom, replacement, direct or indirect, go line, and retracted or
//! deprecated marks. The rows, filtering and sorting come from the core
//! (`gomod::analyze::build_list`); the component only keeps the filter text and sort order as
//! view state.

use std::rc::Rc;

use gomod::analyze::build_list::{filter_rows, rows, sort_rows, GoLines, Marks, Row, SortKey};
use gomod::resolve::Resolution;
use yew::prelude::*;

/// Rows drawn before the user asks for all of them: a kubernetes-sized build list has hundreds of
/// modules, and drawing them all would make every paste slow while only a screenful is seen.
pub const FIRST_ROWS: usize = 50;

#[derive(Properties, PartialEq)]
pub struct BuildListProps {
    pub resolution: Rc<Resolution>,
    /// Retraction and deprecation marks ([`marks_from_report`]).
    #[prop_or_default]
    pub marks: Rc<Vec<Marks>>,
    /// Go lines by module path ([`go_versions`]).
    #[prop_or_default]
    pub go_versions: Rc<GoLines>,
    /// Called with a module path when the user asks to see it in the graph.
    pub on_focus: Callback<String>,
}

#[function_component]
pub fn BuildList(props: &BuildListProps) -> Html {
    let query = use_state(String::new);
    let direct_only = use_state(|| false);
    let sort = use_state(|| (SortKey::ListOrder, false));
    let show_all = use_state_eq(|| false);
    let all = use_memo(
        (
            props.resolution.clone(),
            props.marks.clone(),
            props.go_versions.clone(),
        ),
        |(res, marks, go)| rows(res, marks, go),
    );
    let mut shown = filter_rows(&all, &query, *direct_only);
    sort_rows(&mut shown, sort.0, sort.1);

    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let on_direct = {
        let direct_only = direct_only.clone();
        Callback::from(move |_: Event| direct_only.set(!*direct_only))
    };
    let limit = if *show_all { usize::MAX } else { FIRST_ROWS };
    let on_show_all = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(true))
    };
    let header = |label: &'static str, key: SortKey| {
        let sort = sort.clone();
        let active = sort.0 == key;
        let aria = match (active, sort.1) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        let onclick = {
            let sort = sort.clone();
            Callback::from(move |_: MouseEvent| {
                let descending = sort.0 == key && !sort.1;
                sort.set((key, descending));
            })
        };
        html! {
            <th scope="col" aria-sort={aria}>
                <button type="button" class="sort-button" {onclick}>{ label }</button>
            </th>
        }
    };

    html! {
        <section class="view build-list" role="region" aria-label="Build list">
            <div class="view-toolbar">
                <h2 class="view-title">{ "Build list" }</h2>
                <label class="view-filter">
                    <span class="visually-hidden">{ "Filter modules" }</span>
                    <input type="search" placeholder="Filter modules" value={(*query).clone()} {oninput} />
                </label>
                <label class="view-check">
                    <input type="checkbox" checked={*direct_only} onchange={on_direct} />
                    { "Direct only" }
                </label>
                <span class="view-count" role="status">
                    { format!("{} of {} modules", shown.len(), all.len()) }
                </span>
                <crate::components::graph_export::GraphExport resolution={props.resolution.clone()} kind={crate::components::graph_export::ExportKind::BuildList} />
            </div>
            <div class="table-scroll" tabindex="0">
                <table class="view-table">
                    <thead>
                        <tr>
                            { header("Module", SortKey::Path) }
                            <th scope="col">{ "Version" }</th>
                            { header("Required by", SortKey::Requirers) }
                            <th scope="col">{ "Replacement" }</th>
                            <th scope="col">{ "Kind" }</th>
                            { header("go", SortKey::Go) }
                            <th scope="col">{ "Notes" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for shown.iter().take(limit).map(|r| row_html(r, &props.on_focus)) }
                    </tbody>
                </table>
            </div>
            if shown.len() > limit {
                <div class="view-more">
                    <span>{ format!("Showing the first {limit} of {} modules.", shown.len()) }</span>
                    <button type="button" class="button" onclick={on_show_all}>
                        { format!("Show all {} modules", shown.len()) }
                    </button>
                </div>
            }
        </section>
    }
}

fn row_html(r: &Row, on_focus: &Callback<String>) -> Html {
    let onclick = {
        let path = r.path.clone();
        on_focus.reform(move |_: MouseEvent| path.clone())
    };
    let kind = if r.main {
        "main"
    } else if r.direct {
        "direct"
    } else {
        "indirect"
    };
    html! {
        <tr key={r.path.clone()} class={classes!(r.main.then_some("row-main"))}>
            <th scope="row">
                <button type="button" class="link-button module-name" {onclick}
                    title="Show in the graph">{ r.path.clone() }</button>
            </th>
            <td class="mono">{ r.version.clone() }</td>
            <td class="required-by">
                { for r.required.iter().map(|(who, v)| html! {
                    <div><span class="mono">{ v.clone() }</span>{ " by " }<span class="mono">{ who.clone() }</span></div>
                }) }
            </td>
            <td class="mono">{ r.replacement.clone() }</td>
            <td>{ kind }</td>
            <td class="mono">{ r.go.clone() }</td>
            <td>
                if let Some(why) = &r.retracted {
                    <span class="mark mark-retracted" title={why.clone()}>{ "retracted" }</span>
                }
                if let Some(why) = &r.deprecated {
                    <span class="mark mark-deprecated" title={why.clone()}>{ "deprecated" }</span>
                }
            </td>
        </tr>
    }
}

//! The go.sum view: for every line the graph needs, whether go.sum has it, lacks it or records a
//! different hash; and which go.sum lines nothing needs. The statuses come from the core's
//! [`gomod::analyze::views::sum_rows`]; this component only renders them.

use std::rc::Rc;

use gomod::analyze::views::{sum_rows, SumRow, SumStatus};
use gomod::resolve::Resolution;
use gomod::sum::GoSum;
use yew::prelude::*;

use crate::components::build_list::FIRST_ROWS;

#[derive(Properties, PartialEq)]
pub struct GoSumViewProps {
    pub resolution: Rc<Resolution>,
    /// The go.sum text as the user pasted it (empty when there is none).
    pub gosum: AttrValue,
    /// Called with a 1-based go.sum line number when the user asks to see the line.
    #[prop_or_default]
    pub on_goto_line: Callback<u32>,
}

#[function_component]
pub fn GoSumView(props: &GoSumViewProps) -> Html {
    let rows = use_memo(
        (props.resolution.clone(), props.gosum.clone()),
        |(res, text)| sum_rows(res, &GoSum::parse("go.sum", text.as_bytes())),
    );
    let count = |s: SumStatus| rows.iter().filter(|r| r.status == s).count();
    let mut summary = format!(
        "{} needed, {} missing, {} conflicting, {} unused",
        count(SumStatus::Needed),
        count(SumStatus::Missing),
        count(SumStatus::Conflicting),
        count(SumStatus::Unused),
    );
    let not_checked = count(SumStatus::NotChecked);
    if not_checked > 0 {
        summary.push_str(&format!(", {not_checked} not checked"));
    }
    let unknown = props.resolution.nodes.is_empty();
    // Paged like the build list: a kubernetes go.sum has thousands of lines.
    let show_all = use_state_eq(|| false);
    let limit = if *show_all { usize::MAX } else { FIRST_ROWS };
    let on_show_all = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(true))
    };
    html! {
        <section class="view gosum-view" role="region" aria-label="go.sum lines">
            <div class="view-toolbar">
                <h2 class="view-title">{ "go.sum" }</h2>
                <span class="view-count" role="status">{ summary }</span>
            </div>
            if unknown {
                <p class="view-note">{ "The module graph could not be loaded, so the lines it needs are unknown." }</p>
            }
            <div class="table-scroll" tabindex="0">
                <table class="view-table">
                    <thead>
                        <tr>
                            <th scope="col">{ "Line" }</th>
                            <th scope="col">{ "Module" }</th>
                            <th scope="col">{ "Version" }</th>
                            <th scope="col">{ "Status" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().take(limit).map(|r| sum_row_html(r, &props.on_goto_line)) }
                    </tbody>
                </table>
            </div>
            if rows.len() > limit {
                <div class="view-more">
                    <span>{ format!("Showing the first {limit} of {} lines.", rows.len()) }</span>
                    <button type="button" class="button" onclick={on_show_all}>
                        { format!("Show all {} lines", rows.len()) }
                    </button>
                </div>
            }
        </section>
    }
}

fn sum_row_html(r: &SumRow, on_goto_line: &Callback<u32>) -> Html {
    let line = match r.line {
        Some(n) => {
            let onclick = on_goto_line.reform(move |_: MouseEvent| n);
            html! { <button type="button" class="link-button mono" {onclick}>{ n }</button> }
        }
        None => html! {},
    };
    let status_class = format!("status status-{}", r.status.label().replace(' ', "-"));
    html! {
        <tr>
            <td>{ line }</td>
            <td class="mono">{ r.path.clone() }</td>
            <td class="mono">{ r.version.clone() }</td>
            <td>
                <span class={status_class}>{ r.status.label() }</span>
                if let (SumStatus::Missing | SumStatus::Conflicting, Some(h)) = (r.status, &r.want) {
                    <code class="sum-want">{ format!("{} {} {h}", r.path, r.version) }</code>
                }
            </td>
        </tr>
    }
}

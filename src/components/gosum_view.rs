//! The go.sum view: for every line the graph needs, whether go.sum has it, lacks it or records a
//! different hash; and which go.sum lines nothing needs. The statuses come from [`sum_rows`], a
//! pure function over the resolution's go.sum needs and the parsed go.sum.

use std::rc::Rc;

use gomod::resolve::Resolution;
use gomod::sum::GoSum;
use yew::prelude::*;

use crate::components::build_list::FIRST_ROWS;

/// What go.sum says about one needed (or recorded) hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SumStatus {
    /// Needed and recorded with the right hash (or a hash we cannot recompute).
    Needed,
    /// Needed to load the graph or list the build list, and not in go.sum.
    Missing,
    /// Recorded with a hash different from the one the go.mod bytes give.
    Conflicting,
    /// A module zip hash not in go.sum; needed only once a package of the module is imported.
    MissingIfImported,
    /// In go.sum, but nothing in this graph needs it (`go mod tidy` would remove it).
    Unused,
}

impl SumStatus {
    pub fn label(self) -> &'static str {
        match self {
            SumStatus::Needed => "needed",
            SumStatus::Missing => "missing",
            SumStatus::Conflicting => "conflicting",
            SumStatus::MissingIfImported => "missing if imported",
            SumStatus::Unused => "unused",
        }
    }
}

/// One line of the view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SumRow {
    pub path: String,
    /// The version as go.sum writes it (`v1.2.3` for the zip hash, `v1.2.3/go.mod`).
    pub version: String,
    pub status: SumStatus,
    /// The go.sum line number, when the line is in go.sum.
    pub line: Option<u32>,
    /// The hash the graph needs (the line to add), when it is known.
    pub want: Option<String>,
}

/// The rows: needed `/go.mod` lines (graph, build list, and those `go mod tidy` keeps for the
/// previous Go release), module zip lines, then unused lines in file order.
pub fn sum_rows(res: &Resolution, gosum: &GoSum) -> Vec<SumRow> {
    let mut out = Vec::new();
    // Sorted and searched by bisection below: a vector rather than a hash set, whose hashing
    // and table code this key type would be alone in needing (about 1 KB gzip of wasm).
    let mut used: Vec<(String, String)> = Vec::new();
    let needs = res
        .sums
        .graph
        .iter()
        .chain(&res.sums.build_list)
        .chain(&res.sums.tidy_compat);
    for need in needs {
        let version = format!("{}/go.mod", need.module.version);
        let found = gosum.lookup(&need.module.path, &version);
        let status = match (&need.hash, found.is_empty()) {
            (_, true) => SumStatus::Missing,
            (Some(h), false) if !found.iter().any(|(_, e)| &e.hash == h) => SumStatus::Conflicting,
            _ => SumStatus::Needed,
        };
        out.push(SumRow {
            path: need.module.path.clone(),
            line: found.first().map(|(l, _)| l.number),
            want: need.hash.clone(),
            status,
            version: version.clone(),
        });
        used.push((need.module.path.clone(), version));
    }
    for m in &res.sums.zip_if_imported {
        let found = gosum.lookup(&m.path, &m.version);
        out.push(SumRow {
            path: m.path.clone(),
            version: m.version.clone(),
            status: if found.is_empty() {
                SumStatus::MissingIfImported
            } else {
                SumStatus::Needed
            },
            line: found.first().map(|(l, _)| l.number),
            want: None,
        });
        used.push((m.path.clone(), m.version.clone()));
    }
    gomod::sort::sort(&mut used);
    for (line, e) in gosum.entries() {
        let key = (e.path.as_str(), e.version.as_str());
        if used
            .binary_search_by(|(p, v)| (p.as_str(), v.as_str()).cmp(&key))
            .is_err()
        {
            out.push(SumRow {
                path: e.path.clone(),
                version: e.version.clone(),
                status: SumStatus::Unused,
                line: Some(line.number),
                want: None,
            });
        }
    }
    out
}

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
    let summary = format!(
        "{} needed, {} missing, {} conflicting, {} unused",
        count(SumStatus::Needed),
        count(SumStatus::Missing),
        count(SumStatus::Conflicting),
        count(SumStatus::Unused),
    );
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

//! The module graph as SVG, laid out by the core's layered layout ([`gomod::layout`]).
//!
//! By default it draws the whole graph when it is small and an overview (the main modules and
//! their direct requirements) when it is not; a focused module path shows that path's
//! neighbourhood ([`gomod::layout::focus`]) and a panel saying why its version was selected.
//! Selected, unselected and pruned versions are drawn differently. Zoom with the buttons,
//! Ctrl + wheel or + / - / 0; pan by dragging, scrolling or the arrow keys.
//!
//! The focus itself is the parent's state (so other views can set it); zoom, search text and
//! drag position are this component's view state. [`scene`], [`focus_info`] and
//! [`search_modules`] are pure and tested natively.

use std::cell::RefCell;
use std::rc::Rc;

use gomod::layout::focus::{self, Limits};
use gomod::layout::{layout, Options, Size, Step};
use gomod::resolve::{explain, Resolution};
use gomod::version::semver;
use yew::prelude::*;

/// Approximate advance of one character of the 12 px monospace labels, and box padding.
const CHAR_WIDTH: f64 = 7.3;
const NODE_PADDING: f64 = 16.0;
const NODE_HEIGHT: f64 = 28.0;
/// Empty space around the drawing.
const MARGIN: f64 = 16.0;

/// Whole pixels for SVG attributes. Coordinates are already rounded; printing integers keeps
/// float formatting code out of the wasm binary.
fn px(v: f64) -> i64 {
    v.round() as i64
}

/// One drawn module.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneNode {
    /// `path@version`, or the path of a main module.
    pub label: String,
    pub path: String,
    /// Space-separated CSS classes: `node`, and `node-main`, `node-selected` or
    /// `node-unselected`, plus `node-pruned`, `node-replaced`, `node-error`, `node-focus`.
    pub class: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// One drawn requirement edge.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneEdge {
    /// SVG path data (`M x y L x y C ...`).
    pub d: String,
    /// `edge`, plus `edge-unselected` when it points at a version that lost, `edge-back` when
    /// it closes a cycle.
    pub class: String,
}

/// Everything the SVG shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub nodes: Vec<SceneNode>,
    pub edges: Vec<SceneEdge>,
    pub width: f64,
    pub height: f64,
    /// Modules of the graph not drawn.
    pub hidden: usize,
}

/// Lays out the overview, or the focused path's neighbourhood.
pub fn scene(res: &Resolution, focus_path: Option<&str>, limits: &Limits) -> Scene {
    let sub = match focus_path {
        Some(p) => focus::focused(res, p, limits),
        None => focus::overview(res, limits),
    };
    let mut nodes: Vec<SceneNode> = Vec::with_capacity(sub.nodes.len());
    let mut sizes = Vec::with_capacity(sub.nodes.len());
    for (pos, &i) in sub.nodes.iter().enumerate() {
        let Some(n) = res.nodes.get(i) else { continue };
        let main = n.module.version.is_empty() && res.main_modules.contains(&n.module.path);
        let label = if n.module.version.is_empty() {
            n.module.path.clone()
        } else {
            format!("{}@{}", n.module.path, n.module.version)
        };
        let mut class = String::from("node");
        class.push_str(if main {
            " node-main"
        } else if n.selected {
            " node-selected"
        } else {
            " node-unselected"
        });
        if !main && !n.requirements_loaded {
            class.push_str(" node-pruned");
        }
        if n.replacement.is_some() {
            class.push_str(" node-replaced");
        }
        if n.error.is_some() {
            class.push_str(" node-error");
        }
        if sub.focus == Some(pos) {
            class.push_str(" node-focus");
        }
        let width = (label.chars().count() as f64 * CHAR_WIDTH + NODE_PADDING).round();
        sizes.push(Size {
            width,
            height: NODE_HEIGHT,
        });
        nodes.push(SceneNode {
            path: n.module.path.clone(),
            label,
            class,
            x: 0.0,
            y: 0.0,
            width,
            height: NODE_HEIGHT,
        });
    }
    let drawn = layout(&sizes, &sub.edges, &Options::default());
    for (node, placed) in nodes.iter_mut().zip(&drawn.nodes) {
        node.x = placed.x + MARGIN;
        node.y = placed.y + MARGIN;
    }
    let edges = drawn
        .routes
        .iter()
        .map(|r| {
            // Vertical lines inside layers, smooth curves between them (see gomod::layout::Step).
            let at = |(x, y): (f64, f64)| format!("{} {}", px(x + MARGIN), px(y + MARGIN));
            let mut d = String::new();
            for step in r.smooth_path() {
                let part = match step {
                    Step::MoveTo(p) => format!("M{}", at(p)),
                    Step::LineTo(p) => format!(" L{}", at(p)),
                    Step::CurveTo(c1, c2, p) => format!(" C{} {} {}", at(c1), at(c2), at(p)),
                };
                d.push_str(&part);
            }
            let target_lost = nodes
                .get(r.to)
                .is_some_and(|n| n.class.contains("node-unselected"));
            let mut class = String::from("edge");
            if target_lost {
                class.push_str(" edge-unselected");
            }
            if r.reversed {
                class.push_str(" edge-back");
            }
            SceneEdge { d, class }
        })
        .collect();
    Scene {
        nodes,
        edges,
        width: drawn.width + 2.0 * MARGIN,
        height: drawn.height + 2.0 * MARGIN,
        hidden: sub.hidden,
    }
}

/// The focus panel's content.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FocusInfo {
    pub path: String,
    /// Why the selected version won (or that the path is not in the build list).
    pub verdict: String,
    /// `requirer requires version`, in graph order.
    pub required_by: Vec<String>,
    /// Chains from the main module, `a → b → c`; the shortest first.
    pub chains: Vec<String>,
    pub chains_truncated: bool,
}

/// Explains a module path for the focus panel.
pub fn focus_info(res: &Resolution, path: &str) -> FocusInfo {
    let why = explain(res, path, 8);
    let mut versions: Vec<&str> = why.required_by.iter().map(|(_, v)| v.as_str()).collect();
    gomod::sort::sort_by(&mut versions, |a, b| semver::compare(a, b));
    versions.dedup();
    let replacement = res
        .build_list
        .iter()
        .find(|e| e.module.path == path)
        .and_then(|e| e.replacement.as_ref())
        .map(|r| {
            if r.version.is_empty() {
                format!(" It is replaced by the directory {}.", r.path)
            } else {
                format!(" It is replaced by {r}.")
            }
        })
        .unwrap_or_default();
    let verdict = match &why.selected {
        None => format!("{path} is not in the build list."),
        Some(v) if v.is_empty() => format!("{path} is a main module."),
        Some(v) => {
            let highest = versions.last().copied();
            let reason = match (versions.len(), highest) {
                (0, _) => "no module in the graph requires it; it is a root of the graph.".to_owned(),
                (1, _) => format!(
                    "it is the only version required ({} requirement{}).",
                    why.required_by.len(),
                    if why.required_by.len() == 1 { "" } else { "s" }
                ),
                (_, Some(h)) if h == v => format!(
                    "Minimal Version Selection picks the highest version required, of {}.",
                    versions.join(", ")
                ),
                _ => format!(
                    "it is higher than every version required ({}), so it was set by the main module or a go.work file.",
                    versions.join(", ")
                ),
            };
            format!("{path} {v} is selected: {reason}{replacement}")
        }
    };
    let arrow = |chain: &[gomod::resolve::Mod]| {
        chain
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" → ")
    };
    let mut chains = Vec::new();
    if !why.shortest_chain.is_empty() {
        chains.push(arrow(&why.shortest_chain));
    }
    for c in &why.chains {
        let text = arrow(c);
        if !chains.contains(&text) {
            chains.push(text);
        }
    }
    FocusInfo {
        path: path.to_owned(),
        verdict,
        required_by: why
            .required_by
            .iter()
            .map(|(from, v)| format!("{from} requires {v}"))
            .collect(),
        chains,
        chains_truncated: why.chains_truncated,
    }
}

/// Module paths of the build list containing `query` (case-insensitive), at most `limit`, the
/// paths that start with it first.
pub fn search_modules(res: &Resolution, query: &str, limit: usize) -> Vec<String> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(bool, &str)> = res
        .build_list
        .iter()
        .map(|e| e.module.path.as_str())
        .filter_map(|p| {
            let lower = p.to_lowercase();
            lower.contains(&q).then_some((!lower.starts_with(&q), p))
        })
        .collect();
    gomod::sort::sort(&mut hits);
    hits.dedup();
    hits.into_iter()
        .take(limit)
        .map(|(_, p)| p.to_owned())
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct GraphViewProps {
    pub resolution: Rc<Resolution>,
    /// The focused module path, if any.
    #[prop_or_default]
    pub focus: Option<AttrValue>,
    /// Called with a module path to focus, or `None` to go back to the overview.
    pub on_focus: Callback<Option<String>>,
}

/// Where a drag started: pointer position and scroll offsets.
#[derive(Clone, Copy, Default)]
struct Drag {
    active: bool,
    x: i32,
    y: i32,
    left: i32,
    top: i32,
}

/// Zoom levels in percent.
const ZOOM_STEPS: [u32; 9] = [25, 40, 55, 70, 85, 100, 125, 150, 200];
const ZOOM_DEFAULT: usize = 5;

#[function_component]
pub fn GraphView(props: &GraphViewProps) -> Html {
    let zoom = use_state(|| ZOOM_DEFAULT);
    let query = use_state(String::new);
    let drag = use_mut_ref(Drag::default);
    let canvas = use_node_ref();
    let focus_path: Option<String> = props.focus.as_ref().map(|f| f.to_string());
    let drawing = use_memo(
        (props.resolution.clone(), focus_path.clone()),
        |(res, focus)| scene(res, focus.as_deref(), &Limits::default()),
    );
    let info = use_memo(
        (props.resolution.clone(), focus_path.clone()),
        |(res, focus)| focus.as_deref().map(|p| focus_info(res, p)),
    );
    let percent = ZOOM_STEPS.get(*zoom).copied().unwrap_or(100);
    let scale = f64::from(percent) / 100.0;

    // A new drawing opens on its focused module, or on the main module: in a wide overview
    // (kubernetes' sixty direct requirements make one row thousands of pixels wide) the
    // canvas would otherwise open on whichever requirement happens to be leftmost.
    {
        let canvas = canvas.clone();
        use_effect_with(drawing.clone(), move |drawing| {
            let anchor = drawing
                .nodes
                .iter()
                .find(|n| n.class.contains("node-focus"))
                .or_else(|| drawing.nodes.iter().find(|n| n.class.contains("node-main")));
            if let (Some(n), Some(el)) = (anchor, canvas.cast::<web_sys::HtmlElement>()) {
                let pixels = |v: f64| i32::try_from(px(v).max(0)).unwrap_or(i32::MAX);
                let center = (n.x + n.width / 2.0) * scale;
                el.set_scroll_left(pixels(center - f64::from(el.client_width()) / 2.0));
                el.set_scroll_top(pixels(n.y * scale - MARGIN));
            }
        });
    }

    let set_zoom = |step: isize| {
        let zoom = zoom.clone();
        move || {
            let next = if step == 0 {
                ZOOM_DEFAULT
            } else {
                zoom.saturating_add_signed(step).min(ZOOM_STEPS.len() - 1)
            };
            zoom.set(next);
        }
    };
    let zoom_in = set_zoom(1);
    let zoom_out = set_zoom(-1);
    let zoom_reset = set_zoom(0);
    let onkeydown = {
        let (zoom_in, zoom_out, zoom_reset) =
            (zoom_in.clone(), zoom_out.clone(), zoom_reset.clone());
        let on_focus = props.on_focus.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "+" | "=" => {
                e.prevent_default();
                zoom_in();
            }
            "-" => {
                e.prevent_default();
                zoom_out();
            }
            "0" => {
                e.prevent_default();
                zoom_reset();
            }
            "Escape" => on_focus.emit(None),
            _ => {}
        })
    };
    let onwheel = {
        let (zoom_in, zoom_out) = (zoom_in.clone(), zoom_out.clone());
        Callback::from(move |e: WheelEvent| {
            if e.ctrl_key() || e.meta_key() {
                e.prevent_default();
                if e.delta_y() < 0.0 {
                    zoom_in();
                } else {
                    zoom_out();
                }
            }
        })
    };
    let onmousedown = {
        let (drag, canvas) = (drag.clone(), canvas.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(el) = canvas.cast::<web_sys::Element>() {
                *drag.borrow_mut() = Drag {
                    active: e.button() == 0,
                    x: e.client_x(),
                    y: e.client_y(),
                    left: el.scroll_left(),
                    top: el.scroll_top(),
                };
            }
        })
    };
    let onmousemove = {
        let (drag, canvas) = (drag.clone(), canvas.clone());
        Callback::from(move |e: MouseEvent| {
            let d = *drag.borrow();
            if !d.active {
                return;
            }
            if let Some(el) = canvas.cast::<web_sys::Element>() {
                el.set_scroll_left(d.left.saturating_sub(e.client_x().saturating_sub(d.x)));
                el.set_scroll_top(d.top.saturating_sub(e.client_y().saturating_sub(d.y)));
            }
        })
    };
    let stop_drag = {
        let drag: Rc<RefCell<Drag>> = drag.clone();
        Callback::from(move |_: MouseEvent| drag.borrow_mut().active = false)
    };

    let matches = search_modules(&props.resolution, &query, 8);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let onsubmit = {
        let (on_focus, first) = (props.on_focus.clone(), matches.first().cloned());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(p) = &first {
                on_focus.emit(Some(p.clone()));
            }
        })
    };
    let clear = props.on_focus.reform(|_: MouseEvent| None);
    let button = |label: &'static str, title: &'static str, act: Rc<dyn Fn()>| {
        let onclick = Callback::from(move |_: MouseEvent| act());
        html! { <button type="button" class="button button-small" aria-label={title} {title} {onclick}>{ label }</button> }
    };
    let total_shown = drawing.nodes.len();
    let status = if drawing.hidden == 0 {
        format!("{total_shown} modules")
    } else {
        format!(
            "Showing {total_shown} of {} modules; click a module or search to focus",
            total_shown + drawing.hidden
        )
    };

    html! {
        <section class="view graph-view" role="region" aria-label="Graph">
            <div class="view-toolbar">
                <h2 class="view-title">{ "Graph" }</h2>
                <form class="graph-search" role="search" {onsubmit}>
                    <label>
                        <span class="visually-hidden">{ "Search modules" }</span>
                        <input type="search" placeholder="Search modules" value={(*query).clone()} {oninput} />
                    </label>
                </form>
                { button("−", "Zoom out", Rc::new(zoom_out)) }
                <span class="graph-zoom" aria-live="polite">{ format!("{percent}%") }</span>
                { button("+", "Zoom in", Rc::new(zoom_in)) }
                { button("Reset", "Reset zoom", Rc::new(zoom_reset)) }
                if focus_path.is_some() {
                    <button type="button" class="button button-small" onclick={clear.clone()}>{ "Overview" }</button>
                }
                <span class="view-count" role="status">{ status }</span>
            </div>
            if !matches.is_empty() {
                <ul class="graph-matches" aria-label="Matching modules">
                    { for matches.iter().map(|p| {
                        let path = p.clone();
                        let onclick = props.on_focus.reform(move |_: MouseEvent| Some(path.clone()));
                        html! { <li><button type="button" class="link-button mono" {onclick}>{ p.clone() }</button></li> }
                    }) }
                </ul>
            }
            <div class="graph-body">
                <div class="graph-canvas" ref={canvas} tabindex="0" aria-label="Module graph drawing"
                    {onkeydown} {onwheel} {onmousedown} {onmousemove}
                    onmouseup={stop_drag.clone()} onmouseleave={stop_drag}>
                    { svg_html(&drawing, scale, &props.on_focus) }
                </div>
                { for info.as_ref().as_ref().map(|i| focus_panel(i, &clear)) }
            </div>
        </section>
    }
}

fn svg_html(s: &Scene, scale: f64, on_focus: &Callback<Option<String>>) -> Html {
    let width = (s.width * scale).round().max(1.0);
    let height = (s.height * scale).round().max(1.0);
    html! {
        <svg class="graph-svg" xmlns="http://www.w3.org/2000/svg" role="img"
            aria-label={format!("Module graph with {} modules", s.nodes.len())}
            width={px(width).to_string()} height={px(height).to_string()}
            viewBox={format!("0 0 {} {}", px(s.width), px(s.height))}>
            <defs>
                <marker id="graph-arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7"
                    markerHeight="7" orient="auto-start-reverse">
                    <path d="M0 0 L8 4 L0 8 z" class="edge-arrow" />
                </marker>
            </defs>
            <g class="edges">
                { for s.edges.iter().map(|e| html! {
                    <path d={e.d.clone()} class={e.class.clone()} marker-end="url(#graph-arrow)" />
                }) }
            </g>
            <g class="nodes">
                { for s.nodes.iter().map(|n| node_html(n, on_focus)) }
            </g>
        </svg>
    }
}

fn node_html(n: &SceneNode, on_focus: &Callback<Option<String>>) -> Html {
    let onclick = {
        let path = n.path.clone();
        on_focus.reform(move |_: MouseEvent| Some(path.clone()))
    };
    let onkeydown = {
        let (path, on_focus) = (n.path.clone(), on_focus.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                on_focus.emit(Some(path.clone()));
            }
        })
    };
    html! {
        <g class={n.class.clone()} transform={format!("translate({} {})", px(n.x), px(n.y))}
            tabindex="0" role="button" aria-label={n.label.clone()} {onclick} {onkeydown}>
            <rect width={px(n.width).to_string()} height={px(n.height).to_string()} rx="5" />
            <text x={px(n.width / 2.0).to_string()} y={px(n.height / 2.0).to_string()}
                text-anchor="middle" dominant-baseline="central">{ n.label.clone() }</text>
        </g>
    }
}

fn focus_panel(info: &FocusInfo, clear: &Callback<MouseEvent>) -> Html {
    html! {
        <aside class="graph-focus" aria-label="Focused module">
            <h3 class="focus-title mono">{ info.path.clone() }</h3>
            <p class="focus-verdict">{ info.verdict.clone() }</p>
            if !info.required_by.is_empty() {
                <h4>{ "Required by" }</h4>
                <ul class="focus-list">
                    { for info.required_by.iter().map(|r| html! { <li class="mono">{ r.clone() }</li> }) }
                </ul>
            }
            if !info.chains.is_empty() {
                <h4>{ "Chains from the main module" }</h4>
                <ul class="focus-list">
                    { for info.chains.iter().map(|c| html! { <li class="mono">{ c.clone() }</li> }) }
                    if info.chains_truncated {
                        <li>{ "…and more" }</li>
                    }
                </ul>
            }
            <button type="button" class="button button-small" onclick={clear.clone()}>{ "Back to overview" }</button>
        </aside>
    }
}

//! The module graph as SVG, laid out by the core's layered layout ([`gomod::layout`]).
//!
//! By default it draws the whole graph when it is small and an overview (the main modules and
//! their direct requirements) when it is not; a focused module path shows that path's
//! neighbourhood ([`gomod::layout::focused`]) and a panel saying why its version was selected.
//! Selected, unselected and pruned versions are drawn differently, and the edges of the focused
//! module's why-chains are highlighted. Zoom with the buttons, Ctrl + wheel, a two-finger pinch
//! or + / - / 0; pan by dragging (mouse, pen or finger: pointer events), the wheel or the arrow
//! keys while the canvas has the focus. Beside the drawing, the requirement tree
//! ([`super::requirement_tree`]) shows the whole graph as a WAI-ARIA tree. "Search modules"
//! highlights the matching nodes (and dims the rest), narrows the tree to the chains leading to
//! them, and Enter moves the keyboard focus to the first match.
//!
//! Keyboard and assistive technology: the drawing is a `group` of `button`s with one tab stop
//! (the arrow keys move between the nodes in reading order, Enter and Space select); selecting a
//! module redraws the graph around it and moves the focus to its new node, never to the page's
//! body.
//!
//! The focus itself is the parent's state (so other views can set it); the viewport, search
//! text and gestures are this component's view state. [`scene`], [`focus_info`] and
//! [`search_modules`] are pure and tested natively.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use gomod::analyze::views::why_chain_edges;
use gomod::analyze::views::{matches_query, requirement_tree};
use gomod::layout::{self as focus, Limits};
use gomod::layout::{layout, Options, Size, Step};
use gomod::modfile::ModuleVersion;
use gomod::resolve::{explain, Resolution};
use gomod::version::semver;
use web_sys::wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::requirement_tree::RequirementTreeView;

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
    /// Empty for a main module.
    pub version: String,
    /// Space-separated CSS classes: `node`, and `node-main`, `node-selected` or
    /// `node-unselected`, plus `node-pruned`, `node-replaced`, `node-error`, `node-focus`.
    pub class: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl SceneNode {
    /// The module version it draws.
    pub fn module(&self) -> ModuleVersion {
        ModuleVersion::new(self.path.clone(), self.version.clone())
    }
}

/// One drawn requirement edge.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneEdge {
    /// SVG path data (`M x y L x y C ...`).
    pub d: String,
    /// `edge`, plus `edge-unselected` when it points at a version that lost, `edge-back` when
    /// it closes a cycle.
    pub class: String,
    /// The positions in [`Scene::nodes`] of the requirer and the requirement.
    pub from: usize,
    pub to: usize,
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
            version: n.module.version.clone(),
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
            SceneEdge {
                d,
                class,
                from: r.from,
                to: r.to,
            }
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
    let arrow = |chain: &[gomod::modfile::ModuleVersion]| {
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

/// The drawing's placement in the canvas: `translate(x y) scale(scale)` of the picture.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Viewport {
    scale: f64,
    x: f64,
    y: f64,
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport {
            scale: 1.0,
            x: 0.0,
            y: 0.0,
        }
    }
}

impl Viewport {
    /// Scales by `factor` around the canvas point (`cx`, `cy`), which stays where it is.
    fn zoom_at(&mut self, factor: f64, cx: f64, cy: f64) {
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let ratio = scale / self.scale;
        self.x = cx - (cx - self.x) * ratio;
        self.y = cy - (cy - self.y) * ratio;
        self.scale = scale;
    }

    /// The SVG `transform` of the picture (rounded: integers keep float formatting small).
    fn transform(&self) -> String {
        format!(
            "translate({} {}) scale({}.{:03})",
            px(self.x),
            px(self.y),
            px(self.scale.trunc()),
            px(self.scale.fract() * 1000.0).clamp(0, 999)
        )
    }
}

/// One zoom step (keys, buttons, one wheel notch with Ctrl) and the zoom's bounds.
const ZOOM_STEP: f64 = 1.25;
const MIN_SCALE: f64 = 0.1;
const MAX_SCALE: f64 = 4.0;
/// How far an arrow key pans, in canvas pixels.
const PAN_STEP: f64 = 40.0;
/// A pointer that moves less than this between press and release clicked; further, it drags.
const DRAG_THRESHOLD: f64 = 4.0;

/// The pointers pressed on the canvas (one drags, two pinch), and the drag or pinch in progress.
#[derive(Default)]
struct Gesture {
    /// Pointer id and its latest position.
    pointers: Vec<(i32, f64, f64)>,
    /// The viewport and pointer position (or pinch centre and distance) when the gesture began.
    start: Option<(Viewport, f64, f64, f64)>,
    dragging: bool,
}

impl Gesture {
    fn centre_and_distance(&self) -> (f64, f64, f64) {
        match self.pointers.as_slice() {
            [(_, x1, y1), (_, x2, y2), ..] => (
                (x1 + x2) / 2.0,
                (y1 + y2) / 2.0,
                ((x1 - x2).powi(2) + (y1 - y2).powi(2)).sqrt(),
            ),
            [(_, x, y)] => (*x, *y, 0.0),
            [] => (0.0, 0.0, 0.0),
        }
    }

    fn restart(&mut self, view: Viewport) {
        let (x, y, d) = self.centre_and_distance();
        self.start = (!self.pointers.is_empty()).then_some((view, x, y, d));
    }
}

/// A pointer's position relative to the canvas.
fn canvas_point(canvas: &NodeRef, e: &MouseEvent) -> (f64, f64) {
    match canvas.cast::<web_sys::Element>() {
        Some(el) => {
            let r = el.get_bounding_client_rect();
            (
                f64::from(e.client_x()) - r.left(),
                f64::from(e.client_y()) - r.top(),
            )
        }
        None => (f64::from(e.client_x()), f64::from(e.client_y())),
    }
}

/// The canvas's size in pixels.
fn canvas_size(canvas: &NodeRef) -> (f64, f64) {
    canvas
        .cast::<web_sys::Element>()
        .map(|el| (f64::from(el.client_width()), f64::from(el.client_height())))
        .unwrap_or((800.0, 500.0))
}

/// Focuses the drawn node labelled `label` without the browser scrolling anything.
fn focus_node(canvas: &NodeRef, label: &str) -> bool {
    let Some(el) = canvas.cast::<web_sys::Element>() else {
        return false;
    };
    let nodes = el.get_elements_by_class_name("node");
    for i in 0..nodes.length() {
        let Some(node) = nodes.item(i) else { continue };
        if node.get_attribute("aria-label").as_deref() == Some(label) {
            if let Ok(node) = node.dyn_into::<web_sys::SvgElement>() {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = node.focus_with_options(&options);
                return true;
            }
        }
    }
    false
}

/// The viewport that shows node `n` (keeping the zoom): unchanged when it is already inside
/// the canvas, otherwise centred on it.
fn reveal(view: Viewport, n: &SceneNode, (width, height): (f64, f64)) -> Viewport {
    let left = n.x * view.scale + view.x;
    let top = n.y * view.scale + view.y;
    let inside = left >= 0.0
        && top >= 0.0
        && left + n.width * view.scale <= width
        && top + n.height * view.scale <= height;
    if inside {
        return view;
    }
    Viewport {
        x: width / 2.0 - (n.x + n.width / 2.0) * view.scale,
        y: height / 2.0 - (n.y + n.height / 2.0) * view.scale,
        ..view
    }
}

/// The node a drawing opens on: its focused module, else the main module.
fn anchor(drawing: &Scene) -> Option<&SceneNode> {
    drawing
        .nodes
        .iter()
        .find(|n| n.class.contains("node-focus"))
        .or_else(|| drawing.nodes.iter().find(|n| n.class.contains("node-main")))
}

/// The viewport a drawing opens with at `scale` in a canvas of `(width, height)`: a focused
/// module in the middle (its requirers are above it), the overview's main module at the top.
/// Along an axis where the whole drawing fits, it is centred instead, and where it does not, it
/// never scrolls past its own edges: centring on a module near the side of a small graph cut
/// off the modules beside it and left half the canvas empty.
fn opening_view(drawing: &Scene, scale: f64, (width, height): (f64, f64)) -> Viewport {
    let Some(n) = anchor(drawing) else {
        return Viewport {
            scale,
            ..Viewport::default()
        };
    };
    let x = fit(
        width / 2.0 - (n.x + n.width / 2.0) * scale,
        drawing.width * scale,
        width,
    );
    let y = if n.class.contains("node-focus") {
        fit(
            height / 2.0 - (n.y + n.height / 2.0) * scale,
            drawing.height * scale,
            height,
        )
    } else {
        MARGIN - (n.y - MARGIN) * scale
    };
    Viewport { scale, x, y }
}

/// The offset along one axis for content `content` long in a viewport `viewport` long, that
/// would be `anchored` to show the anchor: centred when the content fits, otherwise the
/// anchored offset moved just enough that no empty space shows beyond the content's ends.
fn fit(anchored: f64, content: f64, viewport: f64) -> f64 {
    if content <= viewport {
        ((viewport - content) / 2.0).round()
    } else {
        anchored.clamp(viewport - content, 0.0)
    }
}

/// The order the arrow keys move through the nodes: top to bottom, left to right.
fn reading_order(s: &Scene) -> Vec<usize> {
    let mut order: Vec<usize> = (0..s.nodes.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&s.nodes[a], &s.nodes[b]);
        (px(a.y), px(a.x)).cmp(&(px(b.y), px(b.x)))
    });
    order
}

#[function_component]
pub fn GraphView(props: &GraphViewProps) -> Html {
    let view = use_mut_ref(Viewport::default);
    let redraw = use_force_update();
    let query = use_state(String::new);
    let show_tree = use_state(|| true);
    let gesture = use_mut_ref(Gesture::default);
    // The label of the node that holds the graph's one tab stop, and whether the next drawing
    // should take the keyboard focus (a node was selected with the keyboard or a click: the
    // drawing is replaced, and focus must not fall to the page's body).
    let active = use_state(|| None::<String>);
    let refocus = use_mut_ref(|| false);
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
    let chain_edges = use_memo(
        (props.resolution.clone(), focus_path.clone()),
        |(res, focus)| {
            focus
                .as_deref()
                .map(|p| why_chain_edges(res, p, 8))
                .unwrap_or_default()
        },
    );
    let tree = use_memo(props.resolution.clone(), |res| requirement_tree(res));
    let order = use_memo(drawing.clone(), |d| reading_order(d));

    // A new drawing opens on its focused module, or on the main module: in a wide overview
    // (kubernetes' sixty direct requirements make one row thousands of pixels wide) the canvas
    // would otherwise open on whichever requirement happens to be leftmost. When a node was
    // just selected, the keyboard focus moves to the focused module's node.
    {
        let (canvas, view, redraw, refocus, active) = (
            canvas.clone(),
            view.clone(),
            redraw.clone(),
            refocus.clone(),
            active.clone(),
        );
        use_effect_with(drawing.clone(), move |drawing| {
            if let Some(n) = anchor(drawing) {
                let scale = view.borrow().scale;
                *view.borrow_mut() = opening_view(drawing, scale, canvas_size(&canvas));
                active.set(Some(n.label.clone()));
                if std::mem::take(&mut *refocus.borrow_mut()) {
                    focus_node(&canvas, &n.label);
                }
                redraw.force_update();
            }
        });
    }

    let zoom_by = {
        let (view, redraw, canvas) = (view.clone(), redraw.clone(), canvas.clone());
        move |factor: f64| {
            let (w, h) = canvas_size(&canvas);
            view.borrow_mut().zoom_at(factor, w / 2.0, h / 2.0);
            redraw.force_update();
        }
    };
    let zoom_reset = {
        let (view, redraw, drawing, canvas) = (
            view.clone(),
            redraw.clone(),
            drawing.clone(),
            canvas.clone(),
        );
        move || {
            *view.borrow_mut() = opening_view(&drawing, 1.0, canvas_size(&canvas));
            redraw.force_update();
        }
    };
    let pan_by = {
        let (view, redraw) = (view.clone(), redraw.clone());
        move |dx: f64, dy: f64| {
            let mut v = view.borrow_mut();
            v.x += dx;
            v.y += dy;
            drop(v);
            redraw.force_update();
        }
    };
    let onkeydown = {
        let (zoom_by, zoom_reset, pan_by) = (zoom_by.clone(), zoom_reset.clone(), pan_by.clone());
        let (on_focus, canvas, refocus) = (props.on_focus.clone(), canvas.clone(), refocus.clone());
        let focused = focus_path.is_some();
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.alt_key() || e.meta_key() {
                return;
            }
            // The arrow keys pan when the canvas itself has the focus; on a node they move
            // between nodes (the node's own handler).
            let on_canvas = match (e.target(), canvas.get()) {
                (Some(t), Some(c)) => {
                    let c: &web_sys::EventTarget = c.as_ref();
                    &t == c
                }
                _ => false,
            };
            let pan = |dx: f64, dy: f64| {
                if on_canvas {
                    e.prevent_default();
                    pan_by(dx, dy);
                }
            };
            match e.key().as_str() {
                "+" | "=" => {
                    e.prevent_default();
                    zoom_by(ZOOM_STEP);
                }
                "-" | "_" => {
                    e.prevent_default();
                    zoom_by(1.0 / ZOOM_STEP);
                }
                "0" => {
                    e.prevent_default();
                    zoom_reset();
                }
                "ArrowLeft" => pan(PAN_STEP, 0.0),
                "ArrowRight" => pan(-PAN_STEP, 0.0),
                "ArrowUp" => pan(0.0, PAN_STEP),
                "ArrowDown" => pan(0.0, -PAN_STEP),
                "Escape" if focused => {
                    // The focused node may not be in the overview: its main module takes the focus.
                    *refocus.borrow_mut() = true;
                    on_focus.emit(None);
                }
                _ => {}
            }
        })
    };
    // The wheel pans the picture; with Ctrl (a pinch on a touchpad) or Cmd it zooms around the
    // pointer.
    let onwheel = {
        let (view, redraw, canvas, pan_by) =
            (view.clone(), redraw.clone(), canvas.clone(), pan_by.clone());
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            if e.ctrl_key() || e.meta_key() {
                let (x, y) = canvas_point(&canvas, &e);
                let factor = if e.delta_y() < 0.0 {
                    ZOOM_STEP
                } else {
                    1.0 / ZOOM_STEP
                };
                view.borrow_mut().zoom_at(factor, x, y);
                redraw.force_update();
            } else {
                pan_by(-e.delta_x(), -e.delta_y());
            }
        })
    };
    // Pointer events: a mouse, a pen or one finger drags the picture, two fingers pinch-zoom.
    // A press that does not move is left alone, so that it clicks the node under it.
    let onpointerdown = {
        let (gesture, view, canvas) = (gesture.clone(), view.clone(), canvas.clone());
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "mouse" && e.button() != 0 {
                return;
            }
            let (x, y) = canvas_point(&canvas, &e);
            let mut g = gesture.borrow_mut();
            g.pointers.retain(|(id, _, _)| *id != e.pointer_id());
            g.pointers.push((e.pointer_id(), x, y));
            let v = *view.borrow();
            g.restart(v);
            if g.pointers.len() > 1 {
                g.dragging = true;
            }
        })
    };
    let onpointermove = {
        let (gesture, view, redraw, canvas) = (
            gesture.clone(),
            view.clone(),
            redraw.clone(),
            canvas.clone(),
        );
        Callback::from(move |e: PointerEvent| {
            let (x, y) = canvas_point(&canvas, &e);
            let mut g = gesture.borrow_mut();
            let Some(p) = g
                .pointers
                .iter_mut()
                .find(|(id, _, _)| *id == e.pointer_id())
            else {
                return;
            };
            *p = (e.pointer_id(), x, y);
            let Some((start, sx, sy, sd)) = g.start else {
                return;
            };
            let (cx, cy, d) = g.centre_and_distance();
            if !g.dragging {
                if (cx - sx).hypot(cy - sy) < DRAG_THRESHOLD {
                    return;
                }
                g.dragging = true;
                // From now on the canvas gets this pointer's events, wherever it goes.
                if let Some(el) = canvas.cast::<web_sys::Element>() {
                    let _ = el.set_pointer_capture(e.pointer_id());
                }
            }
            let mut next = Viewport {
                x: start.x + cx - sx,
                y: start.y + cy - sy,
                ..start
            };
            if g.pointers.len() > 1 && sd > 0.0 {
                next.zoom_at(d / sd, cx, cy);
            }
            *view.borrow_mut() = next;
            redraw.force_update();
        })
    };
    let onpointerup = {
        let (gesture, view) = (gesture.clone(), view.clone());
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            g.pointers.retain(|(id, _, _)| *id != e.pointer_id());
            let v = *view.borrow();
            g.restart(v);
            if g.pointers.is_empty() {
                g.dragging = false;
            }
        })
    };

    let matches = search_modules(&props.resolution, &query, 8);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    // Enter in the search field moves the keyboard focus to the first matching node drawn; when
    // none is drawn, the first matching module is focused in the graph and its node takes the
    // keyboard focus once drawn.
    let onsubmit = {
        let (on_focus, first) = (props.on_focus.clone(), matches.first().cloned());
        let reading = order.clone();
        let (drawing, canvas, query, view, redraw, active, refocus) = (
            drawing.clone(),
            canvas.clone(),
            query.clone(),
            view.clone(),
            redraw.clone(),
            active.clone(),
            refocus.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let drawn = reading
                .iter()
                .filter_map(|&i| drawing.nodes.get(i))
                .find(|n| matches_query(&n.path, &query));
            if let Some(n) = drawn {
                let next = reveal(*view.borrow(), n, canvas_size(&canvas));
                *view.borrow_mut() = next;
                active.set(Some(n.label.clone()));
                redraw.force_update();
                focus_node(&canvas, &n.label);
            } else if let Some(p) = &first {
                *refocus.borrow_mut() = true;
                on_focus.emit(Some(p.clone()));
            }
        })
    };
    let select = {
        let (on_focus, refocus, current) =
            (props.on_focus.clone(), refocus.clone(), focus_path.clone());
        Callback::from(move |path: String| {
            // Choosing the module already focused redraws nothing: its node keeps the focus.
            if current.as_deref() != Some(path.as_str()) {
                *refocus.borrow_mut() = true;
            }
            on_focus.emit(Some(path));
        })
    };
    // "Overview" and "Back to overview" disappear with the focus they clear: the keyboard focus
    // moves to the main module's node instead of falling to the page's body.
    let clear = {
        let (on_focus, refocus) = (props.on_focus.clone(), refocus.clone());
        Callback::from(move |_: MouseEvent| {
            *refocus.borrow_mut() = true;
            on_focus.emit(None);
        })
    };
    // A row chosen in the tree keeps the keyboard focus in the tree.
    let select_in_tree = props.on_focus.reform(Some);
    let button = |label: &'static str, title: &'static str, act: Rc<dyn Fn()>| {
        let onclick = Callback::from(move |_: MouseEvent| act());
        html! { <button type="button" class="button button-small" aria-label={title} {title} {onclick}>{ label }</button> }
    };
    let toggle_tree = {
        let show_tree = show_tree.clone();
        Callback::from(move |_: MouseEvent| show_tree.set(!*show_tree))
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
    let current = *view.borrow();
    let percent = px(current.scale * 100.0);
    let tab_stop = active
        .as_ref()
        .filter(|l| drawing.nodes.iter().any(|n| &n.label == *l))
        .cloned()
        .or_else(|| {
            order
                .first()
                .and_then(|&i| drawing.nodes.get(i))
                .map(|n| n.label.clone())
        });
    let nodes = NodeContext {
        order: order.clone(),
        drawing: drawing.clone(),
        canvas: canvas.clone(),
        view: view.clone(),
        redraw: redraw.clone(),
        active: active.clone(),
        select: select.clone(),
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
                { button("−", "Zoom out", Rc::new({ let z = zoom_by.clone(); move || z(1.0 / ZOOM_STEP) })) }
                <span class="graph-zoom" aria-live="polite">{ format!("{percent}%") }</span>
                { button("+", "Zoom in", Rc::new(move || zoom_by(ZOOM_STEP))) }
                { button("Reset", "Reset zoom", Rc::new(zoom_reset)) }
                <button type="button" class="button button-small" aria-pressed={(*show_tree).to_string()}
                    onclick={toggle_tree}>{ "Tree" }</button>
                if focus_path.is_some() {
                    <button type="button" class="button button-small" onclick={clear.clone()}>{ "Overview" }</button>
                }
                <span class="view-count" role="status">{ status }</span>
                <crate::components::graph_export::GraphExport resolution={props.resolution.clone()} kind={crate::components::graph_export::ExportKind::Graph} />
            </div>
            if !matches.is_empty() {
                <ul class="graph-matches" aria-label="Matching modules">
                    { for matches.iter().map(|p| {
                        let path = p.clone();
                        let select = select.clone();
                        let onclick = Callback::from(move |_: MouseEvent| select.emit(path.clone()));
                        html! { <li><button type="button" class="link-button mono" {onclick}>{ p.clone() }</button></li> }
                    }) }
                </ul>
            }
            <div class="graph-body">
                if *show_tree {
                    <div class="graph-tree">
                        <RequirementTreeView tree={tree.clone()} query={AttrValue::from((*query).clone())}
                            selected={focus_path.clone().map(AttrValue::from)} on_select={select_in_tree} />
                    </div>
                }
                <div class="graph-canvas" ref={canvas} tabindex="0" role="group"
                    aria-label="Module graph drawing: arrow keys pan, + and − zoom, 0 resets; Tab reaches the modules"
                    {onkeydown} {onwheel} {onpointerdown} {onpointermove}
                    onpointerup={onpointerup.clone()} onpointercancel={onpointerup}>
                    { svg_html(&drawing, &current, &query, &chain_edges, tab_stop.as_deref(), &nodes) }
                </div>
                // One node whether shown or not (an `if`, not a `for`): Yew matches unkeyed
                // children from the end, so a child appearing at the end would otherwise
                // re-create the tree and the canvas, and drop the keyboard focus to the body.
                if let Some(i) = (*info).as_ref() {
                    { focus_panel(i, &clear) }
                }
            </div>
        </section>
    }
}

/// What a drawn node's handlers need.
#[derive(Clone)]
struct NodeContext {
    order: Rc<Vec<usize>>,
    drawing: Rc<Scene>,
    canvas: NodeRef,
    view: Rc<RefCell<Viewport>>,
    redraw: UseForceUpdateHandle,
    active: UseStateHandle<Option<String>>,
    select: Callback<String>,
}

impl NodeContext {
    /// Moves the tab stop and the keyboard focus to the node at `index` of the reading order,
    /// panning it into view.
    fn move_to(&self, index: usize) {
        let Some(n) = self
            .order
            .get(index)
            .and_then(|&i| self.drawing.nodes.get(i))
        else {
            return;
        };
        let next = reveal(*self.view.borrow(), n, canvas_size(&self.canvas));
        *self.view.borrow_mut() = next;
        self.active.set(Some(n.label.clone()));
        self.redraw.force_update();
        focus_node(&self.canvas, &n.label);
    }
}

fn svg_html(
    s: &Scene,
    view: &Viewport,
    query: &str,
    chain_edges: &BTreeSet<(ModuleVersion, ModuleVersion)>,
    tab_stop: Option<&str>,
    ctx: &NodeContext,
) -> Html {
    let on_chain = |e: &SceneEdge| match (s.nodes.get(e.from), s.nodes.get(e.to)) {
        (Some(a), Some(b)) => chain_edges.contains(&(a.module(), b.module())),
        _ => false,
    };
    // The chains' edges are drawn last, over the others.
    let (chain, plain): (Vec<&SceneEdge>, Vec<&SceneEdge>) =
        s.edges.iter().partition(|e| on_chain(e));
    let searching = !query.trim().is_empty();
    html! {
        // A group, not an image: an image's content is hidden from assistive technology, and
        // this one holds the focusable module nodes (axe: nested-interactive).
        <svg class="graph-svg" xmlns="http://www.w3.org/2000/svg" role="group"
            aria-label={format!("Module graph with {} modules", s.nodes.len())}
            width="100%" height="100%">
            <defs>
                <marker id="graph-arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7"
                    markerHeight="7" orient="auto-start-reverse">
                    <path d="M0 0 L8 4 L0 8 z" class="edge-arrow" />
                </marker>
                <marker id="graph-arrow-chain" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7"
                    markerHeight="7" orient="auto-start-reverse">
                    <path d="M0 0 L8 4 L0 8 z" class="edge-arrow-chain" />
                </marker>
            </defs>
            <g class="graph-viewport" transform={view.transform()}>
                <g class="edges" aria-hidden="true">
                    { for plain.iter().map(|e| html! {
                        <path d={e.d.clone()} class={e.class.clone()} marker-end="url(#graph-arrow)" />
                    }) }
                    { for chain.iter().map(|e| html! {
                        <path d={e.d.clone()} class={format!("{} edge-chain", e.class)} marker-end="url(#graph-arrow-chain)" />
                    }) }
                </g>
                <g class="nodes">
                    { for ctx.order.iter().filter_map(|&i| s.nodes.get(i).map(|n| (i, n))).enumerate().map(|(at, (_, n))| {
                        let mark = if !searching {
                            ""
                        } else if matches_query(&n.path, query) {
                            " node-match"
                        } else {
                            " node-dim"
                        };
                        node_html(n, mark, tab_stop == Some(n.label.as_str()), at, ctx)
                    }) }
                </g>
            </g>
        </svg>
    }
}

fn node_html(n: &SceneNode, mark: &str, tab_stop: bool, at: usize, ctx: &NodeContext) -> Html {
    let onclick = {
        let (path, select) = (n.path.clone(), ctx.select.clone());
        Callback::from(move |_: MouseEvent| select.emit(path.clone()))
    };
    let onkeydown = {
        let (path, ctx) = (n.path.clone(), ctx.clone());
        Callback::from(move |e: KeyboardEvent| {
            let last = ctx.order.len().saturating_sub(1);
            let target = match e.key().as_str() {
                "Enter" | " " => {
                    e.prevent_default();
                    e.stop_propagation();
                    ctx.select.emit(path.clone());
                    return;
                }
                "ArrowRight" | "ArrowDown" => at.saturating_add(1).min(last),
                "ArrowLeft" | "ArrowUp" => at.saturating_sub(1),
                "Home" => 0,
                "End" => last,
                _ => return,
            };
            e.prevent_default();
            e.stop_propagation();
            ctx.move_to(target);
        })
    };
    // Focus that arrives another way (a click, a screen reader's cursor) moves the tab stop too.
    let onfocus = {
        let (label, active) = (n.label.clone(), ctx.active.clone());
        Callback::from(move |_: FocusEvent| {
            if active.as_deref() != Some(label.as_str()) {
                active.set(Some(label.clone()));
            }
        })
    };
    html! {
        <g key={n.label.clone()} class={format!("{}{mark}", n.class)}
            transform={format!("translate({} {})", px(n.x), px(n.y))}
            tabindex={if tab_stop { "0" } else { "-1" }} role="button" aria-label={n.label.clone()}
            {onclick} {onkeydown} {onfocus}>
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

#[cfg(test)]
mod tests {
    use super::*;

    fn node(label: &str, class: &str, x: f64, y: f64) -> SceneNode {
        SceneNode {
            label: label.into(),
            path: label.into(),
            version: String::new(),
            class: class.into(),
            x,
            y,
            width: 100.0,
            height: 24.0,
        }
    }

    fn drawing(width: f64, height: f64, nodes: Vec<SceneNode>) -> Scene {
        Scene {
            nodes,
            width,
            height,
            ..Scene::default()
        }
    }

    /// The five-module universe focused on a module at its left edge: the whole drawing fits,
    /// so it is centred and nothing is cut off (centring the module pushed its neighbours
    /// out of the canvas).
    #[test]
    fn a_drawing_that_fits_is_centred_whole() {
        let small = drawing(
            400.0,
            200.0,
            vec![node("a", "node node-focus", 16.0, 100.0)],
        );
        let view = opening_view(&small, 1.0, (600.0, 500.0));
        assert_eq!((view.x, view.y), (100.0, 150.0));
    }

    /// A wide drawing opens centred on its module, but never scrolled past its own edges.
    #[test]
    fn a_wide_drawing_opens_on_its_module_within_its_edges() {
        let middle = drawing(
            3000.0,
            2000.0,
            vec![node("m", "node node-focus", 1450.0, 988.0)],
        );
        let view = opening_view(&middle, 1.0, (600.0, 500.0));
        assert_eq!((view.x, view.y), (-1200.0, -750.0));
        let near_left = drawing(
            3000.0,
            2000.0,
            vec![node("l", "node node-focus", 16.0, 16.0)],
        );
        let view = opening_view(&near_left, 1.0, (600.0, 500.0));
        assert_eq!((view.x, view.y), (0.0, 0.0));
        let near_right = drawing(
            3000.0,
            2000.0,
            vec![node("r", "node node-focus", 2884.0, 1960.0)],
        );
        let view = opening_view(&near_right, 2.0, (600.0, 500.0));
        assert_eq!((view.x, view.y), (600.0 - 6000.0, 500.0 - 4000.0));
    }

    /// The overview opens with its main module at the top, and without a module to open on,
    /// at the drawing's corner.
    #[test]
    fn the_overview_opens_on_the_main_module_at_the_top() {
        let overview = drawing(
            3000.0,
            800.0,
            vec![node("main", "node node-main", 1450.0, 16.0)],
        );
        let view = opening_view(&overview, 1.0, (600.0, 500.0));
        assert_eq!((view.x, view.y), (-1200.0, MARGIN));
        let empty = drawing(0.0, 0.0, Vec::new());
        assert_eq!(
            opening_view(&empty, 1.0, (600.0, 500.0)),
            Viewport::default()
        );
    }
}

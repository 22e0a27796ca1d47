//! The Export menu: the graph as SVG, PNG, Graphviz DOT and Mermaid, the build list as text and
//! CSV, each saved as a download.
//!
//! The text documents come from the core (`gomod::export`), so they are byte for byte what
//! `gomodplay graph --format dot|mermaid` and `gomodplay list --format csv` print. SVG and PNG
//! are the drawing on the screen: the view's `<svg>` is cloned with every element's computed
//! style written as presentation attributes (the page's style sheets do not travel with the
//! file) and at its natural size; PNG draws that SVG on a canvas at twice its size.

use std::rc::Rc;

use gomod::export;
use gomod::resolve::Resolution;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Which documents the menu offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// SVG, PNG, DOT and Mermaid of the graph.
    Graph,
    /// The build list as text and CSV.
    BuildList,
}

#[derive(Properties, PartialEq)]
pub struct GraphExportProps {
    pub resolution: Rc<Resolution>,
    pub kind: ExportKind,
}

/// One entry of the menu: its visible text, accessible name and what it saves.
struct Entry {
    text: &'static str,
    name: &'static str,
    save: fn(&Resolution, &web_sys::Element),
}

const GRAPH_ENTRIES: [Entry; 4] = [
    Entry {
        text: "SVG",
        name: "Export SVG",
        save: |_, menu| save_svg(menu),
    },
    Entry {
        text: "PNG",
        name: "Export PNG",
        save: |_, menu| save_png(menu),
    },
    Entry {
        text: "DOT",
        name: "Export DOT",
        save: |res, _| {
            download_text(
                "module-graph.dot",
                "text/vnd.graphviz",
                &export::dot::render(res),
            )
        },
    },
    Entry {
        text: "Mermaid",
        name: "Export Mermaid",
        save: |res, _| {
            download_text(
                "module-graph.mmd",
                "text/plain",
                &export::mermaid::render(res),
            )
        },
    },
];

const BUILD_LIST_ENTRIES: [Entry; 2] = [
    Entry {
        text: "Text",
        name: "Export build list as Text",
        save: |res, _| {
            download_text(
                "build-list.txt",
                "text/plain",
                &export::build_list::text(res),
            )
        },
    },
    Entry {
        text: "CSV",
        name: "Export build list as CSV",
        save: |res, _| download_text("build-list.csv", "text/csv", &export::build_list::csv(res)),
    },
];

#[function_component]
pub fn GraphExport(props: &GraphExportProps) -> Html {
    let menu = use_node_ref();
    let entries: &[Entry] = match props.kind {
        ExportKind::Graph => &GRAPH_ENTRIES,
        ExportKind::BuildList => &BUILD_LIST_ENTRIES,
    };
    html! {
        <details class="export-menu" ref={menu.clone()}>
            <summary class="button button-small">{ "Export" }</summary>
            <div class="export-items" role="group" aria-label="Export">
                { for entries.iter().map(|entry| {
                    let (res, menu, save) = (props.resolution.clone(), menu.clone(), entry.save);
                    let onclick = Callback::from(move |_: MouseEvent| {
                        if let Some(el) = menu.cast::<web_sys::Element>() {
                            save(&res, &el);
                            // A menu closes once an entry is chosen.
                            let _ = el.remove_attribute("open");
                        }
                    });
                    html! {
                        <button type="button" class="button button-small" aria-label={entry.name}
                            title={entry.name} {onclick}>{ entry.text }</button>
                    }
                }) }
            </div>
        </details>
    }
}

/// Saves `bytes` as a file named `name` through a temporary object URL and `<a download>`.
fn download_blob(name: &str, blob: &web_sys::Blob) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", name);
        if let (Some(body), Ok(link)) = (document.body(), link.dyn_into::<web_sys::HtmlElement>()) {
            let _ = body.append_child(&link);
            link.click();
            let _ = body.remove_child(&link);
        }
    }
    // The browser reads the URL after the click returns; revoke it once the download started.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

fn blob_of(text: &str, mime: &str) -> Option<web_sys::Blob> {
    Some(gloo::file::Blob::new_with_options(text, Some(mime)).into())
}

fn download_text(name: &str, mime: &str, text: &str) {
    if let Some(blob) = blob_of(text, &format!("{mime};charset=utf-8")) {
        download_blob(name, &blob);
    }
}

/// The presentation properties copied from the computed style of each SVG element into its
/// attributes of the same names.
const INLINE_PROPERTIES: [&str; 16] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-opacity",
    "stroke-linecap",
    "stroke-linejoin",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "dominant-baseline",
    "visibility",
];

/// The drawn graph of the view that holds the menu, as a standalone SVG document, and its
/// natural width and height.
fn standalone_svg(menu: &web_sys::Element) -> Option<(String, f64, f64)> {
    let window = web_sys::window()?;
    let view = menu.closest(".view").ok()??;
    let svg = view.query_selector("svg").ok()??;
    let copy = svg
        .clone_node_with_deep(true)
        .ok()?
        .dyn_into::<web_sys::Element>()
        .ok()?;
    let originals = svg.query_selector_all("*").ok()?;
    let copies = copy.query_selector_all("*").ok()?;
    let pairs = std::iter::once((svg.clone(), copy.clone())).chain(
        (0..originals.length().min(copies.length())).filter_map(|i| {
            let a = originals.item(i)?.dyn_into::<web_sys::Element>().ok()?;
            let b = copies.item(i)?.dyn_into::<web_sys::Element>().ok()?;
            Some((a, b))
        }),
    );
    for (original, copied) in pairs {
        let Ok(Some(style)) = window.get_computed_style(&original) else {
            continue;
        };
        // As SVG presentation attributes, not a `style` attribute: the page's
        // Content-Security-Policy (style-src 'self') refuses inline styles, even on a copy.
        for property in INLINE_PROPERTIES {
            let value = style.get_property_value(property).unwrap_or_default();
            if !value.is_empty() {
                let _ = copied.set_attribute(property, &value);
            }
        }
        // Keyboard and screen-reader hooks of the page mean nothing in a file.
        let _ = copied.remove_attribute("tabindex");
    }
    // The natural size (the view's zoom only scales the drawing on screen).
    let view_box = svg.get_attribute("viewBox").unwrap_or_default();
    let numbers: Vec<f64> = view_box
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    let (width, height) = match numbers[..] {
        [_, _, w, h] => (w, h),
        _ => (800.0, 600.0),
    };
    let _ = copy.set_attribute("width", &width.to_string());
    let _ = copy.set_attribute("height", &height.to_string());
    let _ = copy.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    // The page's background behind the drawing, so light text on a dark theme stays readable.
    let background = svg
        .parent_element()
        .and_then(|p| window.get_computed_style(&p).ok().flatten())
        .and_then(|s| s.get_property_value("background-color").ok())
        .filter(|c| !c.is_empty() && c != "rgba(0, 0, 0, 0)" && c != "transparent")
        .unwrap_or_else(|| "#ffffff".to_owned());
    let document = window.document()?;
    let rect = document
        .create_element_ns(Some("http://www.w3.org/2000/svg"), "rect")
        .ok()?;
    let _ = rect.set_attribute("width", "100%");
    let _ = rect.set_attribute("height", "100%");
    let _ = rect.set_attribute("fill", &background);
    let _ = copy.insert_before(&rect, copy.first_child().as_ref());
    let text = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&copy)
        .ok()?;
    Some((
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{text}\n"),
        width,
        height,
    ))
}

fn save_svg(menu: &web_sys::Element) {
    if let Some((text, _, _)) = standalone_svg(menu) {
        download_text("module-graph.svg", "image/svg+xml", &text);
    }
}

/// How many canvas pixels per SVG unit the PNG has (sharp on high-density screens).
const PNG_SCALE: f64 = 2.0;

fn save_png(menu: &web_sys::Element) {
    let Some((text, width, height)) = standalone_svg(menu) else {
        return;
    };
    // A data: URL, not a blob: one: the page's Content-Security-Policy lets images come from
    // the site itself and data: URLs only.
    let url = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(web_sys::js_sys::encode_uri_component(&text))
    );
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let loaded = image.clone();
    let onload = Closure::once_into_js(move || {
        let Some(canvas) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width((width * PNG_SCALE).round() as u32);
        canvas.set_height((height * PNG_SCALE).round() as u32);
        let Some(context) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = context.scale(PNG_SCALE, PNG_SCALE);
        let _ = context.draw_image_with_html_image_element(&loaded, 0.0, 0.0);
        let saved = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                download_blob("module-graph.png", &blob);
            }
        });
        let _ = canvas.to_blob_with_type(saved.unchecked_ref(), "image/png");
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
}

//! The toolbar: examples, the go command's version and GOTOOLCHAIN, New, the input panels (Add file,
//! Paste bundle, Paste an error), Undo, and how long the last analysis took. A plain function
//! rather than a component: it has no state, and every Yew component brings its own lifecycle
//! code into the wasm.

use gomod::analyze::Toolchain;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::accessibility::panel_button_id;
use crate::components::gallery::gallery;
use crate::state::{Action, Panel, Playground, GO_VERSIONS};

/// What the toolbar shows.
pub struct ToolbarProps {
    pub go_version: String,
    pub toolchain: Toolchain,
    pub example: Option<&'static str>,
    pub panel: Option<Panel>,
    /// What Undo would revert ("loading the example …"), if anything.
    pub undo: Option<String>,
    pub analysed_in_ms: f64,
    /// The input is not analysed yet (typing) or not at all (refused).
    pub pending: bool,
    pub dispatch: UseReducerDispatcher<Playground>,
}

/// `0.8`, `3.4`, `12`: tenths below 10 ms. Integer arithmetic only: float formatting would add
/// tens of kilobytes of formatting code to the wasm.
fn format_ms(ms: f64) -> String {
    let tenths = (ms.max(0.0) * 10.0).round() as u64;
    if tenths < 100 {
        format!("{}.{}", tenths / 10, tenths % 10)
    } else {
        ((tenths + 5) / 10).to_string()
    }
}

pub fn toolbar(props: &ToolbarProps) -> Html {
    let d = props.dispatch.clone();
    let on_version = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            d.dispatch(Action::SetGoVersion(
                Some(select.value()).filter(|v| !v.is_empty()),
            ));
        })
    };
    let on_toolchain = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let t = if select.value() == "auto" {
                Toolchain::Auto
            } else {
                Toolchain::Local
            };
            d.dispatch(Action::SetToolchain(t));
        })
    };
    let toggle = |panel: Panel| {
        let (d, open) = (d.clone(), props.panel == Some(panel));
        Callback::from(move |_: MouseEvent| d.dispatch(Action::OpenPanel((!open).then_some(panel))))
    };
    let undo = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Undo))
    };
    let new = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::New))
    };
    html! {
        <div class="toolbar">
            { gallery(props.example, &d) }
            <label class="field">
                <span class="field-label">{ "Your Go" }</span>
                <select class="select" onchange={on_version} aria-label="Go version">
                    { for GO_VERSIONS.iter().map(|v| html! {
                        <option value={*v} selected={*v == props.go_version}>
                            { if v.is_empty() { "unknown".to_owned() } else { format!("go{v}") } }
                        </option>
                    }) }
                </select>
            </label>
            <label class="field">
                <span class="field-label">{ "GOTOOLCHAIN" }</span>
                <select class="select" onchange={on_toolchain} aria-label="GOTOOLCHAIN">
                    <option value="local" selected={props.toolchain == Toolchain::Local}>{ "local" }</option>
                    <option value="auto" selected={props.toolchain == Toolchain::Auto}>{ "auto" }</option>
                </select>
            </label>
            <div class="toolbar-buttons">
                <button type="button" class="button" onclick={new}
                    title="Start from an empty go.mod (Undo brings the current files back)">{ "New" }</button>
                <button type="button" class="button" id={panel_button_id(Panel::AddFile)} onclick={toggle(Panel::AddFile)}
                    aria-expanded={(props.panel == Some(Panel::AddFile)).to_string()}>{ "Add file" }</button>
                <button type="button" class="button" id={panel_button_id(Panel::PasteBundle)} onclick={toggle(Panel::PasteBundle)}
                    aria-expanded={(props.panel == Some(Panel::PasteBundle)).to_string()}>{ "Paste bundle" }</button>
                <button type="button" class="button" id={panel_button_id(Panel::ExplainError)} onclick={toggle(Panel::ExplainError)}
                    aria-expanded={(props.panel == Some(Panel::ExplainError)).to_string()}>{ "Paste an error" }</button>
                <button type="button" class="button" id={panel_button_id(Panel::Share)} onclick={toggle(Panel::Share)}
                    aria-expanded={(props.panel == Some(Panel::Share)).to_string()}>{ "Share" }</button>
                <button type="button" class="button" id={panel_button_id(Panel::Embed)} onclick={toggle(Panel::Embed)}
                    aria-expanded={(props.panel == Some(Panel::Embed)).to_string()}>{ "Embed" }</button>
                if let Some(label) = &props.undo {
                    <button type="button" class="button" onclick={undo} title={format!("Undo {label}")}>
                        { "Undo" }<span class="visually-hidden">{ format!(" {label}") }</span>
                    </button>
                }
            </div>
            // Not a live region: it changes after every keystroke. The problem count, announced
            // when it changes, is accessibility::ProblemCountAnnouncement.
            <p class="timing">
                { if props.pending { "not analysed".to_owned() } else { format!("analysed in {} ms", format_ms(props.analysed_in_ms)) } }
            </p>
        </div>
    }
}

//! The code editor: a plain text area (so the browser's own editing, undo, IME and
//! accessibility keep working) over a coloured overlay with the same metrics, and a gutter with
//! line numbers and diagnostic markers. The overlay and gutter follow the text area's scrolling.

use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::editor_highlight::{render, Mark, MAX_HIGHLIGHTED_BYTES};
use crate::state::Jump;

/// Must match `--line-height` in www/style.css: jumps scroll by whole lines.
const LINE_HEIGHT_PX: i32 = 20;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The file name: the text area's accessible name.
    pub name: AttrValue,
    pub text: AttrValue,
    pub marks: Vec<Mark>,
    pub jump: Option<Jump>,
    pub on_edit: Callback<String>,
}

#[function_component]
pub fn Editor(props: &EditorProps) -> Html {
    let input_ref = use_node_ref();
    let overlay_ref = use_node_ref();
    let gutter_ref = use_node_ref();

    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_edit.emit(area.value());
        })
    };
    let sync_scroll = {
        let (overlay_ref, gutter_ref) = (overlay_ref.clone(), gutter_ref.clone());
        move |area: &HtmlTextAreaElement| {
            if let Some(overlay) = overlay_ref.cast::<HtmlElement>() {
                overlay.set_scroll_top(area.scroll_top());
                overlay.set_scroll_left(area.scroll_left());
            }
            if let Some(gutter) = gutter_ref.cast::<HtmlElement>() {
                gutter.set_scroll_top(area.scroll_top());
            }
        }
    };
    let onscroll = {
        let sync_scroll = sync_scroll.clone();
        Callback::from(move |event: Event| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            sync_scroll(&area);
        })
    };

    // Jumps from the diagnostics panel: caret to the start of the line, line scrolled into view.
    {
        let input_ref = input_ref.clone();
        let text = props.text.clone();
        let jump = props.jump.clone().filter(|j| *j.file == *props.name);
        use_effect_with(jump, move |jump| {
            if let (Some(jump), Some(area)) = (jump, input_ref.cast::<HtmlTextAreaElement>()) {
                let line = jump.line.max(1) as usize;
                let offset: usize = text
                    .split('\n')
                    .take(line - 1)
                    .map(|l| l.encode_utf16().count() + 1)
                    .sum();
                let offset = u32::try_from(offset).unwrap_or(u32::MAX);
                let _ = area.focus();
                let _ = area.set_selection_range(offset, offset);
                let top = (line as i32 - 3).max(0) * LINE_HEIGHT_PX;
                area.set_scroll_top(top);
                sync_scroll(&area);
            }
        });
    }

    let plain = props.text.len() > MAX_HIGHLIGHTED_BYTES;
    let line_count = props.text.split('\n').count();
    let gutter = if plain {
        Html::default()
    } else {
        let mut worst: Vec<Option<gomod::check::Severity>> = vec![None; line_count + 1];
        for m in &props.marks {
            if let Some(slot) = worst.get_mut(m.line as usize) {
                *slot = Some(slot.map_or(m.severity, |s| s.min(m.severity)));
            }
        }
        html! {
            <div class="editor-gutter" aria-hidden="true" ref={gutter_ref}>
                { for (1..=line_count).map(|n| {
                    let class = match worst.get(n).copied().flatten() {
                        Some(s) => classes!("gutter-line", format!("gutter-{}", s.as_str())),
                        None => classes!("gutter-line"),
                    };
                    html! { <div {class}>{ n }</div> }
                }) }
            </div>
        }
    };
    let overlay = if plain {
        Html::default()
    } else {
        html! {
            <pre class="code editor-overlay" aria-hidden="true" ref={overlay_ref}>
                { render(&props.text, &props.marks) }
            </pre>
        }
    };

    html! {
        <div class={classes!("editor", plain.then_some("editor-plain"))}>
            { gutter }
            <div class="editor-body">
                { overlay }
                <textarea
                    ref={input_ref}
                    id="editor-input"
                    class="code editor-input"
                    aria-label={props.name.clone()}
                    value={props.text.clone()}
                    {oninput}
                    {onscroll}
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    wrap="off"
                />
            </div>
        </div>
    }
}

//! The code editor: a plain text area (so the browser's own editing, undo, IME and
//! accessibility keep working) over a coloured overlay with the same metrics, and a gutter with
//! line numbers and diagnostic markers. The overlay and gutter follow the text area's scrolling.

use std::rc::Rc;

use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::editor_highlight::{render, Mark, MAX_HIGHLIGHTED_BYTES};
use crate::components::editor_offer::{offer_view, pasted_error, PastedError};
use crate::state::Jump;

/// Must match `--line-height` in www/style.css: jumps scroll by whole lines.
const LINE_HEIGHT_PX: i32 = 20;

/// The overlay colours and the gutter marks only the lines near the visible ones (see
/// [`render`]): this many lines above and below them, moved in steps of [`WINDOW_STEP`] lines so
/// that scrolling re-renders the overlay only now and then.
const WINDOW_MARGIN: usize = 40;
const WINDOW_STEP: usize = 20;
/// Lines visible before the text area has been measured (the editor is at most 44rem high).
const DEFAULT_VISIBLE_LINES: usize = 40;

/// The lines drawn in full when the text area's first visible line is `top` and `visible`
/// lines fit in it.
pub fn line_window(top: usize, visible: usize) -> std::ops::Range<usize> {
    let snapped = top / WINDOW_STEP * WINDOW_STEP;
    snapped.saturating_sub(WINDOW_MARGIN)
        ..snapped
            .saturating_add(visible)
            .saturating_add(WINDOW_STEP + WINDOW_MARGIN)
}

/// The text area's first visible line and how many lines it shows.
fn viewport(area: &HtmlTextAreaElement) -> (usize, usize) {
    let lines = |px: i32| usize::try_from(px / LINE_HEIGHT_PX).unwrap_or(0);
    let visible = match lines(area.client_height()) {
        0 => DEFAULT_VISIBLE_LINES,
        n => n + 1,
    };
    (lines(area.scroll_top()), visible)
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The file name: the text area's accessible name.
    pub name: AttrValue,
    pub text: AttrValue,
    pub marks: Rc<Vec<Mark>>,
    pub jump: Option<Jump>,
    pub on_edit: Callback<String>,
    /// Called with a pasted text the user chose to move to the "go error output" field; the
    /// editor offers the move when a paste is go's error output rather than a file.
    #[prop_or_default]
    pub on_error_output: Option<Callback<String>>,
}

#[function_component]
pub fn Editor(props: &EditorProps) -> Html {
    let input_ref = use_node_ref();
    let overlay_ref = use_node_ref();
    let gutter_ref = use_node_ref();
    let window = use_state_eq(|| line_window(0, DEFAULT_VISIBLE_LINES));
    // A paste that is go's error output, offered to the "go error output" field.
    let offer = use_state_eq(|| None::<PastedError>);

    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_edit.emit(area.value());
        })
    };
    let sync_scroll = {
        let (overlay_ref, gutter_ref) = (overlay_ref.clone(), gutter_ref.clone());
        let window = window.clone();
        move |area: &HtmlTextAreaElement| {
            let (top, visible) = viewport(area);
            window.set(line_window(top, visible));
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
        let (input_ref, sync_scroll) = (input_ref.clone(), sync_scroll.clone());
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

    // Another file, or a text replaced by a shorter one, may have moved the text area's scroll
    // position without a scroll event: the window follows it after the render.
    {
        let (input_ref, sync_scroll) = (input_ref.clone(), sync_scroll.clone());
        let line_count = props.text.split('\n').count();
        use_effect_with((props.name.clone(), line_count), move |_| {
            if let Some(area) = input_ref.cast::<HtmlTextAreaElement>() {
                sync_scroll(&area);
            }
        });
    }

    // The offer belongs to the file it was pasted into.
    {
        let offer = offer.clone();
        use_effect_with(props.name.clone(), move |_| offer.set(None));
    }
    let onpaste = {
        let offer = offer.clone();
        let offered = props.on_error_output.is_some();
        Callback::from(move |event: Event| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            if let Some(pasted) = offered.then(|| pasted_error(&event, &area)).flatten() {
                offer.set(Some(pasted));
            }
        })
    };
    let offer_html = match (&*offer, &props.on_error_output) {
        (Some(pasted), Some(on_error_output)) => {
            let on_move = {
                let (offer, pasted) = (offer.clone(), pasted.clone());
                let (on_edit, on_error_output) = (props.on_edit.clone(), on_error_output.clone());
                let text = props.text.clone();
                Callback::from(move |_: MouseEvent| {
                    if let Some(rest) = pasted.text_without_paste(&text) {
                        on_edit.emit(rest);
                    }
                    on_error_output.emit(pasted.pasted.clone());
                    offer.set(None);
                })
            };
            let on_keep = {
                let offer = offer.clone();
                Callback::from(move |_: MouseEvent| offer.set(None))
            };
            offer_view(&props.name, on_move, on_keep)
        }
        _ => Html::default(),
    };

    let plain = props.text.len() > MAX_HIGHLIGHTED_BYTES;
    let window = (*window).clone();
    let line_count = props.text.split('\n').count();
    let gutter = if plain {
        Html::default()
    } else {
        let mut worst: Vec<Option<gomod::check::Severity>> = vec![None; line_count + 1];
        for m in props.marks.iter() {
            if let Some(slot) = worst.get_mut(m.line as usize) {
                *slot = Some(slot.map_or(m.severity, |s| s.min(m.severity)));
            }
        }
        // Line numbers outside the window are one text run; inside it, one element per line
        // carries its diagnostic marker.
        let numbers = |range: std::ops::Range<usize>| {
            range.map(|n| n.to_string()).collect::<Vec<_>>().join("\n")
        };
        let shown = window.start.min(line_count)..window.end.min(line_count);
        html! {
            <div class="editor-gutter" aria-hidden="true" ref={gutter_ref}>
                if shown.start > 0 {
                    <div class="gutter-run">{ numbers(1..shown.start + 1) }</div>
                }
                { for (shown.start + 1..=shown.end).map(|n| {
                    let class = match worst.get(n).copied().flatten() {
                        Some(s) => classes!("gutter-line", format!("gutter-{}", s.as_str())),
                        None => classes!("gutter-line"),
                    };
                    html! { <div key={n} {class}>{ n }</div> }
                }) }
                if shown.end < line_count {
                    <div class="gutter-run">{ numbers(shown.end + 1..line_count + 1) }</div>
                }
            </div>
        }
    };
    let overlay = if plain {
        Html::default()
    } else {
        html! {
            <pre class="code editor-overlay" aria-hidden="true" ref={overlay_ref}>
                { render(&props.text, &props.marks, window) }
            </pre>
        }
    };

    html! {
        <>
        { offer_html }
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
                    {onpaste}
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    wrap="off"
                />
            </div>
        </div>
        </>
    }
}

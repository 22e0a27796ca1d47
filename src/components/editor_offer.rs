//! The editor's offer to move a paste that is the go command's error output (not a file) to the
//! "go error output" field of the "Paste an error" panel.
//!
//! The paste itself always goes ahead as the browser does it: the editor's text changes only by
//! what the user does. The offer is a small prompt above the editor; "Keep it here" dismisses it
//! and leaves the paste where it is, and only the user's click on "Move to go error output" takes
//! the paste back out of the file (restoring the text as it was before the paste when nothing was
//! typed since) and explains it in the panel.

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// A paste into the editor that the core recognised as go's error output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedError {
    /// The pasted text with line endings as the text area stores them (`\n`).
    pub pasted: String,
    /// The file's text before the paste.
    before: String,
    /// The file's text right after the paste (the selection replaced by the pasted text).
    after: String,
}

impl PastedError {
    /// The file's text once the paste is taken back out of `current`: the text before the paste
    /// when nothing changed since, else `current` without the pasted text; `None` when the
    /// pasted text is no longer there as pasted (the user's own edits are then left alone).
    pub fn text_without_paste(&self, current: &str) -> Option<String> {
        if current == self.after {
            return Some(self.before.clone());
        }
        let at = current.find(self.pasted.as_str())?;
        let mut rest = current.to_owned();
        rest.replace_range(at..at + self.pasted.len(), "");
        Some(rest)
    }
}

/// The paste of `event` into `area` when it is go's error output rather than a file's text.
/// Called before the browser inserts the paste, so the text area still holds the text before it.
pub fn pasted_error(event: &Event, area: &HtmlTextAreaElement) -> Option<PastedError> {
    let pasted = event
        .dyn_ref::<web_sys::ClipboardEvent>()?
        .clipboard_data()?
        .get_data("text/plain")
        .ok()?;
    if !gomod::explain_error::is_go_error_output(&pasted) {
        return None;
    }
    // A text area stores every line ending as `\n`.
    let pasted = pasted.replace("\r\n", "\n").replace('\r', "\n");
    let before = area.value();
    let start = area.selection_start().ok().flatten().unwrap_or(0);
    let end = area.selection_end().ok().flatten().unwrap_or(start);
    let (start, end) = (byte_offset(&before, start), byte_offset(&before, end));
    let (start, end) = (start.min(end), start.max(end));
    let after = format!("{}{}{}", &before[..start], pasted, &before[end..]);
    Some(PastedError {
        pasted,
        before,
        after,
    })
}

/// The byte offset in `text` of the text area's position `utf16` (counted in UTF-16 units, as
/// the DOM counts), clamped to the text.
fn byte_offset(text: &str, utf16: u32) -> usize {
    let mut units = 0u32;
    for (at, c) in text.char_indices() {
        if units >= utf16 {
            return at;
        }
        units += c.len_utf16() as u32;
    }
    text.len()
}

/// The prompt: what the paste looks like, and the two choices.
pub fn offer_view(
    file: &str,
    on_move: Callback<MouseEvent>,
    on_keep: Callback<MouseEvent>,
) -> Html {
    html! {
        <div class="editor-offer" role="status">
            <span>{ format!("This paste looks like the go command's error output, not {file} text.") }</span>
            <span class="editor-offer-actions">
                <button type="button" class="button button-small button-primary" onclick={on_move}>
                    { "Move to go error output" }
                </button>
                <button type="button" class="button button-small" onclick={on_keep}>{ "Keep it here" }</button>
            </span>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paste(before: &str, pasted: &str, at: std::ops::Range<usize>) -> PastedError {
        PastedError {
            pasted: pasted.to_owned(),
            before: before.to_owned(),
            after: format!("{}{}{}", &before[..at.start], pasted, &before[at.end..]),
        }
    }

    #[test]
    fn moving_an_untouched_paste_restores_the_text_before_it_even_over_a_selection() {
        let p = paste("module a\nold\n", "go: boom\n", 9..13);
        assert_eq!(
            p.text_without_paste("module a\ngo: boom\n").as_deref(),
            Some("module a\nold\n")
        );
    }

    #[test]
    fn moving_after_edits_removes_only_the_pasted_text() {
        let p = paste("module a\n", "go: boom\n", 9..9);
        assert_eq!(
            p.text_without_paste("// mine\nmodule a\ngo: boom\n")
                .as_deref(),
            Some("// mine\nmodule a\n")
        );
        assert_eq!(p.text_without_paste("module a\ngo: bo"), None);
    }

    #[test]
    fn utf16_positions_become_byte_offsets() {
        assert_eq!(byte_offset("aé😀b", 0), 0);
        assert_eq!(byte_offset("aé😀b", 2), 3);
        assert_eq!(byte_offset("aé😀b", 4), 7);
        assert_eq!(byte_offset("aé😀b", 99), 8);
    }
}

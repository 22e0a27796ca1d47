//! Telling go's error output from a file: the web app's go.mod and go.sum editors offer to move
//! a paste to the "go error output" field when it is go's output rather than a file.

use super::explain_error;

/// Pastes larger than this are files (or whole logs), not the error output the offer is for;
/// the bound keeps the check instant on every paste.
const MAX_PASTE_BYTES: usize = 256 * 1024;

/// Whether `text` is the go command's error output rather than a go.mod, go.work or go.sum:
/// at least one catalogued message is recognised, and the lines no message explains (a file's
/// directives or hash lines would be such lines) are no more than the recognised messages' lines.
/// Command echoes, `go: downloading` progress and CI noise count for neither.
pub fn is_go_error_output(text: &str) -> bool {
    if text.len() > MAX_PASTE_BYTES {
        return false;
    }
    let explanation = explain_error(text, None);
    if explanation.errors.is_empty() {
        return false;
    }
    let span = |line: u32, end_line: u32| u64::from(end_line.saturating_sub(line)) + 1;
    let recognised: u64 = explanation
        .errors
        .iter()
        .map(|e| span(e.line, e.end_line))
        .sum();
    let unrecognised: u64 = explanation
        .unrecognised
        .iter()
        .map(|u| span(u.line, u.end_line))
        .sum();
    unrecognised <= recognised
}

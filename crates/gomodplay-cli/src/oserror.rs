//! File-system errors worded as Go words them.
//!
//! Go prints `open NAME: no such file or directory`; Rust's `io::Error` displays
//! `No such file or directory (os error 2)`. Both come from the same errno table, so dropping the
//! `(os error N)` suffix and lower-casing the first letter gives Go's text for the usual errors.

use std::io;

/// `OP NAME: REASON`, as Go's `*fs.PathError` prints it.
pub fn path_error(op: &str, name: &str, err: &io::Error) -> String {
    format!("{op} {name}: {}", reason(err))
}

/// The reason part of an I/O error in Go's wording.
pub fn reason(err: &io::Error) -> String {
    let text = err.to_string();
    let text = match (err.raw_os_error(), text.rfind(" (os error ")) {
        (Some(_), Some(cut)) => &text[..cut],
        _ => text.as_str(),
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Errno numbers differ between systems; these are Linux's.
    #[cfg(target_os = "linux")]
    #[test]
    fn errno_texts_read_like_go() {
        let missing = io::Error::from_raw_os_error(2);
        assert_eq!(
            path_error("open", "nope.mod", &missing),
            "open nope.mod: no such file or directory"
        );
        assert_eq!(reason(&io::Error::from_raw_os_error(21)), "is a directory");
        assert_eq!(
            reason(&io::Error::from_raw_os_error(13)),
            "permission denied"
        );
    }
}

//! The txtar archive format of golang.org/x/tools/txtar, implemented from its documentation:
//!
//! An archive is a comment followed by files. Each file starts with a marker line
//! `-- NAME --`: the line must begin with the three bytes `-- ` and end with the three bytes ` --`
//! (so a `\r` before the newline makes it an ordinary line), and the name between them is trimmed
//! of white space; a marker whose name is empty after trimming is an ordinary line. The comment,
//! and each file's content, run up to the next marker line. If the archive does not end in a
//! newline, one is assumed: the last section (the comment when there are no files) gets a final
//! `\n` when it is non-empty and lacks one. There are no syntax errors.
//!
//! Formatting writes the comment, then for each file `-- NAME --\n` and its content, adding a
//! final newline to the comment and to every content that is non-empty and lacks one.
//!
//! `tests/oracle_sum_txtar.rs` compares this module with the Go distribution's copy of the
//! package (`internal/txtar`) on generated inputs.

use crate::sum::trim_go_space;

/// A parsed archive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Archive {
    pub comment: Vec<u8>,
    pub files: Vec<File>,
}

/// One file of an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub name: String,
    pub data: Vec<u8>,
}

const MARKER_START: &[u8] = b"-- ";
const MARKER_END: &[u8] = b" --";

/// Parses an archive. Every input is an archive.
pub fn parse(data: &[u8]) -> Archive {
    let mut archive = Archive::default();
    let (comment, mut next) = split_at_marker(data);
    archive.comment = comment;
    while let Some((name, rest)) = next {
        let (content, following) = split_at_marker(rest);
        archive.files.push(File {
            name,
            data: content,
        });
        next = following;
    }
    archive
}

/// Serialises an archive. A name or content that cannot be represented (a name with a newline or
/// empty after trimming, content with a marker line or without a final newline) does not
/// round-trip; [`representable`] says which.
pub fn format(archive: &Archive) -> Vec<u8> {
    let mut out = with_final_newline(&archive.comment);
    for file in &archive.files {
        out.extend_from_slice(MARKER_START);
        out.extend_from_slice(file.name.as_bytes());
        out.extend_from_slice(MARKER_END);
        out.push(b'\n');
        out.extend_from_slice(&with_final_newline(&file.data));
    }
    out
}

/// Why a file cannot be stored unchanged in an archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unrepresentable {
    /// The name is empty (after trimming), contains a newline, or has surrounding white space
    /// that parsing would trim.
    Name,
    /// The content has a line that would be read as a file marker.
    MarkerLine,
    /// The content is non-empty and does not end with a newline; reading adds one.
    MissingFinalNewline,
}

/// Whether `file` survives formatting and parsing unchanged; the first reason it does not.
pub fn representable(file: &File) -> Result<(), Unrepresentable> {
    let name = file.name.as_str();
    if name.contains('\n') || name.is_empty() || trim_go_space(name) != name {
        return Err(Unrepresentable::Name);
    }
    let mut line_start = 0usize;
    while line_start < file.data.len() {
        let rest = file.data.get(line_start..).unwrap_or_default();
        if marker_name(rest).is_some() {
            return Err(Unrepresentable::MarkerLine);
        }
        match rest.iter().position(|&b| b == b'\n') {
            Some(i) => line_start += i + 1,
            None => break,
        }
    }
    if !file.data.is_empty() && file.data.last() != Some(&b'\n') {
        return Err(Unrepresentable::MissingFinalNewline);
    }
    Ok(())
}

/// Splits `data` at the first marker line that starts a line: the bytes before it, and the
/// marker's name with the bytes after the marker line. Without a marker, the whole input (with a
/// final newline added) is the section.
fn split_at_marker(data: &[u8]) -> (Vec<u8>, Option<(String, &[u8])>) {
    let mut line_start = 0usize;
    loop {
        let rest = data.get(line_start..).unwrap_or_default();
        if let Some((name, after)) = marker_name(rest) {
            return (
                data.get(..line_start).unwrap_or_default().to_vec(),
                Some((name, after)),
            );
        }
        match rest.iter().position(|&b| b == b'\n') {
            Some(i) if line_start + i + 1 < data.len() => line_start += i + 1,
            _ => return (with_final_newline(data), None),
        }
    }
}

/// If `data` begins with a marker line, its trimmed name and the bytes after the line.
fn marker_name(data: &[u8]) -> Option<(String, &[u8])> {
    if !data.starts_with(MARKER_START) {
        return None;
    }
    let (line, after) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (data.get(..i)?, data.get(i + 1..)?),
        None => (data, &[][..]),
    };
    if line.len() < MARKER_START.len() + MARKER_END.len() || !line.ends_with(MARKER_END) {
        return None;
    }
    let inner = line.get(MARKER_START.len()..line.len() - MARKER_END.len())?;
    let name = trim_go_space(&String::from_utf8_lossy(inner)).to_owned();
    if name.is_empty() {
        return None;
    }
    Some((name, after))
}

fn with_final_newline(data: &[u8]) -> Vec<u8> {
    let mut out = data.to_vec();
    if !out.is_empty() && out.last() != Some(&b'\n') {
        out.push(b'\n');
    }
    out
}

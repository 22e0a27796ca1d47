//! Applying fixes: the one place where [`TextEdit`]s change file contents.

use std::ops::Range;

use super::Fix;
use crate::bundle::Bundle;

/// The files after [`apply_edits`], and which fixes were applied (indices into the given list).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EditOutcome {
    /// Every file, changed or not, plus the files that fixes created.
    pub files: EditFiles,
    pub applied: Vec<usize>,
    /// Fixes left out because an edit overlapped one of an earlier fix, fell outside its file,
    /// or cut a character in half.
    pub skipped: Vec<usize>,
}

/// File contents by name, sorted by name: what [`apply_edits`] takes and returns. A sorted
/// vector rather than a `BTreeMap`, whose code (a few kilobytes of WebAssembly) this key and
/// value type would be alone in needing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EditFiles(Vec<(String, Vec<u8>)>);

impl EditFiles {
    fn position(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(n, _)| n.as_str().cmp(name))
    }

    /// The content of the file `name`, if there is one.
    pub fn get(&self, name: &str) -> Option<&Vec<u8>> {
        let i = self.position(name).ok()?;
        self.0.get(i).map(|(_, data)| data)
    }

    /// Sets the content of the file `name`, adding the file if it is new.
    pub fn insert(&mut self, name: String, data: Vec<u8>) {
        match self.position(&name) {
            Ok(i) => {
                if let Some(entry) = self.0.get_mut(i) {
                    entry.1 = data;
                }
            }
            Err(i) => self.0.insert(i, (name, data)),
        }
    }

    /// The file names, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(name, _)| name)
    }

    /// The files, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Vec<u8>)> {
        self.0.iter().map(|(name, data)| (name, data))
    }
}

/// The bundle's files by name, as [`apply_edits`] takes them (a later file of the same name
/// replaces an earlier one).
pub fn bundle_files(bundle: &Bundle) -> EditFiles {
    let mut files = EditFiles::default();
    for f in bundle.files() {
        files.insert(f.name.clone(), f.data.clone());
    }
    files
}

/// Applies `fixes` to `files`, in order. A fix is applied whole or not at all: it is skipped
/// when one of its edits overlaps an edit of an already accepted fix (or another edit of its
/// own), lies outside its file, or splits a UTF-8 character. Insertions at the same offset are
/// kept in fix order. A file that does not exist is created by edits at `0..0`.
pub fn apply_edits(files: &EditFiles, fixes: &[&Fix]) -> EditOutcome {
    // The accepted edits by file: a short vector searched linearly rather than a B-tree map,
    // whose code every key and value type would copy into the web app.
    let mut accepted: Vec<(&str, Vec<Accepted<'_>>)> = Vec::new();
    let mut outcome = EditOutcome::default();
    let mut order = 0usize;
    for (index, fix) in fixes.iter().enumerate() {
        let fits = fix.edits.iter().enumerate().all(|(i, edit)| {
            let data = files.get(&edit.file).map_or(&[][..], Vec::as_slice);
            let in_bounds = edit.range.start <= edit.range.end
                && edit.range.end <= data.len()
                && on_char_boundary(data, edit.range.start)
                && on_char_boundary(data, edit.range.end);
            let clashes_with_accepted = accepted
                .iter()
                .find(|(file, _)| *file == edit.file)
                .is_some_and(|(_, list)| list.iter().any(|(r, _, _)| overlaps(r, &edit.range)));
            let clashes_with_own = fix
                .edits
                .iter()
                .take(i)
                .any(|other| other.file == edit.file && overlaps(&other.range, &edit.range));
            in_bounds && !clashes_with_accepted && !clashes_with_own
        });
        if !fits || fix.edits.is_empty() {
            outcome.skipped.push(index);
            continue;
        }
        for edit in &fix.edits {
            let entry = (edit.range.clone(), edit.new_text.as_str(), order);
            match accepted.iter_mut().find(|(file, _)| *file == edit.file) {
                Some((_, list)) => list.push(entry),
                None => accepted.push((edit.file.as_str(), vec![entry])),
            }
            order += 1;
        }
        outcome.applied.push(index);
    }
    outcome.files = files.clone();
    for (file, mut list) in accepted {
        crate::sort::sort_by_key(&mut list, |(r, _, order)| (r.start, r.end, *order));
        let data = files.get(file).map_or(&[][..], Vec::as_slice);
        let mut out = Vec::with_capacity(data.len());
        let mut at = 0usize;
        for (range, new_text, _) in list {
            out.extend_from_slice(data.get(at..range.start).unwrap_or_default());
            out.extend_from_slice(new_text.as_bytes());
            at = at.max(range.end);
        }
        out.extend_from_slice(data.get(at..).unwrap_or_default());
        outcome.files.insert(file.to_owned(), out);
    }
    outcome
}

/// An accepted edit: its range, its text, and its position in acceptance order.
type Accepted<'a> = (Range<usize>, &'a str, usize);

/// Two ranges overlap when they share a byte, or when an insertion lies strictly inside a
/// replaced range.
fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    if a.is_empty() && b.is_empty() {
        return false;
    }
    a.start < b.end && b.start < a.end
}

fn on_char_boundary(data: &[u8], at: usize) -> bool {
    data.get(at).is_none_or(|&b| (b & 0xC0) != 0x80)
}

#[cfg(test)]
mod tests {
    use super::super::TextEdit;
    use super::*;

    fn fix(edits: &[(&str, Range<usize>, &str)]) -> Fix {
        Fix {
            title: String::new(),
            edits: edits
                .iter()
                .map(|(f, r, t)| TextEdit {
                    file: (*f).to_owned(),
                    range: r.clone(),
                    new_text: (*t).to_owned(),
                })
                .collect(),
            commands: Vec::new(),
        }
    }

    #[test]
    fn overlapping_fixes_are_skipped_whole() {
        let mut files = EditFiles::default();
        files.insert("a".to_owned(), b"0123456789".to_vec());
        let fixes = [
            fix(&[("a", 2..4, "X")]),
            fix(&[("a", 8..9, "Y"), ("a", 3..5, "Z")]),
            fix(&[("a", 4..4, "I"), ("a", 4..4, "J"), ("new", 0..0, "created")]),
            fix(&[("a", 2..2, "K")]),
            fix(&[("a", 3..3, "inside")]),
            fix(&[("a", 9..12, "out")]),
        ];
        let refs: Vec<&Fix> = fixes.iter().collect();
        let out = apply_edits(&files, &refs);
        assert_eq!(out.applied, vec![0, 2, 3]);
        assert_eq!(out.skipped, vec![1, 4, 5]);
        assert_eq!(
            out.files.get("a").map(Vec::as_slice),
            Some(&b"01KXIJ456789"[..])
        );
        assert_eq!(
            out.files.get("new").map(Vec::as_slice),
            Some(&b"created"[..])
        );
    }

    #[test]
    fn edits_must_not_split_characters() {
        let mut files = EditFiles::default();
        files.insert("a".to_owned(), "é".as_bytes().to_vec());
        let f = fix(&[("a", 1..2, "e")]);
        assert_eq!(apply_edits(&files, &[&f]).skipped, vec![0]);
    }
}

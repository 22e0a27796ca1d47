//! The sections of a txtar case file, read by the tests themselves.

/// Splits a txtar-style case file into its comment and its `-- name --` sections, for tests whose
/// input is several files. Written here rather than borrowing `gomod::bundle::txtar` so that a bug in the
/// product's txtar reader cannot hide itself in the tests that check it.
pub fn sections(data: &str) -> (String, Vec<(String, String)>) {
    let mut comment = String::new();
    let mut files: Vec<(String, String)> = Vec::new();
    for line in data.split_inclusive('\n') {
        let trimmed = line.trim_end_matches('\n');
        if let Some(name) = trimmed
            .strip_prefix("-- ")
            .and_then(|r| r.strip_suffix(" --"))
        {
            files.push((name.trim().to_owned(), String::new()));
        } else if let Some((_, body)) = files.last_mut() {
            body.push_str(line);
        } else {
            comment.push_str(line);
        }
    }
    (comment, files)
}

#[cfg(test)]
mod tests {
    use super::sections;

    #[test]
    fn sections_split_comment_and_files() {
        let (comment, files) = sections("note\n-- a --\nx\n-- b/c --\ny\nz\n");
        assert_eq!(comment, "note\n");
        assert_eq!(
            files,
            vec![("a".into(), "x\n".into()), ("b/c".into(), "y\nz\n".into())]
        );
    }
}

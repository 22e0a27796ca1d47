//! The txtar format as Go's `internal/txtar` reads it: a comment, then files introduced by
//! `-- NAME --` lines. A file's data that does not end in a newline gets one.

pub struct Archive {
    /// The text before the first file, kept for completeness of the reader.
    #[allow(dead_code)]
    pub comment: Vec<u8>,
    pub files: Vec<(String, Vec<u8>)>,
}

/// The name a marker line introduces, or None when `line` (without its newline) is no marker.
fn marker_name(line: &[u8]) -> Option<String> {
    let inner = line.strip_prefix(b"-- ")?.strip_suffix(b" --")?;
    let name = String::from_utf8_lossy(inner).trim().to_owned();
    (!name.is_empty()).then_some(name)
}

fn fix_newline(mut data: Vec<u8>) -> Vec<u8> {
    if !data.is_empty() && !data.ends_with(b"\n") {
        data.push(b'\n');
    }
    data
}

pub fn parse(data: &[u8]) -> Archive {
    let mut comment = Vec::new();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for line in data.split_inclusive(|&b| b == b'\n') {
        let bare = line.strip_suffix(b"\n").unwrap_or(line);
        if let Some(name) = marker_name(bare) {
            files.push((name, Vec::new()));
            continue;
        }
        match files.last_mut() {
            Some((_, body)) => body.extend_from_slice(line),
            None => comment.extend_from_slice(line),
        }
    }
    Archive {
        comment: fix_newline(comment),
        files: files
            .into_iter()
            .map(|(name, body)| (name, fix_newline(body)))
            .collect(),
    }
}

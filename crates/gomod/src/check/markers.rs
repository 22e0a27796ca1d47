//! merge-conflict-markers: leftovers of an unfinished merge, in any workspace file.

use super::{text, Fix, Sink, TextEdit};

/// The marker lines git writes: 7 characters, then a space and a label, or nothing.
const MARKERS: &[&[u8]] = &[b"<<<<<<<", b"|||||||", b"=======", b">>>>>>>"];

fn is_marker(line: &[u8]) -> bool {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    MARKERS.iter().any(|m| {
        line.strip_prefix(*m)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(b" "))
    })
}

pub(crate) fn check(sink: &mut Sink, file: &str, data: &[u8]) {
    let mut marker_lines = Vec::new();
    let mut start = 0usize;
    while start < data.len() {
        let range = text::whole_line(data, start);
        let content = text::line_content(data, start);
        if is_marker(data.get(content.clone()).unwrap_or_default()) {
            marker_lines.push((range.clone(), content));
        }
        if range.end <= start {
            break;
        }
        start = range.end;
    }
    let Some((_, first)) = marker_lines.first().cloned() else {
        return;
    };
    let fix = Fix {
        title: format!(
            "Keep both sides of the conflict (delete the {} marker lines)",
            marker_lines.len()
        ),
        edits: marker_lines
            .iter()
            .map(|(range, _)| TextEdit {
                file: file.to_owned(),
                range: range.clone(),
                new_text: String::new(),
            })
            .collect(),
        commands: Vec::new(),
    };
    sink.report(
        rule_code!("merge-conflict-markers"),
        file,
        data,
        first,
        format!(
            "{file} contains {} merge conflict marker lines; finish resolving the merge",
            marker_lines.len()
        ),
        vec![fix],
    );
}

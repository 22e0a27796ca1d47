//! `go mod edit -json` / `go work edit -json` output: Go's `json.MarshalIndent(v, "", "\t")`
//! of the command's little structs, reproduced with a tiny writer (field order, `omitempty`,
//! HTML-safe escaping and the trailing newline all as Go prints them).

use super::ModFile;

/// Writes one JSON document with Go's indentation rules.
pub(crate) struct JsonWriter {
    out: String,
    depth: usize,
    /// For each open object/array: whether a member was already written.
    has_member: Vec<bool>,
}

impl JsonWriter {
    pub(crate) fn new() -> JsonWriter {
        JsonWriter {
            out: String::new(),
            depth: 0,
            has_member: Vec::new(),
        }
    }

    fn newline_indent(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push('\t');
        }
    }

    /// Starts a member of the current container: comma, newline and indentation, and the key.
    fn member(&mut self, key: Option<&str>) {
        if let Some(has) = self.has_member.last_mut() {
            if *has {
                self.out.push(',');
            }
            *has = true;
            self.newline_indent();
        }
        if let Some(k) = key {
            push_json_string(&mut self.out, k);
            self.out.push_str(": ");
        }
    }

    pub(crate) fn begin_object(&mut self, key: Option<&str>) {
        self.member(key);
        self.out.push('{');
        self.depth += 1;
        self.has_member.push(false);
    }

    pub(crate) fn begin_array(&mut self, key: Option<&str>) {
        self.member(key);
        self.out.push('[');
        self.depth += 1;
        self.has_member.push(false);
    }

    fn end(&mut self, close: char) {
        self.depth = self.depth.saturating_sub(1);
        if self.has_member.pop() == Some(true) {
            self.newline_indent();
        }
        self.out.push(close);
    }

    pub(crate) fn end_object(&mut self) {
        self.end('}');
    }

    pub(crate) fn end_array(&mut self) {
        self.end(']');
    }

    pub(crate) fn string(&mut self, key: &str, value: &str) {
        self.member(Some(key));
        push_json_string(&mut self.out, value);
    }

    /// A string field tagged `omitempty`.
    pub(crate) fn string_omitempty(&mut self, key: &str, value: &str) {
        if !value.is_empty() {
            self.string(key, value);
        }
    }

    pub(crate) fn bool_omitempty(&mut self, key: &str, value: bool) {
        if value {
            self.member(Some(key));
            self.out.push_str("true");
        }
    }

    /// The document, with the newline the go command appends.
    pub(crate) fn finish(mut self) -> String {
        self.out.push('\n');
        self.out
    }
}

/// Go's JSON string encoding with HTML escaping (the `json.Marshal` default): `<`, `>`, `&`,
/// U+2028 and U+2029 become `\u` escapes, control characters use the short forms where JSON
/// has them. Go writes each invalid UTF-8 byte as a raw U+FFFD, which is what our model strings
/// already hold (they are decoded Go-style, one U+FFFD per invalid byte).
pub(crate) fn push_json_string(out: &mut String, s: &str) {
    push_json_string_as(out, s, JsonEscape::Go);
}

/// Which characters a JSON string literal escapes beyond the quote, the backslash and the
/// control characters JSON requires.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum JsonEscape {
    /// As Go's `json.Marshal`: also `<`, `>`, `&`, U+2028 and U+2029, and `\b`/`\f` short forms
    /// (for outputs that must equal the go command's).
    Go,
    /// Only what JSON requires, with `\u00XX` for control characters without a common short form
    /// (our own documents, such as `check --format json`).
    Minimal,
}

/// Appends `s` as a JSON string literal, escaped as `escape` says.
pub(crate) fn push_json_string_as(out: &mut String, s: &str, escape: JsonEscape) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' if escape == JsonEscape::Go => out.push_str("\\b"),
            '\u{0C}' if escape == JsonEscape::Go => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' if escape == JsonEscape::Go => {
                push_unicode_escape(out, c)
            }
            '\u{00}'..='\u{1F}' => push_unicode_escape(out, c),
            _ => out.push(c),
        }
    }
    out.push('"');
}

fn push_unicode_escape(out: &mut String, c: char) {
    out.push_str(&format!("\\u{:04x}", u32::from(c)));
}

/// Writes a `module.Version` object (`Version` is `omitempty`).
pub(crate) fn module_version(w: &mut JsonWriter, key: Option<&str>, path: &str, version: &str) {
    w.begin_object(key);
    w.string("Path", path);
    w.string_omitempty("Version", version);
    w.end_object();
}

pub(crate) fn mod_file_json(f: &ModFile) -> String {
    let mut w = JsonWriter::new();
    w.begin_object(None);
    w.begin_object(Some("Module"));
    w.string("Path", f.module.as_ref().map_or("", |m| m.path.as_str()));
    w.string_omitempty(
        "Deprecated",
        f.module.as_ref().map_or("", |m| m.deprecated.as_str()),
    );
    w.end_object();
    w.string_omitempty("Go", f.go.as_ref().map_or("", |g| g.version.as_str()));
    w.string_omitempty(
        "Toolchain",
        f.toolchain.as_ref().map_or("", |t| t.name.as_str()),
    );
    if !f.godebug.is_empty() {
        w.begin_array(Some("GoDebug"));
        for d in &f.godebug {
            w.begin_object(None);
            w.string("Key", &d.key);
            w.string("Value", &d.value);
            w.end_object();
        }
        w.end_array();
    }
    if !f.require.is_empty() {
        w.begin_array(Some("Require"));
        for r in &f.require {
            w.begin_object(None);
            w.string("Path", &r.module.path);
            w.string_omitempty("Version", &r.module.version);
            w.bool_omitempty("Indirect", r.indirect);
            w.end_object();
        }
        w.end_array();
    }
    if !f.exclude.is_empty() {
        w.begin_array(Some("Exclude"));
        for x in &f.exclude {
            module_version(&mut w, None, &x.module.path, &x.module.version);
        }
        w.end_array();
    }
    replace_json(&mut w, &f.replace);
    if !f.retract.is_empty() {
        w.begin_array(Some("Retract"));
        for r in &f.retract {
            w.begin_object(None);
            w.string_omitempty("Low", &r.interval.low);
            w.string_omitempty("High", &r.interval.high);
            w.string_omitempty("Rationale", &r.rationale);
            w.end_object();
        }
        w.end_array();
    }
    for (key, paths) in [
        (
            "Tool",
            f.tool.iter().map(|t| t.path.as_str()).collect::<Vec<_>>(),
        ),
        ("Ignore", f.ignore.iter().map(|i| i.path.as_str()).collect()),
    ] {
        if paths.is_empty() {
            continue;
        }
        w.begin_array(Some(key));
        for p in paths {
            w.begin_object(None);
            w.string("Path", p);
            w.end_object();
        }
        w.end_array();
    }
    w.end_object();
    w.finish()
}

/// The `Replace` array shared by go.mod and go.work JSON.
pub(crate) fn replace_json(w: &mut JsonWriter, replace: &[super::Replace]) {
    if replace.is_empty() {
        return;
    }
    w.begin_array(Some("Replace"));
    for r in replace {
        w.begin_object(None);
        module_version(w, Some("Old"), &r.old.path, &r.old.version);
        module_version(w, Some("New"), &r.new.path, &r.new.version);
        w.end_object();
    }
    w.end_array();
}

//! The CLI's JSON documents (`list --json`, `why --json`, `rules --format json`): serde shapes
//! written by serde_json, indented by two spaces, with a final newline. Keys keep the order of
//! the struct fields so that the output is stable and diffable; the schemas are documented in
//! README.md ("JSON output").

use serde::Serialize;

/// The document for `value`, as the CLI prints it.
pub fn render(value: &impl Serialize) -> String {
    // Serialising plain structs, strings and vectors into a String cannot fail.
    let mut out = serde_json::to_string_pretty(value).unwrap_or_default();
    out.push('\n');
    out
}

/// An empty string as null (a main module's go line, a resolution's pruning before the graph).
pub fn empty_as_null<S: serde::Serializer>(s: &str, serializer: S) -> Result<S::Ok, S::Error> {
    if s.is_empty() {
        serializer.serialize_none()
    } else {
        serializer.serialize_str(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Sample {
        a: Vec<Option<bool>>,
        b: &'static str,
        c: Vec<u8>,
        #[serde(serialize_with = "empty_as_null")]
        d: &'static str,
        e: bool,
    }

    #[test]
    fn renders_nested_values_with_escapes() {
        let v = Sample {
            a: vec![Some(false), None],
            b: "q\"\\\n\u{1}é",
            c: Vec::new(),
            d: "",
            e: true,
        };
        assert_eq!(
            render(&v),
            "{\n  \"a\": [\n    false,\n    null\n  ],\n  \"b\": \"q\\\"\\\\\\n\\u0001é\",\n  \"c\": [],\n  \"d\": null,\n  \"e\": true\n}\n"
        );
    }
}

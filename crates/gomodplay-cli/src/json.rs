//! A small JSON writer for the CLI's structured outputs (`list --json`, `why --json`).
//!
//! The core has no serialisation; these documents are built from the public fields of its
//! results. Keys keep the order given here so that the output is stable and diffable; the schema
//! is documented in README.md ("JSON output").

use std::fmt::Write as _;

use gomod::resolve::Mod;

/// A JSON value with keys in a fixed order.
pub enum Value {
    Null,
    Bool(bool),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(&'static str, Value)>),
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::String(s.to_owned())
    }

    /// A string, or null when it is empty.
    pub fn str_or_null(s: &str) -> Value {
        if s.is_empty() {
            Value::Null
        } else {
            Value::str(s)
        }
    }

    /// `{"path": ..., "version": ...}`; a main module or directory has an empty version.
    pub fn module(m: &Mod) -> Value {
        Value::Object(vec![
            ("path", Value::str(&m.path)),
            ("version", Value::str(&m.version)),
        ])
    }

    pub fn opt_module(m: Option<&Mod>) -> Value {
        m.map_or(Value::Null, Value::module)
    }

    pub fn modules<'a>(ms: impl IntoIterator<Item = &'a Mod>) -> Value {
        Value::Array(ms.into_iter().map(Value::module).collect())
    }

    /// The document, indented by two spaces, with a final newline.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::String(s) => write_string(out, s),
            Value::Array(items) if items.is_empty() => out.push_str("[]"),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    indent(out, depth + 1);
                    item.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push(']');
            }
            Value::Object(fields) if fields.is_empty() => out.push_str("{}"),
            Value::Object(fields) => {
                out.push('{');
                for (i, (key, value)) in fields.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    indent(out, depth + 1);
                    write_string(out, key);
                    out.push_str(": ");
                    value.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push('}');
            }
        }
    }
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259).
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::Value;

    #[test]
    fn renders_nested_values_with_escapes() {
        let v = Value::Object(vec![
            ("a", Value::Array(vec![Value::Bool(false), Value::Null])),
            ("b", Value::str("q\"\\\n\u{1}é")),
            ("c", Value::Array(Vec::new())),
            ("d", Value::Object(Vec::new())),
            ("e", Value::Bool(true)),
        ]);
        assert_eq!(
            v.render(),
            "{\n  \"a\": [\n    false,\n    null\n  ],\n  \"b\": \"q\\\"\\\\\\n\\u0001é\",\n  \"c\": [],\n  \"d\": {},\n  \"e\": true\n}\n"
        );
    }
}

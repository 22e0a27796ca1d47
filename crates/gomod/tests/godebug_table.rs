//! Our table of GODEBUG settings (`gomod::resolve::godebug`) against the one the installed go
//! was built with: `GOROOT/src/internal/godebugs/table.go`, read in place at test time. The
//! known settings are its `All` table's names; the removed ones its `Removed` table's entries,
//! with the values their `Old` predicate accepts (`one`, `zero`, or a literal comparing the
//! value with quoted strings). A form of `Old` this reader does not know fails the test.

use gomod_test_support::go;

use gomod::resolve::godebug::{KNOWN, REMOVED};

/// The text of `var NAME = []TYPE{ ... }` up to its closing `}` at the start of a line.
fn table_body<'a>(source: &'a str, header: &str) -> &'a str {
    let start = source
        .find(header)
        .unwrap_or_else(|| panic!("table.go has no `{header}`"));
    let body = &source[start + header.len()..];
    let end = body
        .find("\n}")
        .unwrap_or_else(|| panic!("table.go's `{header}` table does not end"));
    &body[..end]
}

/// The quoted string after `field: ` on a line, if any.
fn quoted_field<'a>(line: &'a str, field: &str) -> Option<&'a str> {
    let rest = &line[line.find(&format!("{field}: \""))? + field.len() + 3..];
    Some(&rest[..rest.find('"')?])
}

/// The number after `field: ` on a line, if any.
fn number_field(line: &str, field: &str) -> Option<u32> {
    let rest = &line[line.find(&format!("{field}: "))? + field.len() + 2..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The values an `Old:` predicate accepts.
fn old_values(line: &str) -> Vec<String> {
    let old = &line[line
        .find("Old: ")
        .unwrap_or_else(|| panic!("no Old in {line}"))
        + 5..];
    if old.starts_with("one,") || old.starts_with("one}") {
        return vec!["1".to_owned()];
    }
    if old.starts_with("zero,") || old.starts_with("zero}") {
        return vec!["0".to_owned()];
    }
    assert!(
        old.starts_with("func(s string) bool {"),
        "an Old predicate this test cannot read: {line}"
    );
    let body = &old[..old.find("}}").unwrap_or(old.len())];
    let values: Vec<String> = body
        .split("s == \"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().map(str::to_owned))
        .collect();
    assert!(
        !values.is_empty(),
        "an Old predicate this test cannot read: {line}"
    );
    values
}

#[test]
fn godebug_tables_match_the_installed_go() {
    let path = go::goroot().join("src/internal/godebugs/table.go");
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "reading {} (the installed go's GODEBUG table): {e}",
            path.display()
        )
    });

    let mut go_known: Vec<&str> = table_body(&source, "var All = []Info{")
        .lines()
        .filter_map(|line| quoted_field(line, "Name"))
        .collect();
    go_known.sort_unstable();
    assert!(
        go_known.len() > 20,
        "table.go's All table looks empty: {go_known:?}"
    );
    assert_eq!(
        KNOWN,
        &go_known[..],
        "gomod::resolve::godebug::KNOWN differs from {}",
        path.display()
    );

    let go_removed: Vec<(String, u32, Vec<String>)> =
        table_body(&source, "var Removed = []RemovedInfo{")
            .lines()
            .filter_map(|line| {
                let name = quoted_field(line, "Name")?;
                let minor = number_field(line, "Removed")
                    .unwrap_or_else(|| panic!("no Removed release in {line}"));
                Some((name.to_owned(), minor, old_values(line)))
            })
            .collect();
    assert!(
        !go_removed.is_empty(),
        "table.go's Removed table looks empty"
    );
    let ours: Vec<(String, u32, Vec<String>)> = REMOVED
        .iter()
        .map(|r| {
            (
                r.name.to_owned(),
                r.removed_minor,
                r.old_values.iter().map(|v| (*v).to_owned()).collect(),
            )
        })
        .collect();
    assert_eq!(
        ours,
        go_removed,
        "gomod::resolve::godebug::REMOVED differs from {}",
        path.display()
    );
}

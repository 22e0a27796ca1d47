//! Which replace directive of a go.mod or go.work file applies to a module version, as the go
//! command decides in `modload.Replacement` (cmd/go/internal/modload/modfile.go): a directive
//! naming that exact version wins over one for every version of the path; among equals, the
//! first in the file. The directives are indexed by the path they replace, since a file may
//! hold as many of them as requirements and every requirement looks one up.

use std::collections::HashMap;

use super::Replace;

/// The replace directives of one file, found by the path they replace.
#[derive(Debug, Default)]
pub struct Replacements<'a> {
    /// For each replaced path, its directives in file order.
    by_path: HashMap<&'a str, Vec<&'a Replace>>,
}

impl<'a> Replacements<'a> {
    /// Indexes `directives` (a file's `replace` list).
    pub fn new(directives: &'a [Replace]) -> Replacements<'a> {
        let mut by_path: HashMap<&'a str, Vec<&'a Replace>> = HashMap::new();
        for r in directives {
            by_path.entry(r.old.path.as_str()).or_default().push(r);
        }
        Replacements { by_path }
    }

    /// The directive that replaces `path@version`, if any.
    pub fn pick(&self, path: &str, version: &str) -> Option<&'a Replace> {
        let list = self.by_path.get(path)?;
        list.iter()
            .find(|r| r.old.version == version)
            .or_else(|| list.iter().find(|r| r.old.version.is_empty()))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> crate::modfile::ModFile {
        match crate::modfile::parse("go.mod", text.as_bytes()) {
            Ok(file) => file,
            Err(e) => panic!("{e}"),
        }
    }

    fn target(r: Option<&Replace>) -> Option<String> {
        r.map(|r| {
            format!("{} {}", r.new.path, r.new.version)
                .trim_end()
                .to_owned()
        })
    }

    /// A versioned directive wins over a path-wide one wherever either stands in the file;
    /// among directives of the same kind the first counts; other versions and paths fall back
    /// to the path-wide directive or to none.
    #[test]
    fn a_versioned_directive_wins_then_the_first() {
        let file = parsed(
            "module m\n\
             replace a.com/x => ../x\n\
             replace a.com/x v1.2.0 => b.com/x v1.2.1\n\
             replace a.com/x v1.2.0 => c.com/x v1.2.2\n\
             replace a.com/y v1.0.0 => b.com/y v1.0.1\n",
        );
        let replacements = Replacements::new(&file.replace);
        assert_eq!(
            target(replacements.pick("a.com/x", "v1.2.0")).as_deref(),
            Some("b.com/x v1.2.1")
        );
        assert_eq!(
            target(replacements.pick("a.com/x", "v1.3.0")).as_deref(),
            Some("../x")
        );
        assert_eq!(
            target(replacements.pick("a.com/y", "v1.0.0")).as_deref(),
            Some("b.com/y v1.0.1")
        );
        assert_eq!(target(replacements.pick("a.com/y", "v2.0.0")), None);
        assert_eq!(target(replacements.pick("a.com/z", "v1.0.0")), None);
    }
}

//! A [`Bundle`] as the resolver's input: its root go.mod (or go.work), its directories' go.mod
//! files for directory replacements and workspace modules, and its GOPROXY-layout files for
//! dependencies.

use std::borrow::Cow;

use super::input::{Input, ModSource, Settings, Workspace};
use crate::bundle::{Bundle, WorkspaceFile};

impl ModSource for Bundle {
    fn gomod(&self, path: &str, version: &str) -> Option<Cow<'_, [u8]>> {
        self.dependency_gomod(path, version).map(Cow::Borrowed)
    }
    fn versions(&self, path: &str) -> Vec<String> {
        Bundle::versions(self, path)
    }
    fn dir_gomod(&self, dir: &str) -> Option<Cow<'_, [u8]>> {
        let dir = if dir == "." { "" } else { dir };
        self.workspace_file(dir, WorkspaceFile::GoMod)
            .map(Cow::Borrowed)
    }
    fn sum_files(&self) -> Vec<(String, Cow<'_, [u8]>)> {
        if self.workspace_file("", WorkspaceFile::GoWork).is_none() {
            return self
                .workspace_file("", WorkspaceFile::GoSum)
                .map(|data| ("go.sum".to_owned(), Cow::Borrowed(data)))
                .into_iter()
                .collect();
        }
        let main = self
            .workspace_file("", WorkspaceFile::GoWorkSum)
            .unwrap_or_default();
        let mut files = vec![("go.work.sum".to_owned(), Cow::Borrowed(main))];
        for (dir, which, file) in self.workspace_files() {
            if which == WorkspaceFile::GoSum {
                let name = if dir.is_empty() {
                    "go.sum".to_owned()
                } else {
                    format!("{dir}/go.sum")
                };
                files.push((name, Cow::Borrowed(file.data.as_slice())));
            }
        }
        files
    }
}

/// The resolver input for a bundle: workspace mode when it has a root go.work, otherwise its
/// root go.mod. `None` when it has neither.
pub fn bundle_input(bundle: &Bundle, settings: Settings) -> Option<Input<'_>> {
    let gowork = bundle.workspace_file("", WorkspaceFile::GoWork);
    let gomod = bundle.workspace_file("", WorkspaceFile::GoMod);
    if gowork.is_none() && gomod.is_none() {
        return None;
    }
    Some(Input {
        gomod: gomod.unwrap_or_default(),
        gomod_name: "go.mod",
        workspace: gowork.map(|w| Workspace { gowork: w }),
        source: bundle,
        settings,
    })
}

#[cfg(test)]
mod tests {
    use super::bundle_input;
    use crate::bundle::Bundle;
    use crate::resolve::{list_all, Settings};

    /// A directory replacement from a bundle; the expected output is what go1.27.3 printed for
    /// the same files in a file-system GOPROXY (`go list -m all`, -mod=mod).
    #[test]
    fn resolves_a_bundle() {
        let txtar = "-- go.mod --\nmodule example.com/m\n\ngo 1.21\n\nrequire example.com/b v1.2.0\n\nreplace example.com/b => ./localb\n-- localb/go.mod --\nmodule example.com/b\n\ngo 1.21\n\nrequire example.com/f v1.1.0\n-- example.com/f/@v/v1.1.0.mod --\nmodule example.com/f\n\ngo 1.16\n";
        let b = Bundle::from_txtar(txtar.as_bytes());
        let input = bundle_input(&b, Settings::default()).expect("bundle has a go.mod");
        let out = list_all(&input);
        assert_eq!(out.stderr, "");
        assert_eq!(
            out.stdout,
            "example.com/m\nexample.com/b v1.2.0 => ./localb\nexample.com/f v1.1.0\n"
        );
    }
}

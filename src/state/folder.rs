//! What opening or dropping a folder does to the input: a project folder's files replace the
//! input; a module cache's go.mod files are added to it. Which files were read was decided by the
//! core (`gomod::gather::folder_kind` and the rest of `gomod::gather`); `crate::folder` did the reading.

use std::rc::Rc;

use gomod::gather::cache_files;

use super::input::set_file;
use super::{EditorFile, Playground};

/// The files read from a folder the user dropped or opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FolderInput {
    /// A module's or workspace's directory: its go.mod, go.sum, go.work… (relative names) and
    /// how many other entries were skipped unread.
    Project {
        folder: String,
        files: Vec<(String, Vec<u8>)>,
        skipped: usize,
    },
    /// A module cache: the dependency go.mod files found (by bundle name) of the `wanted` ones.
    ModuleCache {
        files: Vec<(String, Vec<u8>)>,
        wanted: usize,
    },
}

/// "1 file", "3 files".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn editor_files(read: Vec<(String, Vec<u8>)>) -> Vec<EditorFile> {
    read.into_iter()
        .map(|(name, data)| EditorFile {
            name,
            text: Rc::from(String::from_utf8_lossy(&data)),
        })
        .collect()
}

impl Playground {
    /// The module cache files (bundle names) that the current go.sum files name.
    pub fn wanted_cache_files(&self) -> Vec<String> {
        cache_files(&self.bundle())
    }

    pub(super) fn open_folder(&mut self, input: FolderInput) {
        match input {
            FolderInput::Project {
                folder,
                files: read,
                skipped,
            } => {
                if read.is_empty() {
                    self.notice = Some(format!(
                        "The folder {folder} has no go.mod, go.sum or go.work; nothing was loaded."
                    ));
                    return;
                }
                let names: Vec<String> = read.iter().map(|(name, _)| name.clone()).collect();
                self.replace_files(editor_files(read), format!("opening the folder {folder}"));
                self.notice = Some(format!(
                    "Read {} from the folder {folder} ({}); skipped {} unread.",
                    count(names.len(), "file", "files"),
                    names.join(", "),
                    count(skipped, "other file or folder", "other files and folders"),
                ));
            }
            FolderInput::ModuleCache {
                files: read,
                wanted,
            } => {
                if wanted == 0 {
                    self.notice = Some("This looks like a module cache: open or paste your module's go.mod and go.sum first. Only the go.mod files that go.sum names are read from the cache.".to_owned());
                    return;
                }
                let found = read.len();
                if found > 0 {
                    let mut next = self.files.clone();
                    for file in editor_files(read) {
                        set_file(&mut next, &file.name, file.text);
                    }
                    self.replace_files(
                        next,
                        "adding go.mod files from the module cache".to_owned(),
                    );
                }
                let mut notice = format!(
                    "Read {found} of the {} that go.sum names from the module cache.",
                    count(wanted, "go.mod file", "go.mod files")
                );
                if found < wanted {
                    notice.push_str(" The others are not in it: run go mod download in your module, then open the cache again.");
                }
                self.notice = Some(notice);
            }
        }
        self.panel = None;
        self.analyse();
    }
}

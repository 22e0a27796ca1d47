//! Reading a folder the user dropped or opened, without uploading anything: only the files the
//! core selects (`gomod::gather::folder_kind` and the rest of `gomod::gather`) are read, in the browser. A dropped folder is walked
//! lazily through its `FileSystemDirectoryEntry`: a project's hidden, vendored and
//! `node_modules` directories are never listed, and from a module cache only the wanted `.mod`
//! files are looked up by path, so a cache of 100,000 files costs as much as the handful of files
//! the graph needs. A folder opened with the "Open folder" picker arrives as one flat list of
//! files (the browser lists them all), from which the same files are picked by their relative
//! paths.

use gomod::bundle::Bundle;
use gomod::gather::cache_files;
use gomod::gather::{descend_into, folder_kind, keep_project_file, FolderKind};
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use web_sys::wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    File, FileList, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry, FileSystemFlags,
};
use yew::Callback;

use crate::state::FolderInput;

/// Runs a callback-style browser API as a future: `start` gets the success and error callbacks.
async fn callback_api(start: impl FnOnce(&Function, &Function)) -> Result<JsValue, JsValue> {
    let mut start = Some(start);
    let promise = Promise::new(&mut |resolve, reject| {
        if let Some(start) = start.take() {
            start(&resolve, &reject);
        }
    });
    JsFuture::from(promise).await
}

/// Every entry of a directory (`readEntries` returns them in batches until an empty one).
async fn entries(dir: &FileSystemDirectoryEntry) -> Vec<FileSystemEntry> {
    let reader = dir.create_reader();
    let mut all = Vec::new();
    loop {
        let batch = callback_api(|ok, err| {
            if reader
                .read_entries_with_callback_and_callback(ok, err)
                .is_err()
            {
                let _ = err.call0(&JsValue::NULL);
            }
        })
        .await;
        let Ok(batch) = batch else { break };
        let batch: Array = batch.unchecked_into();
        if batch.length() == 0 {
            break;
        }
        all.extend(batch.iter().map(|e| e.unchecked_into::<FileSystemEntry>()));
    }
    all
}

async fn bytes(file: &File) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(Uint8Array::new(&buffer).to_vec())
}

async fn entry_bytes(entry: &FileSystemFileEntry) -> Option<Vec<u8>> {
    let file = callback_api(|ok, err| entry.file_with_callback_and_callback(ok, err))
        .await
        .ok()?;
    bytes(&file.unchecked_into()).await
}

/// A file below `dir` by its relative path, without listing any directory.
async fn file_at(dir: &FileSystemDirectoryEntry, path: &str) -> Option<Vec<u8>> {
    let entry = callback_api(|ok, err| {
        dir.get_file_with_path_and_options_and_callback_and_callback(
            Some(path),
            &FileSystemFlags::new(),
            ok,
            err,
        )
    })
    .await
    .ok()?;
    entry_bytes(&entry.unchecked_into()).await
}

/// A project folder's files, walked from its top entries; and how many entries were skipped.
async fn walk_project(top: Vec<FileSystemEntry>) -> (Vec<(String, Vec<u8>)>, usize) {
    let mut read = Vec::new();
    let mut skipped = 0;
    let mut pending = vec![(String::new(), top)];
    while let Some((dir, list)) = pending.pop() {
        for entry in list {
            let path = if dir.is_empty() {
                entry.name()
            } else {
                format!("{dir}/{}", entry.name())
            };
            if entry.is_directory() {
                if descend_into(&path) {
                    let sub = entries(entry.unchecked_ref()).await;
                    pending.push((path, sub));
                } else {
                    skipped += 1;
                }
            } else if keep_project_file(&path) {
                match entry_bytes(entry.unchecked_ref()).await {
                    Some(data) => read.push((path, data)),
                    None => skipped += 1,
                }
            } else {
                skipped += 1;
            }
        }
    }
    read.sort_by(|a, b| a.0.cmp(&b.0));
    (read, skipped)
}

/// The module cache files wanted: those the project's go.sum names if a project came with the
/// same drop, else those of the current input.
fn wanted_after(project: &[(String, Vec<u8>)], current: &[String]) -> Vec<String> {
    if project.is_empty() {
        current.to_vec()
    } else {
        cache_files(&Bundle::from_files(project.iter().cloned()))
    }
}

/// `dir/name`, or `name` when `dir` is empty.
fn below(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_owned()
    } else {
        format!("{dir}/{name}")
    }
}

/// Reads dropped folders (projects first, then module caches, whose wanted files may come from
/// a project of the same drop) and reports each as a [`FolderInput`].
pub fn read_dropped(
    folders: Vec<FileSystemDirectoryEntry>,
    wanted: Vec<String>,
    done: Callback<FolderInput>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut caches = Vec::new();
        let mut project_files = Vec::new();
        for folder in folders {
            let top = entries(&folder).await;
            let names: Vec<String> = top.iter().map(FileSystemEntry::name).collect();
            match folder_kind(&folder.name(), names.iter().map(String::as_str)) {
                FolderKind::Project => {
                    let (files, skipped) = walk_project(top).await;
                    project_files.extend(files.iter().cloned());
                    done.emit(FolderInput::Project {
                        folder: folder.name(),
                        files,
                        skipped,
                    });
                }
                FolderKind::ModuleCache { download_dir } => caches.push((folder, download_dir)),
            }
        }
        let wanted = wanted_after(&project_files, &wanted);
        for (cache, download_dir) in caches {
            let mut files = Vec::new();
            for name in &wanted {
                if let Some(data) = file_at(&cache, &below(download_dir, name)).await {
                    files.push((name.clone(), data));
                }
            }
            done.emit(FolderInput::ModuleCache {
                files,
                wanted: wanted.len(),
            });
        }
    });
}

/// Reads a folder chosen with the directory picker (each file's `webkitRelativePath` starts
/// with the folder's name).
pub fn read_picked(list: FileList, wanted: Vec<String>, done: Callback<FolderInput>) {
    let mut folder = String::new();
    let mut all: Vec<(String, File)> = Vec::new();
    for file in (0..list.length()).filter_map(|i| list.get(i)) {
        let relative = Reflect::get(&file, &JsValue::from_str("webkitRelativePath"))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let (top, path) = relative.split_once('/').unwrap_or(("", relative.as_str()));
        if folder.is_empty() {
            folder = top.to_owned();
        }
        all.push((path.to_owned(), file));
    }
    let mut top_names: Vec<&str> = all
        .iter()
        .map(|(path, _)| path.split('/').next().unwrap_or(""))
        .collect();
    top_names.dedup();
    let kind = folder_kind(&folder, top_names);
    wasm_bindgen_futures::spawn_local(async move {
        match kind {
            FolderKind::Project => {
                let total = all.len();
                let mut files = Vec::new();
                for (path, file) in all.iter().filter(|(path, _)| keep_project_file(path)) {
                    if let Some(data) = bytes(file).await {
                        files.push((path.clone(), data));
                    }
                }
                files.sort_by(|a, b| a.0.cmp(&b.0));
                let skipped = total - files.len();
                done.emit(FolderInput::Project {
                    folder,
                    files,
                    skipped,
                });
            }
            FolderKind::ModuleCache { download_dir } => {
                // One pass over the (possibly huge) list, looking each path up among the wanted
                // ones: `wanted` is sorted, and so are its paths below the one download directory.
                let paths: Vec<String> = wanted
                    .iter()
                    .map(|name| below(download_dir, name))
                    .collect();
                let mut files = Vec::new();
                for (path, file) in &all {
                    let Ok(index) = paths.binary_search(path) else {
                        continue;
                    };
                    if let (Some(name), Some(data)) = (wanted.get(index), bytes(file).await) {
                        files.push((name.clone(), data));
                    }
                }
                files.sort_by(|a, b| a.0.cmp(&b.0));
                done.emit(FolderInput::ModuleCache {
                    files,
                    wanted: wanted.len(),
                });
            }
        }
    });
}

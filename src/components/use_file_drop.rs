//! The hook that reads files into the playground: files and folders dropped anywhere on the
//! workspace, and a folder picked with "Open folder" (for keyboard users and those who do not
//! drag). Reading is the browser's asynchronous work; what the files become is the reducer's
//! (`Action::Drop`, `Action::OpenFolder`).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::{read_as_bytes, FileReader};
use gloo::file::File;
use web_sys::wasm_bindgen::JsCast;
use web_sys::{FileSystemDirectoryEntry, HtmlInputElement};
use yew::prelude::*;

use crate::state::{Action, FolderInput, Playground};

/// A dropped file's name and bytes.
type DroppedFile = (String, Vec<u8>);

/// The workspace's drop handlers and the hidden folder picker behind "Open folder".
pub struct FileDrop {
    pub ondragover: Callback<DragEvent>,
    pub ondrop: Callback<DragEvent>,
    /// The "Open folder" button's click: opens the picker.
    pub open_folder: Callback<MouseEvent>,
    /// The picker's change: reads the folder picked.
    pub folder_picked: Callback<Event>,
    /// The hidden `<input type="file" webkitdirectory>`.
    pub folder_input: NodeRef,
}

#[hook]
pub fn use_file_drop(state: &UseReducerHandle<Playground>) -> FileDrop {
    let dispatch = state.dispatcher();
    // The readers of the last drop: dropping one cancels the reads still running.
    let readers: Rc<RefCell<Vec<FileReader>>> = use_mut_ref(Vec::new).clone();
    let folder_read = {
        let dispatch = dispatch.clone();
        Callback::from(move |input: FolderInput| dispatch.dispatch(Action::OpenFolder(input)))
    };
    let ondrop = {
        let (state, folder_read) = (state.clone(), folder_read.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let Some(transfer) = e.data_transfer() else {
                return;
            };
            // Dropped folders are walked through their entries, which exist only during the
            // event; plain files are read as before.
            let items = transfer.items();
            let folders: Vec<FileSystemDirectoryEntry> = (0..items.length())
                .filter_map(|i| items.get(i))
                .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
                .filter(|entry| entry.is_directory())
                .map(|entry| entry.unchecked_into())
                .collect();
            if !folders.is_empty() {
                crate::folder::read_dropped(
                    folders,
                    state.wanted_cache_files(),
                    folder_read.clone(),
                );
                return;
            }
            let Some(list) = transfer.files() else {
                return;
            };
            let files: Vec<File> = (0..list.length())
                .filter_map(|i| list.get(i))
                .map(File::from)
                .collect();
            let expected = files.len();
            let collected: Rc<RefCell<Vec<DroppedFile>>> = Rc::default();
            let mut readers = readers.borrow_mut();
            readers.clear();
            for file in files {
                let (dispatch, collected, name) =
                    (dispatch.clone(), collected.clone(), file.name());
                readers.push(read_as_bytes(&file, move |result| {
                    let mut done = collected.borrow_mut();
                    match result {
                        Ok(bytes) => done.push((name, bytes)),
                        Err(_) => done.push((name, Vec::new())),
                    }
                    if done.len() == expected {
                        dispatch.dispatch(Action::Drop(std::mem::take(&mut *done)));
                    }
                }));
            }
        })
    };
    let folder_input = use_node_ref();
    let open_folder = {
        let folder_input = folder_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = folder_input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let folder_picked = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                crate::folder::read_picked(list, state.wanted_cache_files(), folder_read.clone());
            }
            // The same folder can be picked again after the user changed it.
            input.set_value("");
        })
    };
    FileDrop {
        ondragover: Callback::from(|e: DragEvent| e.prevent_default()),
        ondrop,
        open_folder,
        folder_picked,
        folder_input,
    }
}

//! Keeps the user's input across reloads: the files and the go command settings, in the page's
//! localStorage. Files are stored length-prefixed (not as txtar, which would add missing final
//! newlines and misread lines that look like file markers), so they come back byte for byte. Failures (storage disabled, quota exceeded by a huge
//! paste) are reported to the caller, never thrown.

use gomod::analyze::Toolchain;

use crate::state::{EditorFile, Settings};

const FILES_KEY: &str = "gomodplay.files.v1";
const GO_VERSION_KEY: &str = "gomodplay.go-version.v1";
const TOOLCHAIN_KEY: &str = "gomodplay.gotoolchain.v1";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Saves the files and settings; false when the browser refused (the input stays on the page).
pub fn save(files: &[EditorFile], settings: &Settings) -> bool {
    let Some(storage) = local_storage() else {
        return false;
    };
    storage.set_item(FILES_KEY, &encode(files)).is_ok()
        && storage
            .set_item(GO_VERSION_KEY, &settings.go_version)
            .is_ok()
        && storage
            .set_item(TOOLCHAIN_KEY, settings.toolchain.as_str())
            .is_ok()
}

/// The saved files and settings, if any were saved.
pub fn load() -> Option<(Vec<EditorFile>, Settings)> {
    let storage = local_storage()?;
    let files = decode(&storage.get_item(FILES_KEY).ok().flatten()?)?;
    let mut settings = Settings::default();
    if let Some(v) = storage.get_item(GO_VERSION_KEY).ok().flatten() {
        settings.go_version = v;
    }
    if storage.get_item(TOOLCHAIN_KEY).ok().flatten().as_deref() == Some("auto") {
        settings.toolchain = Toolchain::Auto;
    }
    Some((files, settings))
}

const FORMAT: &str = "gomodplay-files 1\n";

/// `FORMAT`, then for each file `LEN:NAME` and `LEN:TEXT` (lengths in bytes).
pub fn encode(files: &[EditorFile]) -> String {
    let mut out = String::from(FORMAT);
    for f in files {
        for part in [&f.name, &f.text] {
            out.push_str(&part.len().to_string());
            out.push(':');
            out.push_str(part);
        }
    }
    out
}

/// The files [`encode`] wrote; `None` for anything else.
pub fn decode(data: &str) -> Option<Vec<EditorFile>> {
    let mut rest = data.strip_prefix(FORMAT)?;
    let mut take = || -> Option<Option<String>> {
        if rest.is_empty() {
            return Some(None);
        }
        let (len, after) = rest.split_once(':')?;
        let len: usize = len.parse().ok()?;
        let part = after.get(..len)?;
        rest = after.get(len..)?;
        Some(Some(part.to_owned()))
    };
    let mut files = Vec::new();
    while let Some(name) = take()? {
        let text = take()??;
        files.push(EditorFile { name, text });
    }
    Some(files)
}

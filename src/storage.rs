//! Keeps the user's input across reloads: the files and the go command settings, in the page's
//! localStorage, or in IndexedDB when they are too large for it (browsers give localStorage
//! about 5 MB; a large go.sum is more). Files are stored length-prefixed (not as txtar, which
//! would add missing final newlines and misread lines that look like file markers), so they
//! come back byte for byte. Failures (storage disabled, quota exceeded) are reported to the
//! caller, never thrown.
//!
//! Which store holds the files is decided in localStorage: its files entry is either the
//! files or [`IN_INDEXED_DB`], written only once IndexedDB has stored them, so a reload
//! during a save finds the previous input, never nothing.

use gomod::analyze::Toolchain;
use web_sys::js_sys::Function;
use web_sys::wasm_bindgen::closure::Closure;
use web_sys::wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

use gomod::analyze::Options;

use crate::state::{default_settings, go_version_text, EditorFile};

const FILES_KEY: &str = "gomodplay.files.v1";
const GO_VERSION_KEY: &str = "gomodplay.go-version.v1";
const TOOLCHAIN_KEY: &str = "gomodplay.gotoolchain.v1";

/// The localStorage files entry that says the files are in IndexedDB.
const IN_INDEXED_DB: &str = "gomodplay-files in IndexedDB\n";
const DB_NAME: &str = "gomodplay";
const DB_STORE: &str = "input";
const DB_KEY: &str = "files";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What the last visit saved.
pub enum Saved {
    Nothing,
    /// The files and settings, read at once from localStorage.
    Here(Vec<EditorFile>, Options),
    /// The settings; the files are in IndexedDB ([`load_large`] reads them).
    InIndexedDb(Options),
}

/// Saves the files and settings. The files go to localStorage, or to IndexedDB when
/// localStorage refuses them; `failed` is called if neither takes them (the input then stays
/// on the page only).
pub fn save(files: &[EditorFile], settings: &Options, failed: impl FnOnce() + 'static) {
    let Some(storage) = local_storage() else {
        failed();
        return;
    };
    let settings_saved = storage
        .set_item(GO_VERSION_KEY, go_version_text(settings))
        .is_ok()
        && storage
            .set_item(TOOLCHAIN_KEY, settings.toolchain.as_str())
            .is_ok();
    let encoded = encode(files);
    if settings_saved && storage.set_item(FILES_KEY, &encoded).is_ok() {
        return;
    }
    save_large(encoded, move |saved| {
        if !saved || storage.set_item(FILES_KEY, IN_INDEXED_DB).is_err() {
            failed();
        }
    });
}

/// The saved files and settings, if any were saved.
pub fn load() -> Saved {
    let Some(storage) = local_storage() else {
        return Saved::Nothing;
    };
    let Some(files) = storage.get_item(FILES_KEY).ok().flatten() else {
        return Saved::Nothing;
    };
    let mut settings = default_settings();
    if let Some(v) = storage.get_item(GO_VERSION_KEY).ok().flatten() {
        settings.go_version = Some(v).filter(|v| !v.is_empty());
    }
    if storage.get_item(TOOLCHAIN_KEY).ok().flatten().as_deref() == Some("auto") {
        settings.toolchain = Toolchain::Auto;
    }
    if files == IN_INDEXED_DB {
        return Saved::InIndexedDb(settings);
    }
    match decode(&files) {
        Some(files) => Saved::Here(files, settings),
        None => Saved::Nothing,
    }
}

/// A JavaScript callback that runs `f` once (and is freed then).
fn once(f: impl FnOnce(JsValue) + 'static) -> Function {
    Closure::once_into_js(f).unchecked_into()
}

/// Opens the playground's IndexedDB database (creating its one store on first use) and hands
/// it to `then`, or `None` when the browser refuses.
fn open_db(then: impl FnOnce(Option<IdbDatabase>) + 'static) {
    let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten());
    let Some(request) = factory.and_then(|f| f.open_with_u32(DB_NAME, 1).ok()) else {
        then(None);
        return;
    };
    let upgrading = request.clone();
    request.set_onupgradeneeded(Some(&once(move |_| {
        if let Some(db) = upgrading
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
        {
            let _ = db.create_object_store(DB_STORE);
        }
    })));
    // Exactly one of success and error fires: both share the one continuation.
    let then = std::rc::Rc::new(std::cell::Cell::new(Some(then)));
    let (on_success, on_error) = (then.clone(), then);
    let opened = request.clone();
    request.set_onsuccess(Some(&once(move |_| {
        let db = opened
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(then) = on_success.take() {
            then(db);
        }
    })));
    request.set_onerror(Some(&once(move |_| {
        if let Some(then) = on_error.take() {
            then(None);
        }
    })));
}

/// Stores the encoded files in IndexedDB; `done` learns whether the transaction committed.
fn save_large(encoded: String, done: impl FnOnce(bool) + 'static) {
    open_db(move |db| {
        let transaction = db.and_then(|db| {
            db.transaction_with_str_and_mode(DB_STORE, IdbTransactionMode::Readwrite)
                .ok()
        });
        let stored = transaction.as_ref().is_some_and(|t| {
            t.object_store(DB_STORE).ok().is_some_and(|store| {
                store
                    .put_with_key(&JsValue::from_str(&encoded), &JsValue::from_str(DB_KEY))
                    .is_ok()
            })
        });
        let Some(transaction) = transaction.filter(|_| stored) else {
            done(false);
            return;
        };
        let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
        let (on_complete, on_error) = (done.clone(), done);
        transaction.set_oncomplete(Some(&once(move |_| {
            if let Some(done) = on_complete.take() {
                done(true);
            }
        })));
        transaction.set_onerror(Some(&once(move |_| {
            if let Some(done) = on_error.take() {
                done(false);
            }
        })));
    });
}

/// Reads the files [`save`] put in IndexedDB; `then` gets `None` when they are not there.
pub fn load_large(then: impl FnOnce(Option<Vec<EditorFile>>) + 'static) {
    open_db(move |db| {
        let request: Option<IdbRequest> = db
            .and_then(|db| db.transaction_with_str(DB_STORE).ok())
            .and_then(|t| t.object_store(DB_STORE).ok())
            .and_then(|store| store.get(&JsValue::from_str(DB_KEY)).ok());
        let Some(request) = request else {
            then(None);
            return;
        };
        let then = std::rc::Rc::new(std::cell::Cell::new(Some(then)));
        let (on_success, on_error) = (then.clone(), then);
        let read = request.clone();
        request.set_onsuccess(Some(&once(move |_| {
            let files = read
                .result()
                .ok()
                .and_then(|value| value.as_string())
                .and_then(|text| decode(&text));
            if let Some(then) = on_success.take() {
                then(files);
            }
        })));
        request.set_onerror(Some(&once(move |_| {
            if let Some(then) = on_error.take() {
                then(None);
            }
        })));
    });
}

/// The input a share link replaced, kept while Undo can bring it back (see
/// [`crate::state::Playground::before_share`]): the Go version line, the GOTOOLCHAIN line, then
/// the files as [`encode`] writes them. Only in localStorage: an input too large for it is kept
/// for this visit only, on the undo stack.
const BEFORE_SHARE_KEY: &str = "gomodplay.before-share.v1";

/// Keeps the input a share link replaced, so that a reload still offers it back.
pub fn save_before_share(files: &[EditorFile], settings: &Options) {
    if let Some(storage) = local_storage() {
        let value = format!(
            "{}\n{}\n{}",
            go_version_text(settings),
            settings.toolchain.as_str(),
            encode(files)
        );
        if storage.set_item(BEFORE_SHARE_KEY, &value).is_err() {
            let _ = storage.remove_item(BEFORE_SHARE_KEY);
        }
    }
}

/// The input the last share link replaced, if it is still kept.
pub fn load_before_share() -> Option<(Vec<EditorFile>, Options)> {
    let value = local_storage()?.get_item(BEFORE_SHARE_KEY).ok()??;
    let (go_version, rest) = value.split_once('\n')?;
    let (toolchain, files) = rest.split_once('\n')?;
    let settings = Options {
        go_version: Some(go_version.to_owned()).filter(|v| !v.is_empty()),
        toolchain: if toolchain == "auto" {
            Toolchain::Auto
        } else {
            Toolchain::Local
        },
    };
    Some((decode(files)?, settings))
}

/// Forgets the input a share link replaced (it was brought back, or left the undo stack).
pub fn forget_before_share() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(BEFORE_SHARE_KEY);
    }
}

const FORMAT: &str = "gomodplay-files 1\n";

/// `FORMAT`, then for each file `LEN:NAME` and `LEN:TEXT` (lengths in bytes).
pub fn encode(files: &[EditorFile]) -> String {
    let mut out = String::from(FORMAT);
    for f in files {
        for part in [f.name.as_str(), &*f.text] {
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
        files.push(EditorFile {
            name,
            text: text.into(),
        });
    }
    Some(files)
}

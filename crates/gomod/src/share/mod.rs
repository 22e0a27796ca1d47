//! Share links: the playground's whole state (files, go command settings, open view, focused
//! module) in a URL fragment, through a versioned codec.
//!
//! # The format, version 1
//!
//! A fragment is base64url without padding (RFC 4648 section 5) of one format-version byte, `1`,
//! followed by raw DEFLATE (RFC 1951, no zlib or gzip header) of a UTF-8 txtar archive
//! (golang.org/x/tools/txtar). Plain JavaScript can write it:
//! `CompressionStream('deflate-raw')` over the text, prepend the byte 1, base64url.
//!
//! The archive's files are the playground's files, in order. Its comment carries the settings as
//! `key: value` lines; lines without a known key are ignored, so later versions can add keys, and
//! the gallery's examples (`www/examples/*.txtar`, whose headers use the same keys) are valid
//! payloads as they are:
//!
//! | key | value | when absent |
//! |---|---|---|
//! | `go-version` | the Go version of the go command (`1.27.3`; empty: unknown) | the page's default |
//! | `gotoolchain` | `local` or `auto` | `local` |
//! | `view` | the result view shown (`diagnostics`, `graph`, `build`, `fixes`, ...) | the default view |
//! | `focus` | the module path focused in the graph | no focus |
//! | `file` | the file open in the editor | `go.mod` |
//! | `no-final-newline` | a file (one line per file) whose text does not end in a newline: txtar adds one, the decoder removes it | |
//! | `quoted` | a file with lines that txtar would read as file markers: each of its lines is prefixed with `>`, which the decoder removes | |
//! | `derived-sums` | a go.sum file whose `PATH VERSION/go.mod` lines lost their hash: the decoder appends `h1:` of the go.mod at `PATH/@v/VERSION.mod` in the archive | |
//!
//! Only go.sum lines whose go.mod is in the archive can be re-derived; the module zip hashes
//! (`PATH VERSION h1:...`) always stay, since the zips are not in the link.
//!
//! Decoding refuses, with an error that says why, anything that is not such a fragment: other
//! characters, a cut-short text, an unknown version byte, corrupt DEFLATE, an archive that would
//! expand beyond [`MAX_DECODED_BYTES`], text that is not UTF-8, and settings it cannot honour.
//! Golden fragments of every version (`testdata/share/`) must keep decoding.
//!
//! # Who compresses
//!
//! DEFLATE itself is the caller's step, so the core carries no compressor of its own: the web
//! app uses the browser's `CompressionStream`/`DecompressionStream('deflate-raw')` (asynchronous),
//! and native callers (the CLI, the tests) use the `native-deflate` feature, which runs
//! miniz_oxide and offers the one-call [`encode`] and [`decode`]. The steps either way:
//! [`to_txtar`] → raw DEFLATE → [`fragment`] to encode; [`compressed_archive`] → raw inflate,
//! capped at [`MAX_DECODED_BYTES`] → [`from_archive`] to decode.

mod base64url;
#[cfg(feature = "native-deflate")]
mod native_deflate;

use std::fmt;

use crate::analyze::Toolchain;
use crate::bundle::txtar::{self, Unrepresentable};
use crate::bundle::Bundle;
use crate::sum::gomod_hash;
// Go's quoting (not Rust's Debug, whose Unicode tables would weigh on the wasm).
use crate::syntax::quote as go_quote;

pub use base64url::{decode as base64url_decode, encode as base64url_encode, Base64Error};
#[cfg(feature = "native-deflate")]
pub use native_deflate::{decode, deflate, encode, inflate};

/// The format version this code writes.
pub const VERSION: u8 = 1;

/// The most bytes a fragment may expand to: far more than any real bundle in a link, far less
/// than what would hang a browser tab.
pub const MAX_DECODED_BYTES: usize = 8 * 1024 * 1024;

/// The state a link carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharedState {
    /// The files (name, text), in order.
    pub files: Vec<(String, String)>,
    /// The go command's version; `Some("")` means "unknown"; `None`: not said.
    pub go_version: Option<String>,
    pub toolchain: Toolchain,
    pub view: Option<String>,
    pub focus: Option<String>,
    /// The file open in the editor.
    pub file: Option<String>,
}

/// Encoding choices.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EncodeOptions {
    /// Leave out the go.sum hashes of go.mod files that the link holds (they do not compress);
    /// the decoder computes them again.
    pub derive_sums: bool,
}

/// An encoded state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    /// The fragment, without the `#`.
    pub fragment: String,
    /// How many go.sum lines were left out to be re-derived.
    pub derived_sums: usize,
    /// How many go.sum hash lines stay in the link because they cannot be re-derived (module
    /// zip hashes, and go.mod hashes of modules whose go.mod is not in the link).
    pub kept_sums: usize,
}

/// Why a state could not be encoded or a fragment decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing after the `#`.
    Empty,
    Base64(Base64Error),
    /// A format version this code does not know.
    Version(u8),
    Inflate(InflateError),
    NotUtf8,
    /// The archive holds no files.
    NoFiles,
    /// A file name txtar cannot hold, or that appears twice.
    FileName(String),
    /// A setting or file the decoder cannot honour; the text says which.
    Content(String),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Empty => f.write_str("the link holds no state after the #"),
            ShareError::Base64(e) => write!(f, "the link is damaged: {e}"),
            ShareError::Version(v) => write!(
                f,
                "the link uses format version {v}, which this page cannot read (it reads version {VERSION}); a newer gomodplay made it"
            ),
            ShareError::Inflate(e) => write!(f, "the link is damaged: {e}"),
            ShareError::NotUtf8 => f.write_str("the link's content is not UTF-8 text"),
            ShareError::NoFiles => f.write_str("the link holds no files"),
            ShareError::FileName(name) => write!(f, "the file name {} cannot be shared", go_quote(name)),
            ShareError::Content(what) => f.write_str(what),
        }
    }
}

impl std::error::Error for ShareError {}

/// Why the compressed archive of a link could not be expanded, as the caller's DEFLATE reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InflateError {
    /// The data ends before its last block does.
    Truncated,
    /// Something RFC 1951 does not allow.
    Corrupt,
    /// The data would expand beyond the given number of bytes.
    TooLarge(usize),
}

impl fmt::Display for InflateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InflateError::Truncated => f.write_str("the compressed data is cut short"),
            InflateError::Corrupt => f.write_str("the compressed data is corrupt"),
            InflateError::TooLarge(limit) => write!(
                f,
                "the compressed data expands beyond {} MB; refused",
                limit / (1024 * 1024)
            ),
        }
    }
}

/// The fragment (without `#`) of a state whose archive ([`to_txtar`]) the caller compressed
/// with raw DEFLATE: the format version byte, then the compressed archive, in base64url.
pub fn fragment(compressed_archive: &[u8]) -> String {
    let mut payload = Vec::with_capacity(compressed_archive.len() + 1);
    payload.push(VERSION);
    payload.extend_from_slice(compressed_archive);
    base64url_encode(&payload)
}

/// The raw-DEFLATE archive a fragment (with or without its leading `#`) carries, once its
/// encoding and format version are checked; the caller inflates it, at most
/// [`MAX_DECODED_BYTES`], and hands the result to [`from_archive`].
pub fn compressed_archive(fragment: &str) -> Result<Vec<u8>, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Err(ShareError::Empty);
    }
    let mut payload = base64url_decode(fragment).map_err(ShareError::Base64)?;
    match payload.first() {
        None => Err(ShareError::Empty),
        Some(&VERSION) => {
            payload.remove(0);
            Ok(payload)
        }
        Some(&other) => Err(ShareError::Version(other)),
    }
}

/// The state in an inflated archive.
pub fn from_archive(archive: Vec<u8>) -> Result<SharedState, ShareError> {
    let text = String::from_utf8(archive).map_err(|_| ShareError::NotUtf8)?;
    from_txtar(&text)
}

/// The version-1 archive of `state`, and the numbers of derived and kept go.sum hash lines.
pub fn to_txtar(
    state: &SharedState,
    options: &EncodeOptions,
) -> Result<(Vec<u8>, usize, usize), ShareError> {
    let mut comment = String::new();
    if let Some(v) = &state.go_version {
        setting(&mut comment, "go-version", v)?;
    }
    setting(&mut comment, "gotoolchain", state.toolchain.as_str())?;
    for (key, value) in [
        ("view", &state.view),
        ("focus", &state.focus),
        ("file", &state.file),
    ] {
        if let Some(value) = value {
            setting(&mut comment, key, value)?;
        }
    }
    let bundle = Bundle::from_files(
        state
            .files
            .iter()
            .map(|(name, text)| (name.clone(), text.as_bytes().to_vec())),
    );
    let (mut derived_sums, mut kept_sums) = (0, 0);
    let mut files = Vec::new();
    for (name, text) in &state.files {
        if files.iter().any(|f: &txtar::File| &f.name == name) {
            return Err(ShareError::FileName(name.clone()));
        }
        let mut data = text.clone();
        if is_sum_file(name) {
            let (derived, kept) = if options.derive_sums {
                drop_derivable_sums(&bundle, text)
            } else {
                (None, count_hash_lines(text))
            };
            kept_sums += kept;
            if let Some((dropped, count)) = derived {
                derived_sums += count;
                data = dropped;
                setting(&mut comment, "derived-sums", name)?;
            }
        }
        if !data.is_empty() && !data.ends_with('\n') {
            setting(&mut comment, "no-final-newline", name)?;
            data.push('\n');
        }
        let mut file = txtar::File {
            name: name.clone(),
            data: data.into_bytes(),
        };
        match txtar::representable(&file) {
            Ok(()) => {}
            Err(Unrepresentable::MarkerLine) => {
                setting(&mut comment, "quoted", name)?;
                file.data = quote(&file.data);
            }
            Err(_) => return Err(ShareError::FileName(name.clone())),
        }
        files.push(file);
    }
    let archive = txtar::Archive {
        comment: comment.into_bytes(),
        files,
    };
    Ok((txtar::format(&archive), derived_sums, kept_sums))
}

/// Reads a version-1 archive.
pub fn from_txtar(text: &str) -> Result<SharedState, ShareError> {
    let archive = txtar::parse(text.as_bytes());
    let comment = String::from_utf8_lossy(&archive.comment);
    let mut state = SharedState::default();
    let (mut no_final_newline, mut quoted, mut derived) = (Vec::new(), Vec::new(), Vec::new());
    for line in comment.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_owned();
        match key.trim() {
            "go-version" => state.go_version = Some(value),
            "gotoolchain" => {
                state.toolchain = match value.as_str() {
                    "local" => Toolchain::Local,
                    "auto" => Toolchain::Auto,
                    _ => {
                        return Err(ShareError::Content(format!(
                            "the link's GOTOOLCHAIN setting {} is neither local nor auto",
                            go_quote(&value)
                        )))
                    }
                }
            }
            "view" => state.view = Some(value),
            "focus" => state.focus = Some(value),
            "file" => state.file = Some(value),
            "no-final-newline" => no_final_newline.push(value),
            "quoted" => quoted.push(value),
            "derived-sums" => derived.push(value),
            _ => {}
        }
    }
    if archive.files.is_empty() {
        return Err(ShareError::NoFiles);
    }
    for file in archive.files {
        if state.files.iter().any(|(name, _)| *name == file.name) {
            return Err(ShareError::Content(format!(
                "the link holds the file {} twice",
                go_quote(&file.name)
            )));
        }
        let mut data = file.data;
        if quoted.contains(&file.name) {
            data = unquote(&data).ok_or_else(|| {
                ShareError::Content(format!(
                    "the quoted file {} has a line without its > prefix",
                    go_quote(&file.name)
                ))
            })?;
        }
        if no_final_newline.contains(&file.name) && data.last() == Some(&b'\n') {
            data.pop();
        }
        // The whole text was checked to be UTF-8, and only ASCII was taken away.
        let text = String::from_utf8(data).map_err(|_| ShareError::NotUtf8)?;
        state.files.push((file.name, text));
    }
    if !derived.is_empty() {
        let bundle = Bundle::from_files(
            state
                .files
                .iter()
                .map(|(name, text)| (name.clone(), text.as_bytes().to_vec())),
        );
        for (name, text) in state.files.iter_mut() {
            if derived.contains(name) {
                *text = derive_sums(&bundle, name, text)?;
            }
        }
    }
    Ok(state)
}

fn setting(comment: &mut String, key: &str, value: &str) -> Result<(), ShareError> {
    if value.contains(['\n', '\r']) || value.trim() != value {
        return Err(ShareError::Content(format!(
            "the {key} value {} cannot be shared",
            go_quote(value)
        )));
    }
    comment.push_str(key);
    comment.push_str(": ");
    comment.push_str(value);
    comment.push('\n');
    Ok(())
}

/// Whether a file holds go.sum lines: `go.sum` and `go.work.sum`, at the root or below.
fn is_sum_file(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    base == "go.sum" || base == "go.work.sum"
}

fn count_hash_lines(text: &str) -> usize {
    text.lines().filter(|l| l.split(' ').count() == 3).count()
}

/// `PATH VERSION/go.mod HASH` as its three parts, when the line is exactly that (single spaces).
fn gomod_sum_line(line: &str) -> Option<(&str, &str, Option<&str>)> {
    let mut fields = line.split(' ');
    let path = fields.next()?;
    let version = fields.next()?.strip_suffix("/go.mod")?;
    let hash = fields.next();
    if fields.next().is_some() || path.is_empty() || version.is_empty() {
        return None;
    }
    Some((path, version, hash))
}

/// go.sum text with the hashes the decoder can compute left out, and how many; `None` when
/// nothing can be left out, or when re-deriving would not give back exactly `text` (a line that
/// already looks like a left-out one). Also the number of hash lines that stay.
fn drop_derivable_sums(bundle: &Bundle, text: &str) -> (Option<(String, usize)>, usize) {
    let mut out = String::with_capacity(text.len());
    let (mut dropped, mut kept) = (0, 0);
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        let derivable = gomod_sum_line(body).and_then(|(path, version, hash)| {
            let hash = hash?;
            let gomod = bundle.dependency_gomod(path, version)?;
            (gomod_hash(gomod) == hash).then(|| format!("{path} {version}/go.mod"))
        });
        match derivable {
            Some(shortened) => {
                dropped += 1;
                out.push_str(&shortened);
                out.push_str(&line[body.len()..]);
            }
            None => {
                if body.split(' ').count() == 3 {
                    kept += 1;
                }
                out.push_str(line);
            }
        }
    }
    let exact = derive_sums(bundle, "go.sum", &out).is_ok_and(|back| back == text);
    if dropped == 0 || !exact {
        return (None, count_hash_lines(text));
    }
    (Some((out, dropped)), kept)
}

/// Puts back the hashes [`drop_derivable_sums`] left out.
fn derive_sums(bundle: &Bundle, file: &str, text: &str) -> Result<String, ShareError> {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    for (number, line) in text.split_inclusive('\n').enumerate() {
        let body = line.strip_suffix('\n').unwrap_or(line);
        match gomod_sum_line(body) {
            Some((path, version, None)) => {
                let gomod = bundle.dependency_gomod(path, version).ok_or_else(|| {
                    ShareError::Content(format!(
                        "{file}:{}: the hash of {path}@{version}/go.mod cannot be re-derived: its go.mod is not in the link",
                        number + 1
                    ))
                })?;
                out.push_str(body);
                out.push(' ');
                out.push_str(&gomod_hash(gomod));
                out.push_str(&line[body.len()..]);
            }
            _ => out.push_str(line),
        }
    }
    Ok(out)
}

/// Prefixes every line with `>`.
fn quote(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + data.len() / 16 + 1);
    for line in data.split_inclusive(|&b| b == b'\n') {
        out.push(b'>');
        out.extend_from_slice(line);
    }
    out
}

/// Removes the `>` that [`quote`] added; `None` when a line lacks it.
fn unquote(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    for line in data.split_inclusive(|&b| b == b'\n') {
        out.extend_from_slice(line.strip_prefix(b">")?);
    }
    Some(out)
}

#[cfg(test)]
mod tests;

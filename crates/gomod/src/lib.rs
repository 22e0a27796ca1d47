//! `gomod`: Go modules, exactly as the go command reads them.
//!
//! The crate is pure Rust and performs no I/O: callers hand it bytes and get back values,
//! diagnostics and text. It never panics on any input. Every file format has three layers, as in
//! golang.org/x/mod: a syntax tree with positions and comments (`syntax`), a typed model that
//! points back into that tree (`modfile`, `workfile`), and a printer that round-trips.
//!
//! # The API the front ends use
//!
//! The CLI, the web app and the JavaScript API call these, and only these, entry points; each
//! module's other public items are its data types. Implementation modules are private (or, when
//! a test compares them with go directly, public but hidden from the documentation).
//!
//! - Whole analysis: [`analyze::analyze`] (the check report, the resolution, what could not
//!   run), [`analyze::Options`] (the user's go version and `GOTOOLCHAIN`), fix previews
//!   ([`analyze::preview_fix`], [`analyze::preview_all_fixes`]), what-if
//!   ([`analyze::what_if::preview`]), the page's view models ([`analyze::findings`],
//!   [`analyze::build_list`], [`analyze::views`]) and the worker's wire format
//!   ([`analyze::wire`]).
//! - Rules: [`check::check`], [`check::fix_bundle`], the catalogue [`check::RULES`].
//! - The module graph: [`resolve::resolve`] (a [`resolve::Resolution`]), the go command's
//!   outputs ([`resolve::list_all`], [`resolve::mod_graph`]), a pasted `go mod graph`
//!   ([`resolve::resolve_graph_text`]) and `go mod why -m` ([`resolve::explain`]).
//! - Files: [`bundle::Bundle`] (every input file by name), [`modfile`], [`workfile`], [`sum`],
//!   [`vendor`] (parse, format, edit), [`version`] and [`path`] (x/mod's semver, module and
//!   path rules).
//! - Output: [`export`] (DOT, Mermaid, JSON, text, CSV), [`layout`] (the Graph view's drawing
//!   and its focus sub-graphs), [`share`] (link fragments), [`explain_error`] (go's error output
//!   decoded), [`gather`] (the commands and file selection that collect a user's whole graph).

#![cfg_attr(
    test,
    allow(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        reason = "a test fails by panicking; the no-panic lints (Cargo.toml) are for the core's own code"
    )
)]

pub mod analyze;
pub mod bundle;
pub mod check;
pub mod explain_error;
pub mod export;
pub mod gather;
pub mod layout;
pub mod modfile;
pub mod path;
pub mod resolve;
pub mod share;
pub mod sort;
pub mod sum;
pub mod syntax;
pub mod vendor;
pub mod version;
pub mod workfile;

//! `gomod`: Go modules, exactly as the go command reads them.
//!
//! The crate is pure Rust and performs no I/O: callers hand it bytes and get back values,
//! diagnostics and text. It never panics on any input. Every file format has three layers, as in
//! golang.org/x/mod: a syntax tree with positions and comments (`syntax`), a typed model that
//! points back into that tree (`modfile`, `workfile`), and a printer that round-trips.

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

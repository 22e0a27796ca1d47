//! The gomodplay web app: a Yew single-page application over the `gomod` core.
//!
//! The app holds no Go-modules logic of its own: [`state`] is the one reducer, which asks the
//! core ([`gomod::analyze`]) for answers; the components under [`components`] only render that
//! state and turn user input into [`state::Action`]s; [`storage`] keeps the input across
//! reloads; [`gallery`] holds the curated example bundles; [`analysis_worker`] runs the analysis
//! in a Web Worker.

pub mod analysis_worker;
pub mod components;
pub mod embed_code;
pub mod folder;
pub mod gallery;
pub mod share;
pub mod state;
pub mod storage;

pub use components::app::App;

/// A small, typical go.mod in canonical form (the web cases in `tests/cases` check it with go).
pub const EXAMPLE_GO_MOD: &str = include_str!("example.go.mod");

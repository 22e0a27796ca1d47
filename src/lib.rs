//! The gomodplay web app: a Yew single-page application over the `gomod` core.
//!
//! The app holds no Go-modules logic of its own. All state lives in one reducer ([`state`]),
//! which asks the core for answers; the components under [`components`] only render that state
//! and turn user input into [`state::Action`]s.

pub mod components;
pub mod state;

pub use components::app::App;

/// The go.mod the playground opens with: a small, typical module, already in canonical form.
pub const EXAMPLE_GO_MOD: &str = include_str!("example.go.mod");

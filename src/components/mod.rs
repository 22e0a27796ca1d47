//! The page's components. Each renders part of [`crate::state::Playground`] and reports user
//! input as callbacks; none of them computes anything about Go modules.

pub mod app;
pub mod editor;
pub mod result_panel;

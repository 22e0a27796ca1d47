//! The page's components. Each renders part of [`crate::state::Playground`] and reports user
//! input as callbacks; none of them computes anything about Go modules.

pub mod app;
pub mod build_list;
pub mod conflicts;
pub mod editor;
pub mod gosum_view;
pub mod graph_view;
pub mod result_panel;
pub mod what_if;

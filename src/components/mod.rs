//! The page's components. Each renders part of [`crate::state::Playground`] and reports user
//! input as [`crate::state::Action`]s; none of them computes anything about Go modules.

pub mod accessibility;
pub mod app;
pub mod build_list;
pub mod conflicts;
pub mod diagnostics;
pub mod diagnostics_item;
pub mod diagnostics_unchecked;
pub mod editor;
pub mod editor_highlight;
pub mod editor_offer;
pub mod embed_panel;
pub mod embed_view;
pub mod error_explained;
pub mod explain;
pub mod file_tabs;
pub mod fix_preview;
pub mod gallery;
pub mod gosum_view;
pub mod graph_export;
pub mod graph_view;
pub mod requirement_tree;
pub mod same_analysis;
pub mod share_panel;
pub mod toolbar;
pub mod toolbar_add_file;
pub mod toolbar_paste;
pub mod use_analysis_schedule;
pub mod use_analysis_worker;
pub mod use_embed_host;
pub mod use_file_drop;
pub mod use_saved_input;
pub mod use_share_link;
pub mod views;
pub mod what_if;
pub mod whole_graph;

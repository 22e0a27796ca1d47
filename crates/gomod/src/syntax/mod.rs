//! The go.mod / go.work syntax layer, shared by `modfile` and `workfile`: a lexer over bytes
//! (decoded as UTF-8 rune by rune, as Go does), a parser that keeps every comment, the printer
//! behind `go mod edit -fmt`, and Go's string quoting.
//!
//! Everything here follows golang.org/x/mod/modfile's reader and printer behaviour exactly,
//! including error texts and positions; the go binary is the reference (see the golden tests
//! under `testdata/syntax`).

mod comments;
mod lexer;
mod parser;
mod position;
mod printer;
pub mod quote;
pub mod text;
mod tree;
pub mod unicode;
#[rustfmt::skip]
mod unicode_tables;
pub mod utf8;

pub use parser::parse;
pub use position::{Error, ErrorList, Position};
pub use printer::format;
pub use quote::{auto_quote, must_quote, quote, unquote};
pub use tree::{
    Comment, CommentBlock, Comments, FileSyntax, Line, LineBlock, LineId, LineLocation, Paren, Stmt,
};

#[cfg(test)]
mod tests;

//! The go.mod / go.work syntax layer, shared by `modfile` and `workfile`: a lexer over bytes
//! (decoded as UTF-8 rune by rune, as Go does), a parser that keeps every comment, the printer
//! behind `go mod edit -fmt`, and Go's string quoting.
//!
//! Everything here follows golang.org/x/mod/modfile's reader and printer behaviour exactly,
//! including error texts and positions; the go binary is the reference (see the golden tests
//! under `testdata/syntax`).
//!
//! Token and comment texts are byte strings, since Go keeps invalid UTF-8 as it is. Error
//! messages are `String`s for display; when Go's text would contain invalid UTF-8 copied from
//! the input, [`Error::raw_message`] holds the exact bytes and [`ErrorList::to_bytes`] prints
//! them as the go command does (use it wherever output must match go byte for byte).

mod comments;
mod edit;
mod lexer;
mod parser;
mod position;
mod printer;
#[doc(hidden)] // Not part of the API: public only for the tests that compare it with go.
pub mod quote;
pub(crate) mod text;
mod tree;
#[doc(hidden)] // Not part of the API: public only for the tests that compare it with go.
pub mod unicode;
#[rustfmt::skip]
mod unicode_tables;
pub(crate) mod utf8;

pub use parser::parse;
pub use position::{Error, ErrorKind, ErrorList, Position};
pub use printer::format;
pub use quote::{auto_quote, must_quote, quote, unquote};
pub use tree::{
    Comment, CommentBlock, Comments, FileSyntax, Line, LineBlock, LineId, LineLocation, Paren, Stmt,
};

#[cfg(test)]
mod tests;

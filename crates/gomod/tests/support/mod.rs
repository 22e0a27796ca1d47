//! Shared helpers of the integration tests.
#![allow(dead_code)]

pub mod corpus;
pub mod go;
pub mod scratch;
pub mod universe;
pub mod universe_oracle;

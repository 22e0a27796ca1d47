//! Test support shared by every crate's tests and benchmarks, written once: the core's
//! integration tests, the CLI's tests and the benchmarks depend on this crate
//! (`[dev-dependencies]`), instead of each including the files it needs by path.
//!
//! - The one seeded generator (`rng`: `GOMODPLAY_SEED`, `GOMODPLAY_CASES`) and what it
//!   generates: bytes and tokens (`gen_bytes`), go.mod and go.work text (`gen_text`,
//!   `gen_modfile`, `gen_workfile`), module universes for the resolver (`universe`) and for
//!   go.sum (`sum_universe`), and the large inputs of the scaling tests (`large`).
//! - The one go oracle: `go` locates the reference go command (`.venv/bin/go`, which `make setup`
//!   installs, or `GOMODPLAY_GO`) and starts it; `gocmd` runs it on single
//!   files, `sum_go` against a file-system module proxy, `universe_oracle` on a universe, `xmod`
//!   through a driver over golang.org/x/mod as the go distribution vendors it.
//! - Places: `scratch` directories, the shared corpus of real repositories (`corpus`, found
//!   relative to the workspace; a test that needs it fails when it is missing), the data-driven
//!   cases under `crates/gomod/testdata` (`case_files`; the `.in`/`.golden` pairs with
//!   `UPDATE_GOLDEN=1`, `golden`; txtar sections read independently of the core, `txtar`), and the layout comparison with ELK
//!   (`elk_compare`).
//!
//! Helpers panic with a message on failure: they run only in tests, where a panic is the
//! failure.

pub mod case_files;
pub mod corpus;
pub mod elk_compare;
pub mod gen_bytes;
pub mod gen_modfile;
pub mod gen_text;
pub mod gen_workfile;
pub mod go;
pub mod gocmd;
pub mod golden;
pub mod large;
pub mod rng;
pub mod scratch;
pub mod sum_go;
pub mod sum_universe;
pub mod txtar;
pub mod universe;
pub mod universe_oracle;
pub mod xmod;

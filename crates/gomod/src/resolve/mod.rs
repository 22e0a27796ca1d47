//! Module resolution: Go's requirement graph and Minimal Version Selection, exactly as
//! `go list -m all` and `go mod graph` compute them (spec section 7).

pub mod mvs;

#[cfg(test)]
mod mvs_dsl;

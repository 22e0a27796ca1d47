//! The TypeScript shapes of the arguments and results, appended to the `.d.ts` that wasm-bindgen
//! generates. They mirror the serde shapes of the core (`camelCase` fields, `null` for `None`,
//! arrays for tuples); `tests.rs` checks every interface's fields against serialised values.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const RESULT_TYPES: &'static str = include_str!("types.d.ts");

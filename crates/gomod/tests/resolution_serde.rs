//! The structured resolution serialises (serde) to the exact JSON the web app and the JavaScript
//! API hand to JavaScript. The universe is tiny; its facts (build list, graph edges, go line) are
//! what go 1.27.3 prints for it (checked by hand against a file proxy with the same go.mod files,
//! GOFLAGS=-mod=mod GOTOOLCHAIN=local GOSUMDB=off): `go list -m all` gives `example.com/m`,
//! `example.com/a v1.0.0`, `example.com/b v1.1.0`; `go mod graph` gives exactly the seven edges of
//! the JSON, in its order (the indirect b v1.0.0 root raised to v1.1.0 by the -mod=mod fix-up);
//! the go.sum it writes holds exactly the two `/go.mod` hashes under `sums.graph`.
//! `UPDATE_GOLDEN=1` rewrites the JSON file.

use gomod::resolve::{resolve, Cmd, Input, MapSource, Settings};

#[test]
fn resolution_serialises_to_exact_json() {
    let mut source = MapSource::default();
    source.add_module(
        "example.com/a",
        "v1.0.0",
        b"module example.com/a\n\ngo 1.21\n\nrequire example.com/b v1.1.0\n",
        true,
    );
    source.add_module(
        "example.com/b",
        "v1.0.0",
        b"module example.com/b\n\ngo 1.21\n",
        true,
    );
    source.add_module(
        "example.com/b",
        "v1.1.0",
        b"module example.com/b\n\ngo 1.21\n",
        true,
    );
    let gomod = b"module example.com/m\n\ngo 1.21\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0 // indirect\n)\n";
    let input = Input {
        gomod,
        gomod_name: "go.mod",
        workspace: None,
        source: &source,
        settings: Settings::default(),
    };
    let resolution = resolve(&input, Cmd::ListAll);
    let json = serde_json::to_string_pretty(&resolution).expect("serialise");
    let golden = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/testdata/resolve/serde/resolution.json"
    );
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::write(golden, format!("{json}\n")).expect("write golden");
    }
    let want = std::fs::read_to_string(golden).expect("read golden");
    assert_eq!(json, want.trim_end());
}

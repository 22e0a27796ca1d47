//! Native tests of the binding: the results are the core's (nothing lost or reordered on the
//! way), the error texts are go's, and every TypeScript interface of `types.d.ts` names exactly
//! the fields its serialised value has.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use gomod::bundle::txtar;
use serde_json::Value;

use super::*;

fn workspace_file(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(workspace_file(relative)).expect(relative)
}

/// The files of a txtar archive (without a `want` section) as the object form of the argument.
fn files_of_txtar(text: &str) -> Files {
    Files(
        txtar::parse(text.as_bytes())
            .files
            .into_iter()
            .filter(|f| f.name != "want")
            .map(|f| (f.name, String::from_utf8_lossy(&f.data).into_owned()))
            .collect(),
    )
}

/// The gallery example of a missing go.sum entry: it has a resolution, fixes and explanations.
fn missing_sum_example() -> Input {
    Input::Files(files_of_txtar(&read(
        "www/examples/07-missing-go-sum-entry.txtar",
    )))
}

fn go_options() -> JsOptions {
    JsOptions {
        go_version: Some("go1.27.3".to_owned()),
        toolchain: None,
    }
}

#[test]
fn analyze_returns_the_core_analysis() {
    let input = missing_sum_example();
    let result = analyze(&input, &go_options()).unwrap();
    let core = gomod::analyze::analyze(&input.bundle(), &go_options().to_core().unwrap());
    assert_eq!(result.diagnostics, core.report.diagnostics);
    assert_eq!(result.skipped, core.report.skipped);
    assert_eq!(result.resolution.as_ref(), core.resolution.as_deref());
    assert_eq!(result.go_commands, core.go_commands());
    // The example's header says which rule it demonstrates.
    let codes: BTreeSet<&str> = result.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, BTreeSet::from(["sum-missing", "sum-missing-zip"]));
    let explained: Vec<&str> = result.explanations.iter().map(|r| r.code).collect();
    assert_eq!(explained, ["sum-missing", "sum-missing-zip"]);
}

#[test]
fn a_txtar_string_and_an_object_give_the_same_result() {
    let text = read("www/examples/07-missing-go-sum-entry.txtar");
    let from_txtar = analyze(&Input::Txtar(text.clone()), &go_options()).unwrap();
    let from_object = analyze(&Input::Files(files_of_txtar(&text)), &go_options()).unwrap();
    assert_eq!(from_txtar, from_object);
}

#[test]
fn options_are_the_selectors_of_the_page() {
    let input = Input::Txtar(read("www/examples/01-go-version-build-script.txtar"));
    let codes = |options: &JsOptions| -> Vec<&'static str> {
        analyze(&input, options)
            .unwrap()
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect()
    };
    let local = JsOptions {
        go_version: Some("1.23.8".to_owned()),
        toolchain: Some("local".to_owned()),
    };
    assert_eq!(codes(&local), ["go-version-too-new"]);
    let auto = JsOptions {
        toolchain: Some("auto".to_owned()),
        ..local.clone()
    };
    assert_eq!(codes(&auto), Vec::<&str>::new());
    let unknown = JsOptions {
        toolchain: Some("path".to_owned()),
        ..local
    };
    assert_eq!(
        analyze(&input, &unknown).unwrap_err(),
        "unknown toolchain \"path\": expected \"local\" or \"auto\""
    );
}

/// tests/cases/NAME.want is written by scripts/web-cases.sh from `go mod edit -fmt -print`: a
/// verdict line, then go's standard output, or for `errors` its standard error, whose first line
/// is the go command's own header and the rest the parse errors.
#[test]
fn format_agrees_with_go_on_the_web_cases() {
    let dir = workspace_file("tests/cases");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.to_str().and_then(|p| p.strip_suffix(".go.mod")) else {
            continue;
        };
        let input = std::fs::read_to_string(&path).unwrap();
        let want = std::fs::read_to_string(format!("{name}.want")).unwrap();
        let (verdict, text) = want.split_once('\n').unwrap();
        let got = format(&input, None);
        match verdict {
            "canonical" | "formatted" => assert_eq!(got.as_deref(), Ok(text), "{name}"),
            "errors" => {
                let errors = text
                    .strip_prefix("go: errors parsing go.mod:\n")
                    .unwrap_or_else(|| panic!("{name}: go's header"));
                assert_eq!(got, Err(errors.to_owned()), "{name}");
            }
            other => panic!("{name}: unknown verdict {other}"),
        }
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} web cases");
}

/// The expected texts are go 1.27.3's: `go work edit -fmt -print go.work` and
/// `go mod edit -fmt -print go.mod` (standard error after its `go: errors parsing go.mod:` line)
/// on the same three lines.
#[test]
fn format_reads_go_work_files_by_name() {
    let text = "go 1.22\nuse ./a\nuse ./b\n";
    let go_work_fmt = "go 1.22\n\nuse ./a\n\nuse ./b\n";
    assert_eq!(format(text, Some("go.work")).unwrap(), go_work_fmt);
    assert_eq!(
        format(text, Some("sub/team.work")).unwrap(),
        go_work_fmt,
        "a name ending in .work"
    );
    assert_eq!(
        format(text, None).unwrap_err(),
        "go.mod:2: unknown directive: use\ngo.mod:3: unknown directive: use"
    );
}

#[test]
fn apply_fixes_returns_the_core_fix_in_the_input_order() {
    let text = read("crates/gomod/testdata/check/duplicate-require.txtar");
    let input = Input::Files(files_of_txtar(&text));
    let result = apply_fixes(&input, None, &JsOptions::default()).unwrap();
    let core = check::fix_bundle(&input.bundle(), &gomod::analyze::Options::default(), &[]);
    let core_files: Vec<(String, String)> = core
        .bundle
        .files()
        .iter()
        .map(|f| (f.name.clone(), String::from_utf8(f.data.clone()).unwrap()))
        .collect();
    assert_eq!(result.files.0, core_files);
    assert_eq!(result.txtar.as_bytes(), core.bundle.to_txtar());
    assert_eq!(result.changed, ["go.mod"]);
    let applied: Vec<&str> = result.applied.iter().map(|a| a.code).collect();
    assert_eq!(applied, ["duplicate-require", "not-formatted"]);
    assert_eq!(result.diagnostics, core.report.diagnostics);
}

#[test]
fn apply_fixes_only_applies_the_codes_given() {
    let input = Input::Txtar(read("crates/gomod/testdata/check/duplicate-require.txtar"));
    let only = ["not-formatted".to_owned()];
    let result = apply_fixes(&input, Some(&only), &JsOptions::default()).unwrap();
    let applied: Vec<&str> = result.applied.iter().map(|a| a.code).collect();
    assert_eq!(applied, ["not-formatted"]);
    let unknown = ["no-such-rule".to_owned()];
    assert_eq!(
        apply_fixes(&input, Some(&unknown), &JsOptions::default()).unwrap_err(),
        "unknown rule \"no-such-rule\""
    );
}

#[test]
fn files_serialise_as_an_object_in_their_order() {
    let files = Files(vec![
        ("go.mod".to_owned(), "module m\n".to_owned()),
        ("a/go.mod".to_owned(), "module a\n".to_owned()),
    ]);
    let json = serde_json::to_string(&files).unwrap();
    assert_eq!(json, r#"{"go.mod":"module m\n","a/go.mod":"module a\n"}"#);
    let back: Files = serde_json::from_str(&json).unwrap();
    assert_eq!(back, files);
}

/// Field names of every `export interface` in types.d.ts.
fn interfaces() -> BTreeMap<String, BTreeSet<String>> {
    let text = include_str!("../types.d.ts");
    let mut out = BTreeMap::new();
    let mut current: Option<(String, BTreeSet<String>)> = None;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("export interface ") {
            let name = rest.trim_end_matches(" {").trim().to_owned();
            current = Some((name, BTreeSet::new()));
        } else if line == "}" {
            if let Some((name, fields)) = current.take() {
                out.insert(name, fields);
            }
        } else if let Some((_, fields)) = current.as_mut() {
            let line = line.trim();
            if let Some((field, _)) = line.split_once(':') {
                if !line.starts_with("/*") && !line.starts_with('*') {
                    fields.insert(field.trim_end_matches('?').to_owned());
                }
            }
        }
    }
    out
}

fn keys(value: &Value) -> BTreeSet<String> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .cloned()
        .collect()
}

#[test]
fn typescript_interfaces_match_the_serialised_shapes() {
    let interfaces = interfaces();
    let analysis =
        serde_json::to_value(analyze(&missing_sum_example(), &go_options()).unwrap()).unwrap();
    let resolution = &analysis["resolution"];
    let diagnostic = &analysis["diagnostics"][0];
    let fix = &diagnostic["fixes"][0];
    let fixed =
        serde_json::to_value(apply_fixes(&missing_sum_example(), None, &go_options()).unwrap())
            .unwrap();
    let not_run = serde_json::to_value(
        analyze(
            &Input::Files(Files(vec![(
                "go.mod".to_owned(),
                "module m\n\nrequire example.com/x v1.0.0\n".to_owned(),
            )])),
            &JsOptions::default(),
        )
        .unwrap(),
    )
    .unwrap();
    let problems = serde_json::to_value(
        analyze(
            &Input::Files(Files(vec![("../go.mod".to_owned(), String::new())])),
            &JsOptions::default(),
        )
        .unwrap(),
    )
    .unwrap();
    let options = serde_json::json!({"goVersion": null, "toolchain": null});
    let explanation = serde_json::to_value(
        why(
            &missing_sum_example(),
            "github.com/google/uuid",
            &go_options(),
            None,
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(keys(&explanation["requiredBy"][0][0]), interfaces["Module"]);
    let error_explanation = serde_json::to_value(explain_error(
        &format!("{MISSING_SUM_ERROR}make: *** [build] Error 1\n"),
        Some(&missing_sum_example()),
    ))
    .unwrap();
    let samples: Vec<(&str, &Value)> = vec![
        ("AnalyzeOptions", &options),
        ("AnalyzeResult", &analysis),
        ("Diagnostic", diagnostic),
        ("Span", &diagnostic["span"]),
        ("ByteRange", &diagnostic["span"]["bytes"]),
        ("Fix", fix),
        ("TextEdit", &fix["edits"][0]),
        ("ByteRange", &fix["edits"][0]["range"]),
        ("Skipped", &not_run["skipped"][0]),
        ("Rule", &analysis["explanations"][0]),
        ("Resolution", resolution),
        ("Module", &resolution["roots"][0]),
        ("BuildListEntry", &resolution["buildList"][0]),
        ("GraphNode", &resolution["nodes"][0]),
        ("SumNeeds", &resolution["sums"]),
        ("SumNeed", &resolution["sums"]["graph"][0]),
        ("NotRun", &not_run["notRun"][0]),
        ("BundleProblem", &problems["problems"][0]),
        ("ApplyFixesResult", &fixed),
        ("AppliedFix", &fixed["applied"][0]),
        ("ModuleExplanation", &explanation),
        ("ErrorExplanation", &error_explanation),
        ("ExplainedError", &error_explanation["errors"][0]),
        ("Diagnostic", &error_explanation["errors"][0]["findings"][0]),
        ("UnrecognisedText", &error_explanation["unrecognised"][0]),
    ];
    let mut covered = BTreeSet::new();
    for (name, value) in samples {
        let declared = interfaces
            .get(name)
            .unwrap_or_else(|| panic!("types.d.ts declares no interface {name}"));
        assert_eq!(&keys(value), declared, "interface {name}");
        covered.insert(name.to_owned());
    }
    let declared: BTreeSet<String> = interfaces.keys().cloned().collect();
    assert_eq!(covered, declared, "every interface is checked");
    // Options are read with the same field names they are declared with.
    let options: JsOptions =
        serde_json::from_value(serde_json::json!({"goVersion": "1.22.0", "toolchain": "auto"}))
            .unwrap();
    assert_eq!(options.go_version.as_deref(), Some("1.22.0"));
    assert!(serde_json::from_value::<JsOptions>(serde_json::json!({"go": "1.22.0"})).is_err());
    // Edges are [from, to] pairs of modules.
    let edge = &resolution["edges"][0];
    assert_eq!(keys(&edge[0]), interfaces["Module"]);
    assert_eq!(keys(&edge[1]), interfaces["Module"]);
}

#[test]
fn why_is_the_core_explanation_of_the_resolution() {
    let input = missing_sum_example();
    let core = gomod::analyze::analyze(&input.bundle(), &go_options().to_core().unwrap());
    let resolution = core.resolution.expect("the example resolves");
    for path in ["github.com/google/uuid", "example.com/not-in-the-graph"] {
        assert_eq!(
            why(&input, path, &go_options(), Some(3)).unwrap(),
            Some(gomod::resolve::explain(&resolution, path, 3)),
            "{path}"
        );
    }
    let uuid = why(&input, "github.com/google/uuid", &go_options(), None)
        .unwrap()
        .unwrap();
    assert_eq!(uuid.selected.as_deref(), Some("v1.6.0"));
    // Without the dependencies' go.mod files there is no graph to explain.
    let no_graph = Input::Files(Files(vec![(
        "go.mod".to_owned(),
        "module m\n\nrequire example.com/x v1.0.0\n".to_owned(),
    )]));
    assert_eq!(
        why(&no_graph, "example.com/x", &JsOptions::default(), None),
        Ok(None)
    );
}

#[test]
fn rules_are_the_catalogue() {
    assert_eq!(rules(), check::RULES);
    let json = serde_json::to_value(rules()[0]).unwrap();
    assert_eq!(json["code"], "syntax-error");
    assert_eq!(json["severity"], "error");
}

/// What go prints for the gallery example's go.mod and go.sum (go 1.27.3, `go list -m all`).
const MISSING_SUM_ERROR: &str = "go: github.com/google/go-cmp@v0.6.0: missing go.sum entry for go.mod file; to add it:\n\tgo mod download github.com/google/go-cmp\n";

#[test]
fn explain_error_is_the_core_explanation() {
    let input = missing_sum_example();
    let with_files = explain_error(MISSING_SUM_ERROR, Some(&input));
    assert_eq!(
        with_files,
        gomod::explain_error::explain_error(MISSING_SUM_ERROR, Some(&input.bundle()))
    );
    let without = explain_error(MISSING_SUM_ERROR, None);
    assert!(!without.files_given);
    assert!(without.errors[0].findings.is_empty());
    assert_eq!(without.errors[0].id, "missing-gosum-gomod");
    // A txtar string gives the same as the object form.
    let txtar = Input::Txtar(read("www/examples/07-missing-go-sum-entry.txtar"));
    assert_eq!(explain_error(MISSING_SUM_ERROR, Some(&txtar)), with_files);
}

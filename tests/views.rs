//! The result views rendered to HTML with Yew's server-side renderer, and their pure helpers,
//! on one small module graph whose facts were taken from the go binary:
//!
//! m (go 1.21) requires a v1.0.0 and b v1.0.0; a requires c v1.1.0; b requires c v1.2.0 and
//! d v1.0.0; d requires e v1.0.0. With these go.mod files in a file proxy (GOFLAGS=-mod=mod,
//! GOTOOLCHAIN=local, go 1.27.3), `go mod graph` prints the module edges m->a, m->b,
//! a->c@v1.1.0, b->c@v1.2.0, b->d@v1.0.0 (d is pruned, so e is not in the graph), and
//! `go list -m -f '{{.Path}} {{.Version}} {{.Indirect}} {{.GoVersion}}' all` prints
//!   example.com/m  false 1.21 / example.com/a v1.0.0 false 1.21 / example.com/b v1.0.0 false 1.21
//!   example.com/c v1.2.0 true 1.22 / example.com/d v1.0.0 true 1.21
//! and leaves go.sum with the /go.mod lines of a, b, c v1.2.0 and d (hashes below).

use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use gomod::analyze::build_list::{filter_rows, go_versions, rows, sort_rows, SortKey};
use gomod::analyze::what_if::{preview, WhatIfRequest};
use gomod::analyze::Options;
use gomod::bundle::Bundle;
use gomod::modfile::ModuleVersion;
use gomod::resolve::{bundle_input, difference, resolve, Cmd, Resolution, Settings};
use gomodplay_web::components::build_list::{BuildList, BuildListProps};
use gomodplay_web::components::graph_view::{
    focus_info, scene, search_modules, GraphView, GraphViewProps,
};
use yew::prelude::*;
use yew::LocalServerRenderer;

/// go.sum lines as `go list -m all` wrote them (go 1.27.3).
const SUM_A: &str = "example.com/a v1.0.0/go.mod h1:5X9SQtfZXIz+z5U6orw0WTbidFysQkJ3wqXLV8AfArA=";
const SUM_D: &str = "example.com/d v1.0.0/go.mod h1:cRMbTNyIwKMHw+NjYf4qxjf+DoPaa/7erlUp0lrXx/0=";

/// The graph the core's view-model tests use too (see the file's comment).
fn bundle() -> Bundle {
    Bundle::from_txtar(include_bytes!(
        "../crates/gomod/testdata/views/universe.txtar"
    ))
}

fn resolution() -> Resolution {
    let bundle = bundle();
    let input = bundle_input(&bundle, Settings::default()).unwrap();
    let res = resolve(&input, Cmd::ModGraph);
    assert_eq!(res.error, None);
    res
}

/// Runs a future that never waits on anything outside itself (server rendering) to the end.
fn block_on<F: Future>(future: F) -> F::Output {
    struct Noop;
    impl Wake for Noop {
        fn wake(self: Arc<Self>) {}
    }
    let waker = Waker::from(Arc::new(Noop));
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
    }
}

fn render<C: BaseComponent>(props: C::Properties) -> String {
    block_on(
        LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// The text of an HTML fragment: tags removed, entities decoded, white space collapsed.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of every table row, cells joined by " | ".
fn table_rows(html: &str) -> Vec<String> {
    html.split("<tr")
        .skip(1)
        .map(|row| {
            let row = row.split("</tr>").next().unwrap_or_default();
            row.split("<t")
                .skip(1)
                .filter(|cell| cell.starts_with('d') || cell.starts_with('h'))
                .map(|cell| text(&format!("<t{cell}")))
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

#[test]
fn build_list_table_text() {
    let res = resolution();
    let props = BuildListProps {
        go_versions: Rc::new(go_versions(&bundle(), &res)),
        resolution: Rc::new(res),
        marks: Rc::default(),
        on_focus: Callback::noop(),
    };
    let html = render::<BuildList>(props);
    assert!(html.contains(r#"aria-label="Build list""#));
    assert_eq!(
        table_rows(&html),
        [
            "Module | Version | Required by | Replacement | Kind | go | Notes",
            "example.com/m |  |  |  | main | 1.21 | ",
            "example.com/a | v1.0.0 | v1.0.0 by example.com/m |  | direct | 1.21 | ",
            "example.com/b | v1.0.0 | v1.0.0 by example.com/m |  | direct | 1.21 | ",
            "example.com/c | v1.2.0 | v1.1.0 by example.com/a@v1.0.0 v1.2.0 by example.com/b@v1.0.0 |  | indirect | 1.22 | ",
            "example.com/d | v1.0.0 | v1.0.0 by example.com/b@v1.0.0 |  | indirect | 1.21 | ",
        ]
    );
    assert!(html.contains("5 of 5 modules"));
}

#[test]
fn build_list_filter_and_sort() {
    let res = resolution();
    let all = rows(&res, &[], &go_versions(&bundle(), &res));
    let paths = |rs: &[&gomod::analyze::build_list::Row]| {
        rs.iter()
            .map(|r| r.path.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        paths(&filter_rows(&all, "  EXAMPLE.COM/C ", false)),
        "example.com/c"
    );
    assert_eq!(
        paths(&filter_rows(&all, "", true)),
        "example.com/m example.com/a example.com/b"
    );
    assert_eq!(paths(&filter_rows(&all, "v1.2", false)), "example.com/c");
    let mut sorted: Vec<_> = all.iter().collect();
    sort_rows(&mut sorted, SortKey::Requirers, true);
    assert_eq!(sorted[0].path, "example.com/c");
    sort_rows(&mut sorted, SortKey::Path, true);
    assert_eq!(
        paths(&sorted),
        "example.com/m example.com/d example.com/c example.com/b example.com/a"
    );
}

#[test]
fn graph_svg_and_focus_panel() {
    let res = Rc::new(resolution());
    let overview = render::<GraphView>(GraphViewProps {
        resolution: res.clone(),
        focus: None,
        on_focus: Callback::noop(),
    });
    assert!(overview.contains(r#"aria-label="Graph""#));
    assert!(overview.contains("<svg"));
    for label in [
        "example.com/m",
        "example.com/a@v1.0.0",
        "example.com/b@v1.0.0",
        "example.com/c@v1.1.0",
        "example.com/c@v1.2.0",
        "example.com/d@v1.0.0",
    ] {
        assert!(overview.contains(&format!(">{label}</text>")), "{label}");
    }
    assert!(overview.contains(r#"class="node node-unselected node-pruned""#));
    assert!(!overview.contains("example.com/e"));

    let focused = render::<GraphView>(GraphViewProps {
        resolution: res.clone(),
        focus: Some("example.com/c".into()),
        on_focus: Callback::noop(),
    });
    let panel = focused.split("<aside").nth(1).expect("a focus panel");
    assert!(panel.contains("graph-focus"));
    assert_eq!(
        text(&format!("<aside{panel}")),
        "example.com/c \
         example.com/c v1.2.0 is selected: Minimal Version Selection picks the highest version required, of v1.1.0, v1.2.0. \
         Required by \
         example.com/a@v1.0.0 requires v1.1.0 \
         example.com/b@v1.0.0 requires v1.2.0 \
         Chains from the main module \
         example.com/m → example.com/b@v1.0.0 → example.com/c@v1.2.0 \
         example.com/m → example.com/a@v1.0.0 → example.com/c@v1.1.0 \
         Back to overview"
    );
    assert!(focused.contains("node node-selected node-pruned node-focus"));
}

/// The Graph view's accessible structure: the drawing is a group of labelled buttons (no
/// interactive element inside `role="img"`, axe's nested-interactive), one of them the tab stop;
/// beside it the requirement tree is a WAI-ARIA tree; a focused module's why-chains are drawn as
/// highlighted edges.
#[test]
fn graph_view_is_a_group_of_buttons_beside_a_requirement_tree() {
    let res = Rc::new(resolution());
    let overview = render::<GraphView>(GraphViewProps {
        resolution: res.clone(),
        focus: None,
        on_focus: Callback::noop(),
    });
    assert!(!overview.contains(r#"role="img""#));
    let svg = overview.split("<svg").nth(1).expect("an svg");
    let svg_tag = svg.split('>').next().unwrap_or_default();
    assert!(svg_tag.contains(r#"role="group""#), "{svg_tag}");
    assert_eq!(svg.matches(r#"role="button""#).count(), 6);
    assert_eq!(svg.matches(r#"tabindex="0""#).count(), 1, "one tab stop");
    assert!(overview.contains(r#"role="tree" aria-label="Requirements""#));
    let tree = overview.split(r#"role="tree""#).nth(1).expect("a tree");
    // The main module (expanded) and its two requirements.
    assert_eq!(tree.matches(r#"role="treeitem""#).count(), 3);
    assert!(tree.contains(r#"aria-level="1""#) && tree.contains(r#"aria-level="2""#));
    assert!(tree.contains(r#"aria-expanded="true""#) && tree.contains(r#"aria-expanded="false""#));
    assert_eq!(overview.matches("edge-chain").count(), 0);

    let focused = render::<GraphView>(GraphViewProps {
        resolution: res,
        focus: Some("example.com/c".into()),
        on_focus: Callback::noop(),
    });
    // m → a → c v1.1.0 and m → b → c v1.2.0, as the focus panel lists them.
    assert_eq!(focused.matches(" edge-chain\"").count(), 4);
}

#[test]
fn markup_in_module_paths_is_text() {
    let mut res = resolution();
    res.build_list[1].module.path = "<img src=x onerror=alert(1)>".to_owned();
    res.nodes[1].module.path = "<script>x</script>".to_owned();
    let html = render::<BuildList>(BuildListProps {
        resolution: Rc::new(res.clone()),
        marks: Rc::default(),
        go_versions: Rc::default(),
        on_focus: Callback::noop(),
    });
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    let svg = render::<GraphView>(GraphViewProps {
        resolution: Rc::new(res),
        focus: None,
        on_focus: Callback::noop(),
    });
    assert!(!svg.contains("<script>"));
}

#[test]
fn scene_and_search() {
    let res = resolution();
    let s = scene(&res, None, &Default::default());
    assert_eq!(s.nodes.len(), 6);
    assert_eq!(s.edges.len(), 5);
    assert_eq!(s.hidden, 0);
    // The main module is alone on the top layer, its requirements one layer below.
    assert_eq!(s.nodes[0].y, 16.0);
    assert!(s.nodes[1..3].iter().all(|n| n.y == 16.0 + 28.0 + 48.0));
    assert_eq!(
        search_modules(&res, "M/C", 8),
        ["example.com/c"],
        "case-insensitive"
    );
    assert_eq!(search_modules(&res, "example.com/", 2).len(), 2);
    assert!(focus_info(&res, "example.com/zzz")
        .verdict
        .ends_with("is not in the build list."));
    assert_eq!(
        focus_info(&res, "example.com/a").verdict,
        "example.com/a v1.0.0 is selected: it is the only version required (1 requirement)."
    );
}

#[test]
fn what_if_requests() {
    let b = bundle();
    let options = Options::default();
    // `go get example.com/b@none` (go 1.27.3) leaves a v1.0.0 and c v1.1.0: b and d go, c is
    // lowered. Only what matters to the panel is asserted here; the core's what-if cases
    // (crates/gomod/testdata/what_if) compare whole build lists with go.
    let dropped = preview(
        &b,
        &options,
        &WhatIfRequest::Drop {
            path: "example.com/b".to_owned(),
        },
    );
    assert_eq!(dropped.command, "go get example.com/b@none");
    let dropped = dropped.outcome.expect("drop computed");
    assert!(dropped
        .removed
        .contains(&ModuleVersion::new("example.com/b", "v1.0.0")));
    // With `exclude example.com/c v1.2.0` added, `go list -m all` (go 1.27.3) selects c v1.1.0
    // and keeps everything else.
    let excluded = preview(
        &b,
        &options,
        &WhatIfRequest::Exclude {
            path: "example.com/c".to_owned(),
            version: "v1.2.0".to_owned(),
        },
    );
    assert_eq!(
        excluded.command,
        "go mod edit -exclude=example.com/c@v1.2.0"
    );
    assert!(excluded.apply.is_some());
    let excluded = excluded.outcome.expect("exclude computed");
    assert_eq!(
        excluded.changed,
        [(
            "example.com/c".to_owned(),
            "v1.2.0".to_owned(),
            "v1.1.0".to_owned()
        )]
    );
    assert!(excluded.added.is_empty() && excluded.removed.is_empty());
    // A replacement does not change selected versions: go lists
    // `example.com/c v1.2.0 => example.com/c v1.1.0`.
    let replaced = preview(
        &b,
        &options,
        &WhatIfRequest::Replace {
            path: "example.com/c".to_owned(),
            version: "v1.2.0".to_owned(),
            new_path: "example.com/c".to_owned(),
            new_version: "v1.1.0".to_owned(),
        },
    )
    .outcome
    .expect("replace computed");
    assert!(
        replaced.changed.is_empty() && replaced.added.is_empty() && replaced.removed.is_empty()
    );
    assert_eq!(replaced.build_list.len(), 5);
    let w = difference(
        vec![
            ModuleVersion::new("x", "v1.0.0"),
            ModuleVersion::new("y", "v1.0.0"),
        ],
        vec![
            ModuleVersion::new("x", "v1.1.0"),
            ModuleVersion::new("z", "v1.0.0"),
        ],
    );
    assert_eq!(w.added, [ModuleVersion::new("z", "v1.0.0")]);
    assert_eq!(w.removed, [ModuleVersion::new("y", "v1.0.0")]);
}

/// With GOMODPLAY_VIEWS_DEMO=FILE, writes a standalone page with every view rendered (focus on
/// example.com/c) and the two stylesheets inlined, for looking at them in a browser.
#[test]
fn demo_page() {
    let Some(out) = std::env::var_os("GOMODPLAY_VIEWS_DEMO") else {
        return;
    };
    use gomodplay_web::components::conflicts::{Conflicts, ConflictsProps};
    use gomodplay_web::components::gosum_view::{GoSumView, GoSumViewProps};
    use gomodplay_web::components::what_if::{WhatIfPanel, WhatIfProps};
    let b = bundle();
    let res = Rc::new(resolution());
    let root = env!("CARGO_MANIFEST_DIR");
    let css = |name: &str| std::fs::read_to_string(format!("{root}/www/{name}")).unwrap();
    let excluded = preview(
        &b,
        &Options::default(),
        &WhatIfRequest::Exclude {
            path: "example.com/c".to_owned(),
            version: "v1.2.0".to_owned(),
        },
    );
    let body = [
        render::<GraphView>(GraphViewProps {
            resolution: res.clone(),
            focus: Some("example.com/c".into()),
            on_focus: Callback::noop(),
        }),
        render::<BuildList>(BuildListProps {
            go_versions: Rc::new(go_versions(&b, &res)),
            resolution: res.clone(),
            marks: Rc::default(),
            on_focus: Callback::noop(),
        }),
        render::<Conflicts>(ConflictsProps {
            conflicts: Rc::new(gomod::analyze::views::conflicts(&res, &Default::default())),
            on_focus: Callback::noop(),
            on_diagnostic: Callback::noop(),
        }),
        render::<GoSumView>(GoSumViewProps {
            resolution: res.clone(),
            gosum: format!("{SUM_A}\n{SUM_D}\nexample.com/zzz v1.0.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n").into(),
            on_goto_line: Callback::noop(),
        }),
        render::<WhatIfPanel>(WhatIfProps {
            choices: Rc::new(gomod::analyze::what_if::module_choices(&b, Some(&res))),
            result: Some(Rc::new(excluded)),
            on_preview: Callback::noop(),
            on_apply: Callback::noop(),
            on_copy: Callback::noop(),
        }),
    ]
    .join("\n");
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><style>{}{}</style></head><body><main class=\"workspace\" style=\"display:flex;flex-direction:column\">{body}</main></body></html>",
        css("style.css"),
        css("views.css")
    );
    std::fs::write(out, page).unwrap();
}

/// The "Error explained" region on a missing go.sum entry of the views' universe (which has no
/// go.sum): the error is recognised, its finding in the files is located and its fix can be
/// previewed; text that is not go's is shown as not recognised. (The message's format is tested
/// against go in crates/gomod/testdata/explain_error.)
#[test]
fn error_explained_region_locates_the_fix() {
    use gomodplay_web::components::error_explained::explained;
    use gomodplay_web::state::Action;

    let analysis = Rc::new(gomod::analyze::analyze(
        &bundle(),
        &gomod::analyze::Options::default(),
    ));
    let pasted = "2024-05-01T10:00:00.1234567Z \u{1b}[31mgo: example.com/d@v1.0.0: missing go.sum entry for go.mod file; to add it:\u{1b}[0m\n2024-05-01T10:00:00.1234567Z \tgo mod download example.com/d\nsomething else\n";
    let explanation = gomod::explain_error::explain_error(pasted, Some(&analysis.bundle));

    #[derive(Properties, PartialEq)]
    struct Props {
        explanation: Rc<gomod::explain_error::Explanation>,
        analysis: Rc<gomod::analyze::Analysis>,
    }
    #[function_component]
    fn Region(props: &Props) -> Html {
        explained(
            &props.explanation,
            &props.analysis,
            &Callback::<Action>::noop(),
        )
    }
    let html = render::<Region>(Props {
        explanation: Rc::new(explanation),
        analysis,
    });
    let shown = text(&html);
    assert!(html.contains("aria-label=\"Error explained\""), "{html}");
    assert!(shown.contains("missing-gosum-gomod"), "{shown}");
    assert!(shown.contains("go.mod:1 [sum-missing]"), "{shown}");
    assert!(
        shown.contains("Focus example.com/d in the Graph"),
        "{shown}"
    );
    assert_eq!(
        shown.matches("$ go mod download example.com/d").count(),
        1,
        "{shown}"
    );
    assert!(shown.contains("Preview fix"), "{shown}");
    assert!(shown.contains("Not recognised (line 3)"), "{shown}");
    assert!(shown.contains("something else"), "{shown}");
}

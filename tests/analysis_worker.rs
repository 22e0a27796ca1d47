//! The analysis in the worker, natively: what the worker computes and sends (`run_job`) and what
//! the page reads back (`read_answer`) give the page the analysis it would have computed itself,
//! on every gallery example; through the reducer, an input analysed by the worker shows exactly
//! what the in-thread analysis shows, results of an older input are dropped, nothing is acted
//! on while the worker's answer is awaited, the in-thread fallback takes over a pending
//! analysis, and small input is analysed at once in the page's thread.

use std::rc::Rc;

use gomod::analyze::views::ViewInputs;
use gomod::analyze::{analyze, Analysis};
use gomod::bundle::Bundle;
use gomod_test_support::large;
use gomodplay_web::analysis_worker::{read_answer, run_job};
use gomodplay_web::components::accessibility::FindingCounts;
use gomodplay_web::gallery::examples;
use gomodplay_web::state::{
    default_settings, Action, Analyser, EditorFile, Playground, FINDINGS_PER_RULE, GO_MOD, GO_SUM,
    IN_THREAD_MAX_BYTES,
};
use yew::Reducible;

/// A go.mod that parses but is not formatted: its `not-formatted` finding has a fix.
const MESSY_HEAD: &str = "module   example.com/m\n\ngo 1.22.0\n";

/// `text` followed by enough comment lines that the page hands its analysis to the worker.
fn large(text: &str) -> String {
    let padding = "// a comment line that makes the input large\n";
    format!(
        "{text}{}",
        padding.repeat(IN_THREAD_MAX_BYTES / padding.len() + 1)
    )
}

/// A bundle's files as the page's editors hold them: text.
fn editor_texts(bundle: &Bundle) -> Vec<(String, String)> {
    bundle
        .files()
        .iter()
        .map(|f| {
            (
                f.name.clone(),
                String::from_utf8_lossy(&f.data).into_owned(),
            )
        })
        .collect()
}

fn messy() -> String {
    large(MESSY_HEAD)
}

fn open(analyser: Analyser, go_mod: &str) -> Rc<Playground> {
    Rc::new(Playground::open_with(
        Some((vec![EditorFile::new(GO_MOD, go_mod)], default_settings())),
        analyser,
    ))
}

/// What the worker answers for the playground's current input, as the page receives it.
fn worker_answer(p: &Playground) -> Action {
    let files = p
        .files
        .iter()
        .map(|f| (f.name.clone(), f.text.to_string()))
        .collect();
    let bytes = run_job(files, &p.options());
    let answer = read_answer(&bytes).expect("the page reads what the worker wrote");
    Action::Analysed {
        revision: p.revision,
        answer: Rc::new(answer),
        ms: 1.0,
    }
}

#[test]
fn every_example_analysed_by_the_worker_is_the_analysis_of_the_page() {
    let mut resolved = 0;
    for example in examples() {
        let bundle = Bundle::from_txtar(example.txtar.as_bytes());
        let files = editor_texts(&bundle);
        let options = example.settings();
        let here = analyze(&bundle, &options);
        let answer = read_answer(&run_job(files, &options)).expect(example.id);
        resolved += usize::from(answer.results.resolution.is_some());
        assert_eq!(answer.view_inputs, ViewInputs::of(&here), "{}", example.id);
        assert_eq!(
            Analysis::from_results(bundle, answer.results),
            here,
            "{}",
            example.id
        );
    }
    assert!(resolved > 5, "only {resolved} examples resolve a graph");
}

#[test]
fn unreadable_answers_are_refused() {
    assert!(read_answer(b"").is_none());
    let bytes = run_job(
        vec![(GO_MOD.to_owned(), MESSY_HEAD.to_owned())],
        &Default::default(),
    );
    assert!(read_answer(&bytes).is_some());
    assert!(read_answer(&bytes[..bytes.len() / 2]).is_none());
}

/// Every rule case of the core (`crates/gomod/testdata/check`) through the worker's wire: the
/// page reads back exactly what was analysed, findings, fixes and resolution alike.
#[test]
fn every_rule_case_survives_the_wire() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/gomod/testdata/check");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("crates/gomod/testdata/check")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txtar"))
        .collect();
    paths.sort();
    assert!(
        paths.len() > 50,
        "the rule cases are missing: {}",
        paths.len()
    );
    let (mut findings, mut resolved) = (0, 0);
    for path in paths {
        let bundle = Bundle::from_txtar(&std::fs::read(&path).expect("read case"));
        let files = editor_texts(&bundle);
        // The page's files are text: the case's bytes as the editor holds them.
        let bundle = Bundle::from_files(
            files
                .iter()
                .map(|(n, t)| (n.clone(), t.clone().into_bytes())),
        );
        let here = analyze(&bundle, &Default::default());
        findings += here.report.diagnostics.len();
        resolved += usize::from(here.resolution.is_some());
        let back = read_answer(&run_job(files, &Default::default()))
            .unwrap_or_else(|| panic!("{}: unreadable", path.display()));
        assert_eq!(
            back.view_inputs,
            ViewInputs::of(&here),
            "{}",
            path.display()
        );
        assert_eq!(
            Analysis::from_results(bundle, back.results),
            here,
            "{}",
            path.display()
        );
    }
    assert!(
        findings > 100 && resolved > 50,
        "{findings} findings, {resolved} resolutions"
    );
}

#[test]
fn the_worker_analysis_shows_what_the_in_thread_analysis_shows() {
    for example in examples() {
        let load = |p: Rc<Playground>| {
            let p = p.reduce(Action::LoadExample(example.id));
            let text = large(&p.file(GO_MOD).expect("go.mod").text);
            p.reduce(Action::Edit {
                file: GO_MOD.to_owned(),
                text,
            })
            .reduce(Action::Analyse)
        };
        let in_thread = load(open(Analyser::InThread, "module example.com/a\n"));
        let requested = load(open(Analyser::Worker, "module example.com/a\n"));
        // Requested, not run: the older results stay, marked as an older input's.
        assert!(
            requested.awaiting_worker() && !requested.current(),
            "{}",
            example.id
        );
        let answer = worker_answer(&requested);
        let shown = requested.reduce(answer);
        assert!(
            shown.current() && !shown.awaiting_worker(),
            "{}",
            example.id
        );
        assert_eq!(shown.analysis, in_thread.analysis, "{}", example.id);
        assert_eq!(shown.views, in_thread.views, "{}", example.id);
    }
}

#[test]
fn the_first_analysis_is_requested_from_the_worker_at_start_up() {
    let p = open(Analyser::Worker, &messy());
    assert!(p.awaiting_worker());
    assert!(p.analysis.report.diagnostics.is_empty());
    let answer = worker_answer(&p);
    let p = p.reduce(answer);
    assert!(p.current());
    assert!(p
        .analysis
        .report
        .diagnostics
        .iter()
        .any(|d| d.code == "not-formatted"));
}

#[test]
fn results_of_an_older_input_are_dropped() {
    let p = open(Analyser::Worker, &messy());
    let for_messy = worker_answer(&p);
    // Typed over before the worker answered: its answer is for the older revision.
    let typed = large("module example.com/typed\n\ngo 1.22.0\n");
    let p = p
        .reduce(Action::Edit {
            file: GO_MOD.to_owned(),
            text: typed.clone(),
        })
        .reduce(Action::Analyse);
    let p = p.reduce(for_messy);
    assert!(!p.current() && p.awaiting_worker());
    assert!(p.analysis.report.diagnostics.is_empty());
    let answer = worker_answer(&p);
    let p = p.reduce(answer);
    assert!(p.current());
    assert_eq!(p.analysis, open(Analyser::InThread, &typed).analysis);
}

#[test]
fn nothing_is_fixed_while_the_worker_answer_is_awaited() {
    let p = open(Analyser::Worker, &messy());
    let answer = worker_answer(&p);
    let p = p.reduce(answer);
    let fix = p
        .analysis
        .report
        .diagnostics
        .iter()
        .position(|d| d.fixes.iter().any(|f| !f.edits.is_empty()))
        .expect("a fixable finding");
    let typed = format!("{}// typed\n", messy());
    let p = p
        .reduce(Action::Edit {
            file: GO_MOD.to_owned(),
            text: typed.clone(),
        })
        .reduce(Action::Analyse)
        .reduce(Action::PreviewFix {
            diagnostic: fix,
            fix: 0,
        })
        .reduce(Action::ApplyAllFixes);
    assert!(p.preview.is_none());
    assert_eq!(p.file(GO_MOD).map(|f| &*f.text), Some(typed.as_str()));
}

#[test]
fn the_in_thread_fallback_takes_over_a_pending_analysis() {
    let p = open(Analyser::Worker, &messy());
    assert!(p.awaiting_worker());
    let p = p.reduce(Action::AnalyseInThread);
    assert_eq!(p.analyser, Analyser::InThread);
    assert!(p.current());
    assert_eq!(
        p.analysis,
        open(Analyser::InThread, &messy()).analysis,
        "the fallback analyses as the page always did"
    );
    // And from then on every edit is analysed in this thread.
    let p = p
        .reduce(Action::Edit {
            file: GO_MOD.to_owned(),
            text: "module example.com/next\n".to_owned(),
        })
        .reduce(Action::Analyse);
    assert!(p.current());
}

#[test]
fn small_input_is_analysed_at_once_in_the_page() {
    let p = open(Analyser::Worker, MESSY_HEAD);
    assert!(p.current() && !p.awaiting_worker());
    assert_eq!(p.analysis, open(Analyser::InThread, MESSY_HEAD).analysis);
    // Typing it over the size goes to the worker; back under it, to the page again.
    let p = p
        .reduce(Action::Edit {
            file: GO_MOD.to_owned(),
            text: messy(),
        })
        .reduce(Action::Analyse);
    assert!(p.awaiting_worker());
    let p = p
        .reduce(Action::Edit {
            file: GO_MOD.to_owned(),
            text: MESSY_HEAD.to_owned(),
        })
        .reduce(Action::Analyse);
    assert!(p.current() && !p.awaiting_worker());
}

/// A go.mod of `n` requirements and a go.sum without their hashes: two findings per requirement.
fn unsummed(n: usize) -> Vec<EditorFile> {
    vec![
        EditorFile::new(GO_MOD, &large::go_mod_requiring(n)),
        EditorFile::new(GO_SUM, large::UNRELATED_GO_SUM),
    ]
}

/// A huge input's findings: the page holds the first `FINDINGS_PER_RULE` of each rule, whether
/// the worker or the page's thread analysed it, and counts every one of them.
#[test]
fn a_huge_input_holds_the_first_findings_of_each_rule_and_counts_all() {
    let requirements = FINDINGS_PER_RULE + FINDINGS_PER_RULE / 2;
    let files = unsummed(requirements);
    let open_with = |analyser| {
        Rc::new(Playground::open_with(
            Some((files.clone(), default_settings())),
            analyser,
        ))
    };
    let in_thread = open_with(Analyser::InThread);
    let requested = open_with(Analyser::Worker);
    assert!(requested.awaiting_worker());
    let answer = worker_answer(&requested);
    let shown = requested.reduce(answer);
    assert_eq!(shown.analysis, in_thread.analysis);
    let bundle = Bundle::from_files(
        files
            .iter()
            .map(|f| (f.name.clone(), f.text.as_bytes().to_vec())),
    );
    let full = analyze(&bundle, &in_thread.options());
    let mut held: std::collections::HashMap<&str, usize> = Default::default();
    for d in &shown.analysis.report.diagnostics {
        *held.entry(d.code).or_default() += 1;
    }
    let over: Vec<&str> = held
        .iter()
        .filter(|(_, &n)| n == FINDINGS_PER_RULE)
        .map(|(&code, _)| code)
        .collect();
    assert!(
        over.contains(&"sum-missing") && over.contains(&"sum-missing-zip"),
        "held: {held:?}"
    );
    assert!(
        held.values().all(|&n| n <= FINDINGS_PER_RULE),
        "held: {held:?}"
    );
    assert!(full.report.diagnostics.len() >= 2 * requirements);
    assert_eq!(FindingCounts::of(&shown.analysis), FindingCounts::of(&full));
}

//! Nothing stale is acted on, nothing typed is lost: through the app's reducer, results
//! computed for an older input are never current, their fixes change nothing, a fix preview
//! applies only to the text it was computed for, refused (too large) input stays on the page
//! with a message that gives its size exactly, and input restored after start-up never
//! replaces the user's text.

use std::rc::Rc;

use gomodplay_web::state::{
    default_settings, size_text, Action, EditorFile, Playground, GO_MOD, MAX_ANALYSED_FILE_BYTES,
};
use yew::Reducible;

/// A go.mod that parses but is not formatted: its `not-formatted` finding has a fix.
const MESSY: &str = "module   example.com/m\n\ngo 1.22.0\n";

fn playground_with(go_mod: &str) -> Rc<Playground> {
    Rc::new(Playground::open(Some((
        vec![EditorFile::new(GO_MOD, go_mod)],
        default_settings(),
    ))))
}

/// The index of the first finding with a fix that edits text.
fn fixable(p: &Playground) -> usize {
    p.analysis
        .report
        .diagnostics
        .iter()
        .position(|d| d.fixes.iter().any(|f| !f.edits.is_empty()))
        .expect("the input has a fixable finding")
}

fn go_mod_text(p: &Playground) -> &str {
    &p.file(GO_MOD).expect("go.mod is always there").text
}

fn edit(p: Rc<Playground>, text: &str) -> Rc<Playground> {
    p.reduce(Action::Edit {
        file: GO_MOD.to_owned(),
        text: text.to_owned(),
    })
}

/// A go.mod one byte over the limit: a comment line repeated.
fn oversized() -> String {
    let mut text = "// x\n".repeat(MAX_ANALYSED_FILE_BYTES / 5);
    text.push('\n');
    text
}

#[test]
fn sizes_are_shown_exactly() {
    assert_eq!(size_text(0), "0 bytes");
    assert_eq!(size_text(1), "1 byte");
    assert_eq!(size_text(999), "999 bytes");
    assert_eq!(size_text(1_000), "1 kB");
    assert_eq!(size_text(51_234), "51.2 kB");
    assert_eq!(size_text(999_949), "999.9 kB");
    assert_eq!(size_text(999_950), "1 MB");
    assert_eq!(size_text(1_000_000), "1 MB");
    // The size of the go.mod in the report: 1.1 MB, not 1.0 MB.
    assert_eq!(size_text(1_100_000), "1.1 MB");
    assert_eq!(size_text(1_149_999), "1.1 MB");
    assert_eq!(size_text(1_150_000), "1.2 MB");
    assert_eq!(size_text(16_000_000), "16 MB");
}

#[test]
fn the_limit_is_at_least_ten_megabytes_and_a_refusal_says_what_to_do() {
    const { assert!(MAX_ANALYSED_FILE_BYTES >= 10_000_000) };
    let text = oversized();
    let p = edit(playground_with(MESSY), &text).reduce(Action::Analyse);
    let error = p.input_error.clone().expect("the input is refused");
    let size = size_text(text.len());
    let bytes = text.len().to_string();
    let grouped = format!(
        "{},{},{}",
        &bytes[..bytes.len() - 6],
        &bytes[bytes.len() - 6..bytes.len() - 3],
        &bytes[bytes.len() - 3..]
    );
    assert!(
        error.starts_with(&format!("go.mod is {size} ({grouped} bytes): ")),
        "{error}"
    );
    assert!(
        error.contains(&size_text(MAX_ANALYSED_FILE_BYTES)),
        "{error}"
    );
    assert!(error.contains("gomodplay check"), "{error}");
    // The text is kept on the page as it was.
    assert_eq!(go_mod_text(&p), text);
}

#[test]
fn results_of_an_older_input_are_not_current_and_their_fixes_change_nothing() {
    let start = playground_with(MESSY);
    assert!(start.current());
    let finding = fixable(&start);
    let huge = oversized();
    let refused = edit(Rc::clone(&start), &huge).reduce(Action::Analyse);
    assert!(refused.input_error.is_some());
    // The older input's results are still there, but not as the current input's.
    assert!(!refused.current());
    assert!(refused.views.is_none());

    // The case of the report: a fix of the older analysis replaced the huge go.mod with the
    // older text. Neither one fix nor all of them may change anything now.
    let previewed = Rc::clone(&refused).reduce(Action::PreviewFix {
        diagnostic: finding,
        fix: 0,
    });
    assert!(previewed.preview.is_none());
    let applied = previewed.reduce(Action::ApplyPreview);
    assert_eq!(go_mod_text(&applied), huge);
    assert!(applied.undo.len() == refused.undo.len());
    let all = Rc::clone(&refused).reduce(Action::ApplyAllFixes);
    assert_eq!(go_mod_text(&all), huge);
    assert!(all
        .notice
        .as_deref()
        .is_some_and(|n| n.starts_with("Nothing was changed")));
}

#[test]
fn a_pending_edit_is_analysed_before_a_fix_is_computed() {
    let start = playground_with("module example.com/m\n\ngo 1.22.0\n");
    let edited = edit(start, MESSY);
    // Typed, not analysed yet: the results shown are the older input's.
    assert!(!edited.current());
    let previewed = Rc::clone(&edited).reduce(Action::PreviewFix {
        diagnostic: 0,
        fix: 0,
    });
    assert!(previewed.current());
    let finding = fixable(&previewed);
    let previewed = previewed.reduce(Action::PreviewFix {
        diagnostic: finding,
        fix: 0,
    });
    let preview = previewed.preview.clone().expect("a preview");
    assert_eq!(preview.revision, previewed.revision);
    let applied = previewed.reduce(Action::ApplyPreview);
    assert_eq!(go_mod_text(&applied), "module example.com/m\n\ngo 1.22.0\n");
}

#[test]
fn a_preview_applies_only_to_the_text_it_was_computed_for() {
    let start = playground_with(MESSY);
    let finding = fixable(&start);
    let previewed = start.reduce(Action::PreviewFix {
        diagnostic: finding,
        fix: 0,
    });
    let preview = previewed.preview.clone().expect("a preview");
    // The user types after opening the preview (which closes it); even a preview carried over
    // to the edited text must not apply.
    let edited = edit(Rc::clone(&previewed), "module example.com/other\n");
    assert!(edited.preview.is_none());
    let mut carried = (*edited).clone();
    carried.preview = Some(preview);
    let applied = Rc::new(carried).reduce(Action::ApplyPreview);
    assert_eq!(go_mod_text(&applied), "module example.com/other\n");
    assert!(applied
        .notice
        .as_deref()
        .is_some_and(|n| n.starts_with("Nothing was changed")));
}

#[test]
fn what_if_needs_a_current_analysis() {
    let start = playground_with(MESSY);
    let refused = edit(start, &oversized()).reduce(Action::Analyse);
    let asked = refused.reduce(Action::WhatIf(
        gomod::analyze::what_if::WhatIfRequest::Raise {
            path: "example.com/x".to_owned(),
            version: "v1.0.0".to_owned(),
        },
    ));
    assert!(asked.what_if.is_none());
}

#[test]
fn restored_input_replaces_only_an_untouched_example() {
    let saved = vec![EditorFile::new(GO_MOD, "module example.com/saved\n")];
    let settings = default_settings();
    // Nothing of the user's on the page: the saved input replaces the example.
    let fresh = Rc::new(Playground::open(None));
    assert!(fresh.example.is_some());
    let restored = Rc::clone(&fresh).reduce(Action::RestoreSaved {
        files: saved.clone(),
        settings: settings.clone(),
    });
    assert_eq!(go_mod_text(&restored), "module example.com/saved\n");
    // The user's own text is there (typed, or from a link): it stays, and the saved input is
    // one the undo stack reaches.
    let typed = edit(fresh, "module example.com/typed\n");
    let restored = typed.reduce(Action::RestoreSaved {
        files: saved,
        settings,
    });
    assert_eq!(go_mod_text(&restored), "module example.com/typed\n");
    let mut p = (*restored).clone();
    while !p.undo.is_empty() {
        p.apply(Action::Undo);
    }
    assert_eq!(go_mod_text(&p), "module example.com/saved\n");
}
